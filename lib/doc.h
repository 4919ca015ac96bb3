/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * doc.h -- one document as the summarizer sees it: sentences, tokens and
 * the document's term dictionary, all built by doc_build() and freed by
 * doc_free().  The later stages (boilerplate, score, select, keywords)
 * read and annotate this structure; none of them allocates per token.
 */
#ifndef PRECIS_DOC_H
#define PRECIS_DOC_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "engine.h"
#include "exclusion.h"
#include "segment.h"
#include "stems.h"
#include "words.h"

typedef struct doc_term {
    /* Filled by term_stats() from the selectable sentences: */
    uint32_t tf;          /* occurrences */
    uint32_t sf;          /* sentences that contain it */
    uint32_t first;       /* token index of its first occurrence */
    uint32_t first_inner; /* first occurrence not opening a sentence,
                             UINT32_MAX if none */
    float model_idf; /* smoothed idf of the language's IDF model
                        (lexicon.c); 0: no model */
    float idf;    /* background idf */
    float lidf;   /* idf among the document's selectable sentences */
    unsigned stop : 1;
    unsigned number : 1;
} doc_term;

/* 32 bytes: a text of distinct numbers or names holds one every few
 * bytes. */
_Static_assert(sizeof(doc_term) == 32, "a term every few bytes");

/* The term's document weight: tf x idf, 0 for a stop word. */
static inline float doc_term_weight(const doc_term *t)
{
    return t->stop ? 0 : (float)t->tf * t->idf;
}

/* 12 bytes: a document holds one per word and mark (about one per 5.5
 * bytes of news text), the largest part of the engine's memory. */
typedef struct doc_token {
    uint32_t start;     /* bytes in the text */
    uint32_t term;      /* index into doc.terms */
    uint32_t len : 20;  /* bytes; a longer run is cut into pieces (doc.c) */
    uint32_t flags : 5; /* TOK_* */
    uint32_t stop : 1;  /* is a stop word */
    uint32_t cue : 6;   /* speech cue of the word: DOC_CUE(kind, gender) */
} doc_token;

/* A sentence is at most SEG_MAX_SENTENCE bytes: only runs of a megabyte
 * without a break (junk, never prose) are ever cut. */
#define DOC_TOKEN_MAX_LEN ((1u << 20) - 1)

/* A word's speech cue (CUE_*, under 16) and the grammatical gender it
 * marks (GENDER_*), as lang.speech has them, in six bits. */
#define DOC_CUE(kind, gender) ((kind) | (gender) << 4)
#define DOC_CUE_KIND(cue) ((int)((cue) & 15))
#define DOC_CUE_GENDER(cue) ((int)((cue) >> 4))

static inline uint32_t doc_token_end(const doc_token *t)
{
    return t->start + t->len;
}

/* One entry of a sentence's sparse term vector, sorted by term: how
 * often the term occurs there.  Its weights are (1 + ln count) times the
 * term's idf (vec_w, vec_lw), computed from the count and the term, so
 * an entry is 8 bytes and means the same at every stage. */
typedef struct vec_entry {
    uint32_t term;
    uint32_t count;
} vec_entry;

/* The sublinear tf of SMART's "l" weighting, 1 + ln count. */
static inline float vec_tf(const vec_entry *e)
{
    return e->count == 1 ? 1.0f : 1.0f + logf((float)e->count);
}

/* 64 bytes: a text of short lines holds one every few bytes (a million
 * one-line paragraphs, 14 bytes each, were 80 bytes a sentence). */
typedef struct doc_sentence {
    seg_sentence seg;
    uint32_t tok_begin, tok_end; /* [begin, end) in doc.toks: its words
                                    (doc_sentence_words) */
    uint32_t content;            /* non-stop word tokens */
    uint32_t nvec;
    vec_entry *vec;              /* unique content terms, in d->vectors */
    float norm;                  /* Euclidean norm of the tf-idf vec */
    float local_norm;            /* Euclidean norm of the lw weights */
    float quoted;                /* share of its bytes inside quotation marks */
    uint8_t excluded;            /* exclusion: why it is kept out;
                                    EXCL_NONE: selectable */
    unsigned credit : 1;         /* a picture's credit ("Photo by Jane Doe",
                                    "(AP)"): its caption comes before it */
    unsigned caption_label : 1;  /* a caption's label alone ("Image
                                    caption"): its caption comes next */
    unsigned leans : 1;          /* needs the sentence before it: opens on
                                    a word pointing back ("He", "But") or
                                    inside a quotation begun before it */
    unsigned runs_on : 1;        /* needs the one after it: ends inside a
                                    quotation that goes on there */
    double score;
} doc_sentence;

_Static_assert(sizeof(doc_sentence) == 64, "a sentence every few bytes");
_Static_assert(EXCL_COUNT <= UINT8_MAX, "an exclusion fits its byte");

/* Word tokens (words, numbers, marks) of sentence s. */
static inline uint32_t doc_sentence_words(const doc_sentence *s)
{
    return s->tok_end - s->tok_begin;
}

typedef struct doc {
    const char *text;
    size_t len;
    const lang *lang; /* NULL: no language matched */
    const precis_engine_t *engine;
    arena vectors; /* sentence and title vectors (doc_drop_vectors) */
    doc_sentence *sents;
    size_t nsents;
    size_t paragraphs;
    doc_token *toks;
    size_t ntoks, tokcap;
    doc_term *terms;      /* nterms, once doc_build has named them all */
    size_t nterms;
    struct doc_seed *seeds; /* the terms while doc_build names them */
    size_t seedcap;
    struct lex_table *lex; /* this thread's lexicon of lang, or NULL */
    word_table words;     /* folded word -> word index (its entry) */
    stem_table stems; /* stem of a content word -> term index */
    size_t total_words;
    size_t selectable;
    vec_entry *title; /* content terms of the title (given,
                         or the opening headline) */
    uint32_t ntitle;
} doc;

void doc_free(doc *d);
/* The sentence holding byte offset (the last one starting at or before
 * it; 0 when none does), and the first token starting at or after it
 * (ntoks when none): binary searches, both in text order. */
uint32_t doc_sentence_at(const doc *d, size_t offset);
size_t doc_token_at(const doc *d, size_t offset);
/* An entry's weight by the background idf, and by the idf among the
 * document's sentences (once term_stats() has run). */
static inline float vec_w(const doc *d, const vec_entry *e)
{
    return vec_tf(e) * d->terms[e->term].idf;
}
static inline float vec_lw(const doc *d, const vec_entry *e)
{
    return vec_tf(e) * d->terms[e->term].lidf;
}
/* Free the vectors once sentences are chosen: nothing after selection
 * reads them, and they are a quarter of the engine's peak, which
 * keywords and quotes would otherwise add to. */
void doc_drop_vectors(doc *d);
/* Terms shared by two sorted sparse vectors. */
uint32_t vec_overlap(const vec_entry *a, uint32_t na, const vec_entry *b,
                     uint32_t nb);
/* Their dot product by vec_lw. */
float vec_local_dot(const doc *d, const vec_entry *a, uint32_t na,
                    const vec_entry *b, uint32_t nb);

#endif
