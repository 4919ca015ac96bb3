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
 * joiners, BOM, soft hyphen) that vanish inside words. */
int uc_is_space(int32_t cp);
int uc_is_newline(int32_t cp);      /* \n, \r, U+2028, U+2029, U+0085 */
int uc_is_ignorable(int32_t cp);
int uc_is_letter(int32_t cp);       /* L* and M* (marks stay in words) */
int uc_is_digit(int32_t cp);        /* N* */
int uc_is_upper(int32_t cp);        /* Lu, Lt */
int uc_is_lower(int32_t cp);        /* Ll */
int uc_is_cjk(int32_t cp);          /* Han, kana: no spaces between words */
int uc_is_apostrophe(int32_t cp);
int uc_is_hyphen(int32_t cp);
int uc_is_open_punct(int32_t cp);   /* opening quotes and brackets */
int uc_is_close_punct(int32_t cp);  /* closing quotes and brackets */

#endif
