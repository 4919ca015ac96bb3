/*
 * test_quotes.c -- direct quotes and their speakers, driven by
 * quote_cases.txt, plus the sample article.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define CASES "tests/quote_cases.txt"

static precis_result_t *with_quotes(void **state, const char *text,
                                    const char *lang)
{
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 20;
    o.lang = lang;
    return summarize_ok(test_engine(state), text, &o);
}

/* Compare the result's quotes with "quote => speaker" fields; prints the
 * difference and returns 1 on mismatch. */
static int check_case(void **state, char *line, size_t lineno)
{
    char lang[3] = "en";
    if (line[0] == '[' && line[3] == ']' && line[4] == ' ') {
        memcpy(lang, line + 1, 2);
        line += 5;
    }
    char *fields[16] = {line};
    size_t nf = 0;
    for (char *f = strtok(line, "\t"); f && nf < 16; f = strtok(NULL, "\t"))
        fields[nf++] = f;
    precis_result_t *r = with_quotes(state, fields[0], lang);
    int bad = precis_result_quote_count(r) != nf - 1;
    for (size_t i = 1; !bad && i < nf; i++) {
        const precis_quote_t *q = precis_result_quote(r, i - 1);
        char *arrow = strstr(fields[i], " => ");
        *arrow = '\0';
        const char *speaker = arrow + 4;
        bad = strcmp(q->text, fields[i]) != 0 ||
              strcmp(q->speaker ? q->speaker : "-", speaker) != 0 ||
              memcmp(fields[0] + q->start, q->text, q->end - q->start) != 0;
        *arrow = ' ';
    }
    if (bad) {
        fprintf(stderr, "%s:%zu: got %zu quotes:\n", CASES, lineno,
                precis_result_quote_count(r));
        for (size_t i = 0; i < precis_result_quote_count(r); i++) {
            const precis_quote_t *q = precis_result_quote(r, i);
            fprintf(stderr, "  [%s] => [%s]\n", q->text,
                    q->speaker ? q->speaker : "-");
        }
    }
    precis_result_free(r);
    return bad;
}

static void quotes_cases_from_table(void **state)
{
    FILE *f = fopen(CASES, "r");
    assert_non_null(f);
    char line[2048];
    size_t lineno = 0, cases = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        cases++;
        failed += check_case(state, line, lineno);
    }
    fclose(f);
    print_message("%zu quote cases, %zu failed\n", cases, failed);
    assert_true(cases >= 15);
    assert_int_equal(failed, 0);
}

static void quotes_in_sample_article(void **state)
{
    char *text = read_fixture("tests/fixtures/sample-article.txt", NULL);
    precis_result_t *r = with_quotes(state, text, "auto");
    static const struct {
        const char *starts, *speaker;
    } want[] = {
        {"the two leaders had a detailed discussion", "White House"},
        {"I particularly appreciate the support", "Netanyahu"},
        {"determined to carry on with this operation", "Netanyahu"},
        {"calm and security are restored", "Netanyahu"},
        {"compel Israel to end its aggression", "Hazem Qassem"},
        {"if the occupation stopped its aggression", "Qassem"},
        {"We're not standing with a stopwatch", "Netanyahu"},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(precis_result_quote_count(r), n);
    for (size_t i = 0; i < n; i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        assert_memory_equal(q->text, want[i].starts, strlen(want[i].starts));
        assert_non_null(q->speaker);
        assert_string_equal(q->speaker, want[i].speaker);
        assert_memory_equal(text + q->speaker_start, q->speaker,
                            strlen(q->speaker));
    }
    precis_result_free(r);
    free(text);
}

static void quotes_limit_keeps_the_best_in_document_order(void **state)
{
    char *text = read_fixture("tests/fixtures/sample-article.txt", NULL);
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 2;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_quote_count(r), 2);
    const precis_quote_t *a = precis_result_quote(r, 0);
    const precis_quote_t *b = precis_result_quote(r, 1);
    assert_true(a->start < b->start);
    assert_non_null(a->speaker);
    assert_non_null(b->speaker);
    precis_result_free(r);
    o.quotes = 0;
    r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_quote_count(r), 0);
    precis_result_free(r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_cases_from_table),
        cmocka_unit_test(quotes_in_sample_article),
        cmocka_unit_test(quotes_limit_keeps_the_best_in_document_order),
    };
    return cmocka_run_group_tests_name("quotes", tests, engine_setup,
                                       engine_teardown);
}
