/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arena.h -- bump allocation for everything one summarize call builds.
 *
 * A call allocates thousands of small objects (terms, sentence copies,
 * keyword strings) that all die together with the result, so they come
 * from a chain of large blocks and are released by one arena_free().
 * This is what keeps malloc out of the per-token hot path.
 */
#ifndef PRECIS_ARENA_H
#define PRECIS_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;
    size_t block_size; /* size of the next ordinary block: doubling from
                          ARENA_FIRST_BLOCK up to max_block */
    size_t max_block;
} arena;

void arena_init(arena *a, size_t block_size);
void arena_free(arena *a);
/* The next block sized for about total bytes more (at most the arena's
 * block size, at least a few hundred bytes), when the caller knows what
 * it will ask for: a short document's vectors need far less than a
 * first block. */
void arena_plan(arena *a, size_t total);
/* 16-byte aligned, uninitialised; NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* Copy of n bytes plus a terminating NUL. */
char *arena_strndup(arena *a, const char *s, size_t n);

#endif
