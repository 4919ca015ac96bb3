/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bytes8.h -- eight bytes of text at a time (SWAR: SIMD within a
 * register, in portable C).
 *
 * A loop over every byte of a word (the tokenizer's) had a load, a test
 * and a branch a byte and mispredicted where each word ended; these read
 * a piece of eight bytes and mark, in the top bit of each byte, the bytes
 * that pass a test, so a run's end is the first mark.  Pieces are
 * little-endian numbers (byte k in bits 8k to 8k + 7) on every machine.
 * (The segmenter's plain runs, read so too, stop at nearly every space
 * and came out 1 % faster for 8 % more instructions: left byte by byte.)
 */
#ifndef PRECIS_BYTES8_H
#define PRECIS_BYTES8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define BYTES_ONE 0x0101010101010101u
#define BYTES_HIGH 0x8080808080808080u

/* Eight bytes of s as a little-endian number. */
static inline uint64_t bytes_load8(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* The n < 8 bytes of s as a little-endian number, in two loads that may
 * overlap (or three bytes), never reading past s + n. */
static inline uint64_t bytes_load_tail(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap32(lo);
        hi = __builtin_bswap32(hi);
#endif
        return lo | (uint64_t)hi << (8 * (n - 4));
    }
    if (n == 0)
        return 0;
    return u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) |
           (uint64_t)u[n - 1] << (8 * (n - 1));
}

/* Marks the ASCII bytes of v in [lo, hi] (lo <= hi < 0x80).  With the
 * top bits cleared first no sum carries into the next byte. */
static inline uint64_t bytes_in(uint64_t v, unsigned char lo,
                                unsigned char hi)
{
    uint64_t low7 = v & ~BYTES_HIGH;
    uint64_t at_least = low7 + BYTES_ONE * (0x80u - lo);
    uint64_t above = low7 + BYTES_ONE * (0x7Fu - hi);
    return at_least & ~above & ~v & BYTES_HIGH;
}

/* How many bytes marks holds: summed into the top byte by one
 * multiplication (no popcount instruction in baseline x86-64). */
static inline size_t bytes_count(uint64_t marks)
{
    return (size_t)(((marks >> 7) * BYTES_ONE) >> 56);
}

/* The first marked byte's offset; marks must not be 0. */
static inline size_t bytes_first(uint64_t marks)
{
    return (size_t)__builtin_ctzll(marks) / 8;
}

/* Whether a[0, len) and b[0, len) hold the same bytes, for the short
 * keys of the maps (words): eight bytes at a time and the last eight
 * overlapping, or two overlapping fours, or three bytes, never reading
 * outside either.  memcmp, a call and a loop, had been the maps' hits'
 * largest cost after the misses. */
static inline int bytes_same(const char *a, const char *b, size_t len)
{
    uint64_t x, y;
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return 0;
        }
        memcpy(&x, a + len - 8, 8);
        memcpy(&y, b + len - 8, 8);
        return x == y;
    }
    if (len >= 4) {
        uint32_t p, q, r, s;
        memcpy(&p, a, 4);
        memcpy(&q, b, 4);
        memcpy(&r, a + len - 4, 4);
        memcpy(&s, b + len - 4, 4);
        return p == q && r == s;
    }
    return len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] &&
                        a[len - 1] == b[len - 1]);
}

/* The low n bytes of a piece (n <= 8), by arithmetic. */
static inline uint64_t bytes_low(size_t n)
{
    return (uint64_t) - (uint64_t)(n >= 8) | ((1ull << (8 * (n & 7))) - 1);
}

/* Readable bytes bytes_same_padded needs at a and at b. */
#define BYTES_PADDED 24

/* bytes_same for len <= BYTES_PADDED where BYTES_PADDED bytes can be
 * read at both a and b: three pieces, compared under masks made from
 * len, without a branch on it (a word's length follows no pattern, and
 * bytes_same's branches on it were mispredicted at every other hit). */
static inline int bytes_same_padded(const char *a, const char *b, size_t len)
{
    size_t n0 = len < 8 ? len : 8, n1 = len < 16 ? len - n0 : 8;
    size_t n2 = len - n0 - n1;
    uint64_t d = ((bytes_load8(a) ^ bytes_load8(b)) & bytes_low(n0)) |
                 ((bytes_load8(a + 8) ^ bytes_load8(b + 8)) & bytes_low(n1)) |
                 ((bytes_load8(a + 16) ^ bytes_load8(b + 16)) & bytes_low(n2));
    return d == 0;
}

#endif
