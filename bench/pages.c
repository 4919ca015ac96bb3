/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/pages -- page noise in summaries and quotes of real web pages.
 *
 *   pages [--shared DIR] [--data DIR] [--quiet]
 *
 * Reads pages.dev.jsonl (format and protocol in ../shared/EVAL.md):
 * every page's flattened text is summarized in 3 sentences with 3
 * quotes, and each summary sentence is classed by its words against the
 * published article body:
 *
 *   - article text: at least 60 % of its word trigrams (unigrams under
 *     3 words) occur in the body;
 *   - headline/standfirst: not article text, but matches the page's
 *     meta strings (title, descriptions) the same way; not noise;
 *   - page noise: everything else.
 *
 * Words are runs of letters and digits after NFKC and case folding, so
 * quote marks and punctuation never matter.  A returned quote is
 * off-body when its span is not article text.  Beside the summaries it
 * measures the opposite mistake: of the page's sentences that are
 * article text (precis_segment()), the share excluded as noise (a
 * repeat excluded as "duplicate" or "near_duplicate" is not counted: one
 * copy of it stays).  Unless --quiet, each noisy sentence, off-body
 * quote and excluded body sentence is listed with its page.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <utf8proc.h>

#include "devset.h"
#include "precis.h"

#define ARTICLE_SHARE 0.6

/* A set of 64-bit n-gram hashes, open addressing; 0 marks a free slot. */
typedef struct hset {
    uint64_t *slots;
    size_t cap, n;
} hset;

static int hset_add(hset *h, uint64_t k)
{
    if (k == 0)
        k = 1;
    if ((h->n + 1) * 2 > h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 1024;
        uint64_t *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < h->cap; i++) {
            uint64_t v = h->slots[i];
            if (!v)
                continue;
            size_t j = v & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = v;
        }
        free(h->slots);
        h->slots = slots;
        h->cap = cap;
    }
    size_t j = k & (h->cap - 1);
    while (h->slots[j] && h->slots[j] != k)
        j = (j + 1) & (h->cap - 1);
    if (!h->slots[j]) {
        h->slots[j] = k;
        h->n++;
    }
    return 0;
}

static int hset_has(const hset *h, uint64_t k)
{
    if (k == 0)
        k = 1;
    if (!h->cap)
        return 0;
    size_t j = k & (h->cap - 1);
    while (h->slots[j]) {
        if (h->slots[j] == k)
            return 1;
        j = (j + 1) & (h->cap - 1);
    }
    return 0;
}

/* Word hashes of s[0, len): NFKC, case-folded, runs of letters and
 * digits.  *out is malloc'd. */
static size_t words_of(const char *s, size_t len, uint64_t **out)
{
    utf8proc_uint8_t *norm = NULL;
    *out = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &norm,
                     UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                         UTF8PROC_STABLE);
    if (n < 0)
        return 0;
    uint64_t *w = malloc(((size_t)n / 2 + 1) * sizeof *w);
    size_t count = 0;
    uint64_t h = 0;
    int in_word = 0;
    for (utf8proc_ssize_t i = 0; w && i <= n;) {
        utf8proc_int32_t cp = ' ';
        utf8proc_ssize_t step = 1;
        if (i < n)
            step = utf8proc_iterate(norm + i, n - i, &cp);
        if (step <= 0) {
            step = 1;
            cp = ' ';
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        int alnum =
            (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
            (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (alnum) {
            if (!in_word)
                h = 1469598103934665603ull;
            for (utf8proc_ssize_t k = 0; k < step; k++)
                h = (h ^ norm[i + k]) * 1099511628211ull;
            in_word = 1;
        } else if (in_word) {
            w[count++] = h;
            in_word = 0;
        }
        i += step;
    }
    free(norm);
    *out = w;
    return count;
}

static uint64_t gram(const uint64_t *w, size_t i, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (size_t k = 0; k < n; k++)
        h = (h ^ w[i + k]) * 0xff51afd7ed558ccdull + k;
    return h;
}

/* Unigrams and trigrams of s into set. */
static int add_text(hset *set, const char *s, size_t len)
{
    uint64_t *w;
    size_t n = words_of(s, len, &w);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = hset_add(set, gram(w, i, 1));
        if (rc == 0 && i + 3 <= n)
            rc = hset_add(set, gram(w, i, 3));
    }
    free(w);
    return rc;
}

/* EVAL.md's test: is s[0, len) text of the set's source? */
static int matches(const hset *set, const char *s, size_t len)
{
    uint64_t *w;
    size_t n = words_of(s, len, &w);
    size_t size = n >= 3 ? 3 : 1, grams = 0, found = 0;
    for (size_t i = 0; i + size <= n; i++) {
        grams++;
        found += (size_t)hset_has(set, gram(w, i, size));
    }
    free(w);
    return grams > 0 && (double)found >= ARTICLE_SHARE * (double)grams;
}

typedef struct totals {
    size_t pages, sentences, noise, headline, noisy_pages, empty;
    size_t quotes, off_quotes, off_quote_pages;
    size_t body_sents, body_excluded;       /* prose sentences */
    size_t body_lines, body_lines_excluded; /* any segment */
} totals;

/* A sentence of prose: three words or more, ending in sentence
 * punctuation (closing marks aside).  Labels, subheads and list items
 * of the body ("World Cup", "June 17 -- Bridgestone Arena") are not
 * summary material, and excluding them is counted apart. */
static int is_prose(const char *s)
{
    size_t n = strlen(s), words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    for (;;) { /* closing marks: " ' ) ] ” ’ » */
        if (n > 0 && strchr("\"')]", s[n - 1]))
            n--;
        else if (n >= 3 && (!memcmp(s + n - 3, "\xE2\x80\x9D", 3) ||
                            !memcmp(s + n - 3, "\xE2\x80\x99", 3)))
            n -= 3;
        else if (n >= 2 && !memcmp(s + n - 2, "\xC2\xBB", 2))
            n -= 2;
        else
            break;
    }
    if (words < 3 || n == 0)
        return 0;
    return strchr(".!?", s[n - 1]) != NULL ||
           (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3));
}

static void show(int quiet, const char *what, const char *url,
                 const char *text, const char *reason)
{
    if (quiet)
        return;
    printf("%s\t%s\t%s%s%s\n", what, url, reason ? reason : "",
           reason ? "\t" : "", text);
}

static int score_page(const precis_engine_t *e, json_t *rec, int quiet,
                      totals *t)
{
    json_t *jt = json_object_get(rec, "text");
    const char *text = json_string_value(jt);
    const char *body = json_string_value(json_object_get(rec, "body"));
    const char *url = json_string_value(json_object_get(rec, "url"));
    json_t *meta = json_object_get(rec, "meta");
    if (!text || !body || !url)
        return -1;
    size_t len = json_string_length(jt);
    hset bodyset = {0}, metaset = {0};
    int rc = add_text(&bodyset, body, strlen(body));
    for (size_t i = 0; rc == 0 && i < json_array_size(meta); i++) {
        const char *m = json_string_value(json_array_get(meta, i));
        if (m)
            rc = add_text(&metaset, m, strlen(m));
    }
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 3;
    precis_result_t *r = NULL, *segs = NULL;
    precis_error_t err;
    if (rc == 0 && (precis_summarize(e, text, len, &o, &r, &err) != 0 ||
                    precis_segment(e, text, len, &o, &segs, &err) != 0)) {
        fprintf(stderr, "pages: %s: %s\n", url, err.message);
        rc = -1;
    }
    if (rc == 0) {
        t->pages++;
        size_t noise = 0, off = 0;
        size_t n = precis_result_sentence_count(r);
        t->empty += n == 0;
        for (size_t i = 0; i < n; i++) {
            const precis_sentence_t *s = precis_result_sentence(r, i);
            t->sentences++;
            if (matches(&bodyset, text + s->start, s->end - s->start))
                continue;
            if (matches(&metaset, text + s->start, s->end - s->start)) {
                t->headline++;
                continue;
            }
            noise++;
            show(quiet, "NOISE", url, s->text, NULL);
        }
        for (size_t i = 0; i < precis_result_quote_count(r); i++) {
            const precis_quote_t *q = precis_result_quote(r, i);
            t->quotes++;
            if (!matches(&bodyset, text + q->start, q->end - q->start)) {
                off++;
                show(quiet, "OFFQUOTE", url, q->text, q->speaker);
            }
        }
        for (size_t i = 0; i < precis_result_segment_count(segs); i++) {
            const precis_segment_t *s = precis_result_segment(segs, i);
            if (!matches(&bodyset, text + s->start, s->end - s->start))
                continue;
            int prose = is_prose(s->text);
            int excluded = s->excluded &&
                           strcmp(s->excluded, "duplicate") != 0 &&
                           strcmp(s->excluded, "near_duplicate") != 0;
            t->body_lines++;
            t->body_lines_excluded += (size_t)excluded;
            t->body_sents += (size_t)prose;
            if (prose && excluded) {
                t->body_excluded++;
                show(quiet, "BODYEXCL", url, s->text, s->excluded);
            }
        }
        t->noise += noise;
        t->noisy_pages += noise > 0;
        t->off_quotes += off;
        t->off_quote_pages += off > 0;
    }
    precis_result_free(r);
    precis_result_free(segs);
    free(bodyset.slots);
    free(metaset.slots);
    return rc;
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

int main(int argc, char **argv)
{
    devset d;
    int rc = devset_open(&d, "pages", "pages.dev.jsonl", argc, argv);
    if (rc != 0)
        return rc;
    totals t = {0};
    int bad = 0;
    json_t *rec;
    while ((rec = devset_next(&d)) != NULL) {
        if (score_page(d.engine, rec, d.quiet, &t) != 0)
            bad = 1;
        json_decref(rec);
    }
    devset_close(&d);
    printf("\n| pages.dev (3 sentences, 3 quotes) | count | share |\n"
           "|---|---|---|\n");
    printf(
        "| summary sentences that are page noise | %zu of %zu | %.1f %% |\n",
        t.noise, t.sentences, pct(t.noise, t.sentences));
    printf("| headline or standfirst (not noise) | %zu | %.1f %% |\n",
           t.headline, pct(t.headline, t.sentences));
    printf("| pages with any noise in the summary | %zu of %zu | %.1f %% |\n",
           t.noisy_pages, t.pages, pct(t.noisy_pages, t.pages));
    printf("| empty summaries | %zu | %.1f %% |\n", t.empty,
           pct(t.empty, t.pages));
    printf("| quotes outside the article | %zu of %zu | %.1f %% |\n",
           t.off_quotes, t.quotes, pct(t.off_quotes, t.quotes));
    printf("| pages with any such quote | %zu | %.1f %% |\n",
           t.off_quote_pages, pct(t.off_quote_pages, t.pages));
    printf("| article sentences excluded | %zu of %zu | %.1f %% |\n",
           t.body_excluded, t.body_sents, pct(t.body_excluded, t.body_sents));
    printf("| article lines excluded, labels and list items too | %zu of %zu "
           "| %.1f %% |\n",
           t.body_lines_excluded, t.body_lines,
           pct(t.body_lines_excluded, t.body_lines));
    if (bad)
        fprintf(stderr, "pages: some pages could not be scored\n");
    return bad;
}
