/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * json_out.c -- compact JSON text of a jansson value (json_out.h).
 *
 * The format is jansson's own, so a reply does not change by the way it
 * is written: keys in insertion order, ',' and ':' without spaces, only
 * '"', '\\' and control characters escaped (\b \f \n \r \t, else \uXXXX
 * in upper-case hex), integers in full, reals with printf's %.*g plus
 * ".0" when that reads as an integer, and exponents without '+' or
 * leading zeros.
 */
#include "json_out.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"

#define MAX_DEPTH 64

typedef json_out out;

static int room(out *o, size_t n)
{
    if (o->failed)
        return 0;
    if (o->len + n + 1 <= o->cap)
        return 1;
    size_t cap = o->cap ? o->cap : 1024;
    while (cap < o->len + n + 1)
        cap *= 2;
    char *b = realloc(o->buf, cap);
    if (!b) {
        o->failed = 1;
        return 0;
    }
    o->buf = b;
    o->cap = cap;
    return 1;
}

static void put(out *o, const char *s, size_t n)
{
    if (room(o, n)) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    }
}

/* jansson has checked every string it holds for UTF-8 (json_string,
 * json_stringn and json_pack refuse bad bytes; precisd never uses the
 * _nocheck forms), so strings are copied as they are. */
static void put_string(out *o, const char *s, size_t n)
{
    /* Worst case 6 bytes a byte; one reservation for the whole string. */
    if (!room(o, 6 * n + 2))
        return;
    char *w = o->buf + o->len;
    *w++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *w++ = (char)c;
            continue;
        }
        *w++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *w++ = (char)c;
            break;
        case '\b':
            *w++ = 'b';
            break;
        case '\f':
            *w++ = 'f';
            break;
        case '\n':
            *w++ = 'n';
            break;
        case '\r':
            *w++ = 'r';
            break;
        case '\t':
            *w++ = 't';
            break;
        default:
            w += snprintf(w, 6, "u%04X", c);
        }
    }
    *w++ = '"';
    o->len = (size_t)(w - o->buf);
}

static void put_real(out *o, double v)
{
    if (!isfinite(v)) { /* json_real() refuses them */
        o->failed = 1;
        return;
    }
    char b[64];
    int n = snprintf(b, sizeof b - 3, "%.*g", o->digits, v);
    if (n < 0 || (size_t)n >= sizeof b - 3) {
        o->failed = 1;
        return;
    }
    if (!strchr(b, '.') && !strchr(b, 'e')) {
        memcpy(b + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(b, 'e');
    if (e) {
        /* "1e+20" -> "1e20", "1e-07" -> "1e-7" */
        char *start = e + 1, *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(b + n - end) + 1);
            n -= (int)(end - start);
        }
    }
    put(o, b, (size_t)n);
}

/* Decimal digits from the end, without printf: offsets and counts are
 * most of a reply's values. */
static void put_int(out *o, long long x)
{
    char b[32];
    unsigned long long u =
        x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x;
    char *p = b + sizeof b;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (x < 0)
        *--p = '-';
    put(o, p, (size_t)(b + sizeof b - p));
}

static void put_value(out *o, const json_t *v, int depth)
{
    if (depth > MAX_DEPTH) {
        o->failed = 1;
        return;
    }
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *item;
        int first = 1;
        put(o, "{", 1);
        json_object_foreach((json_t *)v, key, item)
        {
            if (!first)
                put(o, ",", 1);
            first = 0;
            put_string(o, key, strlen(key));
            put(o, ":", 1);
            put_value(o, item, depth + 1);
        }
        put(o, "}", 1);
        break;
    }
    case JSON_ARRAY:
        put(o, "[", 1);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                put(o, ",", 1);
            put_value(o, json_array_get(v, i), depth + 1);
        }
        put(o, "]", 1);
        break;
    case JSON_STRING:
        put_string(o, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        put_int(o, json_integer_value(v));
        break;
    case JSON_REAL:
        put_real(o, json_real_value(v));
        break;
    case JSON_TRUE:
        put(o, "true", 4);
        break;
    case JSON_FALSE:
        put(o, "false", 5);
        break;
    case JSON_NULL:
        put(o, "null", 4);
        break;
    }
}

char *json_out_finish(json_out *o, size_t *len)
{
    put(o, "\n", 1);
    if (o->failed) {
        free(o->buf);
        o->buf = NULL;
        return NULL;
    }
    o->buf[o->len] = '\0';
    *len = o->len;
    return o->buf;
}

char *json_out_line(const json_t *v, int digits, size_t *len)
{
    out o = {NULL, 0, 0, digits, 0};
    put_value(&o, v, 0);
    return json_out_finish(&o, len);
}

void json_out_raw(json_out *o, const char *s, size_t n)
{
    put(o, s, n);
}

void json_out_string(json_out *o, const char *s, size_t n)
{
    if (precis_utf8_validate(s, n) != n)
        o->failed = 1;
    else
        put_string(o, s, n);
}

void json_out_int(json_out *o, long long x)
{
    put_int(o, x);
}

void json_out_real(json_out *o, double v)
{
    put_real(o, v);
}

void json_out_value(json_out *o, const json_t *v)
{
    put_value(o, v, 0);
}
