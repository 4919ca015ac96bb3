/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * words.c -- a document's words by reference (words.h): linear probing
 * at load factor <= 1/2 over entry numbers (slots.h).
 */
#include "words.h"

#include <string.h>

#include "alloc.h"
#include "array.h"
#include "precis.h"

int words_init(word_table *t, const char *text, size_t len, size_t expected)
{
    memset(t, 0, sizeof *t);
    t->base[0] = text;
    t->text_len = len;
    t->expected = expected ? expected : 1;
    return slots_init(&t->slots, &t->cap, expected);
}

void words_free(word_table *t)
{
    mem_free(t->slots);
    mem_free(t->entries);
    mem_free(t->copies.bytes);
    memset(t, 0, sizeof *t);
}

int words_add(word_table *t, uint32_t *slot, const char *fold, size_t len,
              uint32_t h, uint32_t text_at, uint32_t *w)
{
    word_entry *entries =
        array_grow(t->entries, &t->room, t->count, sizeof *entries,
                   t->expected);
    if (!entries)
        return PRECIS_ENOMEM;
    t->entries = entries;
    /* Written field by field where it lives: an entry made on the stack
     * and copied as 16 bytes was read back before its small stores had
     * reached the cache, a stall on every new word. */
    word_entry *e = &entries[t->count];
    e->hash = h;
    e->term = UINT32_MAX;
    e->at = text_at;
    e->len = (uint8_t)len;
    e->copied = text_at == UINT32_MAX || t->text_len - text_at < BYTES_PADDED;
    e->cue = 0;
    e->stop = 0;
    if (e->copied) {
        if (byte_store_add(&t->copies, fold, len, BYTES_PADDED, &e->at) !=
            PRECIS_OK)
            return PRECIS_ENOMEM;
        t->base[1] = t->copies.bytes;
    }
    *slot = (uint32_t)++t->count;
    *w = (uint32_t)t->count - 1;
    if (t->count * 2 > t->cap &&
        slots_double(&t->slots, &t->cap, t->entries, sizeof *t->entries,
                     t->count) != PRECIS_OK)
        return PRECIS_ENOMEM;
    return PRECIS_OK;
}
