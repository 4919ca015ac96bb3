/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * terms.c -- term statistics over the selectable sentences, the stage
 * scoring, keywords and quotes all read (pipeline.h).
 *
 * A term's weight is tf x idf, with idf from the language's background
 * model when loaded (the lexicon works it out from the stem's document
 * frequency) and from in-document sentence frequencies otherwise.
 */
#include "doc.h"
#include "pipeline.h"
#include "weights.h"

/* Sentence frequencies below this have their idf worked out once. */
#define SF_MEMO 16

/* Frequencies, first occurrences and idf over the selectable text. */
int term_stats(doc *d)
{
    for (size_t i = 0; i < d->nsents; i++) {
        const doc_sentence *s = &d->sents[i];
        if (s->excluded)
            continue;
        for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
            doc_term *t = &d->terms[d->toks[k].term];
            if (t->first == UINT32_MAX)
                t->first = k;
            if (k > s->tok_begin && t->first_inner == UINT32_MAX)
                t->first_inner = k;
        }
        for (uint32_t k = 0; k < s->nvec; k++) {
            doc_term *t = &d->terms[s->vec[k].term];
            t->tf += s->vec[k].count;
            t->sf++;
        }
    }
    const lang *l = d->lang;
    int model = l && l->idf_docs;
    /* Without a model, idf counts documents as the selectable sentences
     * (none: every idf is 1), lidf as at least one. */
    double n = (double)d->selectable, sentences = n > 0 ? n : 1;
    /* Both depend on the sentence frequency alone, and most terms are
     * in one to a few sentences: each value is worked out once (the
     * logarithms were a twentieth of the engine's instructions). */
    float idf_by_sf[SF_MEMO], lidf_by_sf[SF_MEMO];
    for (size_t k = 0; k < SF_MEMO; k++) {
        idf_by_sf[k] = smoothed_idf(n, (double)k);
        lidf_by_sf[k] = smoothed_idf(sentences, (double)k);
    }
    for (size_t i = 0; i < d->nterms; i++) {
        doc_term *t = &d->terms[i];
        int memo = t->sf < SF_MEMO;
        t->lidf = memo ? lidf_by_sf[t->sf] : smoothed_idf(sentences, t->sf);
        t->idf = model  ? t->model_idf
                 : memo ? idf_by_sf[t->sf]
                        : smoothed_idf(n, t->sf);
    }
    return PRECIS_OK;
}
