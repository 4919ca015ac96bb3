/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * exclusion.c -- the names of the exclusion reasons (exclusion.h).
 */
#include "exclusion.h"

#include <string.h>

static const char *const names[EXCL_COUNT] = {NULL,
#define EXCLUSION_NAME(name, text) text,
                                              EXCLUSION_MAP(EXCLUSION_NAME)
#undef EXCLUSION_NAME
};

const char *exclusion_name(exclusion reason)
{
    return reason > EXCL_NONE && reason < EXCL_COUNT ? names[reason] : NULL;
}

exclusion exclusion_from_name(const char *name, size_t len)
{
    for (int i = 1; i < EXCL_COUNT; i++)
        if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0)
            return (exclusion)i;
    return EXCL_NONE;
}
