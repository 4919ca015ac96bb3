/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strmap.h -- an open-addressing hash map from byte strings to uint32_t.
 *
 * One structure serves every lookup table in precis: stop words,
 * abbreviations and IDF document frequencies (loaded once, then read by
 * many threads) and the per-document term dictionary.  Keys are copied
 * into the map's own arena, so callers may pass scratch buffers (but to
 * strmap_put_kept).
 */
#ifndef PRECIS_STRMAP_H
#define PRECIS_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Entries are kept dense, in insertion order, and the open-addressing
 * table holds their numbers: 4 bytes a slot rather than a whole entry,
 * so a map costs 32 to 40 bytes an entry, not 48 to 96 (a document's
 * words and stems were a fifth of the engine's peak). */
typedef struct strmap_entry {
    const char *key;
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} strmap_entry;

typedef struct strmap {
    uint32_t *slots; /* entry number + 1; 0: empty */
    size_t cap;      /* slots, a power of two */
    strmap_entry *entries;
    size_t count, room; /* entries used and allocated */
    arena keys;
} strmap;

/* The hash a map keeps of a key (FNV-1a); the tokenizer makes it of
 * each token's folded form as it folds, for strmap_put_hashed. */
#define STRMAP_HASH_START 2166136261u
#define STRMAP_HASH_STEP(h, byte) \
    (((h) ^ (unsigned char)(byte)) * 16777619u)

static inline uint32_t strmap_hash(const char *s, size_t len)
{
    uint32_t h = STRMAP_HASH_START;
    for (size_t i = 0; i < len; i++)
        h = STRMAP_HASH_STEP(h, s[i]);
    return h;
}

/* PRECIS_OK or PRECIS_ENOMEM. */
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
/* strmap_get and strmap_put with the key's strmap_hash already made. */
const uint32_t *strmap_get_hashed(const strmap *m, const char *key,
                                  size_t len, uint32_t hash);
uint32_t *strmap_put_hashed(strmap *m, const char *key, size_t len,
                            uint32_t hash, uint32_t value, int *added);
/* strmap_put_hashed without a copy of the key: the caller keeps key[0,
 * len) unchanged while the map lives (a document's stems, which its
 * terms hold already). */
uint32_t *strmap_put_kept(strmap *m, const char *key, size_t len,
                          uint32_t hash, uint32_t value, int *added);

#endif
