/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * keywords.c -- key terms and phrases.
 *
 * Candidates are content words and runs of two or three adjacent content
 * words inside a selectable sentence (separated by one space or a hyphen,
 * never by punctuation).  A word scores (1 + ln tf) x idf; a phrase
 * scores the same on its own count, with the idf summed and damped by
 * sqrt(length), and must occur twice unless it is a run of capitalised
 * words (a name: "Benjamin Netanyahu").  Picking greedily and skipping
 * candidates that share a word with one already picked keeps the list
 * from saying "Netanyahu" three ways.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "array.h"
#include "pipeline.h"
#include "keywords.h"
#include "tokenize.h"

#define MAX_PHRASE 3

typedef struct kw_list {
    kw_candidate *items;
    size_t count, cap;
} kw_list;

static kw_candidate *kw_push(kw_list *l)
{
    kw_candidate *items =
        array_grow(l->items, &l->cap, l->count, sizeof *items, 256);
    if (!items)
        return NULL;
    l->items = items;
    kw_candidate *c = &items[l->count++];
    memset(c, 0, sizeof *c);
    return c;
}

/* & rather than &&: phrase_starts asks it of every token, without a
 * branch. */
static unsigned is_candidate_token(const doc *d, const doc_token *t)
{
    const doc_term *term = &d->terms[t->term];
    return (t->stop == 0) & (term->number == 0) & (t->len >= 2);
}

/* Tokens a and a+1 are adjacent: one space or a hyphen between. */
static int adjacent(const doc *d, uint32_t a)
{
    const doc_token *x = &d->toks[a], *y = &d->toks[a + 1];
    uint32_t end = doc_token_end(x);
    return y->start - end == 1 && (d->text[end] == ' ' || d->text[end] == '-');
}

/* The phrases met so far, by their term numbers: open addressing over
 * candidate numbers + 1 (0: empty), the keys read from the candidates
 * themselves, so a phrase costs its candidate and two slots, where a
 * string map had copied every key too (on distinct text, where nearly
 * every phrase is new, the phrases are the engine's peak). */
typedef struct phrase_table {
    uint32_t *slots;
    size_t cap, count; /* cap a power of two, count <= cap / 2 */
} phrase_table;

static uint32_t phrase_hash(const uint32_t *key, uint32_t n)
{
    uint64_t h = n;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ key[i]) * 0x9E3779B97F4A7C15ull; /* 2^64 / golden ratio */
    return (uint32_t)(h >> 32);
}

/* Whether candidate c is the phrase key[0, n). */
static int is_phrase(const doc *d, const kw_candidate *c, const uint32_t *key,
                     uint32_t n)
{
    if (c->nterms != n)
        return 0;
    for (uint32_t i = 0; i < n; i++)
        if (kw_term(d, c, i) != key[i])
            return 0;
    return 1;
}

/* The slot holding the phrase key[0, n), or the empty one for it. */
static uint32_t *phrase_slot(const doc *d, const phrase_table *t,
                             const kw_list *l, const uint32_t *key,
                             uint32_t n)
{
    size_t mask = t->cap - 1;
    for (size_t i = phrase_hash(key, n) & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &t->slots[i];
        if (!*slot || is_phrase(d, &l->items[*slot - 1], key, n))
            return slot;
    }
}

static int phrase_grow(const doc *d, phrase_table *t, const kw_list *l)
{
    phrase_table g = {mem_calloc(t->cap * 2, sizeof *g.slots), t->cap * 2,
                      t->count};
    if (!g.slots)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i]) {
            const kw_candidate *c = &l->items[t->slots[i] - 1];
            uint32_t key[MAX_PHRASE];
            for (uint32_t k = 0; k < c->nterms; k++)
                key[k] = kw_term(d, c, k);
            *phrase_slot(d, &g, l, key, c->nterms) = t->slots[i];
        }
    mem_free(t->slots);
    *t = g;
    return PRECIS_OK;
}

/* The phrases that begin at token k of sentence s: counted, or added
 * as candidates (as names, or to count). */
static int add_phrases_at(const doc *d, const doc_sentence *s, uint32_t k,
                          phrase_table *seen, kw_list *l)
{
    uint32_t key[MAX_PHRASE] = {d->toks[k].term};
    int names = (d->toks[k].flags & TOK_CAPITAL) && k > s->tok_begin;
    /* A phrase met twice has every word twice or more: one with a word
     * met once counts only as a name, and is never stored otherwise (on
     * distinct text nearly every phrase is such, and they had been the
     * engine's peak). */
    int once = d->terms[key[0]].tf < 2;
    for (uint32_t n = 2; n <= MAX_PHRASE; n++) {
        uint32_t last = k + n - 1;
        if (last >= s->tok_end || !adjacent(d, last - 1) ||
            !is_candidate_token(d, &d->toks[last]))
            break;
        key[n - 1] = d->toks[last].term;
        names = names && (d->toks[last].flags & TOK_CAPITAL);
        once = once || d->terms[key[n - 1]].tf < 2;
        if (once && !names)
            break; /* so are the longer ones */
        uint32_t *slot = phrase_slot(d, seen, l, key, n);
        if (*slot) {
            l->items[*slot - 1].count++;
            continue;
        }
        kw_candidate *c = kw_push(l);
        if (!c)
            return PRECIS_ENOMEM;
        c->nterms = n;
        c->count = 1;
        c->first_tok = k;
        /* A one-off phrase counts only as a name; mark it with a score of
         * -1 until scoring. */
        c->score = names ? 0 : -1;
        *slot = (uint32_t)l->count; /* its terms are set: findable */
        if (++seen->count * 2 > seen->cap &&
            phrase_grow(d, seen, l) != PRECIS_OK)
            return PRECIS_ENOMEM;
    }
    return PRECIS_OK;
}

/* What a token brings to a phrase, as bits. */
enum { PH_CANDIDATE = 1, PH_REPEATED = 2, PH_CAPITAL = 4 };

static unsigned phrase_bits(const doc *d, const doc_token *t)
{
    return is_candidate_token(d, t) * PH_CANDIDATE |
           (d->terms[t->term].tf >= 2) * PH_REPEATED |
           ((t->flags & TOK_CAPITAL) != 0) * PH_CAPITAL;
}

/* The tokens k of [from, to) at which add_phrases_at keeps a phrase,
 * into starts; how many.  It keeps one where two adjacent candidates
 * are both repeated, or both capitalised past the sentence's first word
 * (a name); the tokens are tested with arithmetic, not a branch each:
 * where phrases begin follows no pattern, and those branches had been
 * the engine's most mispredicted. */
#define PHRASE_STEP 256
static size_t phrase_starts(const doc *d, const doc_sentence *s,
                            uint32_t from, uint32_t to, uint32_t *starts)
{
    size_t m = 0;
    unsigned bits = phrase_bits(d, &d->toks[from]);
    for (uint32_t k = from; k < to && k + 1 < s->tok_end; k++) {
        const doc_token *x = &d->toks[k], *y = &d->toks[k + 1];
        unsigned next = phrase_bits(d, y), both = bits & next;
        uint32_t end = doc_token_end(x);
        unsigned adjacent_next = (y->start - end == 1) &
                                 ((d->text[end] == ' ') |
                                  (d->text[end] == '-'));
        unsigned kept = ((both & PH_REPEATED) != 0) |
                        (((both & PH_CAPITAL) != 0) & (k > s->tok_begin));
        starts[m] = k;
        m += (both & PH_CANDIDATE) & adjacent_next & kept;
        bits = next;
    }
    return m;
}

static int add_phrases(const doc *d, const doc_sentence *s,
                       phrase_table *seen, kw_list *l)
{
    uint32_t starts[PHRASE_STEP];
    for (uint32_t from = s->tok_begin; from < s->tok_end;
         from += PHRASE_STEP) {
        uint32_t to = s->tok_end - from > PHRASE_STEP ? from + PHRASE_STEP
                                                       : s->tok_end;
        size_t m = phrase_starts(d, s, from, to, starts);
        for (size_t i = 0; i < m; i++) {
            int rc = add_phrases_at(d, s, starts[i], seen, l);
            if (rc != PRECIS_OK)
                return rc;
        }
    }
    return PRECIS_OK;
}

static double candidate_score(const doc *d, const kw_candidate *c)
{
    double idf = 0;
    for (uint32_t i = 0; i < c->nterms; i++)
        idf += d->terms[kw_term(d, c, i)].idf;
    /* log(1) is 0: most candidates are met once. */
    double tf = c->count == 1 ? 1 : 1 + log((double)c->count);
    return tf * idf / sqrt((double)c->nterms);
}

/* Whether candidate a comes before b: higher score, then earlier in the
 * text, then (a total order, as the stable sort before had it) earlier
 * in the list. */
static int before(const kw_candidate *v, size_t a, size_t b)
{
    if (v[a].score != v[b].score) /* nearly always: predicted */
        return v[a].score > v[b].score;
    if (v[a].first_tok != v[b].first_tok)
        return v[a].first_tok < v[b].first_tok;
    return a < b;
}

/* The larger child taken by arithmetic, not a branch: which one it is
 * follows no pattern. */
static void sift_down(const kw_candidate *v, uint32_t *heap, size_t n,
                      size_t i)
{
    for (size_t l; (l = 2 * i + 1) < n;) {
        size_t right = l + 1 < n; /* compared with itself when absent */
        size_t c = l + (size_t)before(v, heap[l + right], heap[l]);
        if (!before(v, heap[c], heap[i]))
            return;
        uint32_t t = heap[i];
        heap[i] = heap[c];
        heap[c] = t;
        i = c;
    }
}

static int shares_term(const doc *d, const kw_candidate *a,
                       const kw_candidate *b)
{
    for (uint32_t i = 0; i < a->nterms; i++)
        for (uint32_t j = 0; j < b->nterms; j++)
            if (kw_term(d, a, i) == kw_term(d, b, j))
                return 1;
    return 0;
}

static int gather(const doc *d, kw_list *l)
{
    for (size_t i = 0; i < d->nterms; i++) {
        const doc_term *t = &d->terms[i];
        if (t->stop || t->number || t->tf == 0)
            continue;
        uint32_t tok =
            t->first_inner != UINT32_MAX ? t->first_inner : t->first;
        if (!is_candidate_token(d, &d->toks[tok]))
            continue;
        kw_candidate *c = kw_push(l);
        if (!c)
            return PRECIS_ENOMEM;
        c->nterms = 1; /* term i: the token's */
        c->count = t->tf;
        c->first_tok = tok;
    }
    /* Phrases: about one per four tokens of a short text; a long one
     * repeats its phrases, so the table starts at 2,048 slots at most
     * and grows. */
    size_t cap = 64;
    while (cap < d->ntoks / 2 && cap < 2048)
        cap *= 2;
    phrase_table seen = {mem_calloc(cap, sizeof *seen.slots), cap, 0};
    if (!seen.slots)
        return PRECIS_ENOMEM;
    int rc = PRECIS_OK;
    for (size_t i = 0; i < d->nsents && rc == PRECIS_OK; i++)
        if (!d->sents[i].excluded)
            rc = add_phrases(d, &d->sents[i], &seen, l);
    mem_free(seen.slots);
    return rc;
}

int keywords_extract(const doc *d, size_t max, kw_candidate **out,
                     size_t *count)
{
    *out = NULL;
    *count = 0;
    if (max == 0)
        return PRECIS_OK;
    kw_list l = {0};
    int rc = gather(d, &l);
    if (rc != PRECIS_OK) {
        mem_free(l.items);
        return rc;
    }
    size_t kept = 0;
    for (size_t i = 0; i < l.count; i++) {
        kw_candidate *c = &l.items[i];
        if (c->nterms > 1 && c->score < 0 && c->count < 2)
            continue;
        c->score = candidate_score(d, c);
        l.items[kept++] = *c;
    }
    /* Best first from a heap: the greedy pick reads a few dozen of the
     * hundreds of candidates, so sorting them all was wasted (7 % of the
     * engine's time on news articles). */
    uint32_t *heap = mem_malloc((kept ? kept : 1) * sizeof *heap);
    kw_candidate *picked = mem_malloc((max < kept ? max : kept) * sizeof *picked +
                                  sizeof *picked);
    if (!heap || !picked) {
        mem_free(heap);
        mem_free(picked);
        mem_free(l.items);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < kept; i++)
        heap[i] = (uint32_t)i;
    for (size_t i = kept / 2; i-- > 0;)
        sift_down(l.items, heap, kept, i);
    size_t n = 0;
    for (size_t left = kept; left > 0 && n < max;) {
        const kw_candidate *c = &l.items[heap[0]];
        heap[0] = heap[--left];
        int clash = 0;
        for (size_t j = 0; j < n && !clash; j++)
            clash = shares_term(d, c, &picked[j]);
        if (!clash)
            picked[n++] = *c;
        sift_down(l.items, heap, left, 0);
    }
    mem_free(heap);
    /* The picks alone are handed on: the candidates (every phrase of a
     * long text) would otherwise be held until the result is built. */
    mem_free(l.items);
    for (size_t i = 1; i < n; i++)
        picked[i].score /= picked[0].score;
    if (n)
        picked[0].score = 1;
    *out = picked;
    *count = n;
    return PRECIS_OK;
}
