/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stats.h -- what the "stats" op reports: counters and a latency
 * histogram, owned and updated by the event loop thread only.
 */
#ifndef PRECISD_STATS_H
#define PRECISD_STATS_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "protocol.h"

/* Latency buckets: 16 per power of two of microseconds, so a reported
 * percentile is within 1/16 (6 %) of the true value. */
#define STATS_SUB 16
#define STATS_BUCKETS (64 * STATS_SUB)


/* Why a connection was turned away at accept. */
enum refusal {
    REFUSED_MAX_CONNECTIONS, /* the server is full */
    REFUSED_PER_UID,         /* that user holds max_connections_per_uid */
    REFUSED_NOT_ALLOWED,     /* not in allow_uids / allow_gids */
    REFUSED_COUNT
};

typedef struct stats {
    uint64_t started_ms; /* loop time at start */
    uint64_t connections_total, connections_refused;
    uint64_t refused_by[REFUSED_COUNT]; /* by enum refusal */
    uint64_t connections_open;
    uint64_t requests;        /* replies sent, errors included */
    uint64_t by_op[OP_COUNT]; /* by enum op */
    uint64_t errors[PE_COUNT]; /* by proto_code; [PE_NONE] unused */
    uint64_t bytes_in, bytes_out;
    uint64_t reloads, reload_failures;
    uint64_t cancelled; /* queued requests of connections that closed */
    uint64_t latency[STATS_BUCKETS];
    uint64_t latency_max_us;
    uint64_t latency_sum_us;
} stats;

/* The server's load at the moment of a stats reply. */
typedef struct stats_load {
    unsigned queued, running, workers;
    unsigned memory_waiting; /* connections paused for memory */
    size_t memory, memory_peak, memory_limit; /* bytes (memory.h) */
} stats_load;

void stats_init(stats *s, uint64_t now_ms);
void stats_latency(stats *s, uint64_t us);
void stats_error(stats *s, proto_code code);
/* Replies whose latency bucket lies wholly within us microseconds (a
 * histogram's cumulative count, within a bucket's 6 %). */
uint64_t stats_count_within(const stats *s, uint64_t us);
/* "max_connections", ...: enum refusal as stats and metrics name it. */
extern const char *const stats_refusal_names[REFUSED_COUNT];
/* The latency at quantile q (0..1) in microseconds. */
uint64_t stats_percentile(const stats *s, double q);
/* The "stats" reply body. */
json_t *stats_json(const stats *s, uint64_t now_ms, const stats_load *load);

#endif
