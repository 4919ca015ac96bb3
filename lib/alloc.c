/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * alloc.c -- a size header in front of every block, and the calling
 * thread's meter (alloc.h).
 */
#include "alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* 16 bytes, so what follows keeps malloc's alignment on the platforms
 * we build for (max_align_t is 16 on x86-64 and arm64). */
typedef union mem_header {
    struct {
        size_t size;   /* bytes asked for, without the header */
        uint64_t call; /* the meter that counted it, 0: none */
    } h;
    max_align_t align;
} mem_header;

static _Thread_local mem_meter *current;
static atomic_uint_fast64_t calls;

void mem_meter_start(mem_meter *m, size_t limit)
{
    m->call = (uint64_t)atomic_fetch_add(&calls, 1) + 1;
    m->used = 0;
    m->limit = limit;
    m->over = 0;
    current = m;
}

void mem_meter_stop(void)
{
    current = NULL;
}

/* May n more bytes be held?  Refusing marks the meter. */
static int may_take(size_t n)
{
    mem_meter *m = current;
    if (!m || !m->limit)
        return 1;
    if (n <= m->limit && m->used <= m->limit - n)
        return 1;
    m->over = 1;
    return 0;
}

static void *stamp(mem_header *b, size_t n)
{
    b->h.size = n;
    b->h.call = current ? current->call : 0;
    if (current)
        current->used += n + sizeof *b;
    return b + 1;
}

/* Takes a block's bytes off the meter that counted it, when that is
 * the running call's. */
static void unstamp(const mem_header *b)
{
    if (current && b->h.call == current->call)
        current->used -= b->h.size + sizeof *b;
}

void *mem_malloc(size_t n)
{
    if (n > SIZE_MAX - sizeof(mem_header) ||
        !may_take(n + sizeof(mem_header)))
        return NULL;
    mem_header *b = malloc(n + sizeof *b);
    return b ? stamp(b, n) : NULL;
}

/* calloc itself, not malloc and memset: a large block comes zeroed from
 * fresh pages, which memset would make resident. */
void *mem_calloc(size_t n, size_t size)
{
    if (size && n > (SIZE_MAX - sizeof(mem_header)) / size)
        return NULL;
    size_t bytes = n * size;
    if (!may_take(bytes + sizeof(mem_header)))
        return NULL;
    mem_header *b = calloc(1, bytes + sizeof *b);
    return b ? stamp(b, bytes) : NULL;
}

void *mem_realloc(void *p, size_t n)
{
    if (!p)
        return mem_malloc(n);
    mem_header *b = (mem_header *)p - 1;
    if (n > SIZE_MAX - sizeof *b)
        return NULL;
    /* What the meter will hold more: the growth of a block it counted,
     * all of one it did not. */
    int counted = current && b->h.call == current->call;
    size_t old = b->h.size;
    if (!may_take(counted ? (n > old ? n - old : 0) : n + sizeof *b))
        return NULL;
    mem_header saved = *b;
    mem_header *grown = realloc(b, n + sizeof *grown);
    if (!grown)
        return NULL;
    unstamp(&saved);
    return stamp(grown, n);
}

void mem_free(void *p)
{
    if (!p)
        return;
    mem_header *b = (mem_header *)p - 1;
    unstamp(b);
    free(b);
}

char *mem_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = mem_malloc(n);
    return p ? memcpy(p, s, n) : NULL;
}
