/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strmap.c -- linear probing at load factor <= 1/2 over entry numbers
 * (slots.h) with strmap_hash; the probe itself (strmap_slot) is inline
 * in strmap.h.
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "precis.h"
#include "slots.h"

int strmap_init(strmap *m, size_t expected)
{
    memset(m, 0, sizeof *m);
    slots_init(&m->slots, &m->cap, expected);
    m->room = expected ? expected : 8;
    m->entries = mem_malloc(m->room * sizeof *m->entries);
    if (!m->slots || !m->entries) {
        mem_free(m->slots);
        mem_free(m->entries);
        m->slots = NULL;
        m->entries = NULL;
        m->cap = 0;
        return PRECIS_ENOMEM;
    }
    arena_init(&m->keys, 32 * 1024);
    return 0;
}

void strmap_free(strmap *m)
{
    mem_free(m->slots);
    mem_free(m->entries);
    m->slots = NULL;
    m->entries = NULL;
    m->cap = m->count = m->room = 0;
    arena_free(&m->keys);
}

const uint32_t *strmap_get(const strmap *m, const char *key, size_t len)
{
    return strmap_get_hashed(m, key, len, strmap_hash(key, len));
}

static int grow(strmap *m)
{
    return slots_double(&m->slots, &m->cap, m->entries, sizeof *m->entries,
                        m->count);
}

uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t value,
                     int *added)
{
    return strmap_put_hashed(m, key, len, strmap_hash(key, len), value, added);
}

uint32_t *strmap_put_hashed(strmap *m, const char *key, size_t len,
                            uint32_t h, uint32_t value, int *added)
{
    if (!m->slots || m->count >= UINT32_MAX - 1)
        return NULL;
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return NULL;
    uint32_t *slot = strmap_slot(m, key, len, h);
    if (*slot) {
        if (added)
            *added = 0;
        return &m->entries[*slot - 1].value;
    }
    if (m->count == m->room) {
        strmap_entry *grown =
            mem_realloc(m->entries, 2 * m->room * sizeof *m->entries);
        if (!grown)
            return NULL;
        m->entries = grown;
        m->room *= 2;
    }
    strmap_entry *e = &m->entries[m->count];
    *e = (strmap_entry){h, value, (uint32_t)len, {0}};
    if (len <= STRMAP_INLINE) {
        memcpy(e->key, key, len);
    } else {
        const char *stored = arena_strndup(&m->keys, key, len);
        if (!stored)
            return NULL;
        memcpy(e->key, &stored, sizeof stored);
    }
    *slot = (uint32_t)++m->count;
    if (added)
        *added = 1;
    return &m->entries[m->count - 1].value;
}
