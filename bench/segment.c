/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/segment -- sentence boundaries against the Golden Rules.
 *
 *   segment [--shared DIR] [--data DIR] [--quiet]
 *
 * Reads golden_rules.dev.jsonl (format in ../shared/EVAL.md), cuts each
 * case's input with precis_segment() in the case's language, and
 * compares the sentence list with the expected one exactly, after
 * collapsing whitespace runs to one space and trimming each sentence
 * (the protocol there).  Prints the pass rate per language and set and,
 * unless --quiet, every failing case with what precis returned.  The
 * "grs48" set is the same 48 English cases as "golden"; both are shown,
 * as EVAL.md asks, and never pooled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "devset.h"
#include "precis.h"

#define MAX_GROUPS 64

typedef struct group {
    char lang[8], set[16];
    size_t cases, passed;
} group;

static group groups[MAX_GROUPS];
static size_t ngroups;

static group *group_for(const char *lang, const char *set)
{
    for (size_t i = 0; i < ngroups; i++)
        if (!strcmp(groups[i].lang, lang) && !strcmp(groups[i].set, set))
            return &groups[i];
    if (ngroups == MAX_GROUPS)
        return NULL;
    group *g = &groups[ngroups++];
    snprintf(g->lang, sizeof g->lang, "%s", lang);
    snprintf(g->set, sizeof g->set, "%s", set);
    return g;
}

/* s with whitespace runs made one space and the ends trimmed, into a
 * malloc'd string. */
static char *normalise(const char *s)
{
    size_t n = strlen(s), k = 0;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v') {
            space = 1;
            continue;
        }
        if (space && k > 0)
            out[k++] = ' ';
        space = 0;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return out;
}

static int same_sentence(const char *got, const char *want)
{
    if (!want)
        return 0;
    char *a = normalise(got), *b = normalise(want);
    int same = a && b && strcmp(a, b) == 0;
    free(a);
    free(b);
    return same;
}

/* 1 when the case passes, 0 when it fails, -1 when it cannot be run. */
static int run_case(const precis_engine_t *e, json_t *rec, int quiet)
{
    const char *id = json_string_value(json_object_get(rec, "id"));
    const char *lang = json_string_value(json_object_get(rec, "lang"));
    json_t *input = json_object_get(rec, "input");
    json_t *expected = json_object_get(rec, "expected");
    if (!id || !lang || !json_is_string(input) || !json_is_array(expected))
        return -1;
    precis_options_t o;
    precis_options_init(&o);
    o.lang = lang;
    precis_result_t *r;
    precis_error_t err;
    if (precis_segment(e, json_string_value(input), json_string_length(input),
                       &o, &r, &err) != PRECIS_OK) {
        fprintf(stderr, "segment: %s: %s\n", id, err.message);
        return -1;
    }
    size_t n = precis_result_segment_count(r);
    int pass = n == json_array_size(expected);
    for (size_t i = 0; pass && i < n; i++)
        pass = same_sentence(precis_result_segment(r, i)->text,
                             json_string_value(json_array_get(expected, i)));
    if (!pass && !quiet) {
        printf("FAIL %s\n  input: %s\n", id, json_string_value(input));
        for (size_t i = 0; i < json_array_size(expected); i++)
            printf("  want: %s\n",
                   json_string_value(json_array_get(expected, i)));
        for (size_t i = 0; i < n; i++)
            printf("  got:  %s\n", precis_result_segment(r, i)->text);
    }
    precis_result_free(r);
    return pass;
}

int main(int argc, char **argv)
{
    devset d;
    int rc = devset_open(&d, "segment", "golden_rules.dev.jsonl", argc, argv);
    if (rc != 0)
        return rc;
    int bad = 0;
    json_t *rec;
    while ((rec = devset_next(&d)) != NULL) {
        const char *lang = json_string_value(json_object_get(rec, "lang"));
        const char *set = json_string_value(json_object_get(rec, "set"));
        group *g = lang && set ? group_for(lang, set) : NULL;
        int pass = g ? run_case(d.engine, rec, d.quiet) : -1;
        if (pass < 0) {
            bad = 1;
        } else {
            g->cases++;
            g->passed += (size_t)pass;
        }
        json_decref(rec);
    }
    devset_close(&d);
    printf(
        "\n| lang | set | cases | passed | rate |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < ngroups; i++)
        printf("| %s | %s | %zu | %zu | %.1f %% |\n", groups[i].lang,
               groups[i].set, groups[i].cases, groups[i].passed,
               100.0 * (double)groups[i].passed / (double)groups[i].cases);
    if (bad)
        fprintf(stderr, "segment: some cases could not be run\n");
    return bad;
}
