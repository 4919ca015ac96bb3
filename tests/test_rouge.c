/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_rouge.c -- bench/rouge_score.c: small cases by hand, and the
 * official ROUGE-1.5.5 scores of ../shared/EVAL.md reproduced within
 * 0.002 from the baseline outputs in ../shared/eval (skipped, and
 * reported as skipped, when the shared data is absent).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "rouge_score.h"
#include "testutil.h"

#define WORDNET "/usr/share/wordnet"

static int near(double a, double b)
{
    return a > b - 1e-9 && a < b + 1e-9;
}

static rouge_scores score1(const rouge_opts *o, const char *sys,
                           const char *ref)
{
    rouge *r = rouge_new(o);
    assert_non_null(r);
    rouge_scores s = rouge_score(r, sys, &ref, 1);
    rouge_free(r);
    return s;
}

static void rouge_identical_texts_score_one(void **state)
{
    (void)state;
    rouge_opts o = {.stem = 1, .wordnet = WORDNET};
    rouge_scores s =
        score1(&o, "The cat sat.\nIt slept.", "The cat sat.\nIt slept.");
    assert_true(s.r1.f == 1.0 && s.r2.f == 1.0 && s.rl.f == 1.0);
}

static void rouge_counts_like_rouge155(void **state)
{
    (void)state;
    rouge_opts o = {0};
    /* Hyphens split words and vanish; case and punctuation do not count. */
    rouge_scores s = score1(&o, "Cease-fire NOW!", "cease fire now");
    assert_true(s.r1.r == 1.0 && s.r1.p == 1.0);
    /* Recall 2/4, precision 2/2. */
    s = score1(&o, "a b", "a b c d");
    assert_true(s.r1.r == 0.5 && s.r1.p == 1.0);
    assert_true(near(s.r1.f, 0.66667)); /* rounded to 5 places, as 1.5.5 */
    /* Clipping: "a a a" against "a" is one hit. */
    s = score1(&o, "a a a", "a");
    assert_true(s.r1.r == 1.0 && near(s.r1.p, 0.33333));
    /* -l: only the first 2 words of each side count. */
    rouge_opts cut = {.limit = 2};
    s = score1(&cut, "x y a b", "x y c d");
    assert_true(s.r1.r == 1.0);
    /* Stemming with WordNet's irregular forms: "said" is "say". */
    rouge_opts stem = {.stem = 1, .wordnet = WORDNET};
    s = score1(&stem, "officials said", "official say");
    assert_true(s.r1.r == 1.0);
}

static void rouge_lcs_is_summary_level(void **state)
{
    (void)state;
    rouge_opts o = {0};
    /* Reference sentence "a b c d" matched by two summary sentences
     * "a b" and "c d": the union LCS covers all four words. */
    rouge_scores s = score1(&o, "a b\nc d", "a b c d");
    assert_true(s.rl.r == 1.0);
    /* Against one scrambled sentence, LCS is 2 of 4. */
    s = score1(&o, "d c b a b", "a b c d");
    assert_true(s.rl.r == 0.5);
}

static void rouge_ngrams_only_skips_lcs(void **state)
{
    (void)state;
    rouge_opts all = {0}, ngrams = {.ngrams_only = 1};
    const char *sys = "a b x\nc d", *ref = "a b c d";
    rouge_scores s = score1(&all, sys, ref), n = score1(&ngrams, sys, ref);
    assert_true(s.r1.f == n.r1.f && s.r2.f == n.r2.f);
    assert_true(s.rl.r == 1.0);
    assert_true(n.rl.r == 0 && n.rl.p == 0 && n.rl.f == 0);
}

static void rouge_sums_over_references(void **state)
{
    (void)state;
    rouge_opts o = {0};
    const char *refs[] = {"a b", "c d"};
    rouge *r = rouge_new(&o);
    rouge_scores s = rouge_score(r, "a b", refs, 2);
    rouge_free(r);
    /* hits 2 of 4 reference words; precision 2 of 2 x 2. */
    assert_true(s.r1.r == 0.5 && s.r1.p == 0.5);
}

static void rouge_unicode_mode(void **state)
{
    (void)state;
    rouge_opts o = {.unicode = "french"};
    rouge_scores s = score1(&o, "Les élections ÉTAIENT",
                            "les \xC3\xA9lection \xC3\xA9taient");
    assert_true(s.r1.r == 1.0); /* folded and stemmed */
}

/* The official table of ../shared/EVAL.md. */
static const struct {
    const char *set, *system;
    int recall, limit;
    double r1, r2, rl;
} official[] = {
    {"duc2002", "lead", 1, 100, 0.47259, 0.21643, 0.43095},
    {"duc2002", "textrank", 1, 100, 0.45274, 0.18791, 0.40831},
    {"duc2002", "ots", 1, 100, 0.42202, 0.17575, 0.37018},
    {"cnndm", "lead", 0, 0, 0.34608, 0.12292, 0.29851},
    {"cnndm", "textrank", 0, 0, 0.27675, 0.09776, 0.23556},
    {"bbc_news", "lead", 0, 0, 0.64505, 0.51030, 0.63205},
    {"bbc_news", "textrank", 0, 0, 0.82843, 0.76791, 0.82452},
    {"bbc_news", "ots", 0, 0, 0.74763, 0.66047, 0.73218},
};

static json_t *by_id(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    json_t *map = json_object();
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        json_object_set(map, json_string_value(json_object_get(o, "id")), o);
        json_decref(o);
    }
    free(line);
    fclose(f);
    return map;
}

static void rouge_reproduces_official_scores(void **state)
{
    (void)state;
    const char *shared = getenv("PRECIS_SHARED");
    char path[512];
    snprintf(path, sizeof path, "%s/../eval/baseline-outputs",
             shared ? shared : "../shared/data");
    struct stat st;
    if (stat(path, &st) != 0) {
        print_message("needs ../shared (evaluation data): skipped\n");
        skip();
    }
    for (size_t k = 0; k < sizeof official / sizeof official[0]; k++) {
        char sys_path[600], ref_path[600];
        snprintf(sys_path, sizeof sys_path, "%s/%s-%s.jsonl", path,
                 official[k].system, official[k].set);
        snprintf(ref_path, sizeof ref_path, "%s/%s.dev.jsonl",
                 shared ? shared : "../shared/data", official[k].set);
        json_t *sys = by_id(sys_path), *refs = by_id(ref_path);
        rouge_opts o = {
            .stem = 1, .limit = (size_t)official[k].limit, .wordnet = WORDNET};
        rouge *r = rouge_new(&o);
        assert_non_null(r);
        double sum[3] = {0};
        size_t docs = 0;
        const char *id;
        json_t *doc;
        json_object_foreach(sys, id, doc)
        {
            json_t *ref = json_object_get(refs, id), *x;
            const char *list[64];
            size_t n = 0, i;
            json_array_foreach(json_object_get(ref, "summaries"), i, x)
                list[n++] = json_string_value(x);
            if (n == 0)
                list[n++] = json_string_value(json_object_get(ref, "summary"));
            rouge_scores s = rouge_score(
                r, json_string_value(json_object_get(doc, "summary")), list,
                n);
            int rec = official[k].recall;
            sum[0] += rec ? s.r1.r : s.r1.f;
            sum[1] += rec ? s.r2.r : s.r2.f;
            sum[2] += rec ? s.rl.r : s.rl.f;
            docs++;
        }
        double want[3] = {official[k].r1, official[k].r2, official[k].rl};
        for (int m = 0; m < 3; m++) {
            double got = sum[m] / (double)docs;
            if (got < want[m] - 0.002 || got > want[m] + 0.002)
                fail_msg("%s %s ROUGE-%c: %.5f, official %.5f",
                         official[k].set, official[k].system, "12L"[m], got,
                         want[m]);
        }
        print_message("%s %s: within 0.002 of ROUGE-1.5.5\n", official[k].set,
                      official[k].system);
        rouge_free(r);
        json_decref(sys);
        json_decref(refs);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rouge_identical_texts_score_one),
        cmocka_unit_test(rouge_counts_like_rouge155),
        cmocka_unit_test(rouge_lcs_is_summary_level),
        cmocka_unit_test(rouge_ngrams_only_skips_lcs),
        cmocka_unit_test(rouge_sums_over_references),
        cmocka_unit_test(rouge_unicode_mode),
        cmocka_unit_test(rouge_reproduces_official_scores),
    };
    return cmocka_run_group_tests_name("rouge", tests, NULL, NULL);
}
