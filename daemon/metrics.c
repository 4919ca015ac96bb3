/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * metrics.c -- GET /metrics: the stats in the Prometheus text exposition
 * format (version 0.0.4), for a monitoring system to scrape.
 *
 * Names follow Prometheus conventions: a precisd_ prefix, _total on
 * counters, base units (seconds, bytes); the latency histogram's buckets
 * are cumulative counts read from the stats' log-linear buckets, so each
 * is right within one of those (6 %).
 */
#include "metrics.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "protocol.h"
#include "server.h"

typedef struct out {
    char *buf;
    size_t len, cap;
    int failed;
} out;

static void put(out *o, const char *fmt, ...)
{
    for (int tries = 0; tries < 2 && !o->failed; tries++) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->failed = 1;
            return;
        }
        if ((size_t)n < o->cap - o->len) {
            o->len += (size_t)n;
            return;
        }
        size_t cap = (o->cap + (size_t)n + 1) * 2;
        char *grown = realloc(o->buf, cap);
        if (!grown) {
            o->failed = 1;
            return;
        }
        o->buf = grown;
        o->cap = cap;
    }
}

static void family(out *o, const char *name, const char *type,
                   const char *help)
{
    put(o, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Upper bounds of the latency histogram, seconds: 1 ms to 30 s. */
static const double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                0.1,   0.25,   0.5,   1,    2.5,   5,
                                10,    30};

char *metrics_text(const server *s)
{
    /* Never a NULL buffer: buf + len must be a pointer into one. */
    out o = {.buf = malloc(4096), .cap = 4096};
    if (!o.buf)
        return NULL;
    const stats *st = &s->stats;
    const precis_engine_t *e = s->engine->engine;
    family(&o, "precisd_info", "gauge", "Version of the engine serving.");
    put(&o, "precisd_info{version=\"%s\"} 1\n", precis_version());
    family(&o, "precisd_languages", "gauge", "Languages loaded.");
    put(&o, "precisd_languages %zu\n", precis_engine_language_count(e));
    family(&o, "precisd_language_info", "gauge",
           "A loaded language, and whether it has a background IDF model.");
    for (size_t i = 0; i < precis_engine_language_count(e); i++) {
        const char *code = precis_engine_language(e, i);
        put(&o, "precisd_language_info{code=\"%s\",idf=\"%s\"} 1\n", code,
            precis_engine_has_idf(e, code) ? "true" : "false");
    }
    family(&o, "precisd_uptime_seconds", "gauge", "Seconds since start.");
    put(&o, "precisd_uptime_seconds %.3f\n",
        (double)(server_now_ms(s) - st->started_ms) / 1000.0);
    family(&o, "precisd_requests_total", "counter", "Replies sent, by op.");
    for (int i = 0; i < OP_COUNT; i++)
        put(&o, "precisd_requests_total{op=\"%s\"} %llu\n",
            protocol_op_name(i), (unsigned long long)st->by_op[i]);
    family(&o, "precisd_errors_total", "counter",
           "Error replies, by protocol error code.");
    for (int i = PE_NONE + 1; i < PE_COUNT; i++)
        put(&o, "precisd_errors_total{code=\"%s\"} %llu\n",
            protocol_code_name(i), (unsigned long long)st->errors[i]);
    family(&o, "precisd_request_duration_seconds", "histogram",
           "Time from reading a request to its reply.");
    uint64_t total = stats_count_within(st, UINT64_MAX);
    for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++)
        put(&o, "precisd_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
            bounds[i],
            (unsigned long long)stats_count_within(
                st, (uint64_t)(bounds[i] * 1e6)));
    put(&o, "precisd_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
        (unsigned long long)total);
    put(&o, "precisd_request_duration_seconds_sum %.6f\n",
        (double)st->latency_sum_us / 1e6);
    put(&o, "precisd_request_duration_seconds_count %llu\n",
        (unsigned long long)total);
    stats_load load = job_load(s);
    family(&o, "precisd_requests_queued", "gauge",
           "Requests waiting in their connections' queues.");
    put(&o, "precisd_requests_queued %u\n", load.queued);
    family(&o, "precisd_requests_running", "gauge",
           "Requests handed to the thread pool.");
    put(&o, "precisd_requests_running %u\n", load.running);
    family(&o, "precisd_requests_cancelled_total", "counter",
           "Queued requests dropped because their client left.");
    put(&o, "precisd_requests_cancelled_total %llu\n",
        (unsigned long long)st->cancelled);
    family(&o, "precisd_memory_bytes", "gauge",
           "Bytes charged to max_memory: used, peak and limit.");
    put(&o, "precisd_memory_bytes{kind=\"used\"} %zu\n", load.memory);
    put(&o, "precisd_memory_bytes{kind=\"peak\"} %zu\n", load.memory_peak);
    put(&o, "precisd_memory_bytes{kind=\"limit\"} %zu\n", load.memory_limit);
    family(&o, "precisd_connections_open", "gauge", "Open connections.");
    put(&o, "precisd_connections_open %llu\n",
        (unsigned long long)st->connections_open);
    family(&o, "precisd_connections_total", "counter",
           "Connections accepted.");
    put(&o, "precisd_connections_total %llu\n",
        (unsigned long long)st->connections_total);
    family(&o, "precisd_connections_refused_total", "counter",
           "Connections turned away, by reason.");
    for (int i = 0; i < REFUSED_COUNT; i++)
        put(&o, "precisd_connections_refused_total{reason=\"%s\"} %llu\n",
            stats_refusal_names[i], (unsigned long long)st->refused_by[i]);
    family(&o, "precisd_bytes_total", "counter", "Bytes read and written.");
    put(&o, "precisd_bytes_total{direction=\"in\"} %llu\n",
        (unsigned long long)st->bytes_in);
    put(&o, "precisd_bytes_total{direction=\"out\"} %llu\n",
        (unsigned long long)st->bytes_out);
    family(&o, "precisd_reloads_total", "counter",
           "Reloads (SIGHUP), by result.");
    put(&o, "precisd_reloads_total{result=\"ok\"} %llu\n",
        (unsigned long long)st->reloads);
    put(&o, "precisd_reloads_total{result=\"failed\"} %llu\n",
        (unsigned long long)st->reload_failures);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}
