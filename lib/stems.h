/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stems.h -- a document's stems, each to the term it names.
 *
 * A stem is kept by reference to bytes the document holds already: the
 * first bytes of the word it came from, as most stems are ("ministers"
 * -> "minist"), or else a copy ("city" -> "citi").  An entry is 16 bytes
 * and a slot, where a string map's entry (its key copied in) and slots
 * were 40: the stems and the words are both held while terms are named,
 * the engine's peak on most texts.
 */
#ifndef PRECIS_STEMS_H
#define PRECIS_STEMS_H

#include <stddef.h>
#include <stdint.h>

#include "slots.h"
#include "words.h"

typedef struct stem_entry {
    uint32_t hash; /* strmap_hash of the stem */
    uint32_t term;
    uint32_t at;   /* the word (in the word table), or the copy's offset */
    uint16_t len;
    uint16_t copied; /* at is in the copies, not a word */
} stem_entry;

_Static_assert(offsetof(stem_entry, hash) == 0, "slots_double reads it");

typedef struct stem_table {
    uint32_t *slots; /* entry number + 1; 0: empty */
    size_t cap;      /* a power of two, at least twice count */
    stem_entry *entries;
    size_t count, room;
    size_t expected; /* entries made room for first */
    byte_store copies; /* the stems that do not begin their word */
} stem_table;

/* PRECIS_OK or PRECIS_ENOMEM. */
int stems_init(stem_table *t, size_t expected);
void stems_free(stem_table *t);

/* The term of stem s[0, len), whose strmap_hash is h, into *term: the
 * one it names already (*added 0), or term, which it names from now on
 * (*added 1).  The stem came from word `word` of words, whose first len
 * bytes it may be.  PRECIS_OK or PRECIS_ENOMEM. */
int stems_term(stem_table *t, const word_table *words, const char *s,
               size_t len, uint32_t h, uint32_t word, uint32_t *term,
               int *added);

#endif
