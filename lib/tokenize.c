/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tokenize.c -- word scanning with utf8proc.
 *
 * ASCII words are lower-cased byte by byte; anything else goes through
 * utf8proc_decompose_char (compatibility decomposition + case folding)
 * into a code point buffer that is recomposed once per word, so no
 * allocation happens per token.
 */
#include "tokenize.h"

#include <string.h>
#include <utf8proc.h>

#include "bytes8.h"
#include "strmap.h"
#include "utf8.h"

#define CP_BUF 512

void tokenizer_init(tokenizer *t, const char *text, size_t start, size_t end)
{
    t->text = text;
    t->pos = start;
    t->end = end;
    t->after_cjk = 0;
}

static inline int is_word_char(int32_t cp)
{
    return (uc_is_letter(cp) || uc_is_digit(cp)) && !uc_is_cjk(cp);
}

static inline int32_t peek(const tokenizer *t, size_t i, int *n)
{
    int32_t cp = UTF8_INVALID;
    *n = 1;
    if (i < t->end)
        *n = utf8_next(t->text, t->end, i, &cp);
    return cp;
}

/* Fold the code points of a word into t->fold (NFKC_Casefold). */
static size_t fold_cps(tokenizer *t, int32_t *cps, size_t ncp)
{
    int ascii = 1;
    for (size_t i = 0; i < ncp && ascii; i++)
        ascii = cps[i] < 0x80;
    utf8proc_ssize_t len = (utf8proc_ssize_t)ncp;
    if (!ascii) {
        len = utf8proc_normalize_utf32(cps, len,
                                       UTF8PROC_COMPOSE | UTF8PROC_STABLE);
        if (len < 0)
            len = (utf8proc_ssize_t)ncp;
    }
    size_t out = 0;
    if (ascii) {
        out = ncp < TOK_MAX_FOLD ? ncp : TOK_MAX_FOLD;
        for (size_t i = 0; i < out; i++)
            t->fold[i] = (char)cps[i];
        return out;
    }
    for (utf8proc_ssize_t i = 0; i < len; i++) {
        char enc[4];
        int n = utf8_encode(cps[i], enc);
        if (out + (size_t)n > TOK_MAX_FOLD)
            break;
        memcpy(t->fold + out, enc, (size_t)n);
        out += (size_t)n;
    }
    return out;
}

static size_t push_cp(int32_t *cps, size_t ncp, int32_t cp)
{
    if (cp < 0x80) {
        if (ncp < CP_BUF)
            cps[ncp++] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return ncp;
    }
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, cps + ncp, (utf8proc_ssize_t)(CP_BUF - ncp),
        UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD, &boundclass);
    if (n < 0 || (size_t)n > CP_BUF - ncp)
        return ncp;
    return ncp + (size_t)n;
}

static int cjk_token(tokenizer *t, token *tok, size_t start, int n1)
{
    int n2;
    size_t second = start + (size_t)n1;
    int32_t next = peek(t, second, &n2);
    if (second < t->end && uc_is_cjk(next)) {
        tok->end = second + (size_t)n2;
        t->pos = second; /* the next bigram starts here */
        t->after_cjk = 1;
    } else if (t->after_cjk) {
        /* Last character of a run: already inside the previous bigram. */
        t->pos = second;
        t->after_cjk = 0;
        return 0;
    } else {
        tok->end = second;
        t->pos = second;
    }
    tok->start = start;
    tok->flags = TOK_CJK;
    size_t len = tok->end - start;
    memcpy(t->fold, t->text + start, len);
    t->fold[len] = '\0';
    tok->fold_len = len;
    tok->hash = strmap_hash(t->fold, len);
    return 1;
}

/* Whether the character at i may continue the word through a joiner:
 * apostrophes and hyphens between word characters, '.' and ',' between
 * digits, and '.' inside initialisms like "U.S.". */
static int joins(tokenizer *t, int32_t cp, int32_t prev, size_t i, int n,
                 size_t segment_letters)
{
    int nn;
    int32_t next = peek(t, i + (size_t)n, &nn);
    if (i + (size_t)n >= t->end || !is_word_char(next))
        return 0;
    if (uc_is_apostrophe(cp) || uc_is_hyphen(cp))
        return is_word_char(prev);
    if ((cp == '.' || cp == ',') && uc_is_digit(prev) && uc_is_digit(next))
        return 1;
    if (cp == '.' && segment_letters == 1 && uc_is_letter(prev) &&
        uc_is_letter(next)) {
        int n3;
        int32_t after = peek(t, i + (size_t)n + (size_t)nn, &n3);
        return after == '.';
    }
    return 0;
}

/* ASCII byte classes, one load a byte in the loops over every word. */
enum { ASCII_ALNUM = 1, ASCII_UPPER = 2, ASCII_DIGIT = 4 };
#define ASCII_CLASS(c)                                                       \
    ((c) >= '0' && (c) <= '9'   ? ASCII_ALNUM | ASCII_DIGIT                  \
     : (c) >= 'A' && (c) <= 'Z' ? ASCII_ALNUM | ASCII_UPPER                  \
     : (c) >= 'a' && (c) <= 'z' ? ASCII_ALNUM                                \
                                : 0)
static const unsigned char ascii_class[256] = {UTF8_BYTE_TABLE(ASCII_CLASS)};

static inline int ascii_alnum(unsigned char c)
{
    return ascii_class[c] & ASCII_ALNUM;
}

/* A word of ASCII letters and digits that ends on an ASCII byte which
 * cannot join it to more (four tokens in five of English news): folded
 * straight into t->fold.  Returns 0, having changed nothing, when the
 * general path must decide: a non-ASCII byte, or an apostrophe, hyphen,
 * or a '.' or ',' after a digit or a lone letter, ends the run.
 *
 * Where eight bytes remain the word is read eight at a time: which
 * bytes are letters, digits or capitals, and the lower-cased piece, by
 * arithmetic on the whole piece, so a word costs a few steps and one
 * branch on its length, not a test and a branch a byte. */
static int ascii_word(tokenizer *t, token *tok)
{
    const unsigned char *p = (const unsigned char *)t->text;
    size_t start = t->pos, i = start;
    size_t digits = 0, uppers = 0;
    uint64_t h = 0, last = 0; /* strmap_hash of the fold, piece by piece */
    while (t->end - i >= 8) {
        uint64_t v = bytes_load8((const char *)p + i);
        uint64_t upper = bytes_in(v, 'A', 'Z');
        uint64_t digit = bytes_in(v, '0', '9');
        uint64_t word = bytes_in(v | BYTES_ONE * 0x20, 'a', 'z') | digit;
        size_t n = 8;
        uint64_t in = ~0ull;
        if (word != BYTES_HIGH) {
            n = bytes_first(~word & BYTES_HIGH);
            in = n ? ~0ull >> (64 - 8 * n) : 0;
            upper &= in;
            digit &= in;
        }
        uppers += bytes_count(upper);
        digits += bytes_count(digit);
        if (i - start < TOK_MAX_FOLD) {
            uint64_t lower = (v | upper >> 2) & in; /* 0x80 >> 2: case bit */
            if (n == 8)
                h = strmap_mix(h, lower);
            else
                last = lower;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            lower = __builtin_bswap64(lower);
#endif
            memcpy(t->fold + (i - start), &lower, sizeof lower);
        }
        i += n;
        if (n < 8)
            goto ended;
    }
    /* Under eight bytes left: byte by byte, into the last piece. */
    for (unsigned cls; i < t->end && ((cls = ascii_class[p[i]]) & ASCII_ALNUM);
         i++) {
        unsigned char c = p[i];
        if (cls & ASCII_UPPER) {
            uppers++;
            c |= 0x20;
        }
        digits += (cls & ASCII_DIGIT) != 0;
        if (i - start < TOK_MAX_FOLD) {
            t->fold[i - start] = (char)c;
            last |= (uint64_t)c << (8 * ((i - start) % 8));
        }
    }
ended:;
    size_t len = i - start, letters = len - digits;
    if (i < t->end) {
        unsigned char c = p[i];
        if (c >= 0x80 || c == '\'' || c == '-')
            return 0;
        if ((c == '.' || c == ',') &&
            ((p[i - 1] >= '0' && p[i - 1] <= '9') || letters == 1))
            return 0;
    }
    tok->start = start;
    tok->end = i;
    tok->flags = (p[start] >= 'A' && p[start] <= 'Z' ? TOK_CAPITAL : 0) |
                 (letters == 0 ? TOK_NUMBER : 0) |
                 (letters >= 2 && uppers == letters ? TOK_ALLCAPS : 0);
    tok->fold_len = len < TOK_MAX_FOLD ? len : TOK_MAX_FOLD;
    tok->hash = strmap_finish(h, last, tok->fold_len);
    t->fold[tok->fold_len] = '\0';
    t->pos = i;
    t->after_cjk = 0;
    return 1;
}

int tokenizer_next(tokenizer *t, token *tok)
{
    int32_t cps[CP_BUF];
    for (;;) {
        /* Spaces and ASCII punctuation between words, then the common
         * word, without decoding. */
        while (t->pos < t->end) {
            unsigned char c = (unsigned char)t->text[t->pos];
            if (c >= 0x80 || ascii_alnum(c))
                break;
            t->pos++;
            t->after_cjk = 0;
        }
        if (t->pos < t->end && ascii_alnum((unsigned char)t->text[t->pos]) &&
            ascii_word(t, tok))
            return 1;
        if (t->pos >= t->end)
            return 0;
        int n;
        int32_t cp = peek(t, t->pos, &n);
        if (uc_is_cjk(cp)) {
            if (cjk_token(t, tok, t->pos, n))
                return 1;
            continue;
        }
        t->after_cjk = 0;
        if (!is_word_char(cp)) {
            t->pos += (size_t)n;
            continue;
        }
        size_t start = t->pos, i = t->pos, ncp = 0, segment_letters = 0;
        size_t letters = 0, uppers = 0, digits = 0;
        int32_t prev = 0;
        unsigned flags = uc_is_upper(cp) ? TOK_CAPITAL : 0;
        while (i < t->end) {
            cp = peek(t, i, &n);
            if (is_word_char(cp)) {
                if (uc_is_digit(cp)) {
                    digits++;
                } else {
                    letters++;
                    segment_letters++;
                    uppers += uc_is_upper(cp) != 0;
                }
                ncp = push_cp(cps, ncp, cp);
            } else if (uc_is_ignorable(cp)) {
                /* zero-width joiners, soft hyphens: invisible in words */
            } else if (joins(t, cp, prev, i, n, segment_letters)) {
                ncp = push_cp(cps, ncp,
                              uc_is_apostrophe(cp) ? '\''
                              : uc_is_hyphen(cp)   ? '-'
                                                   : cp);
                if (cp == '.')
                    segment_letters = 0;
            } else {
                break;
            }
            prev = cp;
            i += (size_t)n;
        }
        /* A dotted initialism keeps its final dot in the range: "U.S." */
        if (segment_letters == 1 && letters > 1 && i < t->end &&
            t->text[i] == '.' && memchr(t->text + start, '.', i - start))
            i++;
        t->pos = i;
        if (letters == 0 && digits > 0)
            flags |= TOK_NUMBER;
        if (letters >= 2 && uppers == letters)
            flags |= TOK_ALLCAPS;
        tok->start = start;
        tok->end = i;
        tok->flags = flags;
        tok->fold_len = fold_cps(t, cps, ncp);
        t->fold[tok->fold_len] = '\0';
        tok->hash = strmap_hash(t->fold, tok->fold_len);
        return 1;
    }
}
