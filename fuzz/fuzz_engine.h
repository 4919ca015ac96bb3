/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_engine.h -- the engine the fuzz targets share: loaded once, from
 * $PRECIS_DATA or the checkout's data/ (make fuzz runs from the root).
 */
#ifndef PRECIS_FUZZ_ENGINE_H
#define PRECIS_FUZZ_ENGINE_H

#include <stdio.h>
#include <stdlib.h>

#include "precis.h"

static precis_engine_t *fuzz_engine(void)
{
    static precis_engine_t *engine;
    if (!engine) {
        const char *dir = getenv("PRECIS_DATA");
        precis_error_t err;
        if (precis_engine_open(dir && *dir ? dir : "data", &engine, &err)) {
            fprintf(stderr, "fuzz: cannot load the engine: %s\n",
                    err.message);
            abort();
        }
    }
    return engine;
}

#endif
