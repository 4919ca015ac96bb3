/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lang.c -- language identification by stop-word overlap.
 *
 * Function words are the most frequent words of any text and differ
 * between languages, so counting how many tokens of the first 16 KiB
 * (some 2,500 words) are stop words of each loaded language identifies
 * news text reliably, at one hash lookup per token in the engine's
 * combined stop-word map.  A word that is a stop word in k languages
 * ("de", "a", "la") gives each 1/k, so the languages with long lists do
 * not win on words every list has.
 */
#include "doc.h"
#include "tokenize.h"

#define DETECT_BYTES (16 * 1024)
/* Fewer stop words than this, or under 1 token in 20, is no evidence:
 * short titles, lists of names, CJK text. */
#define DETECT_MIN_HITS 3
#define DETECT_MIN_SHARE 20

const lang *lang_detect(const precis_engine_t *e, const char *text, size_t len)
{
    double hits[ENGINE_MAX_LANGS] = {0};
    size_t matches = 0;
    size_t n = e->nlangs;
    size_t tokens = 0;
    tokenizer t;
    token tok;
    tokenizer_init(&t, text, 0, len < DETECT_BYTES ? len : DETECT_BYTES);
    while (tokenizer_next(&t, &tok)) {
        if (tok.flags & (TOK_NUMBER | TOK_CJK)) {
            tokens += (tok.flags & TOK_CJK) != 0;
            continue;
        }
        tokens++;
        const uint32_t *mask =
            strmap_get(&e->stop_langs, t.fold, tok.fold_len);
        if (!mask)
            continue;
        double share = 1.0 / __builtin_popcount(*mask);
        for (size_t i = 0; i < n; i++)
            if (*mask & (1u << i))
                hits[i] += share;
        matches++;
    }
    size_t best = 0;
    for (size_t i = 1; i < n; i++)
        if (hits[i] > hits[best])
            best = i;
    if (n == 0 || matches < DETECT_MIN_HITS ||
        matches * DETECT_MIN_SHARE < tokens || hits[best] == 0)
        return NULL;
    return &e->langs[best];
}
