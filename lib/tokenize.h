/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tokenize.h -- words for matching, never for output.
 *
 * A token is a byte range of the original text plus its folded form
 * (NFKC + case fold, curly apostrophes made straight) written into the
 * tokenizer's own buffer.  Words keep internal apostrophes and hyphens
 * ("don't", "de-escalation"), numbers keep decimal points and thousands
 * separators ("3.5", "1,000"), dotted initialisms stay whole ("U.S.").
 * Han and kana have no spaces between words, so they come out as
 * overlapping character bigrams (a lone character as itself).
 */
#ifndef PRECIS_TOKENIZE_H
#define PRECIS_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Folded forms are cut at this many bytes; the range stays whole. */
#define TOK_MAX_FOLD 96

enum {
    TOK_CAPITAL = 1 << 0, /* first letter is upper case */
    TOK_ALLCAPS = 1 << 1, /* two or more letters, all upper case */
    TOK_NUMBER = 1 << 2,  /* digits (and separators) only */
    TOK_CJK = 1 << 3      /* a CJK character or bigram */
};

typedef struct token {
    size_t start, end; /* byte range in the text */
    unsigned flags;
    size_t fold_len; /* bytes in tokenizer.fold */
    uint32_t hash;   /* strmap_hash of the folded form */
} token;

typedef struct tokenizer {
    const char *text;
    size_t pos, end;
    int after_cjk; /* the previous emitted token was a CJK bigram */
    char fold[TOK_MAX_FOLD + 8];
} tokenizer;

void tokenizer_init(tokenizer *t, const char *text, size_t start, size_t end);

/* Append a folded word to the phrase key[0, *n), a space between words
 * (the keys of data/dependent/XX.txt); 0 when it would not fit in
 * size bytes with room for a NUL. */
static inline int phrase_append(char *key, size_t *n, size_t size,
                                const char *fold, size_t len)
{
    size_t sep = *n ? 1 : 0;
    if (*n + sep + len >= size)
        return 0;
    if (sep)
        key[(*n)++] = ' ';
    memcpy(key + *n, fold, len);
    *n += len;
    return 1;
}
/* Next token into *tok (folded form in t->fold, NUL-terminated);
 * returns 0 when the range is exhausted. */
int tokenizer_next(tokenizer *t, token *tok);

#endif
