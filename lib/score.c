/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * score.c -- sentence salience.
 *
 * Term weights are tf x idf over the selectable sentences (terms.c).
 * A sentence scores by the weight of
 * its terms (salience), its cosine to the document centroid (centrality),
 * its summed similarity to the other sentences (graph), its position,
 * its overlap with the title, and a length prior, weighed by the lede or
 * the body profile as the summary is short or long; see weights.h for
 * the constants and docs/engine.md for the reasoning.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "pipeline.h"
#include "weights.h"

/* The norms of a sentence's vector weighed by (1 + ln tf) x idf, with
 * the background idf (w) and with the idf among the document's
 * sentences (lw). */
static void weigh_vector(const doc *d, doc_sentence *s)
{
    double sq = 0, lsq = 0;
    for (uint32_t k = 0; k < s->nvec; k++) {
        const vec_entry *e = &s->vec[k];
        float w = vec_w(d, e), lw = vec_lw(d, e);
        sq += (double)w * w;
        lsq += (double)lw * lw;
    }
    s->norm = (float)sqrt(sq);
    s->local_norm = (float)sqrt(lsq);
}

/* The weights of the features, blended between the lede profile (short
 * summaries: the top of the inverted pyramid) and the body profile
 * (long ones: what the rest of the story keeps coming back to) by the
 * share of the document the summary covers. */
typedef struct feature_weights {
    double salience, centrality, graph, position, title, paragraph;
    double quoted; /* factor for a sentence all inside quotation marks */
} feature_weights;

static feature_weights weights_for(double coverage)
{
    static const feature_weights lede = {W_SALIENCE, W_CENTRALITY,
                                         W_GRAPH,    W_POSITION,
                                         W_TITLE,    W_PARAGRAPH,
                                         W_QUOTED};
    static const feature_weights body = {B_SALIENCE, B_CENTRALITY,
                                         B_GRAPH,    B_POSITION,
                                         B_TITLE,    B_PARAGRAPH,
                                         B_QUOTED};
    double t = (coverage - COVERAGE_LEDE) / (COVERAGE_BODY - COVERAGE_LEDE);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return (feature_weights){
        lede.salience + t * (body.salience - lede.salience),
        lede.centrality + t * (body.centrality - lede.centrality),
        lede.graph + t * (body.graph - lede.graph),
        lede.position + t * (body.position - lede.position),
        lede.title + t * (body.title - lede.title),
        lede.paragraph + t * (body.paragraph - lede.paragraph),
        lede.quoted + t * (body.quoted - lede.quoted)};
}

static double length_prior(uint32_t words)
{
    if (words < LENGTH_SHORT)
        return (double)words / LENGTH_SHORT;
    if (words > LENGTH_LONG)
        return (double)LENGTH_LONG / words;
    return 1.0;
}

int score_sentences(doc *d, double coverage)
{
    double centroid_sq = 0;
    for (size_t i = 0; i < d->nterms; i++) {
        double w = doc_term_weight(&d->terms[i]);
        centroid_sq += w * w;
    }
    double centroid_norm = sqrt(centroid_sq);

    /* Three features by sentence and the spread by term, one block. */
    size_t n = d->nsents ? d->nsents : 1;
    double *salience = mem_malloc((3 * n + d->nterms) * sizeof *salience);
    if (!salience)
        return PRECIS_ENOMEM;
    double *centrality = salience + n, *graph = salience + 2 * n;
    double *spread = salience + 3 * n;
    memset(spread, 0, d->nterms * sizeof *spread);
    /* Graph centrality: the summed cosine of a sentence to every other
     * one (the degree of the similarity graph TextRank walks) is its
     * cosine to the sum of all unit sentence vectors, minus itself --
     * linear, not quadratic.  How sentences of one document resemble
     * each other is a question about that document, so these vectors
     * weigh words by their idf among its sentences (local), where
     * salience uses the background model: a word in every sentence of
     * this article links nothing, however rare in news at large. */
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        weigh_vector(d, s);
        if (s->excluded || s->local_norm == 0)
            continue;
        for (uint32_t k = 0; k < s->nvec; k++)
            spread[s->vec[k].term] += vec_lw(d, &s->vec[k]) / s->local_norm;
    }
    const feature_weights w = weights_for(coverage);
    double best = 0;
    double max_salience = 0, max_centrality = 0, max_graph = 0;
    size_t last_paragraph = SIZE_MAX;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        salience[i] = 0;
        graph[i] = 0;
        if (s->excluded)
            continue;
        /* The three sums over the sentence's terms in one pass, each
         * added in the order it always was. */
        double graph_dot = 0, sum = 0, centre_dot = 0;
        for (uint32_t k = 0; k < s->nvec; k++) {
            const vec_entry *e = &s->vec[k];
            const doc_term *t = &d->terms[e->term];
            float tf = vec_tf(e), weight = doc_term_weight(t);
            graph_dot += tf * t->lidf * spread[e->term];
            sum += weight;
            centre_dot += (double)(tf * t->idf) * weight;
        }
        if (s->local_norm > 0) {
            graph[i] = graph_dot / s->local_norm - 1;
            if (graph[i] > max_graph)
                max_graph = graph[i];
        }
        salience[i] =
            sum /
            (s->nvec > SALIENCE_MIN_TERMS ? s->nvec : SALIENCE_MIN_TERMS);
        if (salience[i] > max_salience)
            max_salience = salience[i];
        centrality[i] = 0;
        if (s->norm > 0 && centroid_norm > 0)
            centrality[i] = centre_dot / (s->norm * centroid_norm);
        if (centrality[i] > max_centrality)
            max_centrality = centrality[i];
    }
    /* rank: the sentence's position among the selectable ones. */
    for (size_t i = 0, rank = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        if (s->excluded) {
            s->score = 0;
            continue;
        }
        double title = d->ntitle
                           ? (double)vec_overlap(s->vec, s->nvec, d->title, d->ntitle) /
                                 d->ntitle
                           : 0;
        double position = 1.0 / (1.0 + (double)rank++ / POSITION_HALF);
        int para_start = s->seg.paragraph != last_paragraph;
        last_paragraph = s->seg.paragraph;
        double sal = max_salience > 0 ? salience[i] / max_salience : 0;
        double form = s->seg.terminated ? 1.0 : UNTERMINATED_FACTOR;
        double topical =
            max_centrality > 0 ? centrality[i] / max_centrality : 1.0;
        form *= TOPIC_FLOOR + (1 - TOPIC_FLOOR) * topical;
        form *= 1 - (1 - w.quoted) * s->quoted;
        double deg = max_graph > 0 ? graph[i] / max_graph : 0;
        s->score = form * length_prior(doc_sentence_words(s)) *
                   (w.salience * sal + w.centrality * centrality[i] +
                    w.graph * deg + w.position * position + w.title * title +
                    w.paragraph * para_start);
        if (s->score > best)
            best = s->score;
    }
    /* Relative to the best sentence, which scores 1. */
    for (size_t i = 0; i < d->nsents && best > 0; i++)
        d->sents[i].score /= best;
    mem_free(salience);
    return PRECIS_OK;
}
