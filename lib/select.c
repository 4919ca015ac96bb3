/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * select.c -- choosing the summary: Maximal Marginal Relevance over the
 * best-scoring sentences, until the budget is spent.
 *
 * MMR (Carbonell & Goldstein, 1998) picks, at each step, the sentence
 * maximising (1 - lambda) * score - lambda * max cosine to those already
 * chosen, so a second sentence restating the first loses to one that
 * adds something.  The pool is capped (MMR_POOL) to keep the cost
 * independent of document length.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "select.h"

#include "alloc.h"
#include "pipeline.h"
#include "weights.h"

static int by_score_desc(const void *a, const void *b)
{
    const doc_sentence *x = *(doc_sentence *const *)a;
    const doc_sentence *y = *(doc_sentence *const *)b;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->seg.start < y->seg.start ? -1 : x->seg.start > y->seg.start;
}

static int by_position(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether two sentences of one document say the same thing weighs
 * words by their idf among its sentences (lw), as graph centrality
 * does: a word every sentence shares makes none a restatement. */
static double cosine(const doc *d, const doc_sentence *a,
                     const doc_sentence *b)
{
    if (a->local_norm == 0 || b->local_norm == 0)
        return 0;
    float dot = vec_local_dot(d, a->vec, a->nvec, b->vec, b->nvec);
    return dot / (a->local_norm * b->local_norm);
}

double budget_coverage(const doc *d, int budget, double value)
{
    if (d->selectable == 0 || d->total_words == 0)
        return 0;
    double share;
    if (budget == PRECIS_BUDGET_SENTENCES)
        share = value / (double)d->selectable;
    else if (budget == PRECIS_BUDGET_WORDS)
        share = value / (double)d->total_words;
    else
        share = value;
    if (share > 1)
        share = 1;
    /* A lede is a few sentences, whatever share of a short text they are. */
    if (share * (double)d->selectable <= LEDE_SENTENCES)
        return 0;
    return share;
}

/* select_sentences()'s marks of the pool's candidates. */
enum { USED = 1, WAITING = 2 };

/* The selectable sentence next to sentence i in direction step (-1 or
 * +1), or SIZE_MAX. */
static size_t next_selectable(const doc *d, size_t i, int step)
{
    for (;;) {
        if (step < 0 ? i == 0 : i + 1 >= d->nsents)
            return SIZE_MAX;
        i = step < 0 ? i - 1 : i + 1;
        if (!d->sents[i].excluded)
            return i;
    }
}

/* What sentence i needs with it so the summary reads (dependence.c):
 * into need[], the sentences it leans back on and those its quotation
 * runs on into, which the summary lacks.  Returns how many, or
 * SIZE_MAX when that is more than most.  A sentence leaning on nothing
 * (the text's first) needs nothing: there is nothing to add. */
static size_t needed_with(const doc *d, size_t i, const char *in_summary,
                          size_t most, size_t *need)
{
    size_t n = 0;
    for (int step = -1; step <= 1; step += 2) {
        size_t at = i;
        while (step < 0 ? d->sents[at].leans : d->sents[at].runs_on) {
            size_t p = next_selectable(d, at, step);
            if (p == SIZE_MAX || in_summary[p])
                break;
            if (n == most)
                return SIZE_MAX;
            need[n++] = p;
            at = p;
        }
    }
    return n;
}

/* The most similar of the chosen sentences to s, by cosine. */
static double max_similarity(const doc *d, const doc_sentence *s,
                             const size_t *chosen, size_t n)
{
    double sim = 0;
    for (size_t j = 0; j < n; j++) {
        double c = cosine(d, s, &d->sents[chosen[j]]);
        if (c > sim)
            sim = c;
    }
    return sim;
}

int select_sentences(const doc *d, int budget, double value, double lambda,
                     size_t **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    /* The pool of candidates, the chain a candidate needs, and the flags
     * by candidate (used) and by sentence (in_summary), in one block:
     * each allocation had cost more than filling its array. */
    size_t sel = d->selectable ? d->selectable : 1;
    size_t pool_room = sel < MMR_POOL ? sel : MMR_POOL;
    size_t flags = pool_room + d->nsents;
    doc_sentence **pool = mem_malloc(sel * (sizeof *pool + sizeof(size_t)) +
                                     flags);
    if (!pool)
        return PRECIS_ENOMEM;
    size_t *need = (size_t *)(pool + sel);
    char *used = (char *)(need + sel);
    memset(used, 0, flags);
    size_t pool_n = 0;
    for (size_t i = 0; i < d->nsents; i++)
        if (!d->sents[i].excluded)
            pool[pool_n++] = &d->sents[i];
    qsort(pool, pool_n, sizeof *pool, by_score_desc);
    if (pool_n > MMR_POOL)
        pool_n = MMR_POOL;

    size_t max_sentences = d->selectable;
    double max_words = INFINITY;
    if (budget == PRECIS_BUDGET_SENTENCES)
        max_sentences = value < (double)pool_n ? (size_t)value : pool_n;
    else if (budget == PRECIS_BUDGET_WORDS)
        max_words = value;
    else
        max_words = value * (double)d->total_words;

    /* A sentence's predecessors may lie outside the pool: chosen holds
     * up to every selectable sentence, in_summary is by sentence. */
    size_t *chosen =
        mem_malloc((max_sentences ? max_sentences : 1) * sizeof *chosen);
    char *in_summary = used + pool_room;
    if (!chosen) {
        mem_free(pool);
        return PRECIS_ENOMEM;
    }
    /* A chain longer than LEAN_CHAIN_MAX is taken only when nothing
     * else is left and it fits: a summary of the whole text holds every
     * sentence of a long quotation. */
    size_t most = LEAN_CHAIN_MAX;
    double top = pool_n ? pool[0]->score : 0;
    size_t n = 0, words = 0;
    while (n < max_sentences && (double)words < max_words) {
        size_t best = SIZE_MAX;
        double best_mmr = -INFINITY;
        for (size_t k = 0; k < pool_n; k++) {
            if (used[k])
                continue;
            if (in_summary[pool[k] - d->sents]) { /* came with another */
                used[k] = USED;
                continue;
            }
            /* lambda 0 is no redundancy control at all: restatements
             * are neither weighed against nor skipped. */
            double sim =
                lambda > 0 ? max_similarity(d, pool[k], chosen, n) : 0;
            if (sim > MMR_MAX_SIMILARITY) {
                used[k] = USED;
                continue;
            }
            double rel = top > 0 ? pool[k]->score / top : 0;
            double mmr = (1 - lambda) * rel - lambda * sim;
            if (mmr > best_mmr) {
                best_mmr = mmr;
                best = k;
            }
        }
        if (best == SIZE_MAX) {
            int waiting = 0;
            for (size_t k = 0; k < pool_n; k++) {
                waiting |= used[k] == WAITING;
                used[k] &= USED;
            }
            if (!waiting || most == SIZE_MAX)
                break;
            most = SIZE_MAX;
            continue;
        }
        size_t i = (size_t)(pool[best] - d->sents);
        /* What it needs comes with it and must leave room for it: a
         * chain that does not fit, or restates the summary, waits while
         * the next best is tried; once a sentence comes in (perhaps one
         * of that chain) it is weighed again. */
        size_t nneed = needed_with(d, i, in_summary, most, need);
        size_t more = 0;
        int fits = nneed != SIZE_MAX && n + nneed + 1 <= max_sentences;
        for (size_t j = 0; fits && j < nneed; j++) {
            more += doc_sentence_words(&d->sents[need[j]]);
            fits = lambda <= 0 || max_similarity(d, &d->sents[need[j]], chosen,
                                                 n) <= MMR_MAX_SIMILARITY;
        }
        if (!fits || (nneed && (double)(words + more) >= max_words)) {
            used[best] = WAITING;
            continue;
        }
        for (size_t j = 0; j < nneed; j++) {
            in_summary[need[j]] = 1;
            chosen[n++] = need[j];
        }
        in_summary[i] = 1;
        chosen[n++] = i;
        words += more + doc_sentence_words(pool[best]);
        for (size_t k = 0; k < pool_n; k++)
            used[k] &= USED;
    }
    /* A summary of one sentence read out of its context is better than
     * none (a text all of one long quotation, say): the best. */
    if (n == 0 && pool_n > 0 && max_sentences > 0)
        chosen[n++] = (size_t)(pool[0] - d->sents);
    mem_free(pool);
    qsort(chosen, n, sizeof *chosen, by_position);
    *out = chosen;
    *count = n;
    return PRECIS_OK;
}
