/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * words.h -- a document's words: each distinct folded form, numbered in
 * the order met, with what naming it found (its term, speech cue and
 * stop flag).
 *
 * A word is kept by reference to bytes the document holds already: the
 * text itself where the word's folded form is the bytes it was read
 * from (lower-case words and numbers, most of them), or else a copy
 * ("The" -> "the", names, anything Unicode folding changed).  An entry
 * is 16 bytes, where a string map's entry (the key copied in) and the
 * word's term, cue and stop flag beside it had been 40: the words and
 * the stems are both held while terms are named, the engine's peak on
 * most texts.
 */
#ifndef PRECIS_WORDS_H
#define PRECIS_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "bytes8.h"
#include "slots.h"

typedef struct word_entry {
    uint32_t hash; /* strmap_hash of the folded form */
    uint32_t term; /* UINT32_MAX: not named yet */
    uint32_t at;   /* offset of the folded form: in the text, or in the
                      copies when copied */
    uint8_t len;   /* bytes of the folded form (TOK_MAX_FOLD at most) */
    uint8_t copied;
    uint8_t cue;   /* DOC_CUE of the word, once named */
    uint8_t stop;  /* its term's stop flag, once named */
} word_entry;

_Static_assert(sizeof(word_entry) == 16, "four entries a cache line");
_Static_assert(offsetof(word_entry, hash) == 0, "slots_double reads it");

typedef struct word_table {
    /* What entries point into: the text [0], the copies [1] (indexed by
     * the entry's copied flag, not chosen under a branch on it).  Every
     * folded form has BYTES_PADDED bytes readable where it begins: one
     * too near the end of the text is copied, the copies keep as many
     * spare. */
    const char *base[2];
    size_t text_len;
    uint32_t *slots; /* entry number + 1; 0: empty */
    size_t cap;       /* a power of two, at least twice count */
    word_entry *entries;
    size_t count, room;
    size_t expected; /* entries made room for first */
    byte_store copies; /* folded forms that are not the bytes of the text */
} word_table;

/* A table for the words of text[0, len), room made for about expected.
 * PRECIS_OK or PRECIS_ENOMEM. */
int words_init(word_table *t, const char *text, size_t len, size_t expected);
void words_free(word_table *t);

/* The bytes of word w's folded form (entries[w].len of them). */
static inline const char *words_key(const word_table *t, uint32_t w)
{
    const word_entry *e = &t->entries[w];
    return t->base[e->copied] + e->at;
}

/* The slot of the folded form fold[0, len), whose strmap_hash is h and
 * which has BYTES_PADDED bytes readable (a tokenizer's fold): its
 * entry's, or the empty one where it would go.  Inline: a document
 * looks up each of its tokens, most of them words it has met. */
static inline uint32_t *words_slot(const word_table *t, const char *fold,
                                   size_t len, uint32_t h)
{
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &t->slots[i];
        if (!*slot)
            return slot;
        const word_entry *e = &t->entries[*slot - 1];
        const char *key = words_key(t, *slot - 1);
        if (e->hash == h && e->len == len &&
            (len <= BYTES_PADDED ? bytes_same_padded(key, fold, len)
                                 : bytes_same(key, fold, len)))
            return slot;
    }
}

/* A new word, fold[0, len) with strmap_hash h, where words_slot found
 * no entry (slot, which this invalidates); numbered t->count, into *w.
 * text_at: the offset in the text of bytes equal to the fold, or
 * UINT32_MAX when there are none (the fold is then copied, as it is
 * when the text ends within BYTES_PADDED bytes of text_at).
 * PRECIS_OK or PRECIS_ENOMEM. */
int words_add(word_table *t, uint32_t *slot, const char *fold, size_t len,
              uint32_t h, uint32_t text_at, uint32_t *w);

#endif
