/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stems.c -- a document's stems by reference (stems.h): linear probing
 * at load factor <= 1/2 over entry numbers, as strmap.c.
 */
#include "stems.h"

#include <string.h>

#include "alloc.h"
#include "array.h"
#include "bytes8.h"
#include "precis.h"
#include "strmap.h"

int stems_init(stem_table *t, size_t expected)
{
    memset(t, 0, sizeof *t);
    size_t cap = 16;
    while (cap < expected * 2)
        cap <<= 1;
    t->slots = mem_calloc(cap, sizeof *t->slots);
    if (!t->slots)
        return PRECIS_ENOMEM;
    t->cap = cap;
    return PRECIS_OK;
}

void stems_free(stem_table *t)
{
    mem_free(t->slots);
    mem_free(t->entries);
    mem_free(t->copies);
    memset(t, 0, sizeof *t);
}

static const char *entry_bytes(const stem_table *t, const word_table *words,
                               const stem_entry *e)
{
    return e->copied ? t->copies + e->at : words_key(words, e->at);
}

static int grow(stem_table *t)
{
    uint32_t *slots =
        slots_rebuilt(t->entries, sizeof *t->entries, t->count, t->cap * 2);
    if (!slots)
        return PRECIS_ENOMEM;
    mem_free(t->slots);
    t->slots = slots;
    t->cap *= 2;
    return PRECIS_OK;
}

/* The stem's bytes copied; their offset into *at. */
static int copy_stem(stem_table *t, const char *s, size_t len, uint32_t *at)
{
    if (t->copied + len > t->copy_room) {
        size_t room = t->copy_room ? t->copy_room : 256;
        while (room < t->copied + len)
            room += room / 2;
        char *grown = mem_realloc(t->copies, room);
        if (!grown)
            return PRECIS_ENOMEM;
        t->copies = grown;
        t->copy_room = room;
    }
    memcpy(t->copies + t->copied, s, len);
    *at = (uint32_t)t->copied;
    t->copied += len;
    return PRECIS_OK;
}

int stems_term(stem_table *t, const word_table *words, const char *s,
               size_t len, uint32_t h, uint32_t word, uint32_t *term,
               int *added)
{
    *added = 0;
    if ((t->count + 1) * 2 > t->cap && grow(t) != PRECIS_OK)
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
        array_grow(t->entries, &t->room, t->count, sizeof *entries, 64);
    if (!entries)
        return PRECIS_ENOMEM;
    t->entries = entries;
    int begins = len <= words->entries[word].len &&
                 bytes_same(words_key(words, word), s, len);
    stem_entry e = {h, *term, word, (uint16_t)len, !begins};
    if (!begins && copy_stem(t, s, len, &e.at) != PRECIS_OK)
        return PRECIS_ENOMEM;
    entries[t->count] = e;
    t->slots[i] = (uint32_t)++t->count;
    *added = 1;
    return PRECIS_OK;
}
