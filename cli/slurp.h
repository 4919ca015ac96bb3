/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * slurp.h -- a whole stream into memory (used by precis and bench/speed).
 */
#ifndef PRECIS_SLURP_H
#define PRECIS_SLURP_H

#include <stddef.h>
#include <stdio.h>

/* All remaining bytes of f, malloc'd, with a NUL after them (not counted
 * in *len); NULL on a read error or when out of memory. */
char *slurp(FILE *f, size_t *len);

#endif
