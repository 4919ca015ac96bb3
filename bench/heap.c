/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/heap.c -- the engine's heap in use, counted exactly.
 *
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free,
 * every allocation made by the objects of the link (the engine's, not
 * the C library's own) passes through here and is counted by its usable
 * size while counting is on.  The resident set would say more about the
 * allocator's habits (a fresh heap's pages, fragmentation) than about
 * what a summary holds.
 */
#include "heap.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stddef.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
void __wrap_free(void *p);

static atomic_int counting;
static atomic_llong in_use, peak;

static void add(long long n)
{
    long long now = atomic_fetch_add(&in_use, n) + n;
    long long top = atomic_load(&peak);
    while (now > top && !atomic_compare_exchange_weak(&peak, &top, now))
        ;
}

void *__wrap_malloc(size_t n)
{
    void *p = __real_malloc(n);
    if (p && atomic_load(&counting))
        add((long long)malloc_usable_size(p));
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    void *p = __real_calloc(n, size);
    if (p && atomic_load(&counting))
        add((long long)malloc_usable_size(p));
    return p;
}

void *__wrap_realloc(void *p, size_t n)
{
    long long before = p && atomic_load(&counting)
                           ? (long long)malloc_usable_size(p)
                           : 0;
    void *q = __real_realloc(p, n);
    if (q && atomic_load(&counting))
        add((long long)malloc_usable_size(q) - before);
    return q;
}

void __wrap_free(void *p)
{
    if (p && atomic_load(&counting))
        add(-(long long)malloc_usable_size(p));
    __real_free(p);
}

void heap_count_start(void)
{
    atomic_store(&in_use, 0);
    atomic_store(&peak, 0);
    atomic_store(&counting, 1);
}

long long heap_count_stop(void)
{
    atomic_store(&counting, 0);
    return atomic_load(&peak);
}
