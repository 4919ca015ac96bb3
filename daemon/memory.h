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
 * needs its estimate to fit under the budget itself.  At the limit,
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

/* What a running request holds beyond its line, per byte of line: the
 * parsed JSON's copy of the text (1), the engine's heap (4: bench/speed
 * "peak/in" counts 3.9 at 1 MB of repeated articles and 3.6 at 10 MB,
 * 4.3 at 10 MB of distinct ones; at 1 MB of distinct text it is 6.6,
 * which the fixed part below covers but for some 10 %) and the reply,
 * which with "excluded": true can quote most of the text (1). */
#define MEMORY_RUN_PER_BYTE 6u
/* ... and per request, whatever its size: what the engine holds per
 * distinct word outweighs a short document's bytes (bench/speed: 36 KB
 * for 1 KB, 0.9 MB for 100 KB of distinct text), with room to spare. */
#define MEMORY_RUN_FIXED (2u << 20)

/* Estimated bytes a request of len bytes holds while it runs, beyond its
 * line. */
static inline size_t memory_run_cost(size_t len)
{
    return len * MEMORY_RUN_PER_BYTE + MEMORY_RUN_FIXED;
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
