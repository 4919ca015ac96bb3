/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memory.c -- the accounting behind max_memory (memory.h).
 */
#include "memory.h"

#include <stdio.h>

#include "server.h"

size_t memory_reserve(const config *cfg)
{
    return memory_run_cost(cfg->max_request) +
           (size_t)cfg->max_connections * MEMORY_READ_FLOOR;
}

int memory_check_config(const config *cfg, char *err, size_t errlen)
{
    /* A request of max_request bytes: read (its line, with a read's
     * slack), copied into a job, then run. */
    size_t line = cfg->max_request + 64 * 1024;
    size_t need = memory_reserve(cfg) + 2 * line;
    if (cfg->max_memory < need) {
        snprintf(err, errlen,
                 "max_memory %zu cannot hold one request of max_request "
                 "(%zu bytes) beside %u connections: it needs at least %zu",
                 cfg->max_memory, cfg->max_request, cfg->max_connections,
                 need);
        return -1;
    }
    if (cfg->max_connection_memory < 2 * line) {
        snprintf(err, errlen,
                 "max_connection_memory %zu cannot hold one request of "
                 "max_request (%zu bytes) and its copy: it needs at least %zu",
                 cfg->max_connection_memory, cfg->max_request, 2 * line);
        return -1;
    }
    return 0;
}

void memory_charge(server *s, conn *c, size_t *held, size_t n)
{
    s->memory += n;
    if (s->memory > s->memory_peak)
        s->memory_peak = s->memory;
    if (c)
        c->charged += n;
    if (held)
        *held += n;
}

void memory_release(server *s, conn *c, size_t *held, size_t n)
{
    s->memory -= n;
    if (c)
        c->charged -= n;
    if (held)
        *held -= n;
    if (s->mem_waiting)
        conn_memory_freed(s);
}

int memory_may_grow(const server *s, const conn *c, size_t n)
{
    size_t limit = s->cfg.max_memory - memory_reserve(&s->cfg);
    if (c && c->charged + n > s->cfg.max_connection_memory)
        return 0;
    return s->memory + n <= limit;
}

int memory_may_run(const server *s, size_t cost)
{
    return s->memory + cost <= s->cfg.max_memory;
}
