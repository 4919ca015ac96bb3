/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * utf8.h -- strict UTF-8 decoding and the character classes the
 * segmenter and tokenizer agree on.
 *
 * Decoding never fails: an invalid byte decodes as UTF8_INVALID with
 * length 1, so the lenient policy (PRECIS_UTF8_REPLACE) and the strict
 * validator share one decoder and offsets always count original bytes.
 */
#ifndef PRECIS_UTF8_H
#define PRECIS_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bytes8.h"

#define UTF8_INVALID (-1)
#define UTF8_REPLACEMENT 0xFFFD

/* Decode the code point at s[i] (i < len).  Sets *cp (UTF8_INVALID for a
 * bad byte, overlong form, surrogate or value over U+10FFFF) and returns
 * the number of bytes consumed (1 for an invalid byte). */
int utf8_decode(const char *s, size_t len, size_t i, int32_t *cp);
/* Offset of the first invalid byte, or len when s is valid. */
size_t utf8_validate(const char *s, size_t len);
/* Encode cp into out (4 bytes room); returns the byte count. */
int utf8_encode(int32_t cp, char *out);
/* Start of the code point that ends right before offset i (> 0). */
size_t utf8_prev(const char *s, size_t i);

/* Simple lower-casing (utf8proc_tolower per code point) of s[start, end)
 * into buf; returns the length, or 0 when it does not fit in size - 1. */
size_t utf8_lower(const char *s, size_t start, size_t end, char *buf,
                  size_t size);

/* Character classes.  "space" includes NUL, controls, NBSP and every
 * Unicode separator; "ignorable" are format characters (zero-width
 * joiners, BOM, soft hyphen) that vanish inside words.  The ASCII cases
 * are answered inline, since news text is mostly ASCII; the rest ask
 * utf8proc's tables (the *_wide functions). */
int uc_space_wide(int32_t cp);
int uc_letter_wide(int32_t cp);
int uc_digit_wide(int32_t cp);
int uc_upper_wide(int32_t cp);
int uc_lower_wide(int32_t cp);
int uc_is_ignorable(int32_t cp);
int uc_is_apostrophe(int32_t cp);
int uc_is_hyphen(int32_t cp);
int uc_is_open_punct(int32_t cp);  /* opening quotes and brackets */
int uc_is_close_punct(int32_t cp); /* closing quotes and brackets */

/* utf8_decode with the ASCII case inline. */
static inline int utf8_next(const char *s, size_t len, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return utf8_decode(s, len, i, cp);
}

/* The code point at i, its length in *n: utf8_next for expressions. */
static inline int32_t utf8_at(const char *s, size_t len, size_t i, int *n)
{
    int32_t cp;
    *n = utf8_next(s, len, i, &cp);
    return cp;
}

static inline int uc_is_space(int32_t cp)
{
    return cp < 0x80 ? cp <= 0x20 || cp == 0x7F : uc_space_wide(cp);
}

/* \n, \r, U+2028, U+2029, U+0085 */
static inline int uc_is_newline(int32_t cp)
{
    return cp == '\n' || cp == '\r' ||
           (cp >= 0x80 && (cp == 0x2028 || cp == 0x2029 || cp == 0x85));
}

/* L* and M* (marks stay in words) */
static inline int uc_is_letter(int32_t cp)
{
    return cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'
                     : uc_letter_wide(cp);
}

/* N* */
static inline int uc_is_digit(int32_t cp)
{
    return cp < 0x80 ? cp >= '0' && cp <= '9' : uc_digit_wide(cp);
}

/* Lu, Lt */
static inline int uc_is_upper(int32_t cp)
{
    return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : uc_upper_wide(cp);
}

/* Ll */
static inline int uc_is_lower(int32_t cp)
{
    return cp < 0x80 ? cp >= 'a' && cp <= 'z' : uc_lower_wide(cp);
}

/* An ASCII capital in lower case; every other byte as it is. */
static inline unsigned char uc_ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether the byte c starts no quotation mark of any style: every mark
 * is ", ' or `` in ASCII, or a character beyond it.  The segmenter and
 * quote_marks.c pass the other ASCII bytes, most of any text, over
 * without decoding them. */
static inline int uc_never_a_quote_mark(char c)
{
    unsigned char b = (unsigned char)c;
    return b < 0x80 && b != '"' && b != '\'' && b != '`';
}

/* The 256 initialisers of a table by byte value, F(b) for each b: the
 * byte classes the loops over every byte read with one load. */
#define UTF8_BYTES_4(F, b) F(b), F((b) + 1), F((b) + 2), F((b) + 3)
#define UTF8_BYTES_16(F, b)                                                  \
    UTF8_BYTES_4(F, b), UTF8_BYTES_4(F, (b) + 4), UTF8_BYTES_4(F, (b) + 8),  \
        UTF8_BYTES_4(F, (b) + 12)
#define UTF8_BYTES_64(F, b)                                                  \
    UTF8_BYTES_16(F, b), UTF8_BYTES_16(F, (b) + 16),                         \
        UTF8_BYTES_16(F, (b) + 32), UTF8_BYTES_16(F, (b) + 48)
#define UTF8_BYTE_TABLE(F)                                                   \
    UTF8_BYTES_64(F, 0), UTF8_BYTES_64(F, 64), UTF8_BYTES_64(F, 128),        \
        UTF8_BYTES_64(F, 192)

/* The first offset in [from, end) whose byte is beyond ASCII or one of
 * the ASCII bytes a, b, c; end when there is none.  Eight bytes a step:
 * the scans for quotation marks and line breaks pass over every byte of
 * the text, and went byte by byte at a sixth of the engine's
 * instructions.  The piece that holds one gives its offset by
 * arithmetic too (its first marked byte: a borrow only marks bytes after
 * a match), where a byte loop over it had been mispredicted at every
 * mark. */
static inline size_t utf8_scan_to(const char *t, size_t from, size_t end,
                                  char a, char b, char c)
{
    for (; from + 8 <= end; from += 8) {
        uint64_t x = bytes_load8(t + from);
        uint64_t xa = x ^ (unsigned char)a * BYTES_ONE,
                 xb = x ^ (unsigned char)b * BYTES_ONE,
                 xc = x ^ (unsigned char)c * BYTES_ONE;
        /* x's top bits mark the bytes beyond ASCII; a byte's top bit
         * after subtracting one, a match (0) or a byte beyond ASCII
         * again, so no mask of ~xa is needed. */
        uint64_t marks = (x | (xa - BYTES_ONE) | (xb - BYTES_ONE) |
                          (xc - BYTES_ONE)) &
                         BYTES_HIGH;
        if (marks)
            return from + bytes_first(marks);
    }
    for (; from < end; from++)
        if ((unsigned char)t[from] >= 0x80 || t[from] == a || t[from] == b ||
            t[from] == c)
            break;
    return from;
}

/* The first offset in [from, end) that may start a quotation mark. */
static inline size_t utf8_next_quote_byte(const char *t, size_t from,
                                          size_t end)
{
    return utf8_scan_to(t, from, end, '"', '\'', '`');
}

/* Han and kana: scripts written without spaces between words. */
static inline int uc_is_cjk(int32_t cp)
{
    return cp >= 0x3040 &&
           ((cp <= 0x30FF) ||                  /* hiragana, katakana */
            (cp >= 0x31F0 && cp <= 0x31FF) ||  /* katakana extensions */
            (cp >= 0x3400 && cp <= 0x4DBF) ||  /* CJK extension A */
            (cp >= 0x4E00 && cp <= 0x9FFF) ||  /* CJK unified */
            (cp >= 0xF900 && cp <= 0xFAFF) ||  /* compatibility */
            (cp >= 0xFF66 && cp <= 0xFF9F) ||  /* halfwidth katakana */
            (cp >= 0x20000 && cp <= 0x2FA1F)); /* extensions B.. */
}

#endif
