/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stems.c -- a document's stems by reference (stems.h): linear probing
 * at load factor <= 1/2 over entry numbers (slots.h).
 */
#include "stems.h"

#include <string.h>

#include "alloc.h"
#include "array.h"
#include "bytes8.h"
#include "precis.h"

int stems_init(stem_table *t, size_t expected)
{
    memset(t, 0, sizeof *t);
    t->expected = expected ? expected : 1;
    return slots_init(&t->slots, &t->cap, expected);
}

void stems_free(stem_table *t)
{
    mem_free(t->slots);
    mem_free(t->entries);
    mem_free(t->copies.bytes);
    memset(t, 0, sizeof *t);
}

static const char *entry_bytes(const stem_table *t, const word_table *words,
                               const stem_entry *e)
{
    return e->copied ? t->copies.bytes + e->at : words_key(words, e->at);
}

int stems_term(stem_table *t, const word_table *words, const char *s,
               size_t len, uint32_t h, uint32_t word, uint32_t *term,
               int *added)
{
    *added = 0;
    if ((t->count + 1) * 2 > t->cap &&
        slots_double(&t->slots, &t->cap, t->entries, sizeof *t->entries,
                     t->count) != PRECIS_OK)
        return PRECIS_ENOMEM;
    size_t mask = t->cap - 1, i = h & mask;
    for (; t->slots[i]; i = (i + 1) & mask) {
        const stem_entry *e = &t->entries[t->slots[i] - 1];
        if (e->hash == h && e->len == len &&
            bytes_same(entry_bytes(t, words, e), s, len)) {
            *term = e->term;
            return PRECIS_OK;
        }
    }
    stem_entry *entries =
        array_grow(t->entries, &t->room, t->count, sizeof *entries,
                   t->expected);
    if (!entries)
        return PRECIS_ENOMEM;
    t->entries = entries;
    int begins = len <= words->entries[word].len &&
                 bytes_same(words_key(words, word), s, len);
    /* Written where it lives, not copied from the stack (words_add). */
    stem_entry *e = &entries[t->count];
    e->hash = h;
    e->term = *term;
    e->at = word;
    e->len = (uint16_t)len;
    e->copied = !begins;
    if (!begins && byte_store_add(&t->copies, s, len, 0, &e->at) != PRECIS_OK)
        return PRECIS_ENOMEM;
    t->slots[i] = (uint32_t)++t->count;
    *added = 1;
    return PRECIS_OK;
}
