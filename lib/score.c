/*
 * score.c -- sentence salience.
 *
 * Term weights are tf x idf over the selectable sentences, with idf from
 * the language's background model when loaded and from in-document
 * sentence frequencies otherwise.  A sentence scores by the weight of
 * its terms (salience), its cosine to the document centroid (centrality),
 * its position, its overlap with the title, and a length prior; see
 * weights.h for the constants and docs/engine.md for the reasoning.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "weights.h"

/* Frequencies, first occurrences and idf over the selectable text. */
static void term_stats(doc *d)
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
            t->tf += (uint32_t)s->vec[k].w;
            t->sf++;
        }
    }
    const lang *l = d->lang;
    double n = l && l->idf_docs ? l->idf_docs : (double)d->selectable;
    for (size_t i = 0; i < d->nterms; i++) {
        doc_term *t = &d->terms[i];
        double df = t->sf;
        if (l && l->idf_docs) {
            const uint32_t *v = strmap_get(&l->idf, t->stem, strlen(t->stem));
            df = v ? *v : 0;
        }
        if (df > n)
            df = n;
        t->idf = (float)(log((n + 1) / (df + 1)) + 1);
        t->weight = t->stop ? 0 : (float)t->tf * t->idf;
    }
}

/* Turn occurrence counts into (1 + ln tf) x idf and compute the norm. */
static void weigh_vector(const doc *d, doc_sentence *s)
{
    double sq = 0;
    for (uint32_t k = 0; k < s->nvec; k++) {
        vec_entry *e = &s->vec[k];
        e->w = (1.0f + logf(e->w)) * d->terms[e->term].idf;
        sq += (double)e->w * e->w;
    }
    s->norm = (float)sqrt(sq);
}

static double length_prior(uint32_t words)
{
    if (words < LENGTH_SHORT)
        return (double)words / LENGTH_SHORT;
    if (words > LENGTH_LONG)
        return (double)LENGTH_LONG / words;
    return 1.0;
}

int score_sentences(doc *d)
{
    term_stats(d);
    double centroid_sq = 0;
    for (size_t i = 0; i < d->nterms; i++)
        centroid_sq += (double)d->terms[i].weight * d->terms[i].weight;
    double centroid_norm = sqrt(centroid_sq);

    size_t n = d->nsents ? d->nsents : 1;
    double *salience = malloc(2 * n * sizeof *salience);
    if (!salience)
        return PRECIS_ENOMEM;
    double *centrality = salience + n;
    double max_salience = 0, max_centrality = 0;
    uint32_t rank = 0;
    size_t last_paragraph = SIZE_MAX;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        weigh_vector(d, s);
        salience[i] = 0;
        if (s->excluded)
            continue;
        s->rank = rank++;
        double sum = 0;
        for (uint32_t k = 0; k < s->nvec; k++)
            sum += d->terms[s->vec[k].term].weight;
        salience[i] =
            sum /
            (s->nvec > SALIENCE_MIN_TERMS ? s->nvec : SALIENCE_MIN_TERMS);
        if (salience[i] > max_salience)
            max_salience = salience[i];
        centrality[i] = 0;
        if (s->norm > 0 && centroid_norm > 0) {
            double dot = 0;
            for (uint32_t k = 0; k < s->nvec; k++)
                dot += (double)s->vec[k].w * d->terms[s->vec[k].term].weight;
            centrality[i] = dot / (s->norm * centroid_norm);
        }
        if (centrality[i] > max_centrality)
            max_centrality = centrality[i];
    }
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (s->excluded) {
            s->score = 0;
            continue;
        }
        double title = d->ntitle
                           ? (double)vec_overlap(s->vec, s->nvec, d->title,
                                                 d->ntitle, NULL) /
                                 d->ntitle
                           : 0;
        double position = 1.0 / (1.0 + s->rank / POSITION_HALF);
        int para_start = s->seg.paragraph != last_paragraph;
        last_paragraph = s->seg.paragraph;
        double sal = max_salience > 0 ? salience[i] / max_salience : 0;
        double form = s->seg.terminated ? 1.0 : UNTERMINATED_FACTOR;
        double topical =
            max_centrality > 0 ? centrality[i] / max_centrality : 1.0;
        form *= TOPIC_FLOOR + (1 - TOPIC_FLOOR) * topical;
        s->score = form * length_prior(s->words) *
                   (W_SALIENCE * sal + W_CENTRALITY * centrality[i] +
                    W_POSITION * position + W_TITLE * title +
                    W_PARAGRAPH * para_start);
    }
    free(salience);
    return PRECIS_OK;
}
