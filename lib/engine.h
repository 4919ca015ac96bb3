/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * engine.h -- what a loaded engine holds.  Everything here is written
 * by precis_engine_open() and only read afterwards, which is what makes
 * one engine safe to share between threads.
 */
#ifndef PRECIS_ENGINE_H
#define PRECIS_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "cues.h"
#include "morph.h"
#include "exclusion.h"
#include "precis.h"
#include "strmap.h"
#include "tokenize.h"

#define ENGINE_MAX_LANGS 32

/* What an entry of dependent/XX.txt says of a sentence opening so. */
enum leans {
    LEANS_BACK = 1, /* a pronoun or connective pointing back ("He", "But") */
    LEANS_NOT = 2,  /* begins like one, stands alone ("Il y a") */
    LEANS_MASK = 3,
    LEANS_LONGER = 4 /* flag: a longer entry begins with these words, so
                        reading the opening goes on (a key may be only
                        that: "in" for "in addition") */
};

typedef struct lang {
    char code[8];      /* ISO 639-1, also the libstemmer name */
    strmap stop;       /* folded stop words -> 1 */
    strmap abbrev;     /* lower-cased abbreviations -> ABBR_* */
    strmap speech;     /* folded quote attribution cues -> CUE_* */
    strmap dependent;  /* folded sentence openings -> LEANS_* */
    strmap idf;        /* folded, stemmed term -> document frequency */
    morph morph;       /* word shapes (morph/XX.txt; all empty: none) */
    uint32_t idf_docs; /* documents behind idf; 0: no model */
    int has_stemmer;   /* libstemmer knows code */
} lang;

enum bp_match { BP_CONTAINS, BP_PREFIX, BP_WHOLE, BP_SUFFIX };

typedef struct bp_pattern {
    exclusion reason;
    char *text;
    size_t len;
    int match;    /* enum bp_match */
    int nocase;   /* ASCII letters match either case; text is lower */
    char lang[8]; /* only for text in this language; "" for any */
} bp_pattern;

/* A bit per value of a stop word's hash, high bits (lang.c): most words
 * of a text are no stop word of any language, and 8 KB answer that for
 * all but one in 27 of them (the 2,442 distinct stop words of the 15
 * languages set 2,404 of the 65,536 bits) without a look into the map. */
#define STOP_FILTER_BITS (1u << 16)
#define STOP_FILTER_BIT(hash) ((hash) >> 16)

static inline void stop_filter_add(uint64_t *filter, uint32_t hash)
{
    uint32_t bit = STOP_FILTER_BIT(hash);
    filter[bit / 64] |= (uint64_t)1 << (bit % 64);
}

/* 0: no stop word of any language has this hash. */
static inline int stop_filter_has(const uint64_t *filter, uint32_t hash)
{
    uint32_t bit = STOP_FILTER_BIT(hash);
    return (filter[bit / 64] >> (bit % 64)) & 1;
}

struct precis_engine {
    lang *langs;          /* sorted by code */
    size_t nlangs;        /* at most ENGINE_MAX_LANGS */
    strmap stop_langs;    /* stop word -> bit i set when langs[i]
                             lists it: one lookup per token in
                             language detection */
    uint64_t stop_filter[STOP_FILTER_BITS / 64]; /* lang.c */
    bp_pattern *patterns; /* in file order */
    size_t npatterns;
    size_t *pattern_lens; /* patterns[i].len, for cues_scan() */
    cue_index cues;       /* every pattern, one pass per sentence */
    uint64_t generation;  /* unique to this engine in the process: what
                             lexicon.c remembers is tied to it */
};

/* The lang.speech value of a folded word, 0 for none.  A hyphenated
 * word with no entry of its own is never a name when its first part is
 * not ("Fifty-one"); where every noun is capitalised (morph
 * [noun-capitals]) a compound takes the role it ends with
 * ("Finanzminister"). */
#define COMPOUND_MIN_HEAD 2 /* bytes before the role: "Ex-Minister" */
#define COMPOUND_MIN_ROLE 5 /* a role word's bytes: "chef", "rat" are
                               too short to tell a compound by */
uint32_t lang_speech(const lang *l, const char *fold, size_t len);

/* The language with this code, or NULL. */
const lang *engine_lang(const precis_engine_t *e, const char *code);

/* Data loading (load.c).  Each returns 0 or a precis_status and fills
 * err with the file and line at fault. */
int load_stopwords(strmap *m, const char *path, precis_error_t *err);
/* A word list in [sections]: each entry maps to its section's value,
 * its key made as keys says. */
typedef struct section_def {
    const char *name; /* "[prefix]" */
    uint32_t value;
} section_def;
typedef enum section_keys {
    KEYS_LOWER,   /* lower-cased, a final dot dropped (abbreviations,
                     compared with the raw text) */
    KEYS_WORD,    /* one word, folded like tokens */
    KEYS_PHRASE   /* up to PHRASE_MAX_WORDS words, each folded like
                     tokens, joined by single spaces */
} section_keys;
#define PHRASE_MAX_WORDS 4
/* Room for a KEYS_PHRASE key made by phrase_append(), its NUL too. */
#define PHRASE_KEY_SIZE (PHRASE_MAX_WORDS * (TOK_MAX_FOLD + 1))
int load_sections(strmap *m, const char *path, const section_def *sections,
                  section_keys keys, precis_error_t *err);
int load_idf(strmap *m, uint32_t *docs, const char *path, precis_error_t *err);
int load_morph(morph *m, const char *path, precis_error_t *err);
int load_boilerplate(precis_engine_t *e, const char *path,
                     precis_error_t *err);

/* Record code and a printf-style message in err (which may be NULL);
 * returns code. */
int set_error(precis_error_t *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
