/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stats.c -- counters and a log-linear latency histogram (the layout
 * HdrHistogram uses: a power-of-two magnitude, then 16 linear steps).
 */
#include "stats.h"

#include <string.h>

#include "protocol.h"

void stats_init(stats *s, uint64_t now_ms)
{
    memset(s, 0, sizeof *s);
    s->started_ms = now_ms;
}

static unsigned bucket_of(uint64_t us)
{
    if (us < STATS_SUB)
        return (unsigned)us;
    unsigned msb = 63u - (unsigned)__builtin_clzll(us);
    unsigned sub = (unsigned)(us >> (msb - 4)) & (STATS_SUB - 1);
    unsigned b = (msb - 3) * STATS_SUB + sub;
    return b < STATS_BUCKETS ? b : STATS_BUCKETS - 1;
}

/* Upper bound of bucket b in microseconds. */
static uint64_t bucket_top(unsigned b)
{
    if (b < STATS_SUB)
        return b;
    unsigned msb = b / STATS_SUB + 3, sub = b % STATS_SUB;
    return ((uint64_t)(STATS_SUB + sub + 1) << (msb - 4)) - 1;
}

void stats_latency(stats *s, uint64_t us)
{
    s->latency[bucket_of(us)]++;
    s->latency_sum_us += us;
    if (us > s->latency_max_us)
        s->latency_max_us = us;
}

void stats_error(stats *s, proto_code code)
{
    if (code > PE_NONE && code < PE_COUNT)
        s->errors[code]++;
}

uint64_t stats_percentile(const stats *s, double q)
{
    uint64_t total = 0;
    for (unsigned b = 0; b < STATS_BUCKETS; b++)
        total += s->latency[b];
    if (total == 0)
        return 0;
    uint64_t rank = (uint64_t)(q * (double)total + 0.5), seen = 0;
    if (rank == 0)
        rank = 1;
    for (unsigned b = 0; b < STATS_BUCKETS; b++) {
        seen += s->latency[b];
        if (seen >= rank) {
            uint64_t top = bucket_top(b);
            return top < s->latency_max_us ? top : s->latency_max_us;
        }
    }
    return s->latency_max_us;
}

uint64_t stats_count_within(const stats *s, uint64_t us)
{
    uint64_t n = 0;
    for (unsigned b = 0; b < STATS_BUCKETS && bucket_top(b) <= us; b++)
        n += s->latency[b];
    return n;
}

const char *const stats_refusal_names[REFUSED_COUNT] = {
    "max_connections", "max_connections_per_uid", "not_allowed"};

json_t *stats_json(const stats *s, uint64_t now_ms, const stats_load *load)
{
    json_t *ops = json_object(), *errors = json_object();
    json_t *refused = json_object();
    for (int i = 0; i < REFUSED_COUNT; i++)
        json_object_set_new(refused, stats_refusal_names[i],
                            json_integer((json_int_t)s->refused_by[i]));
    for (int i = 0; i < OP_COUNT; i++)
        json_object_set_new(ops, protocol_op_name(i),
                            json_integer((json_int_t)s->by_op[i]));
    for (int i = PE_NONE + 1; i < PE_COUNT; i++)
        json_object_set_new(errors, protocol_code_name(i),
                            json_integer((json_int_t)s->errors[i]));
    json_t *memory = json_pack(
        "{s:I, s:I, s:I, s:I}", "used", (json_int_t)load->memory, "peak",
        (json_int_t)load->memory_peak, "limit",
        (json_int_t)load->memory_limit, "waiting",
        (json_int_t)load->memory_waiting);
    return json_pack(
        "{s:f, s:{s:I, s:I, s:I, s:o}, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:o},"
        " s:o, s:{s:I, s:I}, s:{s:f, s:f, s:f, s:f}, s:{s:I, s:I}, s:o}",
        "uptime_s", (double)(now_ms - s->started_ms) / 1000.0, "connections",
        "open", (json_int_t)s->connections_open, "total",
        (json_int_t)s->connections_total, "refused",
        (json_int_t)s->connections_refused, "refused_by", refused, "requests",
        "total",
        (json_int_t)s->requests, "pending",
        (json_int_t)(load->queued + load->running), "queued",
        (json_int_t)load->queued, "running", (json_int_t)load->running,
        "workers", (json_int_t)load->workers, "cancelled",
        (json_int_t)s->cancelled, "by_op", ops,
        "errors", errors, "bytes", "in", (json_int_t)s->bytes_in, "out",
        (json_int_t)s->bytes_out, "latency_ms", "p50",
        stats_percentile(s, 0.50) / 1000.0, "p90",
        stats_percentile(s, 0.90) / 1000.0, "p99",
        stats_percentile(s, 0.99) / 1000.0, "max", s->latency_max_us / 1000.0,
        "reloads", "ok", (json_int_t)s->reloads, "failed",
        (json_int_t)s->reload_failures, "memory", memory);
}
