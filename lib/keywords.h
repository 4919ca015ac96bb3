/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * keywords.h -- key terms and phrases of a document.
 */
#ifndef PRECIS_KEYWORDS_H
#define PRECIS_KEYWORDS_H

#include "doc.h"

typedef struct kw_candidate {
    uint32_t terms[3]; /* term indexes; unused slots UINT32_MAX */
    uint32_t nterms;
    uint32_t count;     /* occurrences in selectable sentences */
    uint32_t first_tok; /* token where the shown occurrence starts */
    uint32_t last_tok;  /* token where it ends (inclusive) */
    double score;
} kw_candidate;

#endif
