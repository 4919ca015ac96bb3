/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memory.h -- precisd's memory budget, max_memory.
 *
 * Every byte precisd holds for a client is charged: connection buffers
 * (their capacity), queued request lines, the working memory of running
 * requests (estimated from their input) and replies not yet written.
 * Reading and queueing stop short of the budget by a reserve, so one
 * request of max_request bytes can always run and every connection can
 * always read a short line (a ping, a small document); running a job
 * needs its charge to fit under the budget itself, and the engine is
 * held to it (memory_engine_limit).  At the limit,
 * reading pauses (back-pressure) and complete lines are answered
 * overloaded, so the total stays under max_memory.
 */
#ifndef PRECISD_MEMORY_H
#define PRECISD_MEMORY_H

#include <stddef.h>

#include "config.h"

typedef struct server server;
typedef struct conn conn;

/* A connection's first read buffer, granted even at the budget (and
 * reserved for max_connections of them): room for a ping or a short
 * document when long lines of other clients hold the rest. */
#define MEMORY_READ_FLOOR (4u * 1024)

/* The most heap the engine may hold for a request, per byte of its line
 * and per request: precisd passes it as precis_options_t.max_memory, so
 * a text whose shape needs more is answered too_large instead of
 * holding more than it was charged (1 MB of two-byte paragraphs needs
 * some 30 MB: tests/test_badinput.c, test_hostile; of made-up words,
 * 9 MB, inside its 10).
 * Real text stays well inside: bench/speed's memory rows count 3.9
 * bytes a byte for 1 MB of distinct articles and 3.8 for 10 MB, and
 * under 1 MB the fixed part covers what each distinct word costs
 * (0.5 MB for 100 KB); 8 leaves room for shapes and languages the dev
 * sets lack. */
#define MEMORY_ENGINE_PER_BYTE 8u
#define MEMORY_ENGINE_FIXED (2u << 20)
/* Beyond the engine's: the parsed JSON's copy of the text (1 a byte)
 * and the reply, which with "excluded": true can quote most of it (1). */
#define MEMORY_RUN_COPIES 2u

static inline size_t memory_engine_limit(size_t len)
{
    return len * MEMORY_ENGINE_PER_BYTE + MEMORY_ENGINE_FIXED;
}
/* Bytes a request of len bytes may hold while it runs, beyond its line:
 * what it is charged. */
static inline size_t memory_run_cost(size_t len)
{
    return memory_engine_limit(len) + len * MEMORY_RUN_COPIES;
}
/* The part of max_memory kept back from reading and queueing. */
static inline size_t memory_reserve(const config *cfg)
{
    return memory_run_cost(cfg->max_request) +
           (size_t)cfg->max_connections * MEMORY_READ_FLOOR;
}

/* Charge n bytes to the server, to c (NULL: none, a conn that closed)
 * and to *held (NULL: the conn's own buffers). */
void memory_charge(server *s, conn *c, size_t *held, size_t n);
void memory_release(server *s, conn *c, size_t *held, size_t n);
/* May n more bytes be read or queued, under the budget less its
 * reserve?  And within c's share (max_connection_memory)? */
int memory_may_grow(const server *s, size_t n);
int memory_conn_may_grow(const server *s, const conn *c, size_t n);
/* May a job holding cost more bytes start now? */
int memory_may_run(const server *s, size_t cost);

#endif
