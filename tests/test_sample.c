/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_sample.c -- the scraped article in tests/fixtures (a copy of
 * ../shared/data/sample-article.txt, with its share widgets, captions
 * and promos): the summary must be the story, never the page noise.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define SAMPLE "tests/fixtures/sample-article.txt"

/* Page noise in the sample, each of which must be excluded. */
static const struct {
    const char *needle, *reason;
} noise[] = {
    {"Gaza Flare-up: Biden Tells", "headline"},
    {"Send in e-mailSend in e-mail", "promo"},
    {"Prime Minister Benjamin Netanyahu during visit", "caption"},
    {"Credit: Amos Ben Gershom/GPO", "caption"},
    {"LISTEN to Amos Harel", "promo"},
    {"-- : --", "noise"},
    {"Credit: Tsafrir Abayov/AP", "caption"},
    {"Credit: Andrew Harnik/AP", "caption"},
    {"Click the alert icon", "promo"},
};

static void sample_summary_is_the_story(void **state)
{
    char *text = read_fixture(SAMPLE, NULL);
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = 3;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_sentence_count(r), 3);
    assert_string_equal(precis_result_lang(r), "en");
    /* The lede: Biden told Netanyahu he expects de-escalation. */
    assert_true(summary_contains(r, "U.S. President Joe Biden told Prime "
                                    "Minister Benjamin Netanyahu"));
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
        assert_false(summary_contains(r, noise[i].needle));
    precis_result_free(r);
    free(text);
}

static void sample_reports_every_noise_line(void **state)
{
    char *text = read_fixture(SAMPLE, NULL);
    precis_result_t *r = summarize_ok(test_engine(state), text, NULL);
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++) {
        const char *got = excluded_reason(r, text, noise[i].needle);
        if (strcmp(got, noise[i].reason) != 0)
            fail_msg("%s: expected %s, got %s", noise[i].needle,
                     noise[i].reason, got);
    }
    precis_result_free(r);
    free(text);
}

static void sample_no_noise_at_any_length(void **state)
{
    char *text = read_fixture(SAMPLE, NULL);
    precis_options_t o;
    precis_options_init(&o);
    o.budget = PRECIS_BUDGET_RATIO;
    o.budget_value = 1.0;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
        assert_false(summary_contains(r, noise[i].needle));
    assert_true(precis_result_sentence_count(r) > 25);
    precis_result_free(r);
    free(text);
}

static void sample_keywords_name_the_story(void **state)
{
    char *text = read_fixture(SAMPLE, NULL);
    precis_options_t o;
    precis_options_init(&o);
    o.keywords = 8;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    int gaza = 0, hamas = 0;
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *k = precis_result_keyword(r, i)->text;
        gaza += strstr(k, "Gaza") != NULL;
        hamas += strstr(k, "Hamas") != NULL;
        assert_null(strstr(k, "e-mail"));
    }
    assert_true(gaza >= 1 && hamas >= 1);
    precis_result_free(r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sample_summary_is_the_story),
        cmocka_unit_test(sample_reports_every_noise_line),
        cmocka_unit_test(sample_no_noise_at_any_length),
        cmocka_unit_test(sample_keywords_name_the_story),
    };
    return cmocka_run_group_tests_name("sample", tests, engine_setup,
                                       engine_teardown);
}
