/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * devset.h -- what bench/segment and bench/pages share: their command
 * line ([--shared DIR] [--data DIR] [--quiet]), one dev set of
 * ../shared/data opened as JSONL records, and the engine.
 */
#ifndef PRECIS_BENCH_DEVSET_H
#define PRECIS_BENCH_DEVSET_H

#include <stdio.h>

#include <jansson.h>

#include "precis.h"

typedef struct devset {
    FILE *f;
    precis_engine_t *engine;
    int quiet;
    char *line;
    size_t cap;
} devset;

/* Parse the command line of program prog and open file (a name in the
 * shared directory) and the engine: 0, or the exit status for main()
 * (2 on a usage error, 1 when something cannot be opened, reported). */
int devset_open(devset *d, const char *prog, const char *file, int argc,
                char **argv);
/* The next record (the caller frees it), or NULL at the end; a line
 * that is not JSON gives json_null(). */
json_t *devset_next(devset *d);
void devset_close(devset *d);

#endif
