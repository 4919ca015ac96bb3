/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * keywords.h -- key terms and phrases of a document.
 */
#ifndef PRECIS_KEYWORDS_H
#define PRECIS_KEYWORDS_H

#include "doc.h"

typedef struct kw_candidate {
    double score;
    uint32_t count;     /* occurrences in selectable sentences */
    uint32_t first_tok; /* token where the shown occurrence starts; it
                           ends nterms - 1 tokens later (adjacent ones),
                           and its terms are those tokens' (kw_term) */
    uint8_t nterms;
} kw_candidate; /* 24 bytes: a long text has one per phrase it holds */

/* The i-th term of candidate c of document d. */
static inline uint32_t kw_term(const doc *d, const kw_candidate *c,
                               uint32_t i)
{
    return d->toks[c->first_tok + i].term;
}

static inline uint32_t kw_last_tok(const kw_candidate *c)
{
    return c->first_tok + c->nterms - 1u;
}

#endif
