/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dependence.c -- the sentences that need the one before them.
 *
 * Taken alone into a summary, "He also stated..." or "But..." reads as
 * if the sentence naming "he" or saying what "but" answers were there,
 * and a sentence that opens inside a quotation begun before it reads
 * as the writer's words.  Published human evaluation of extractive
 * summaries (Zhang, Wan and Bansal, ACL 2023) counts these as the most
 * common unfaithfulness of systems that leave the lede; select.c takes
 * such a sentence only with the one before (or after) it.  The openings are data
 * (dependent/XX.txt): third-person pronouns and connectives, and the
 * openings that begin so yet stand alone ("Il y a"), the longest
 * matched deciding.
 */
#include <string.h>

#include "engine.h"
#include "pipeline.h"
#include "tokenize.h"

/* Whether the sentence opens with a LEANS_BACK entry that no longer
 * LEANS_NOT one overrides. */
static int opens_leaning(const strmap *m, const char *text,
                         const seg_sentence *seg)
{
    tokenizer t;
    token tok;
    char key[PHRASE_KEY_SIZE];
    size_t n = 0;
    int leans = 0;
    tokenizer_init(&t, text, seg->start, seg->end);
    for (int w = 0; w < PHRASE_MAX_WORDS && tokenizer_next(&t, &tok) &&
                    phrase_append(key, &n, sizeof key, t.fold, tok.fold_len);
         w++) {
        const uint32_t *v = strmap_get(m, key, n);
        if (!v)
            break; /* no entry begins so */
        if (*v & LEANS_MASK)
            leans = (*v & LEANS_MASK) == LEANS_BACK;
        if (!(*v & LEANS_LONGER))
            break;
    }
    return leans;
}

void dependence_mark(doc *d, const qspan *qs, size_t count)
{
    const strmap *m =
        d->lang && d->lang->dependent.count ? &d->lang->dependent : NULL;
    size_t k = 0;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        size_t at = s->seg.start, end = s->seg.end;
        while (k < count && qs[k].end <= at)
            k++;
        int opens_inside = 0, ends_inside = 0;
        for (size_t j = k; j < count && qs[j].open < end; j++) {
            if (qs[j].fragment)
                continue;
            opens_inside |= qs[j].start < at && at < qs[j].end;
            ends_inside |= qs[j].start < end && end < qs[j].end;
        }
        s->leans = opens_inside || (m && opens_leaning(m, d->text, &s->seg));
        s->runs_on = ends_inside;
    }
}
