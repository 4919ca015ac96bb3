/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * devset.c -- a dev set of ../shared/data and the engine (devset.h).
 */
#include "devset.h"

#include <stdlib.h>
#include <string.h>

int devset_open(devset *d, const char *prog, const char *file, int argc,
                char **argv)
{
    const char *shared = "../shared/data", *data = "data";
    memset(d, 0, sizeof *d);
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--shared") == 0) {
            shared = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--data") == 0) {
            data = argv[++i];
        } else if (strcmp(argv[i], "--quiet") == 0) {
            d->quiet = 1;
        } else {
            fprintf(stderr,
                    "usage: %s [--shared DIR] [--data DIR] [--quiet]\n", prog);
            return 2;
        }
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", shared, file);
    d->f = fopen(path, "r");
    if (!d->f) {
        fprintf(stderr, "%s: %s: cannot open (see ../shared/EVAL.md)\n", prog,
                path);
        return 1;
    }
    precis_error_t err;
    if (precis_engine_open(data, &d->engine, &err) != PRECIS_OK) {
        fprintf(stderr, "%s: %s\n", prog, err.message);
        devset_close(d);
        return 1;
    }
    return 0;
}

json_t *devset_next(devset *d)
{
    ssize_t n = getline(&d->line, &d->cap, d->f);
    if (n <= 0)
        return NULL;
    json_t *rec = json_loadb(d->line, (size_t)n, 0, NULL);
    return rec ? rec : json_null();
}

void devset_close(devset *d)
{
    if (d->f)
        fclose(d->f);
    precis_engine_free(d->engine);
    free(d->line);
    memset(d, 0, sizeof *d);
}
