/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strmap.c -- linear probing at load factor <= 1/2, FNV-1a hashes.
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

int strmap_init(strmap *m, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2)
        cap <<= 1;
    m->slots = calloc(cap, sizeof *m->slots);
    if (!m->slots)
        return -1;
    m->cap = cap;
    m->count = 0;
    arena_init(&m->keys, 32 * 1024);
    return 0;
}

void strmap_free(strmap *m)
{
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
    arena_free(&m->keys);
}

static strmap_slot *find(const strmap *m, const char *key, size_t len,
                         uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            return s;
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return s;
    }
}

const uint32_t *strmap_get(const strmap *m, const char *key, size_t len)
{
    if (!m->slots)
        return NULL;
    strmap_slot *s = find(m, key, len, hash_bytes(key, len));
    return s->key ? &s->value : NULL;
}

static int grow(strmap *m)
{
    size_t cap = m->cap * 2;
    strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        strmap_slot *s = &m->slots[i];
        if (!s->key)
            continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t value,
                     int *added)
{
    if ((m->count + 1) * 2 > m->cap && grow(m) != 0)
        return NULL;
    uint32_t h = hash_bytes(key, len);
    strmap_slot *s = find(m, key, len, h);
    if (s->key) {
        if (added)
            *added = 0;
        return &s->value;
    }
    char *copy = arena_strndup(&m->keys, key, len);
    if (!copy)
        return NULL;
    s->key = copy;
    s->len = (uint32_t)len;
    s->hash = h;
    s->value = value;
    m->count++;
    if (added)
        *added = 1;
    return &s->value;
}
