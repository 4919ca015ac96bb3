/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strmap.h -- an open-addressing hash map from byte strings to uint32_t.
 *
 * One structure serves every lookup table in precis: stop words,
 * abbreviations and IDF document frequencies (loaded once, then read by
 * many threads) and the per-document term dictionary.  Keys are copied
 * into the map's own arena, so callers may pass scratch buffers.
 */
#ifndef PRECIS_STRMAP_H
#define PRECIS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct strmap_slot {
    const char *key; /* NULL: empty */
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap; /* power of two */
    size_t count;
    arena keys;
} strmap;

int strmap_init(strmap *m, size_t expected);
void strmap_free(strmap *m);
/* Pointer to the value of key, or NULL.  Safe from many threads once
 * nobody inserts any more. */
const uint32_t *strmap_get(const strmap *m, const char *key, size_t len);
/* Insert key with value unless present.  Returns the stored value's
 * slot (whose value may be an older one: *added tells), NULL on ENOMEM.
 * The pointer is valid until the next insertion. */
uint32_t *strmap_put(strmap *m, const char *key, size_t len, uint32_t value,
                     int *added);

#endif
