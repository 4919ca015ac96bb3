/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * array.h -- the growing array used for sentences, tokens, terms and
 * candidates: amortised O(1) appends without a malloc per element.
 *
 * It grows by half, not double: the arrays of a long document are most of
 * the engine's peak, and what a last growth leaves unused averages a
 * sixth of an array, not a quarter (peak / input on 1 MB of distinct
 * articles 5.55 -> 4.89, one 8 MB line 5.29 -> 4.58; 0.2 % more
 * instructions on 2 KB articles).
 */
#ifndef PRECIS_ARRAY_H
#define PRECIS_ARRAY_H

#include <stdint.h>
#include <stdlib.h>

#include "alloc.h"

/* Make room for element number count (of elem bytes) in items, whose
 * capacity is *cap, from first up by half each time (by one at least).
 * Returns the possibly moved array, or NULL when out of memory (items
 * and *cap then unchanged). */
static inline void *array_grow(void *items, size_t *cap, size_t count,
                               size_t elem, size_t first)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap + (*cap > 1 ? *cap / 2 : 1) : first;
    if (n > SIZE_MAX / elem)
        return NULL;
    void *grown = mem_realloc(items, n * elem);
    if (grown)
        *cap = n;
    return grown;
}

#endif
