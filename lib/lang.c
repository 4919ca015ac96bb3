/*
 * lang.c -- language identification by stop-word overlap.
 *
 * Function words are the most frequent words of any text and differ
 * between languages, so counting how many tokens of the first 64 KiB
 * are stop words of each loaded language identifies news text reliably
 * at a cost of one hash lookup per token and language.  A word that is
 * a stop word in k languages ("de", "a", "la") gives each 1/k, so the
 * languages with long lists do not win on words every list has.
 */
#include "doc.h"
#include "tokenize.h"

#define DETECT_BYTES (64 * 1024)
/* Fewer stop words than this, or under 1 token in 20, is no evidence:
 * short titles, lists of names, CJK text. */
#define DETECT_MIN_HITS 3
#define DETECT_MIN_SHARE 20

const lang *lang_detect(const precis_engine_t *e, const char *text,
                        size_t len)
{
    double hits[64] = {0};
    size_t matches = 0;
    size_t n = e->nlangs < 64 ? e->nlangs : 64;
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
        unsigned char in[64];
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            in[i] = strmap_get(&e->langs[i].stop, t.fold, tok.fold_len) != NULL;
            k += in[i];
        }
        for (size_t i = 0; k && i < n; i++)
            hits[i] += in[i] ? 1.0 / (double)k : 0;
        matches += k > 0;
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
