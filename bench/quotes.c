/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/quotes -- direct quotes and speakers against PolNeAR (English)
 * and Redewiedergabe (German).
 *
 *   quotes [--shared DIR] [--data DIR] [--show N] [--set polnear|de]
 *
 * Reads polnear_quotes.dev.jsonl and quotes_de.dev.jsonl (formats in
 * ../shared/EVAL.md), runs precis on every text in its language with
 * all quotations asked for, fragments included, and scores them against
 * the attributions marked as direct quotes (German fiction and
 * non-fiction apart, as they quote very differently):
 *
 *   - a predicted quote matches a gold one when their spans overlap by
 *     at least half of the shorter (gold content may have several
 *     spans; the overlap is summed over them);
 *   - "all": every predicted quotation against every gold direct quote;
 *   - "statements": precis's non-fragment quotes against the gold quotes
 *     with at least 4 words between marks.  A prediction that only
 *     matches a shorter gold quote counts neither way, a gold statement
 *     that only a fragment matches is a miss;
 *   - speaker: over matched statements with a gold source, the share
 *     whose predicted mention overlaps the source span;
 *   - "regex": the baseline of every “…”, "…", „…“, „…", »…« or «…»
 *     pair within a line, against every gold direct quote, for
 *     comparison with "all".
 *
 * --show N prints N examples of each kind of error for reading.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "precis.h"

/* Gold quotes shorter than this (words between the marks) are
 * fragments: scare quotes and titles the annotators sometimes marked. */
#define GOLD_STATEMENT_WORDS 4
#define MAX_SPANS 16

typedef struct range {
    size_t start, end;
} range;

typedef struct gold {
    range content[MAX_SPANS];
    size_t ncontent;
    range source[MAX_SPANS];
    size_t nsource;
    int statement;
    int matched;          /* by a prediction of the scored kind */
    int matched_fragment; /* only by a fragment */
    int speaker_scored;
} gold;

typedef struct counts {
    size_t tp, fp, gold, found;
} counts;

typedef struct totals {
    counts all, statements, regex;
    size_t sp_total, sp_right, sp_wrong, sp_none;
    size_t nosrc_total, nosrc_none;
    size_t docs;
} totals;

typedef struct options {
    const char *shared, *data;
    int show;
    const char *lang; /* of the set being read */
} options;

static int shown_missed, shown_spurious, shown_speaker;

/* Byte offset of every code point of text, and one past the end. */
static size_t *byte_offsets(const char *text, size_t len, size_t *ncp)
{
    size_t *off = malloc((len + 1) * sizeof *off), n = 0;
    if (!off)
        return NULL;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            off[n++] = i;
    off[n] = len;
    *ncp = n;
    return off;
}

static size_t load_spans(json_t *obj, const size_t *off, size_t ncp,
                         range *out)
{
    json_t *spans = json_object_get(obj, "spans"), *s;
    size_t i, n = 0;
    json_array_foreach(spans, i, s)
    {
        json_int_t a = json_integer_value(json_array_get(s, 0));
        json_int_t b = json_integer_value(json_array_get(s, 1));
        if (n < MAX_SPANS && a >= 0 && b > a && (size_t)b <= ncp)
            out[n++] = (range){off[a], off[b]};
    }
    return n;
}

static int is_mark(const char *t, size_t i, size_t *len)
{
    /* " '' `` “ ” « » and, as EVAL.md asks for the German set, „ ‚ ‹ › */
    static const char *marks[] = {
        "\"",         "''",          "``",          "\xE2\x80\x9C",
        "\xE2\x80\x9D", "\xC2\xAB",     "\xC2\xBB",     "\xE2\x80\x9E",
        "\xE2\x80\x9A", "\xE2\x80\xB9", "\xE2\x80\xBA", NULL};
    for (int k = 0; marks[k]; k++) {
        size_t n = strlen(marks[k]);
        if (strncmp(t + i, marks[k], n) == 0) {
            *len = n;
            return 1;
        }
    }
    return 0;
}

/* Words between quotation marks in the gold content (lead-in words
 * outside the marks do not count). */
static size_t quoted_words(const char *t, const range *spans, size_t n)
{
    size_t words = 0;
    int inside = 0;
    for (size_t k = 0; k < n; k++) {
        int in_word = 0;
        for (size_t i = spans[k].start; i < spans[k].end;) {
            size_t m;
            if (is_mark(t, i, &m)) {
                inside = !inside;
                in_word = 0;
                i += m;
                continue;
            }
            unsigned char c = (unsigned char)t[i];
            int word = c >= 0x80 || (c >= '0' && c <= '9') ||
                       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
            if (word && !in_word && inside)
                words++;
            in_word = word;
            i++;
        }
    }
    return words;
}

static size_t overlap(range p, const range *spans, size_t n, size_t *glen)
{
    size_t o = 0;
    *glen = 0;
    for (size_t k = 0; k < n; k++) {
        size_t a = p.start > spans[k].start ? p.start : spans[k].start;
        size_t b = p.end < spans[k].end ? p.end : spans[k].end;
        if (b > a)
            o += b - a;
        *glen += spans[k].end - spans[k].start;
    }
    return o;
}

/* The overlap of p with gold quote g when they match (by at least half
 * of the shorter), else 0. */
static size_t match(range p, const gold *g)
{
    size_t glen, o = overlap(p, g->content, g->ncontent, &glen);
    size_t shorter = glen < p.end - p.start ? glen : p.end - p.start;
    return o > 0 && 2 * o >= shorter ? o : 0;
}

/* Up to 160 bytes of context either side, one line. */
static void show(int *shown, int limit, const char *what, const char *t,
                 range r, const char *extra)
{
    if (*shown >= limit)
        return;
    (*shown)++;
    size_t a = r.start > 160 ? r.start - 160 : 0, b = r.end + 160;
    size_t len = strlen(t);
    if (b > len)
        b = len;
    while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80)
        a--;
    while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
        b++;
    printf("%s%s%s\n    ", what, extra ? " " : "", extra ? extra : "");
    for (size_t i = a; i < b; i++) {
        if (i == r.start || i == r.end)
            fputs(i == r.start ? "[[" : "]]", stdout);
        putchar(t[i] == '\n' ? '|' : t[i]);
    }
    putchar('\n');
}

static void score_speaker(totals *tt, const options *o, const char *t,
                          const precis_quote_t *q, const gold *g)
{
    range m = {q->mention_start, q->mention_end};
    if (g->nsource == 0) {
        tt->nosrc_total++;
        tt->nosrc_none += m.end <= m.start;
        return;
    }
    tt->sp_total++;
    size_t glen;
    if (m.end <= m.start) {
        tt->sp_none++;
    } else if (overlap(m, g->source, g->nsource, &glen) > 0) {
        tt->sp_right++;
        return;
    } else {
        tt->sp_wrong++;
    }
    char extra[256];
    int gl = (int)(g->source[0].end - g->source[0].start);
    int ml = (int)(m.end - m.start);
    snprintf(extra, sizeof extra, "-> predicted [%.*s], gold [%.*s]",
             ml > 60 ? 60 : ml, t + m.start, gl > 60 ? 60 : gl,
             t + g->source[0].start);
    show(&shown_speaker, o->show, "speaker", t, (range){q->start, q->end},
         extra);
}

static void score_doc(const precis_engine_t *e, const options *o, json_t *rec,
                      totals *tt)
{
    json_t *jt = json_object_get(rec, "text");
    const char *t = json_string_value(jt);
    size_t len = json_string_length(jt), ncp;
    size_t *off = t ? byte_offsets(t, len, &ncp) : NULL;
    if (!off)
        return;
    json_t *attrs = json_object_get(rec, "attributions"), *a;
    gold *g = calloc(json_array_size(attrs) + 1, sizeof *g);
    size_t ng = 0, i;
    json_array_foreach(attrs, i, a)
    {
        /* The corpus flag was set from " and “ only: the NYT texts'
         * ''…'' quotations are direct quotes too. */
        const char *content =
            json_string_value(json_object_get(json_object_get(a, "content"),
                                              "text"));
        if (!json_is_true(json_object_get(a, "is_direct_quote")) &&
            !(content && strstr(content, "''")))
            continue;
        gold *x = &g[ng];
        x->ncontent =
            load_spans(json_object_get(a, "content"), off, ncp, x->content);
        if (x->ncontent == 0)
            continue;
        x->nsource =
            load_spans(json_object_get(a, "source"), off, ncp, x->source);
        x->statement = quoted_words(t, x->content, x->ncontent) >=
                       GOLD_STATEMENT_WORDS;
        ng++;
    }
    precis_options_t opts;
    precis_options_init(&opts);
    opts.lang = o->lang;
    opts.budget_value = 1;
    opts.keywords = 0;
    opts.quotes = 1000;
    opts.quote_fragments = 1;
    opts.utf8_policy = PRECIS_UTF8_REPLACE;
    precis_result_t *r = NULL;
    precis_error_t err;
    if (precis_summarize(e, t, len, &opts, &r, &err) != PRECIS_OK) {
        fprintf(stderr, "quotes: %s\n", err.message);
        free(g);
        free(off);
        return;
    }
    tt->docs++;
    int *all_matched = calloc(ng + 1, sizeof *all_matched);
    /* A prediction counts once; every gold quote it matches is found
     * (PolNeAR nests attributions: a quote inside a reported clause). */
    for (i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        range p = {q->start, q->end};
        int any = 0, statement = 0;
        long best = -1;
        size_t best_o = 0;
        for (size_t j = 0; j < ng; j++) {
            size_t ov = match(p, &g[j]);
            if (!ov)
                continue;
            any = 1;
            all_matched[j] = 1;
            if (q->fragment) {
                g[j].matched_fragment = 1;
                continue;
            }
            g[j].matched = 1;
            if (g[j].statement) {
                statement = 1;
                if (ov > best_o) {
                    best_o = ov;
                    best = (long)j;
                }
            }
        }
        if (any)
            tt->all.tp++;
        else
            tt->all.fp++;
        if (q->fragment)
            continue;
        if (!any) {
            tt->statements.fp++;
            show(&shown_spurious, o->show, "spurious", t, p, NULL);
        } else if (statement) {
            tt->statements.tp++;
            if (!g[best].speaker_scored)
                score_speaker(tt, o, t, q, &g[best]);
            g[best].speaker_scored = 1;
        }
    }
    for (i = 0; i < ng; i++) {
        tt->all.gold++;
        tt->all.found += all_matched[i];
        if (!g[i].statement)
            continue;
        tt->statements.gold++;
        tt->statements.found += g[i].matched;
        if (!g[i].matched) {
            range c = {g[i].content[0].start,
                       g[i].content[g[i].ncontent - 1].end};
            show(&shown_missed, o->show, "missed", t, c,
                 g[i].matched_fragment ? "(taken for a fragment)" : NULL);
        }
    }
    /* The baseline: every pair of marks in a line, an opening one
     * followed by one of its closings. */
    static const struct {
        const char *open, *close[2];
    } pairs[] = {{"\xE2\x80\x9C", {"\xE2\x80\x9D", NULL}},       /* “…” */
                 {"\"", {"\"", NULL}},                           /* "…" */
                 {"\xE2\x80\x9E", {"\xE2\x80\x9C", "\""}},        /* „…“ „…" */
                 {"\xC2\xBB", {"\xC2\xAB", NULL}},               /* »…« */
                 {"\xC2\xAB", {"\xC2\xBB", NULL}}};              /* «…» */
    memset(all_matched, 0, (ng + 1) * sizeof *all_matched);
    for (size_t a0 = 0; a0 < len; a0++) {
        size_t k = 0, olen = 0;
        while (k < sizeof pairs / sizeof *pairs &&
               strncmp(t + a0, pairs[k].open, olen = strlen(pairs[k].open)))
            k++;
        if (k == sizeof pairs / sizeof *pairs)
            continue;
        size_t start = a0 + olen, b0 = start, clen = 0;
        for (; b0 < len && t[b0] != '\n' && !clen; b0 += clen ? 0 : 1)
            for (int c = 0; c < 2 && pairs[k].close[c] && !clen; c++)
                if (!strncmp(t + b0, pairs[k].close[c],
                             strlen(pairs[k].close[c])))
                    clen = strlen(pairs[k].close[c]);
        if (!clen)
            continue;
        int any = 0;
        for (size_t j = 0; j < ng; j++)
            if (match((range){start, b0}, &g[j]))
                any = all_matched[j] = 1;
        tt->regex.tp += any;
        tt->regex.fp += !any;
        a0 = b0 + clen - 1;
    }
    for (i = 0; i < ng; i++) {
        tt->regex.gold++;
        tt->regex.found += all_matched[i];
    }
    free(all_matched);
    precis_result_free(r);
    free(g);
    free(off);
}

static void print_counts(const char *name, const counts *c)
{
    double p = c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 0;
    double r = c->gold ? (double)c->found / (double)c->gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("| %-10s | %6zu | %6zu | %5.3f | %5.3f | %5.3f |\n", name,
           c->tp + c->fp, c->gold, p, r, f);
}

static void print_totals(const char *what, const totals *tt)
{
    printf("\n%s (%zu)\n\n", what, tt->docs);
    printf("| quotes     | predicted | gold | precision | recall | F1 |\n");
    printf("|---|---|---|---|---|---|\n");
    print_counts("regex", &tt->regex);
    print_counts("all", &tt->all);
    print_counts("statements", &tt->statements);
    printf("\n| speaker of matched statements | count | share |\n");
    printf("|---|---|---|\n");
    double st = tt->sp_total ? (double)tt->sp_total : 1;
    printf("| mention overlaps the gold source | %zu | %.3f |\n",
           tt->sp_right, (double)tt->sp_right / st);
    printf("| another mention | %zu | %.3f |\n", tt->sp_wrong,
           (double)tt->sp_wrong / st);
    printf("| none found | %zu | %.3f |\n", tt->sp_none,
           (double)tt->sp_none / st);
    printf("| gold has no source; precis none too | %zu of %zu | |\n",
           tt->nosrc_none, tt->nosrc_total);
}

static int usage(void)
{
    fprintf(stderr, "usage: quotes [--shared DIR] [--data DIR] [--show N] "
                    "[--set polnear|de]\n");
    return 2;
}

/* Each record of set's file to score(rec, ctx); -1 when it is absent. */
static int each_record(const options *o, const char *file,
                       void (*score)(json_t *rec, void *ctx), void *ctx)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", o->shared, file);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "quotes: %s: cannot open (see ../shared/EVAL.md)\n",
                path);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t jerr;
        json_t *rec = json_loadb(line, (size_t)n, 0, &jerr);
        if (rec)
            score(rec, ctx);
        json_decref(rec);
    }
    free(line);
    fclose(f);
    return 0;
}

typedef struct run {
    const precis_engine_t *e;
    const options *o;
    totals parts[3]; /* PolNeAR: all, its dev split; German: fiction,
                        non-fiction, all */
} run;

static void score_polnear(json_t *rec, void *ctx)
{
    run *r = ctx;
    const char *split = json_string_value(json_object_get(rec, "split"));
    score_doc(r->e, r->o, rec, &r->parts[0]);
    if (split && strcmp(split, "dev") == 0) {
        options quiet = *r->o;
        quiet.show = 0;
        score_doc(r->e, &quiet, rec, &r->parts[1]);
    }
}

static void score_german(json_t *rec, void *ctx)
{
    run *r = ctx;
    const char *genre = json_string_value(json_object_get(rec, "genre"));
    options quiet = *r->o;
    quiet.show = 0;
    score_doc(r->e, r->o, rec,
              &r->parts[genre && !strcmp(genre, "fiction") ? 0 : 1]);
    score_doc(r->e, &quiet, rec, &r->parts[2]);
}

int main(int argc, char **argv)
{
    options o = {"../shared/data", "data", 0, "en"};
    const char *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 < argc && strcmp(argv[i], "--shared") == 0)
            o.shared = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--data") == 0)
            o.data = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--show") == 0)
            o.show = atoi(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--set") == 0)
            only = argv[++i];
        else
            return usage();
    }
    precis_engine_t *e = NULL;
    precis_error_t err;
    if (precis_engine_open(o.data, &e, &err) != PRECIS_OK) {
        fprintf(stderr, "quotes: %s\n", err.message);
        return 1;
    }
    int rc = 0;
    if (!only || !strcmp(only, "polnear")) {
        run r = {.e = e, .o = &o};
        if (each_record(&o, "polnear_quotes.dev.jsonl", score_polnear, &r))
            rc = 1;
        print_totals("PolNeAR direct quotes, all texts", &r.parts[0]);
        print_totals("PolNeAR direct quotes, PolNeAR's own dev split",
                     &r.parts[1]);
    }
    if (!only || !strcmp(only, "de")) {
        options de = o;
        de.lang = "de";
        run r = {.e = e, .o = &de};
        if (each_record(&de, "quotes_de.dev.jsonl", score_german, &r))
            rc = 1;
        print_totals("German direct speech (Redewiedergabe), fiction",
                     &r.parts[0]);
        print_totals("German direct speech (Redewiedergabe), non-fiction",
                     &r.parts[1]);
        print_totals("German direct speech (Redewiedergabe), all",
                     &r.parts[2]);
    }
    precis_engine_free(e);
    return rc;
}
