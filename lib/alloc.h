/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * alloc.h -- the library's heap, counted against a call's max_memory.
 *
 * Every allocation of libprecis goes through these (but the per-thread
 * lexicon's, a cache outside any one call).  While a call runs, its
 * meter counts the bytes it holds, and an allocation that would pass
 * its limit fails as if the heap were full: the stages unwind as for
 * any ENOMEM and the call returns PRECIS_ELIMIT.  The size a call
 * needs follows the document's shape (a million two-byte paragraphs
 * hold 40 times their bytes, prose 4 to 7 times), which no estimate
 * from the length alone can bound; counting can.
 *
 * Each block carries a 16-byte header: its size, and the call that
 * counted it, so memory freed outside that call (a result freed by its
 * caller, on any thread) is not taken off another call's count.
 */
#ifndef PRECIS_ALLOC_H
#define PRECIS_ALLOC_H

#include <stddef.h>
#include <stdint.h>

typedef struct mem_meter {
    uint64_t call;  /* unique per call; 0 in no header */
    size_t used;    /* bytes held now, headers included */
    size_t limit;   /* 0: none */
    int over;       /* an allocation was refused for the limit */
} mem_meter;

/* Count this thread's allocations into m from now, under limit (0:
 * none), until mem_meter_stop(). */
void mem_meter_start(mem_meter *m, size_t limit);
void mem_meter_stop(void);

/* malloc, calloc, realloc and free with the meter's accounting; memory
 * from one of them is freed by mem_free() only. */
void *mem_malloc(size_t n);
void *mem_calloc(size_t n, size_t size);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);
char *mem_strdup(const char *s);

#endif
