/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * slots.h -- what the engine's hash tables share (strmap.c, and a
 * document's words and stems, words.c and stems.c): a table of 4-byte
 * slots, entry number + 1 (0: empty), over dense entries that each open
 * with their uint32_t hash, probed linearly at load factor <= 1/2; and
 * the one growing buffer that holds the keys a table keeps by copy.
 */
#ifndef PRECIS_SLOTS_H
#define PRECIS_SLOTS_H

#include <stddef.h>
#include <stdint.h>

/* Empty slots for about expected entries: a power of two, at least 16
 * and twice expected, into *slots and *cap.  PRECIS_OK or ENOMEM. */
int slots_init(uint32_t **slots, size_t *cap, size_t expected);

/* *slots twice as many (*cap doubled), the count entries stride bytes
 * apart placed again; the old table freed.  PRECIS_OK or PRECIS_ENOMEM
 * (the table then unchanged). */
int slots_double(uint32_t **slots, size_t *cap, const void *entries,
                 size_t stride, size_t count);

/* Bytes copied one after another into one buffer, found by offset. */
typedef struct byte_store {
    char *bytes;
    size_t used, room;
} byte_store;

/* s[0, len) appended with spare readable bytes after it (their values
 * unset); its offset into *at.  b->bytes may move.  PRECIS_OK or
 * PRECIS_ENOMEM. */
int byte_store_add(byte_store *b, const char *s, size_t len, size_t spare,
                   uint32_t *at);

#endif
