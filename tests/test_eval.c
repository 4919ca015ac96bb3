/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_eval.c -- bench/eval, bench/segment and bench/pages on sets
 * written here.  bench/eval on one document: Lead is
 * the first sentences, restatements included; the oracle finds the
 * sentences the reference is made of; the SummEval systems shipped with
 * a document are scored beside them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "daemon_harness.h"
#include "rouge_score.h"
#include "testutil.h"

static const char *text =
    "Heavy snow closed the main airport on Friday, stranding thousands of "
    "travellers. Heavy snow closed the main airport on Friday and stranded "
    "thousands of travellers, officials said. Rail services were also cut "
    "as drifts blocked the northern lines. Schools will stay shut until the "
    "roads are cleared, the mayor said. A local bakery won a prize for its "
    "bread.";
static const char *lead3 =
    "Heavy snow closed the main airport on Friday, stranding thousands of "
    "travellers.\nHeavy snow closed the main airport on Friday and stranded "
    "thousands of travellers, officials said.\nRail services were also cut "
    "as drifts blocked the northern lines.";
static const char *reference =
    "Rail services were also cut as drifts blocked the northern lines.\n"
    "Schools will stay shut until the roads are cleared, the mayor said.\n"
    "A local bakery won a prize for its bread.";

/* The mean ROUGE-1 and ROUGE-2 of the row named label, or -1. */
static void row(const char *out, const char *label, double *r1, double *r2)
{
    *r1 = *r2 = -1;
    const char *at = strstr(out, label);
    if (at)
        sscanf(at + strlen(label), " %lf [%*f-%*f] %lf", r1, r2);
}

static void eval_reads_lead_oracle_and_systems(void **state)
{
    (void)state;
    char dir[] = "/tmp/precis-eval-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/cnndm.dev.jsonl", dir);
    json_t *doc = json_pack("{s:s,s:s,s:[s],s:{s:s,s:s}}", "id", "one", "text",
                            text, "summaries", reference, "system_summaries",
                            "M0", lead3, "M2", "Bread prices rose.");
    assert_int_equal(json_dump_file(doc, path, JSON_COMPACT), 0);
    json_decref(doc);

    char eval[256], cmd[1024], out[8192];
    build_path(eval, sizeof eval, "bench/eval");
    snprintf(cmd, sizeof cmd, "%s --shared %s --data %s --set cnndm --oracle",
             eval, dir, test_data_dir());
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);

    rouge_opts o = {.stem = 1, .wordnet = "/usr/share/wordnet"};
    rouge *scorer = rouge_new(&o);
    assert_non_null(scorer);
    rouge_scores want = rouge_score(scorer, lead3, &reference, 1);
    rouge_free(scorer);
    double r1, r2;
    /* Lead keeps the restatement that precis's own selection skips. */
    row(out, "Lead (our segmenter)", &r1, &r2);
    assert_true(r1 > 0 && r1 < 1);
    assert_true(r1 > want.r1.f - 5e-5 && r1 < want.r1.f + 5e-5);
    assert_true(r2 > want.r2.f - 5e-5 && r2 < want.r2.f + 5e-5);
    row(out, "SummEval M0 Lead-3", &r1, &r2);
    assert_true(r1 > want.r1.f - 5e-5 && r1 < want.r1.f + 5e-5);
    row(out, "SummEval M2 BanditSum", &r1, &r2);
    assert_true(r1 >= 0 && r1 < want.r1.f);
    /* The reference is three of the document's sentences. */
    row(out, "Oracle (reads refs)", &r1, &r2);
    assert_true(r1 == 1.0 && r2 == 1.0);

    unlink(path);
    rmdir(dir);
}

/* Run bench/NAME --shared dir on the one-record set file written
 * there; its output into out. */
static void run_bench(const char *name, const char *file, json_t *record,
                      char *out, size_t outlen)
{
    char dir[] = "/tmp/precis-bench-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], prog[256], cmd[1024];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    assert_int_equal(json_dump_file(record, path, JSON_COMPACT), 0);
    json_decref(record);
    snprintf(cmd, sizeof cmd, "bench/%s", name);
    build_path(prog, sizeof prog, cmd);
    snprintf(cmd, sizeof cmd, "%s --shared %s --data %s", prog, dir,
             test_data_dir());
    assert_int_equal(run_capture(cmd, out, outlen), 0);
    unlink(path);
    rmdir(dir);
}

/* bench/segment: a case passes when the sentence list is the expected
 * one, whitespace aside, and a failing case is listed. */
static void segment_bench_scores_and_lists_cases(void **state)
{
    (void)state;
    char out[8192];
    run_bench("segment", "golden_rules.dev.jsonl",
              json_pack("{s:s,s:s,s:s,s:s,s:[s,s]}", "id", "en-x-1", "lang",
                        "en", "set", "golden", "input",
                        "He left at 6 P.M.  Mr. Smith  stayed.", "expected",
                        "He left at 6 P.M.", "Mr. Smith stayed."),
              out, sizeof out);
    assert_non_null(strstr(out, "| en | golden | 1 | 1 | 100.0 % |"));
    run_bench("segment", "golden_rules.dev.jsonl",
              json_pack("{s:s,s:s,s:s,s:s,s:[s]}", "id", "en-x-2", "lang",
                        "en", "set", "golden", "input", "One. Two.",
                        "expected", "One. Two."),
              out, sizeof out);
    assert_non_null(strstr(out, "| en | golden | 1 | 0 | 0.0 % |"));
    assert_non_null(strstr(out, "FAIL en-x-2"));
    assert_non_null(strstr(out, "  got:  Two."));
}

/* bench/pages: a line of the page that is not the article's is noise
 * in the summary, the body's sentences are article text, and a menu
 * kept out counts nowhere. */
static void pages_bench_tells_noise_from_article(void **state)
{
    (void)state;
    const char *body =
        "The city council approved the new transit budget on Tuesday after "
        "a long debate.\n\nThe plan adds forty buses and extends two tram "
        "lines to the suburbs by next year, the mayor said.";
    char page[2048], out[8192];
    /* Three sentences to summarize: the body's two and a widget's. */
    snprintf(page, sizeof page,
             "Home\nWorld\nSport\n%s\nYour weather is set to sunny for "
             "the rest of the week across the whole region.",
             body);
    run_bench("pages", "pages.dev.jsonl",
              json_pack("{s:s,s:s,s:s,s:s,s:[s]}", "id", "p1", "url",
                        "https://example.com/a", "text", page, "body", body,
                        "meta", "Council approves the transit budget"),
              out, sizeof out);
    assert_non_null(
        strstr(out, "| summary sentences that are page noise | 1 of 3 |"));
    assert_non_null(strstr(out, "NOISE\thttps://example.com/a\tYour weather"));
    assert_non_null(strstr(out, "| empty summaries | 0 |"));
    assert_non_null(strstr(out, "| article sentences excluded | 0 of 2 |"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eval_reads_lead_oracle_and_systems),
        cmocka_unit_test(segment_bench_scores_and_lists_cases),
        cmocka_unit_test(pages_bench_tells_noise_from_article),
    };
    return cmocka_run_group_tests_name("eval", tests, NULL, NULL);
}
