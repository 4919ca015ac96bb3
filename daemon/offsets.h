/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * offsets.h -- byte offsets of a reply restated in the client's string
 * units ("offsets": "utf16" or "codepoints"), beside the bytes.
 */
#ifndef PRECISD_OFFSETS_H
#define PRECISD_OFFSETS_H

#include <stddef.h>

#include <jansson.h>

enum offset_units {
    OFFSETS_BYTES = 0, /* only the byte offsets (the default) */
    OFFSETS_UTF16,     /* JavaScript, Java, C# strings */
    OFFSETS_CODEPOINTS /* Python str */
};

/* "bytes", "utf16", "codepoints": the enum value, or -1. */
int offsets_units(const char *name);

/* Beside every integer "start" and "end" of an object anywhere in reply,
 * add "start_<units>" and "end_<units>": the same position in text[0,
 * len) counted in units (an invalid byte counts one).  One pass over the
 * text.  0, or -1 on ENOMEM (reply then unchanged or partly done). */
int offsets_add(json_t *reply, const char *text, size_t len,
                enum offset_units units);

#endif
