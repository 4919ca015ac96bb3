/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * json_out.h -- replies written as text without jansson's dumper.
 *
 * jansson builds the reply objects and parses requests; writing a reply
 * out with json_dumps() cost about a seventh of a summary request's
 * instructions (its output goes through a callback per piece and every
 * string is decoded again), as much as a fifth of the engine's.  This
 * writer walks the same tree into one buffer and gives the same bytes
 * json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(digits)) gives
 * (tests/test_json_out.c compares them).
 */
#ifndef PRECISD_JSON_OUT_H
#define PRECISD_JSON_OUT_H

#include <stddef.h>

#include <jansson.h>

/* v as compact JSON with reals to digits significant digits, and a
 * newline; malloc'd, *len without the NUL; NULL on ENOMEM or a value
 * nested deeper than 64. */
char *json_out_line(const json_t *v, int digits, size_t *len);

#endif
