/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * keywords.h -- key terms and phrases of a document.
 */
#ifndef PRECIS_KEYWORDS_H
#define PRECIS_KEYWORDS_H

#include "doc.h"

typedef struct kw_candidate {
    uint32_t terms[3];  /* term indexes, nterms of them */
    uint32_t count;     /* occurrences in selectable sentences */
    uint32_t first_tok; /* token where the shown occurrence starts; it
                           ends nterms - 1 tokens later (adjacent ones) */
    uint8_t nterms;
    double score;
} kw_candidate; /* 32 bytes: a long text has one per phrase it holds */

static inline uint32_t kw_last_tok(const kw_candidate *c)
{
    return c->first_tok + c->nterms - 1u;
}

#endif
