/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * words.c -- a document's words by reference (words.h): linear probing
 * at load factor <= 1/2 over entry numbers, as strmap.c.
 */
#include "words.h"

#include <string.h>

#include "alloc.h"
#include "array.h"
#include "precis.h"
#include "strmap.h"

int words_init(word_table *t, const char *text, size_t len, size_t expected)
{
    memset(t, 0, sizeof *t);
    t->base[0] = text;
    t->text_len = len;
    size_t cap = 16;
    while (cap < expected * 2)
        cap <<= 1;
    t->slots = mem_calloc(cap, sizeof *t->slots);
    if (!t->slots)
        return PRECIS_ENOMEM;
    t->cap = cap;
    return PRECIS_OK;
}

void words_free(word_table *t)
{
    mem_free(t->slots);
    mem_free(t->entries);
    mem_free(t->copies);
    memset(t, 0, sizeof *t);
}

/* fold[0, len) copied; its offset into *at. */
static int copy_fold(word_table *t, const char *fold, size_t len, uint32_t *at)
{
    size_t need = t->copied + len + BYTES_PADDED;
    if (need > t->copy_room) {
        size_t room = t->copy_room ? t->copy_room : 256;
        while (room < need)
            room += room / 2;
        char *grown = mem_realloc(t->copies, room);
        if (!grown)
            return PRECIS_ENOMEM;
        t->copies = grown;
        t->base[1] = grown;
        t->copy_room = room;
    }
    memcpy(t->copies + t->copied, fold, len);
    *at = (uint32_t)t->copied;
    t->copied += len;
    return PRECIS_OK;
}

int words_add(word_table *t, uint32_t *slot, const char *fold, size_t len,
              uint32_t h, uint32_t text_at, uint32_t *w)
{
    word_entry *entries =
        array_grow(t->entries, &t->room, t->count, sizeof *entries, 64);
    if (!entries)
        return PRECIS_ENOMEM;
    t->entries = entries;
    word_entry e = {h, UINT32_MAX, text_at, (uint8_t)len, 0, 0, 0};
    if (text_at == UINT32_MAX || t->text_len - text_at < BYTES_PADDED) {
        e.copied = 1;
        if (copy_fold(t, fold, len, &e.at) != PRECIS_OK)
            return PRECIS_ENOMEM;
    }
    entries[t->count] = e;
    *slot = (uint32_t)++t->count;
    *w = (uint32_t)t->count - 1;
    if (t->count * 2 > t->cap) {
        uint32_t *slots = slots_rebuilt(t->entries, sizeof *t->entries,
                                        t->count, t->cap * 2);
        if (!slots)
            return PRECIS_ENOMEM;
        mem_free(t->slots);
        t->slots = slots;
        t->cap *= 2;
    }
    return PRECIS_OK;
}
