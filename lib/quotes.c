/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * quotes.c -- from quotation marks to ranked key quotes.
 *
 * quote_marks.c finds the quotations, attribution.c their speakers;
 * here a quotation with no cue of its own continues the speaker of the
 * one before it in the paragraph ("“…,” Paul said. “Add the credit.”")
 * or, when it opens a paragraph, in the paragraph before.  Then each is
 * scored:
 *
 *   salience   tf-idf cosine of its words with the whole document's
 *   sentence   the score of the sentence holding it
 *   length     statements of a few words say little
 *   whole      whole sentences in the speaker's words carry more voice
 *              than a clause worked into the writer's sentence
 *   prominence how many quotations its speaker has in the document
 *
 * Unattributed quotes rank lower; a quote repeating words of a better
 * one (a pull quote, the same line in a caption) is dropped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "engine.h"
#include "pipeline.h"
#include "quotes.h"

/* Weights of the features, set by hand on the sample article (no
 * corpus here ranks quotes): salience separates the quotes a reader
 * wants from asides best, whole sentences and the main speakers next.
 * The sentence score is relative to the best sentence (score.c), so
 * every feature is in [0, 1].  docs/quotes.md has the reasoning. */
#define QW_SALIENCE 0.35
#define QW_SENTENCE 0.15
#define QW_LENGTH 0.10
#define QW_WHOLE 0.15
#define QW_PROMINENCE 0.25
#define UNATTRIBUTED_FACTOR 0.7
/* Words at which a quotation counts as fully developed. */
#define FULL_LENGTH 8.0
/* A repeat: the same line twice with small changes (shared terms over
 * all terms of both), or an excerpt of a longer quote (its terms all
 * but contained in the other).  Two statements on one topic share
 * far less. */
#define DUPLICATE_SHARED 0.6
#define DUPLICATE_CONTAINED 0.9
/* Fewer content terms than this say too little to call a quote an
 * excerpt: "unhinged, even for him" beside "... meltdown is unhinged". */
#define MIN_EXCERPT_TERMS 4
#define MAX_QUOTE_TERMS 256

typedef struct terms {
    uint32_t *ids; /* sorted, unique */
    size_t n;
} terms;

static int by_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The quotation's content terms and their tf-idf cosine with the
 * document (without the document's norm, the same for every quote). */
static double salience(const doc *d, const quote *q, terms *out)
{
    uint32_t ids[MAX_QUOTE_TERMS];
    size_t n = 0;
    for (size_t k = doc_token_at(d, q->marks.start);
         k < d->ntoks && doc_token_end(&d->toks[k]) <= q->marks.end && n < MAX_QUOTE_TERMS;
         k++)
        if (!d->toks[k].stop)
            ids[n++] = d->toks[k].term;
    qsort(ids, n, sizeof *ids, by_id);
    double dot = 0, norm = 0;
    size_t u = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && ids[j] == ids[i])
            j++;
        const doc_term *term = &d->terms[ids[i]];
        double w = (double)(j - i) * term->idf;
        dot += w * doc_term_weight(term);
        norm += w * w;
        ids[u++] = ids[i];
        i = j;
    }
    out->n = 0;
    out->ids = u ? mem_malloc(u * sizeof *out->ids) : NULL;
    if (out->ids) {
        memcpy(out->ids, ids, u * sizeof *ids);
        out->n = u;
    }
    return norm > 0 ? dot / sqrt(norm) : 0;
}

static int repeats(const terms *a, const terms *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->ids[i] == b->ids[j]) {
            common++;
            i++;
            j++;
        } else if (a->ids[i] < b->ids[j]) {
            i++;
        } else {
            j++;
        }
    }
    size_t smaller = a->n < b->n ? a->n : b->n;
    size_t both = a->n + b->n - common;
    return smaller > 0 &&
           ((double)common >= DUPLICATE_SHARED * (double)both ||
            (smaller >= MIN_EXCERPT_TERMS &&
             (double)common >= DUPLICATE_CONTAINED * (double)smaller));
}

/* Only spaces and line breaks between from and to: "»…« »…«", two turns
 * of a dialogue. */
static int only_space(const doc *d, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (d->text[i] != ' ' && d->text[i] != '\n')
            return 0;
    return 1;
}

/* Find, attribute and drop what lies in excluded sentences. */
static int collect(const doc *d, const qspan *qs, size_t nq, quote **out,
                   size_t *count)
{
    *out = NULL;
    *count = 0;
    if (nq == 0)
        return PRECIS_OK;
    attributor *a = attributor_new(d, qs, nq);
    quote *items = mem_malloc(nq * sizeof *items);
    if (!a || !items) {
        attributor_free(a);
        mem_free(items);
        return PRECIS_ENOMEM;
    }
    size_t n = 0;
    const quote *prev = NULL, *prev2 = NULL;
    int prev_turn = 0;
    size_t prev_k = 0;
    for (size_t k = 0; k < nq; k++) {
        quote q = {qs[k], {{0, 0}, {0, 0}, {0, 0}, {0, 0}, 0}, 0, 0};
        attributor_find(a, k, &q.who);
        uint32_t s = doc_sentence_at(d, q.marks.open);
        q.sentence = s;
        if (d->sents[s].excluded)
            continue;
        /* A quotation right after another, with nothing between, is the
         * next turn of a dialogue: the speaker of the turn before that
         * one, or, answering the dialogue's first turn, whom that turn
         * addressed ("»Hm! Weißt du, Amalie?« »Hm??«").  Otherwise an
         * unattributed quotation continues the one before it. */
        int turn = prev && only_space(d, prev->marks.after, q.marks.open);
        if (q.who.mention.end == q.who.mention.start && prev &&
            !prev->marks.fragment && !q.marks.fragment) {
            uint32_t prev_last = prev->marks.paragraph + prev->marks.paragraphs - 1;
            if (turn) {
                if ((prev_turn || !attributor_addressee(a, prev_k, &q.who)) &&
                    prev2)
                    q.who = prev2->who;
            } else if (prev_last == q.marks.paragraph ||
                (prev_last + 1 == q.marks.paragraph && q.marks.opens_sentence &&
                 q.marks.open == d->sents[s].seg.start))
                q.who = prev->who;
        }
        items[n++] = q;
        if (!q.marks.fragment) {
            prev2 = prev;
            prev = &items[n - 1];
            prev_turn = turn;
            prev_k = k;
        }
    }
    attributor_free(a);
    *out = items;
    *count = n;
    return PRECIS_OK;
}

/* A quotation being ranked, with its content terms. */
typedef struct candidate {
    quote q;
    terms t;
} candidate;

static int score_all(const doc *d, candidate *c, size_t n)
{
    strmap speakers;
    if (strmap_init(&speakers, 16))
        return PRECIS_ENOMEM;
    double best = 0;
    uint32_t most = 1;
    for (size_t i = 0; i < n; i++) {
        c[i].q.score = salience(d, &c[i].q, &c[i].t);
        if (c[i].q.score > best)
            best = c[i].q.score;
        span name = c[i].q.who.name;
        if (name.end > name.start) {
            uint32_t *v = strmap_put(&speakers, d->text + name.start,
                                     name.end - name.start, 0, &(int){0});
            if (!v) {
                strmap_free(&speakers);
                return PRECIS_ENOMEM;
            }
            if (++*v > most)
                most = *v;
        }
    }
    for (size_t i = 0; i < n; i++) {
        quote *q = &c[i].q;
        span name = q->who.name;
        const uint32_t *same =
            name.end > name.start
                ? strmap_get(&speakers, d->text + name.start,
                             name.end - name.start)
                : NULL;
        double sal = best > 0 ? q->score / best : 0;
        double len = q->marks.words / FULL_LENGTH;
        double s = QW_SALIENCE * sal +
                   QW_SENTENCE * d->sents[q->sentence].score +
                   QW_LENGTH * (len < 1 ? len : 1) + QW_WHOLE * q->marks.whole +
                   QW_PROMINENCE * (same ? *same : 0) / (double)most;
        if (q->who.mention.end == q->who.mention.start)
            s *= UNATTRIBUTED_FACTOR;
        q->score = s;
    }
    strmap_free(&speakers);
    return PRECIS_OK;
}

/* Statements before fragments, then by score. */
static int by_rank(const void *a, const void *b)
{
    const quote *x = &((const candidate *)a)->q, *y = &((const candidate *)b)->q;
    if (x->marks.fragment != y->marks.fragment)
        return x->marks.fragment ? 1 : -1;
    if (x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->marks.start < y->marks.start ? -1 : x->marks.start > y->marks.start;
}

static int by_position(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    return x->marks.start < y->marks.start ? -1 : x->marks.start > y->marks.start;
}

int quotes_extract(const doc *d, const qspan *marks, size_t nmarks,
                   size_t max, int fragments, quote **out, size_t *count)
{
    quote *qs;
    size_t n;
    *out = NULL;
    *count = 0;
    if (max == 0 || d->nsents == 0)
        return PRECIS_OK;
    int rc = collect(d, marks, nmarks, &qs, &n);
    if (rc != PRECIS_OK || n == 0) {
        mem_free(qs); /* all in excluded sentences */
        return rc;
    }
    candidate *c = mem_calloc(n, sizeof *c);
    if (!c) {
        mem_free(qs);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        c[i].q = qs[i];
    rc = score_all(d, c, n);
    size_t kept = 0;
    if (rc == PRECIS_OK) {
        qsort(c, n, sizeof *c, by_rank);
        /* Greedy: keep the best, skip what repeats a kept one.  Kept ones
         * move to the front of c, so the check stays within max. */
        for (size_t i = 0; i < n && kept < max; i++) {
            if (c[i].q.marks.fragment && !fragments)
                break;
            int dup = 0;
            for (size_t j = 0; j < kept && !dup; j++)
                dup = repeats(&c[i].t, &c[j].t);
            if (dup)
                continue;
            candidate tmp = c[kept];
            c[kept] = c[i];
            c[i] = tmp;
            qs[kept] = c[kept].q;
            kept++;
        }
    }
    for (size_t i = 0; i < n; i++)
        mem_free(c[i].t.ids);
    mem_free(c);
    if (rc != PRECIS_OK) {
        mem_free(qs);
        return rc;
    }
    if (kept > 1)
        qsort(qs, kept, sizeof *qs, by_position);
    *out = qs;
    *count = kept;
    return PRECIS_OK;
}
