/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arena.c -- a chain of blocks; allocation bumps a pointer in the newest
 * block, an oversized request gets a block of its own.
 */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct arena_block {
    arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

/* A short document needs a few KB: blocks start small and double, so it
 * does not touch a whole block_size (the 256 KB of a document's arena
 * were most of what a 1 KB summary added to the resident set). */
#define ARENA_FIRST_BLOCK (4 * 1024)

void arena_init(arena *a, size_t block_size)
{
    a->head = NULL;
    a->max_block = block_size ? block_size : 64 * 1024;
    a->block_size =
        a->max_block < ARENA_FIRST_BLOCK ? a->max_block : ARENA_FIRST_BLOCK;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        mem_free(b);
        b = next;
    }
    a->head = NULL;
}

void arena_plan(arena *a, size_t total)
{
    total = (total + 15) & ~(size_t)15;
    a->block_size = total < 256          ? 256
                    : total > a->max_block ? a->max_block
                                           : total;
}

void *arena_alloc(arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > a->block_size / 4 ? size : a->block_size;
        b = mem_malloc(sizeof *b + want);
        if (!b)
            return NULL;
        b->size = want;
        b->used = 0;
        if (want == a->block_size && a->block_size < a->max_block)
            a->block_size = a->block_size * 2 < a->max_block
                                ? a->block_size * 2
                                : a->max_block;
        if (want == size && a->head) {
            /* Oversized: keep the current block in front for small ones. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
