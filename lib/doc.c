/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * doc.c -- segmentation and tokenization of one document into the
 * structure every later stage works on.
 *
 * Each distinct folded word is stemmed once: words -> term goes through
 * a small map first, so libstemmer runs per vocabulary entry, not per
 * token.  Stop words are terms too (sentence vectors skip them) but live
 * in their own key space, so "will" the stop word never merges with a
 * content word that stems to "will".
 */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "array.h"
#include "doc.h"
#include "tokenize.h"

#define STOP_KEY '\x01'

static uint32_t new_term(doc *d, const char *stem, size_t len, int stop,
                         int number)
{
    doc_term *terms =
        array_grow(d->terms, &d->termcap, d->nterms, sizeof *terms, 1024);
    if (!terms)
        return UINT32_MAX;
    d->terms = terms;
    doc_term *t = &terms[d->nterms];
    memset(t, 0, sizeof *t);
    t->stem = arena_strndup(&d->arena, stem, len);
    if (!t->stem)
        return UINT32_MAX;
    t->first = t->first_inner = UINT32_MAX;
    t->stop = stop != 0;
    t->number = number != 0;
    return (uint32_t)d->nterms++;
}

/* Term index for a folded word, interning it (while the document is
 * built: the maps go after); UINT32_MAX on ENOMEM. */
static uint32_t doc_intern(doc *d, const char *fold, size_t len,
                           struct sb_stemmer *stemmer)
{
    const uint32_t *known = strmap_get(&d->words, fold, len);
    if (known)
        return *known;
    int stop = d->lang && strmap_get(&d->lang->stop, fold, len) != NULL;
    int number = len > 0 && fold[0] >= '0' && fold[0] <= '9';
    char key[TOK_MAX_FOLD + 2];
    const char *stem = fold;
    size_t slen = len;
    if (stop) {
        key[0] = STOP_KEY;
        memcpy(key + 1, fold, len);
        stem = key;
        slen = len + 1;
    } else if (stemmer && !number) {
        const sb_symbol *s =
            sb_stemmer_stem(stemmer, (const sb_symbol *)fold, (int)len);
        if (s) {
            stem = (const char *)s;
            slen = (size_t)sb_stemmer_length(stemmer);
        }
    }
    uint32_t id;
    const uint32_t *have = strmap_get(&d->stems, stem, slen);
    if (have) {
        id = *have;
    } else {
        id = new_term(d, stop ? stem + 1 : stem, stop ? slen - 1 : slen, stop,
                      number);
        if (id == UINT32_MAX || !strmap_put(&d->stems, stem, slen, id, NULL))
            return UINT32_MAX;
    }
    if (!strmap_put(&d->words, fold, len, id, NULL))
        return UINT32_MAX;
    return id;
}

static int cmp_entry(const void *a, const void *b)
{
    uint32_t x = ((const vec_entry *)a)->term,
             y = ((const vec_entry *)b)->term;
    return x < y ? -1 : x > y;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Scratch for a sentence's term ids on the stack; longer sentences (rare:
 * 256 content words) take the heap. */
#define VEC_STACK_TERMS 256

int doc_vector(doc *d, uint32_t tok_begin, uint32_t tok_end, vec_entry **out,
               uint32_t *n)
{
    uint32_t count = 0;
    for (uint32_t k = tok_begin; k < tok_end; k++)
        count += !d->toks[k].stop;
    /* Sorted and counted apart, so the arena holds each term once: the
     * repeats cost a fifth of the vectors' memory. */
    uint32_t stack[VEC_STACK_TERMS];
    uint32_t *ids = count <= VEC_STACK_TERMS ? stack
                                             : malloc(count * sizeof *ids);
    if (!ids)
        return PRECIS_ENOMEM;
    uint32_t m = 0;
    for (uint32_t k = tok_begin; k < tok_end; k++)
        if (!d->toks[k].stop)
            ids[m++] = d->toks[k].term;
    qsort(ids, m, sizeof *ids, cmp_u32);
    uint32_t u = 0;
    for (uint32_t k = 0; k < m; k++)
        u += k == 0 || ids[k] != ids[k - 1];
    vec_entry *v = arena_alloc(&d->vectors, (u ? u : 1) * sizeof *v);
    if (v) {
        u = 0;
        for (uint32_t k = 0; k < m;) {
            uint32_t j = k;
            while (j < m && ids[j] == ids[k])
                j++;
            v[u++] = (vec_entry){ids[k], (float)(j - k)};
            k = j;
        }
    }
    if (ids != stack)
        free(ids);
    *out = v;
    *n = u;
    return v ? PRECIS_OK : PRECIS_ENOMEM;
}

uint32_t vec_overlap(const vec_entry *a, uint32_t na, const vec_entry *b,
                     uint32_t nb)
{
    uint32_t common = 0;
    for (uint32_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i].term < b[j].term) {
            i++;
        } else if (a[i].term > b[j].term) {
            j++;
        } else {
            i++, j++;
            common++;
        }
    }
    return common;
}

float vec_local_dot(const doc *d, const vec_entry *a, uint32_t na,
                    const vec_entry *b, uint32_t nb)
{
    float local = 0;
    for (uint32_t i = 0, j = 0; i < na && j < nb;) {
        if (a[i].term < b[j].term)
            i++;
        else if (a[i].term > b[j].term)
            j++;
        else
            local += vec_lw(d, &a[i++]) * vec_lw(d, &b[j++]);
    }
    return local;
}

/* A run longer than DOC_TOKEN_MAX_LEN (64 MB of letters: junk, never
 * prose) becomes several tokens of the same term. */
static int push_token(doc *d, size_t *cap, const token *tok, uint32_t term)
{
    size_t at = tok->start;
    do {
        size_t len = tok->end - at;
        if (len > DOC_TOKEN_MAX_LEN)
            len = DOC_TOKEN_MAX_LEN;
        doc_token *toks =
            array_grow(d->toks, cap, d->ntoks, sizeof *toks, 1024);
        if (!toks)
            return PRECIS_ENOMEM;
        d->toks = toks;
        toks[d->ntoks++] = (doc_token){.start = (uint32_t)at,
                                       .term = term,
                                       .len = (uint32_t)len,
                                       .flags = tok->flags & 0x1f,
                                       .stop = d->terms[term].stop};
        at += len;
    } while (at < tok->end);
    return PRECIS_OK;
}

uint32_t doc_sentence_at(const doc *d, size_t offset)
{
    size_t lo = 0, hi = d->nsents;
    while (lo + 1 < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sents[mid].seg.start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

size_t doc_token_at(const doc *d, size_t offset)
{
    size_t lo = 0, hi = d->ntoks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->toks[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int tokenize_sentences(doc *d, struct sb_stemmer *stemmer)
{
    /* News text averages about six bytes per token (5.9 on CNN/DM, 6.4 on
     * the sample article): room for one per five, so the array is not
     * copied to twice its size for the last few, and cut to fit after. */
    size_t cap = d->len / 5 + 64;
    d->toks = malloc(cap * sizeof *d->toks);
    if (!d->toks)
        return PRECIS_ENOMEM;
    for (size_t i = 0; i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        tokenizer t;
        token tok;
        s->tok_begin = (uint32_t)d->ntoks;
        tokenizer_init(&t, d->text, s->seg.start, s->seg.end);
        while (tokenizer_next(&t, &tok)) {
            uint32_t term = doc_intern(d, t.fold, tok.fold_len, stemmer);
            if (term == UINT32_MAX || push_token(d, &cap, &tok, term))
                return PRECIS_ENOMEM;
            s->content += !d->terms[term].stop;
        }
        s->tok_end = (uint32_t)d->ntoks;
        s->words = s->tok_end - s->tok_begin;
        d->total_words += s->words;
    }
    doc_token *fit = realloc(d->toks, (d->ntoks ? d->ntoks : 1) * sizeof *fit);
    if (fit)
        d->toks = fit;
    return PRECIS_OK;
}

/* The title's content terms, interned into the document dictionary
 * (title words count for matching but not for term frequencies). */
static int tokenize_title(doc *d, const char *title, size_t len,
                          struct sb_stemmer *stemmer)
{
    tokenizer t;
    token tok;
    uint32_t n = 0, cap = 16;
    vec_entry *v = arena_alloc(&d->vectors, cap * sizeof *v);
    tokenizer_init(&t, title, 0, len);
    while (v && tokenizer_next(&t, &tok)) {
        uint32_t term = doc_intern(d, t.fold, tok.fold_len, stemmer);
        if (term == UINT32_MAX)
            return PRECIS_ENOMEM;
        if (d->terms[term].stop || n == 256)
            continue;
        if (n == cap) {
            vec_entry *grown = arena_alloc(&d->vectors, 2 * cap * sizeof *v);
            if (grown)
                memcpy(grown, v, cap * sizeof *v);
            v = grown;
            cap *= 2;
            if (!v)
                break;
        }
        v[n++] = (vec_entry){term, 1.0f};
    }
    if (!v)
        return PRECIS_ENOMEM;
    qsort(v, n, sizeof *v, cmp_entry);
    uint32_t u = 0;
    for (uint32_t k = 0; k < n; k++)
        if (u == 0 || v[u - 1].term != v[k].term)
            v[u++] = v[k];
    d->title = v;
    d->ntitle = u;
    return PRECIS_OK;
}

int doc_build(doc *d, const precis_engine_t *e, const lang *l,
              const char *text, size_t len, const char *title,
              size_t title_len)
{
    memset(d, 0, sizeof *d);
    d->text = text;
    d->len = len;
    d->lang = l;
    d->engine = e;
    arena_init(&d->arena, 256 * 1024);
    arena_init(&d->vectors, 256 * 1024);
    /* Distinct words: about one per 16 bytes of a short article, far
     * fewer per byte of a long one; the maps grow as they need. */
    size_t words = len / 16 < 1024 ? len / 16 : 1024;
    if (strmap_init(&d->words, words) || strmap_init(&d->stems, words))
        return PRECIS_ENOMEM;
    seg_rules rules = {l ? &l->abbrev : NULL, l ? &l->stop : NULL};
    seg_list segs;
    if (segment_text(text, len, &rules, &segs) != 0)
        return PRECIS_ENOMEM;
    d->paragraphs = segs.paragraphs;
    d->nsents = segs.count;
    d->sents = calloc(segs.count ? segs.count : 1, sizeof *d->sents);
    if (!d->sents) {
        free(segs.items);
        return PRECIS_ENOMEM;
    }
    for (size_t i = 0; i < segs.count; i++)
        d->sents[i].seg = segs.items[i];
    free(segs.items);
    struct sb_stemmer *stemmer =
        l && l->has_stemmer ? sb_stemmer_new(l->code, "UTF_8") : NULL;
    int rc = tokenize_sentences(d, stemmer);
    if (rc == PRECIS_OK && title)
        rc = tokenize_title(d, title, title_len, stemmer);
    if (stemmer)
        sb_stemmer_delete(stemmer);
    /* Every word is interned now: the maps from folded words and stems
     * to terms are not read again, and go before the vectors are built
     * (a tenth of the engine's peak on a 1 MB document). */
    strmap_free(&d->words);
    strmap_free(&d->stems);
    for (size_t i = 0; rc == PRECIS_OK && i < d->nsents; i++) {
        doc_sentence *s = &d->sents[i];
        rc = doc_vector(d, s->tok_begin, s->tok_end, &s->vec, &s->nvec);
    }
    return rc;
}

void doc_drop_vectors(doc *d)
{
    arena_free(&d->vectors);
    for (size_t i = 0; i < d->nsents; i++) {
        d->sents[i].vec = NULL;
        d->sents[i].nvec = 0;
    }
    d->title = NULL;
    d->ntitle = 0;
}

void doc_free(doc *d)
{
    free(d->sents);
    free(d->toks);
    free(d->terms);
    strmap_free(&d->words);
    strmap_free(&d->stems);
    arena_free(&d->arena);
    arena_free(&d->vectors);
    memset(d, 0, sizeof *d);
}
