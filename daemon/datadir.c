/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * datadir.c -- the default engine data directory (datadir.h).
 */
#include "datadir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int is_file(const char *dir, const char *name)
{
    char path[4200];
    return snprintf(path, sizeof path, "%s/%s", dir, name) <
               (int)sizeof path &&
           access(path, R_OK) == 0;
}

const char *datadir_default(char *buf, size_t size)
{
    const char *env = getenv("PRECIS_DATA");
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return buf;
    }
    /* A binary under <checkout>/build/ reads <checkout>/data. */
    char exe[4000];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *build = NULL;
    for (char *p = strstr(exe, "/build/"); p; p = strstr(p + 1, "/build/"))
        build = p;
    if (!build)
        return NULL;
    *build = '\0';
    char data[4100];
    snprintf(data, sizeof data, "%s/data", exe);
    if (!is_file(exe, "include/precis.h") ||
        !is_file(data, "boilerplate.txt") || strlen(data) >= size)
        return NULL;
    snprintf(buf, size, "%s", data);
    return buf;
}
