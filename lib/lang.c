/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lang.c -- language identification by stop-word overlap.
 *
 * Function words are the most frequent words of any text and differ
 * between languages, so counting how many tokens of the first 16 KiB
 * (some 2,500 words) are stop words of each loaded language identifies
 * news text reliably.  doc.c tokenizes the text once for every stage and
 * hands over each distinct word of that opening with its count, so this
 * costs one lookup per distinct word in the engine's combined stop-word
 * map.  A word that is a stop word in k languages ("de", "a", "la")
 * gives each 1/k, so the languages with long lists do not win on words
 * every list has.
 */
#include "lang.h"

#include "doc.h"

/* Fewer stop words than this, or under 1 token in 20, is no evidence:
 * short titles, lists of names, CJK text. */
#define DETECT_MIN_HITS 3
#define DETECT_MIN_SHARE 20

void lang_vote(const precis_engine_t *e, lang_votes *v, const char *fold,
               size_t len, uint32_t hash, uint32_t times)
{
    if (!stop_filter_has(e->stop_filter, hash))
        return; /* no language's stop word */
    const uint32_t *mask = strmap_get_hashed(&e->stop_langs, fold, len, hash);
    if (!mask)
        return;
    /* Whole parts, so the order words come in changes no sum (a double
     * share had to be added once per occurrence for that). */
    uint64_t share = LANG_VOTE_WHOLE / (uint64_t)__builtin_popcount(*mask);
    /* Added times 0 or 1, not under a branch on each language's bit. */
    for (size_t i = 0; i < e->nlangs; i++)
        v->hits[i] += share * times * (*mask >> i & 1);
    v->matches += times;
}

const lang *lang_choose(const precis_engine_t *e, const lang_votes *v)
{
    size_t n = e->nlangs, best = 0;
    for (size_t i = 1; i < n; i++)
        if (v->hits[i] > v->hits[best])
            best = i;
    if (n == 0 || v->matches < DETECT_MIN_HITS ||
        v->matches * DETECT_MIN_SHARE < v->tokens || v->hits[best] == 0)
        return NULL;
    return &e->langs[best];
}
