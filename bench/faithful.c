/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/faithful.c -- the openers of data/dependent/XX.txt and the two
 * sentence tests of faithful.h.
 */
#include "faithful.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Entries are a few words; a longer one never matches. */
#define OPENER_MAX_WORDS 4
#define OPENER_MAX_BYTES 64

typedef struct opener {
    char text[OPENER_MAX_BYTES];
    int stands_alone; /* a [not] entry */
} opener;

struct openers {
    opener *items;
    size_t n, cap;
};

/* Case-folded copy of s, or NULL. */
static char *fold(const char *s, size_t len)
{
    utf8proc_uint8_t *out = NULL;
    if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                     UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
                         UTF8PROC_STABLE) < 0)
        return NULL;
    return (char *)out;
}

openers *openers_load(const char *data_dir, const char *lang)
{
    openers *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    char path[4096];
    snprintf(path, sizeof path, "%s/dependent/%s.txt", data_dir, lang);
    FILE *f = fopen(path, "r");
    if (!f)
        return o;
    char line[256];
    int stands_alone = 0;
    while (fgets(line, sizeof line, f)) {
        char *bar = strchr(line, '|');
        if (bar)
            *bar = '\0';
        size_t n = strcspn(line, "\r\n");
        while (n && line[n - 1] == ' ')
            n--;
        line[n] = '\0';
        if (line[0] == '[')
            stands_alone = !strcmp(line, "[not]");
        if (n == 0 || line[0] == '#' || line[0] == '[')
            continue;
        if (n >= OPENER_MAX_BYTES) {
            fclose(f);
            openers_free(o);
            return NULL;
        }
        if (o->n == o->cap) {
            o->cap = o->cap ? o->cap * 2 : 64;
            o->items = realloc(o->items, o->cap * sizeof *o->items);
        }
        char *folded = fold(line, n);
        opener *e = &o->items[o->n++];
        snprintf(e->text, sizeof e->text, "%s", folded ? folded : "");
        e->stands_alone = stands_alone;
        free(folded);
    }
    fclose(f);
    return o;
}

void openers_free(openers *o)
{
    if (o)
        free(o->items);
    free(o);
}

static int is_word_char(utf8proc_int32_t c)
{
    utf8proc_category_t k = utf8proc_category(c);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO) ||
           c == '\'' || c == 0x2019 || c == '-';
}

/* The first words of text, folded, joined by single spaces, into out;
 * the byte length after each word in ends. */
static size_t first_words(const char *text, char *out, size_t size,
                          size_t ends[OPENER_MAX_WORDS])
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text;
    size_t len = strlen(text), at = 0, n = 0, words = 0;
    utf8proc_int32_t c;
    while (at < len && words < OPENER_MAX_WORDS) {
        utf8proc_ssize_t k = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &c);
        if (k <= 0)
            break;
        if (!is_word_char(c) || c == '-' || c == '\'') {
            /* Before the first word: quotation marks, dashes, brackets.
             * After it, a space goes on to the next word, anything else
             * (a comma) ends the opening. */
            if (words > 0 && c != ' ')
                break;
            at += (size_t)k;
            continue;
        }
        if (words > 0 && n + 1 < size)
            out[n++] = ' ';
        size_t w = at;
        while (at < len) {
            k = utf8proc_iterate(p + at, (utf8proc_ssize_t)(len - at), &c);
            if (k <= 0 || !is_word_char(c))
                break;
            at += (size_t)k;
        }
        char *folded = fold(text + w, at - w);
        for (char *q = folded; q && *q && n + 1 < size; q++) {
            if ((unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
                (unsigned char)q[2] == 0x99) { /* ’ as ' */
                out[n++] = '\'';
                q += 2;
            } else {
                out[n++] = *q;
            }
        }
        free(folded);
        ends[words++] = n;
    }
    out[n] = '\0';
    return words;
}

int leans_back(const openers *o, const char *text)
{
    char words[4 * OPENER_MAX_BYTES];
    size_t ends[OPENER_MAX_WORDS];
    size_t nw = first_words(text, words, sizeof words, ends);
    int leans = 0; /* of the longest entry matched so far */
    for (size_t w = 0; w < nw; w++)
        for (size_t i = 0; i < o->n; i++)
            if (strlen(o->items[i].text) == ends[w] &&
                !memcmp(o->items[i].text, words, ends[w]))
                leans = !o->items[i].stands_alone;
    return leans;
}
