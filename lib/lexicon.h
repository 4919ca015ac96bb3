/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * lexicon.h -- what the engine knows of one folded word, remembered per
 * thread.
 *
 * A document's distinct words each need their stop-word flag, their
 * Snowball stem and the stem's background document frequency: three
 * lookups in three large tables, and stemming, the costliest step per
 * word (some 2,400 instructions for an English word with libstemmer).
 * News repeats its vocabulary from one document to the next, so each
 * thread keeps what it has worked out, per engine and language, in one
 * open-addressing table whose 32-byte entries hold the word and its stem
 * inline: a word met before costs one cache line.
 */
#ifndef PRECIS_LEXICON_H
#define PRECIS_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

typedef struct lex_word {
    const char *stem; /* the folded word itself for a stop word or a
                         number; valid until this thread's next call */
    size_t stem_len;
    float idf;        /* the stem's smoothed idf in l's IDF model
                         (weights.h); 0: the language has no model */
    int stop;         /* a stop word of l */
    uint8_t cue;      /* DOC_CUE of its entry in l's speech cues, or 0 */
} lex_word;

/* A folded word that starts with a digit is a number: never stemmed,
 * kept out of keywords. */
static inline int lex_is_number(const char *fold, size_t len)
{
    return len > 0 && fold[0] >= '0' && fold[0] <= '9';
}

/* One thread's memory of the words of one language of one engine. */
typedef struct lex_table lexicon;

/* This thread's lexicon for language l of engine e (emptied first if it
 * was filled for another engine), or NULL on ENOMEM.  A document asks
 * once; the pointer serves until the thread asks for another language
 * (past ENGINE_MAX_LANGS of them one is given up). */
lexicon *lexicon_open(const precis_engine_t *e, const lang *l);

/* The word fold[0..len), whose strmap_hash is hash, in x's language l.
 * PRECIS_OK, or PRECIS_ENOMEM when libstemmer cannot run. */
int lexicon_word(lexicon *x, const lang *l, const char *fold, size_t len,
                 uint32_t hash, lex_word *out);

/* Start bringing the word's entry into the cache: a document's distinct
 * words are asked for together, and the table (1 MB) is beyond the
 * core's L2, so each first look would otherwise wait on memory in turn
 * (a tenth of the engine's time on CNN/DM). */
void lexicon_prefetch(const lexicon *x, size_t len, uint32_t hash);

#endif
