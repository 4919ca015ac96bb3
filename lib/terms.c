/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * terms.c -- term statistics over the selectable sentences, the stage
 * scoring, keywords and quotes all read (pipeline.h).
 *
 * A term's weight is tf x idf, with idf from the language's background
 * model when loaded (the document frequency the lexicon found for it)
 * and from in-document sentence frequencies otherwise.
 */
#include <math.h>

#include "doc.h"
#include "pipeline.h"

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
    double n = l && l->idf_docs ? l->idf_docs : (double)d->selectable;
    double sentences = d->selectable ? (double)d->selectable : 1;
    for (size_t i = 0; i < d->nterms; i++) {
        doc_term *t = &d->terms[i];
        double df = t->sf;
        if (l && l->idf_docs)
            df = t->df;
        if (df > n)
            df = n;
        t->idf = (float)(log((n + 1) / (df + 1)) + 1);
        t->lidf = (float)(log((sentences + 1) / (t->sf + 1)) + 1);
        t->weight = t->stop ? 0 : (float)t->tf * t->idf;
    }
    return PRECIS_OK;
}
