/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * keywords.h -- key terms and phrases of a document.
 */
#ifndef PRECIS_KEYWORDS_H
#define PRECIS_KEYWORDS_H

#include "doc.h"
#include "precis.h"

typedef struct kw_candidate {
    double score;
    uint32_t count;          /* occurrences in selectable sentences */
    uint32_t first_tok : 30; /* token where the shown occurrence starts;
                                it ends nterms - 1 tokens later (adjacent
                                ones), and its terms are those tokens'
                                (kw_term) */
    uint32_t nterms : 2;     /* 1 to 3 */
} kw_candidate; /* 16 bytes: a long text has one per phrase it holds */

/* Token numbers fit 30 bits: a token and what ends it take two bytes at
 * least (a CJK bigram's character three). */
_Static_assert(PRECIS_MAX_INPUT <= (size_t)1 << 30, "first_tok's bits");
_Static_assert(sizeof(kw_candidate) == 16, "a candidate per phrase");

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
