/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * utf8.c -- decoding per RFC 3629 (no overlongs, no surrogates) and
 * character classes from utf8proc's Unicode tables, with an ASCII fast
 * path because news text is mostly ASCII.
 */
#include "utf8.h"

#include <string.h>

#include <utf8proc.h>

int utf8_decode(const char *str, size_t len, size_t i, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = UTF8_INVALID;
        return 1;
    }
    if (len - i < (size_t)n) {
        *cp = UTF8_INVALID;
        return 1;
    }
    for (int k = 1; k < n; k++) {
        unsigned char cc = s[i + k];
        if ((cc & 0xC0) != 0x80) {
            *cp = UTF8_INVALID;
            return 1;
        }
        v = (v << 6) | (cc & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = UTF8_INVALID;
        return 1;
    }
    *cp = v;
    return n;
}

size_t utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* Skip ASCII eight bytes at a time when aligned runs allow. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        int32_t cp;
        int n = utf8_decode(s, len, i, &cp);
        if (cp == UTF8_INVALID)
            return i;
        i += (size_t)n;
    }
    return len;
}

int utf8_encode(int32_t cp, char *out)
{
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = UTF8_REPLACEMENT;
    return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

size_t utf8_prev(const char *s, size_t i)
{
    size_t j = i - 1;
    /* At most three continuation bytes precede a lead byte. */
    for (int k = 0; k < 3 && j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80;
         k++)
        j--;
    return j;
}

size_t utf8_lower(const char *s, size_t start, size_t end, char *buf,
                  size_t size)
{
    size_t out = 0;
    for (size_t i = start; i < end;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* most words: no decoding, no table */
            if (out + 1 >= size)
                return 0;
            buf[out++] = (char)uc_ascii_lower(b);
            i++;
            continue;
        }
        int32_t cp;
        i += (size_t)utf8_decode(s, end, i, &cp);
        if (cp == UTF8_INVALID)
            return 0;
        char enc[4];
        int n = utf8_encode(utf8proc_tolower(cp), enc);
        if (out + (size_t)n >= size)
            return 0;
        memcpy(buf + out, enc, (size_t)n);
        out += (size_t)n;
    }
    buf[out] = '\0';
    return out;
}

int uc_space_wide(int32_t cp)
{
    if (cp == UTF8_INVALID)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return 1;
    default:
        return cp == 0x200B; /* zero width space separates words */
    }
}

int uc_is_ignorable(int32_t cp)
{
    if (cp < 0x80 || cp == 0x200B || cp == UTF8_INVALID)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_CF;
}

int uc_letter_wide(int32_t cp)
{
    if (cp == UTF8_INVALID)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

int uc_digit_wide(int32_t cp)
{
    if (cp == UTF8_INVALID)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO;
}

int uc_upper_wide(int32_t cp)
{
    if (cp == UTF8_INVALID)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int uc_lower_wide(int32_t cp)
{
    if (cp == UTF8_INVALID)
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int uc_is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

int uc_is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

int uc_is_open_punct(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x201C:
    case 0x2018:
    case 0x00AB:
    case 0x2039:
    case 0x201E:
    case 0x300C:
    case 0x300E:
    case 0xFF08:
        return 1;
    default:
        return 0;
    }
}

int uc_is_close_punct(int32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x201D:
    case 0x2019:
    case 0x00BB:
    case 0x203A:
    case 0x300D:
    case 0x300F:
    case 0xFF09:
        return 1;
    default:
        return 0;
    }
}
