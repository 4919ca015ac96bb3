/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strmap.h -- an open-addressing hash map from byte strings to uint32_t.
 *
 * One structure serves the engine's lookup tables: stop words,
 * abbreviations and IDF document frequencies (loaded once, then read by
 * many threads); a document's words and stems have tables of their own
 * that keep keys by reference (words.h, stems.h).  Keys are copied into
 * the map (its entries, or its arena when long), so callers may pass
 * scratch buffers.
 */
#ifndef PRECIS_STRMAP_H
#define PRECIS_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "bytes8.h"

/* Keys up to this many bytes are held in their entry (nearly every word
 * and stem); a longer one is a pointer to its copy in the map's arena. */
#define STRMAP_INLINE 20

/* Entries are kept dense, in insertion order, and the open-addressing
 * table holds their numbers: 4 bytes a slot rather than a whole entry,
 * so a map costs 40 to 48 bytes an entry, not 64 to 128 (a document's
 * words and stems were a fifth of the engine's peak).  A short key in
 * the entry itself makes a hit one cache line after the slot, not two. */
typedef struct strmap_entry {
    uint32_t hash;
    uint32_t value;
    uint32_t len;
    char key[STRMAP_INLINE]; /* the key, or a pointer to it (strmap_key) */
} strmap_entry;

_Static_assert(sizeof(strmap_entry) == 32, "two entries a cache line");
_Static_assert(offsetof(strmap_entry, hash) == 0, "slots_double reads it");

/* The bytes of e's key (not NUL-terminated); valid until the map's next
 * insertion. */
static inline const char *strmap_key(const strmap_entry *e)
{
    if (e->len <= STRMAP_INLINE)
        return e->key;
    const char *p;
    memcpy(&p, e->key, sizeof p);
    return p;
}

typedef struct strmap {
    uint32_t *slots; /* entry number + 1; 0: empty */
    size_t cap;      /* slots, a power of two */
    strmap_entry *entries;
    size_t count, room; /* entries used and allocated */
    arena keys;
} strmap;

/* The hash a map keeps of a key: the key read eight bytes at a time
 * (little-endian, the last piece zero-filled and its top byte xored
 * with the length), each piece xored in and multiplied by 2^64 / phi
 * (Knuth's multiplicative constant).  Byte-at-a-time FNV-1a, which it
 * replaced, put a multiplication in the chain of every byte of every
 * token; the tokenizer makes this one from the pieces it folds.  On
 * 34,849 distinct English and French words in a table at a quarter
 * full, linear probing takes 1.199 probes a hit (FNV-1a 1.178; 1.181
 * for a uniform hash) and no two words share a hash. */
#define STRMAP_MULTIPLIER 0x9E3779B97F4A7C15u

static inline uint64_t strmap_mix(uint64_t h, uint64_t piece)
{
    h = (h ^ piece) * STRMAP_MULTIPLIER;
    return h ^ (h >> 32);
}

/* The last piece of a key of len bytes; the product's high half, which
 * every bit of the key reaches (its low half depends only on the low
 * bytes of the last piece). */
static inline uint32_t strmap_finish(uint64_t h, uint64_t last, size_t len)
{
    return (uint32_t)(((h ^ last ^ (uint64_t)len << 56) * STRMAP_MULTIPLIER) >>
                      32);
}

static inline uint32_t strmap_hash(const char *s, size_t len)
{
    uint64_t h = 0;
    size_t left = len;
    for (; left >= 8; s += 8, left -= 8)
        h = strmap_mix(h, bytes_load8(s));
    return strmap_finish(h, bytes_load_tail(s, left), len);
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
/* The slot of key, whose hash is h: its entry's, or the empty one where
 * it would go.  Inline, as strmap_get_hashed: a document looks up each
 * of its tokens, most of them words it has met. */
static inline uint32_t *strmap_slot(const strmap *m, const char *key,
                                    size_t len, uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t *slot = &m->slots[i];
        if (!*slot)
            return slot;
        const strmap_entry *e = &m->entries[*slot - 1];
        if (e->hash == h && e->len == len &&
            bytes_same(strmap_key(e), key, len))
            return slot;
    }
}

/* strmap_get and strmap_put with the key's strmap_hash already made. */
static inline const uint32_t *strmap_get_hashed(const strmap *m,
                                                const char *key, size_t len,
                                                uint32_t hash)
{
    if (!m->slots)
        return NULL;
    const uint32_t *slot = strmap_slot(m, key, len, hash);
    return *slot ? &m->entries[*slot - 1].value : NULL;
}
uint32_t *strmap_put_hashed(strmap *m, const char *key, size_t len,
                            uint32_t hash, uint32_t value, int *added);

#endif
