/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_input.c -- what the engine accepts: UTF-8 validation and the
 * replacement policy, NUL bytes, CRLF, tabs, no-break and zero-width
 * spaces, and the optional title.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "utf8.h"

static void input_validates_utf8_sequences(void **state)
{
    (void)state;
    static const struct {
        const char *bytes;
        size_t len, bad;
    } cases[] = {
        {"plain ascii", 11, 11},
        {"caf\xC3\xA9", 5, 5},
        {"\xF0\x9F\x99\x82", 4, 4},  /* emoji */
        {"ab\xC0\xAF", 4, 2},        /* overlong '/' */
        {"ab\xE0\x80\xAF", 5, 2},    /* overlong, three bytes */
        {"x\xED\xA0\x80", 4, 1},     /* UTF-16 surrogate */
        {"x\xF4\x90\x80\x80", 5, 1}, /* above U+10FFFF */
        {"abc\xE2\x82", 5, 3},       /* truncated */
        {"\x80", 1, 0},              /* lone continuation */
        {"12345678\xFF", 9, 8},      /* after the ASCII fast path */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(utf8_validate(cases[i].bytes, cases[i].len),
                         cases[i].bad);
}

static void input_public_validator_matches(void **state)
{
    (void)state;
    assert_int_equal(precis_utf8_validate("ok \xC3\xA9", 5), 5);
    assert_int_equal(precis_utf8_validate("ab\xC0\xAF", 4), 2);
    assert_int_equal(precis_utf8_validate(NULL, 0), 0);
}

static void input_rejects_invalid_utf8_with_offset(void **state)
{
    const char text[] = "Valid start. Then \xC3\x28 bad.";
    precis_result_t *r = (precis_result_t *)1;
    precis_error_t err;
    int rc = precis_summarize(test_engine(state), text, sizeof text - 1, NULL,
                              &r, &err);
    assert_int_equal(rc, PRECIS_EUTF8);
    assert_int_equal(err.code, PRECIS_EUTF8);
    assert_null(r);
    assert_non_null(strstr(err.message, "byte 18"));
}

static void input_replaces_invalid_bytes_on_request(void **state)
{
    const char text[] = "The \xFF"
                        "council met on Monday. It voted.";
    precis_options_t o;
    precis_options_init(&o);
    o.utf8_policy = PRECIS_UTF8_REPLACE;
    precis_result_t *r;
    assert_int_equal(precis_summarize(test_engine(state), text,
                                      sizeof text - 1, &o, &r, NULL),
                     0);
    assert_int_equal(precis_result_sentence_count(r), 2);
    const precis_sentence_t *s = precis_result_sentence(r, 0);
    assert_int_equal(s->start, 0);
    assert_int_equal(s->end, 27); /* offsets still count original bytes */
    assert_string_equal(s->text, "The \xEF\xBF\xBD"
                                 "council met on Monday.");
    assert_int_equal(utf8_validate(s->text, strlen(s->text)), strlen(s->text));
    precis_result_free(r);
}

static void input_treats_nul_and_controls_as_space(void **state)
{
    const char text[] = "The board met\0on Monday. It voted\x01to sell.";
    precis_result_t *r;
    assert_int_equal(precis_summarize(test_engine(state), text,
                                      sizeof text - 1, NULL, &r, NULL),
                     0);
    assert_int_equal(precis_result_sentence_count(r), 2);
    assert_string_equal(precis_result_sentence(r, 0)->text,
                        "The board met on Monday.");
    assert_string_equal(precis_result_sentence(r, 1)->text,
                        "It voted to sell.");
    precis_result_free(r);
}

static void input_handles_crlf_tabs_and_nbsp(void **state)
{
    const char *text = "Headline Without Stop\r\n\r\n"
                       "The\tcouncil\xC2\xA0met on Monday.\r\n"
                       "It voted to sell the park.\r\n";
    precis_result_t *r = summarize_ok(test_engine(state), text, NULL);
    assert_int_equal(precis_result_total_sentences(r), 3);
    assert_int_equal(precis_result_sentence_count(r), 2);
    const precis_sentence_t *s = precis_result_sentence(r, 0);
    assert_string_equal(s->text, "The council met on Monday.");
    assert_int_equal(text[s->end - 1], '.');
    assert_int_equal(text[s->end], '\r');
    precis_result_free(r);
}

static void input_ignores_zero_width_characters(void **state)
{
    /* A zero-width joiner inside "council" and a BOM at the start must
     * not split the word: both sentences share it, so it is a keyword. */
    const char *text = "\xEF\xBB\xBFThe coun\xE2\x80\x8D"
                       "cil met on Monday. "
                       "The council voted to sell the park.";
    precis_options_t o;
    precis_options_init(&o);
    o.keywords = 1;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_keyword_count(r), 1);
    const precis_keyword_t *k = precis_result_keyword(r, 0);
    assert_int_equal(k->count, 2);
    assert_string_equal(precis_result_sentence(r, 0)->text,
                        "The coun\xE2\x80\x8D"
                        "cil met on Monday.");
    precis_result_free(r);
}

static void input_title_steers_selection(void **state)
{
    const char *text =
        "Rain fell across the region on Tuesday morning. "
        "Farmers welcomed the water after months of drought. "
        "The local football club announced a new stadium deal with the city.";
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = 1;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_true(summary_contains(r, "Rain fell"));
    precis_result_free(r);
    o.title = "Football club agrees stadium deal with city";
    r = summarize_ok(test_engine(state), text, &o);
    assert_true(summary_contains(r, "stadium"));
    precis_result_free(r);
}

static void input_rejects_invalid_title(void **state)
{
    precis_options_t o;
    precis_options_init(&o);
    o.title = "Bad \xFF title";
    precis_result_t *r;
    precis_error_t err;
    assert_int_equal(
        precis_summarize(test_engine(state), "Fine text.", 10, &o, &r, &err),
        PRECIS_EUTF8);
    assert_non_null(strstr(err.message, "title"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(input_validates_utf8_sequences),
        cmocka_unit_test(input_public_validator_matches),
        cmocka_unit_test(input_rejects_invalid_utf8_with_offset),
        cmocka_unit_test(input_replaces_invalid_bytes_on_request),
        cmocka_unit_test(input_treats_nul_and_controls_as_space),
        cmocka_unit_test(input_handles_crlf_tabs_and_nbsp),
        cmocka_unit_test(input_ignores_zero_width_characters),
        cmocka_unit_test(input_title_steers_selection),
        cmocka_unit_test(input_rejects_invalid_title),
    };
    return cmocka_run_group_tests_name("input", tests, engine_setup,
                                       engine_teardown);
}
