/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * offsets.c -- byte offsets restated in UTF-16 code units or code points.
 *
 * A browser slicing a JavaScript string, or Python a str, with byte
 * offsets gets the wrong text whenever a character before it is not
 * ASCII (a third of real pages: curly quotes, dashes, accents).  Every
 * start and end of the reply is collected, sorted, and converted in one
 * pass over the text, so the cost is the text's length plus a sort of
 * the offsets, with no table as large as the text.
 */
#include "offsets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const unit_names[] = {"bytes", "utf16", "codepoints"};

int offsets_units(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, unit_names[i]) == 0)
            return i;
    return -1;
}

typedef struct place {
    size_t byte;
    json_t *obj;     /* borrowed */
    const char *key; /* "start" or "end" */
} place;

typedef struct places {
    place *items;
    size_t n, cap;
} places;

static int collect(json_t *v, places *p)
{
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) if (collect(x, p) != 0) return -1;
        return 0;
    }
    if (!json_is_object(v))
        return 0;
    static const char *const keys[] = {"start", "end"};
    for (int k = 0; k < 2; k++) {
        json_t *n = json_object_get(v, keys[k]);
        if (!json_is_integer(n) || json_integer_value(n) < 0)
            continue;
        if (p->n == p->cap) {
            size_t cap = p->cap ? 2 * p->cap : 64;
            place *grown = realloc(p->items, cap * sizeof *grown);
            if (!grown)
                return -1;
            p->items = grown;
            p->cap = cap;
        }
        p->items[p->n++] =
            (place){(size_t)json_integer_value(n), v, keys[k]};
    }
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x) if (collect(x, p) != 0) return -1;
    return 0;
}

static int by_byte(const void *a, const void *b)
{
    size_t x = ((const place *)a)->byte, y = ((const place *)b)->byte;
    return x < y ? -1 : x > y;
}

int offsets_add(json_t *reply, const char *text, size_t len,
                enum offset_units units)
{
    if (units == OFFSETS_BYTES)
        return 0;
    places p = {0};
    if (collect(reply, &p) != 0) {
        free(p.items);
        return -1;
    }
    if (p.n) /* no ranges: p.items is NULL, which qsort may not take */
        qsort(p.items, p.n, sizeof *p.items, by_byte);
    size_t at = 0, count = 0;
    int rc = 0;
    for (size_t i = 0; i < p.n && rc == 0; i++) {
        size_t stop = p.items[i].byte < len ? p.items[i].byte : len;
        for (; at < stop; at++) {
            unsigned char b = (unsigned char)text[at];
            /* Each byte that does not continue a sequence starts a
             * character; four-byte ones are two UTF-16 units. */
            if ((b & 0xC0) != 0x80)
                count += units == OFFSETS_UTF16 && b >= 0xF0 ? 2 : 1;
        }
        char key[32];
        snprintf(key, sizeof key, "%s_%s", p.items[i].key, unit_names[units]);
        rc = json_object_set_new(p.items[i].obj, key,
                                 json_integer((json_int_t)count));
    }
    free(p.items);
    return rc;
}
