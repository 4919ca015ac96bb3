/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * slots.c -- the slot tables and key copies of the engine's hash tables
 * (slots.h).
 */
#include "slots.h"

#include <string.h>

#include "alloc.h"
#include "precis.h"

int slots_init(uint32_t **slots, size_t *cap, size_t expected)
{
    size_t n = 16;
    while (n < expected * 2)
        n <<= 1;
    *slots = mem_calloc(n, sizeof **slots);
    *cap = *slots ? n : 0;
    return *slots ? PRECIS_OK : PRECIS_ENOMEM;
}

int slots_double(uint32_t **slots, size_t *cap, const void *entries,
                 size_t stride, size_t count)
{
    size_t n = *cap * 2;
    uint32_t *grown = mem_calloc(n, sizeof *grown);
    if (!grown)
        return PRECIS_ENOMEM;
    for (size_t e = 0; e < count; e++) {
        uint32_t h;
        memcpy(&h, (const char *)entries + e * stride, sizeof h);
        size_t j = h & (n - 1);
        while (grown[j])
            j = (j + 1) & (n - 1);
        grown[j] = (uint32_t)e + 1;
    }
    mem_free(*slots);
    *slots = grown;
    *cap = n;
    return PRECIS_OK;
}

int byte_store_add(byte_store *b, const char *s, size_t len, size_t spare,
                   uint32_t *at)
{
    size_t need = b->used + len + spare;
    if (need > b->room) {
        size_t room = b->room ? b->room : 256;
        while (room < need)
            room += room / 2;
        char *grown = mem_realloc(b->bytes, room);
        if (!grown)
            return PRECIS_ENOMEM;
        b->bytes = grown;
        b->room = room;
    }
    memcpy(b->bytes + b->used, s, len);
    *at = (uint32_t)b->used;
    b->used += len;
    return PRECIS_OK;
}
