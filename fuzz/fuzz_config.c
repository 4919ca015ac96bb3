/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_config.c -- libFuzzer target: any bytes as precisd.conf.  Either
 * an error naming a line, or settings within every key's bounds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *f = fmemopen((void *)data, size, "r");
    if (!f)
        return 0;
    config c;
    char err[512];
    config_defaults(&c);
    int rc = config_read(&c, f, "fuzz.conf", err, sizeof err);
    fclose(f);
    if (rc != 0 && strncmp(err, "fuzz.conf:", 10) != 0) {
        fprintf(stderr, "fuzz_config: error without a line: %s\n", err);
        abort();
    }
    if (rc == 0 && (c.max_request < 1024 || c.max_connections < 1 ||
                    c.socket_mode > 0777 || !c.socket[0])) {
        fprintf(stderr, "fuzz_config: a setting out of bounds\n");
        abort();
    }
    return 0;
}
