/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memory.c -- the accounting behind max_memory (memory.h).
 */
#include "memory.h"

#include "server.h"

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

int memory_may_grow(const server *s, size_t n)
{
    return s->memory + n <= s->cfg.max_memory - memory_reserve(&s->cfg);
}

int memory_conn_may_grow(const server *s, const conn *c, size_t n)
{
    return c->charged + n <= s->cfg.max_connection_memory;
}

int memory_may_run(const server *s, size_t cost)
{
    return s->memory + cost <= s->cfg.max_memory;
}
