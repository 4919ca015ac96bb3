/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * array.h -- the doubling array used for sentences, tokens, terms and
 * candidates: amortised O(1) appends without a malloc per element.
 */
#ifndef PRECIS_ARRAY_H
#define PRECIS_ARRAY_H

#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"

/* Make room for element number count (of elem bytes) in items, whose
 * capacity is *cap, doubling from first.  Returns the possibly moved
 * array, or NULL when out of memory (items and *cap then unchanged). */
static inline void *array_grow(void *items, size_t *cap, size_t count,
                               size_t elem, size_t first)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap * 2 : first;
    if (n > SIZE_MAX / elem)
        return NULL;
    void *grown = mem_realloc(items, n * elem);
    if (grown)
        *cap = n;
    return grown;
}

#endif
