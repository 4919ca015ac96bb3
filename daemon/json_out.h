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
 * (tests/test_json_out.c compares them).  protocol.c also writes summary
 * replies piece by piece with it, straight from the engine's result.
 */
#ifndef PRECISD_JSON_OUT_H
#define PRECISD_JSON_OUT_H

#include <stddef.h>

#include <jansson.h>

/* v as compact JSON with reals to digits significant digits, and a
 * newline; malloc'd, *len without the NUL; NULL on ENOMEM or a value
 * nested deeper than 64. */
char *json_out_line(const json_t *v, int digits, size_t *len);

/* The same writer, piece by piece, for a reply written without a tree
 * (protocol.c's summaries): each piece in jansson's format. */
typedef struct json_out {
    char *buf;
    size_t len, cap;
    int digits; /* of reals */
    int failed; /* ENOMEM, or a piece jansson would refuse */
} json_out;

/* Bytes as they are: punctuation and keys the caller knows need no
 * escaping. */
void json_out_raw(json_out *o, const char *s, size_t n);
/* A string, which must be UTF-8 (jansson refuses anything else; the
 * writer fails then too). */
void json_out_string(json_out *o, const char *s, size_t n);
void json_out_int(json_out *o, long long x);
/* A finite real (jansson holds no other). */
void json_out_real(json_out *o, double v);
void json_out_value(json_out *o, const json_t *v);
/* The text so far and a newline; malloc'd, *len without the NUL; NULL
 * (and the buffer freed) when any piece failed. */
char *json_out_finish(json_out *o, size_t *len);

#endif
