/* SPDX-License-Identifier: BSD-2-Clause */
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
                                    const char *lang, int fragments)
{
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 20;
    o.quote_fragments = fragments;
    o.lang = lang;
    return summarize_ok(test_engine(state), text, &o);
}

/* The text of range [start, end) equals want ("-": the range is empty). */
static int range_is(const char *text, size_t start, size_t end,
                    const char *want)
{
    if (strcmp(want, "-") == 0)
        return start == end;
    return end - start == strlen(want) &&
           memcmp(text + start, want, end - start) == 0;
}

/* Cut the optional " @MENTION", " ^CUE" and " (ROLE)" off the end of an
 * expectation, in any order; NULL for those not given. */
static char *take_suffix(char *e, const char *mark)
{
    char *p = strstr(e, mark);
    if (!p)
        return NULL;
    *p = '\0';
    return p + strlen(mark);
}

/* One "[~]QUOTE => NAME [(ROLE)] [@MENTION] [^CUE]" against quote q. */
static int matches(const char *text, const precis_quote_t *q, char *e)
{
    int fragment = e[0] == '~';
    if (fragment)
        e++;
    char *arrow = strstr(e, " => ");
    *arrow = '\0';
    char *name = arrow + 4;
    char *cue = take_suffix(name, " ^");
    char *mention = take_suffix(name, " @");
    char *role = NULL;
    char *paren = strstr(name, " (");
    if (paren) {
        *paren = '\0';
        role = paren + 2;
        role[strlen(role) - 1] = '\0';
    }
    int ok = strcmp(q->text, e) == 0 && q->fragment == fragment &&
             strcmp(q->speaker ? q->speaker : "-", name) == 0 &&
             (!q->speaker ||
              range_is(text, q->speaker_start, q->speaker_end, q->speaker));
    if (role)
        ok = ok && strcmp(q->role ? q->role : "-", role) == 0;
    if (mention)
        ok = ok && range_is(text, q->mention_start, q->mention_end, mention);
    if (cue)
        ok = ok && strcmp(q->cue ? q->cue : "-", cue) == 0 &&
             (!q->cue || range_is(text, q->cue_start, q->cue_end, q->cue));
    return ok;
}

static void unescape_newlines(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Compare the result's quotes with the expectations of one line; prints
 * what it got and returns 1 on mismatch. */
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
    unescape_newlines(fields[0]);
    precis_result_t *r = with_quotes(state, fields[0], lang, 1);
    int bad = precis_result_quote_count(r) != nf - 1;
    for (size_t i = 1; !bad && i < nf; i++) {
        const precis_quote_t *q = precis_result_quote(r, i - 1);
        bad = !matches(fields[0], q, fields[i]) ||
              !range_is(fields[0], q->start, q->end, q->text);
    }
    if (bad) {
        fprintf(stderr, "%s:%zu: got %zu quotes:\n", CASES, lineno,
                precis_result_quote_count(r));
        for (size_t i = 0; i < precis_result_quote_count(r); i++) {
            const precis_quote_t *q = precis_result_quote(r, i);
            fprintf(stderr, "  %s[%s] => [%s] (%s) @[%.*s] ^%s\n",
                    q->fragment ? "~" : "", q->text,
                    q->speaker ? q->speaker : "-", q->role ? q->role : "-",
                    (int)(q->mention_end - q->mention_start),
                    fields[0] + q->mention_start, q->cue ? q->cue : "-");
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
    assert_true(cases >= 45);
    assert_int_equal(failed, 0);
}

/* Every quotation of the sample article, its speaker resolved through
 * "he" and surnames, and the title split off the name. */
static void quotes_in_sample_article(void **state)
{
    char *text = read_fixture("tests/fixtures/sample-article.txt", NULL);
    precis_result_t *r = with_quotes(state, text, "auto", 0);
    static const struct {
        const char *starts, *speaker, *role, *mention, *cue;
    } want[] = {
        {"the two leaders had a detailed discussion", "White House", NULL,
         "White House", "According"},
        {"I particularly appreciate the support", "Benjamin Netanyahu",
         "Prime Minister", "Netanyahu", "added"},
        {"determined to carry on with this operation", "Benjamin Netanyahu",
         "Prime Minister", "He", "stated"},
        {"calm and security are restored", "Benjamin Netanyahu",
         "Prime Minister", "He", "stated"},
        {"compel Israel to end its aggression", "Hazem Qassem",
         "Hamas spokesman", "Hamas spokesman Hazem Qassem", "said"},
        {"if the occupation stopped its aggression", "Hazem Qassem",
         "Hamas spokesman", "Qassem", "told"},
        {"We're not standing with a stopwatch", "Benjamin Netanyahu",
         "Prime Minister", "he", "quoted"},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(precis_result_quote_count(r), n);
    for (size_t i = 0; i < n; i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        assert_false(q->fragment);
        assert_memory_equal(q->text, want[i].starts, strlen(want[i].starts));
        assert_non_null(q->speaker);
        assert_string_equal(q->speaker, want[i].speaker);
        assert_memory_equal(text + q->speaker_start, q->speaker,
                            strlen(q->speaker));
        if (want[i].role)
            assert_string_equal(q->role, want[i].role);
        else
            assert_null(q->role);
        assert_int_equal(q->mention_end - q->mention_start,
                         strlen(want[i].mention));
        assert_memory_equal(text + q->mention_start, want[i].mention,
                            strlen(want[i].mention));
        assert_string_equal(q->cue, want[i].cue);
        assert_memory_equal(text + q->cue_start, q->cue, strlen(q->cue));
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

/* News style: each paragraph of a long quotation reopens it, only the
 * last one closes it.  One quotation, without the inner marks. */
static void quotes_over_several_paragraphs(void **state)
{
    const char *text =
        "The senator spoke for an hour.\n\n"
        "\u201CWe have spent ten years on this bridge,\u201D Maria Lopez "
        "said. "
        "\u201CThe money is there and the plans are ready.\n\n"
        "\u201CNow the council has to vote for it before the winter.\u201D\n\n"
        "The vote is set for March.";
    precis_result_t *r = with_quotes(state, text, "en", 0);
    assert_int_equal(precis_result_quote_count(r), 2);
    const precis_quote_t *q = precis_result_quote(r, 1);
    assert_string_equal(q->text, "The money is there and the plans are "
                                 "ready. Now the council has to vote for it "
                                 "before the winter.");
    assert_memory_equal(text + q->start, "The money", 9);
    assert_memory_equal(text + q->end - 7, "winter.", 7);
    assert_string_equal(q->speaker, "Maria Lopez");
    precis_result_free(r);
}

/* Quotes rank by what they say about the story: with room for one, the
 * statement on the subject of the article beats an aside. */
static void quotes_rank_the_story_first(void **state)
{
    const char *text =
        "The city council approved the transit budget on Tuesday after a "
        "long debate about the tram line and bus fares.\n\n"
        "\u201CIt was a lovely afternoon for a walk,\u201D said Tom Baker, "
        "who "
        "watched from the gallery.\n\n"
        "The budget funds the tram line to the airport and freezes bus "
        "fares for two years.\n\n"
        "\u201CThis transit budget builds the tram line and keeps bus fares "
        "down,\u201D said Mayor Ann Lee.\n\n"
        "Work on the tram line starts in May.";
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 1;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_quote_count(r), 1);
    assert_string_equal(precis_result_quote(r, 0)->speaker, "Ann Lee");
    precis_result_free(r);
}

/* The same line twice (a pull quote, a caption) is one key quote; two
 * statements on one topic stay two. */
static void quotes_repeats_are_merged(void **state)
{
    const char *text =
        "\u201CWe will rebuild every school that the flood destroyed,\u201D "
        "the governor said on Monday.\n\n"
        "Rain fell for six days and the river rose four metres.\n\n"
        "\u201CWe will rebuild every school the flood destroyed,\u201D she "
        "told reporters again on Tuesday.\n\n"
        "\u201CThe flood destroyed schools, but the teachers will be paid "
        "all year,\u201D she added.";
    precis_result_t *r = with_quotes(state, text, "en", 0);
    assert_int_equal(precis_result_quote_count(r), 2);
    assert_memory_equal(precis_result_quote(r, 1)->text, "The flood", 9);
    precis_result_free(r);
}

/* A quote in a line kept out as page noise is no key quote (and the
 * SANITIZE=1 build checks nothing leaks when it was the only one). */
static void quotes_in_excluded_lines_are_left_out(void **state)
{
    const char *text =
        "RELATED: \"We will build the tram line to the airport,\" the mayor "
        "says\n\n"
        "The council met on Monday. It approved the budget for the tram "
        "line. Work starts in May.";
    precis_result_t *r = with_quotes(state, text, "en", 1);
    assert_int_equal(precis_result_excluded_count(r), 1);
    assert_int_equal(precis_result_quote_count(r), 0);
    precis_result_free(r);
}

/* Page furniture never names a speaker: not a label ending in a colon
 * above a quotation, not a teaser's name remembered for a later "he". */
static void quotes_speakers_are_never_page_furniture(void **state)
{
    const char *text =
        "The city council approved the new transit budget on Tuesday "
        "after a long debate that ran past midnight.\n"
        "Support Snopes:\n"
        "\"We will keep fighting it because the cost has doubled since the "
        "first estimate.\"\n"
        "Boeing\n"
        "\"The buses will not be ready in time for the new routes,\" he "
        "said.\n"
        "Related: Boeing says \"the new jets are safe and ready to fly "
        "again this year\"\n"
        "The plan adds forty buses and extends two tram lines to the "
        "suburbs by next year, the mayor said.\n";
    precis_result_t *r = with_quotes(state, text, "en", 0);
    assert_int_equal(precis_result_quote_count(r), 2);
    for (size_t i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        assert_null(strstr(q->text, "jets"));
        if (q->speaker) {
            assert_null(strstr(q->speaker, "Snopes"));
            assert_null(strstr(q->speaker, "Boeing"));
        }
    }
    precis_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_speakers_are_never_page_furniture),
        cmocka_unit_test(quotes_cases_from_table),
        cmocka_unit_test(quotes_in_sample_article),
        cmocka_unit_test(quotes_limit_keeps_the_best_in_document_order),
        cmocka_unit_test(quotes_over_several_paragraphs),
        cmocka_unit_test(quotes_rank_the_story_first),
        cmocka_unit_test(quotes_repeats_are_merged),
        cmocka_unit_test(quotes_in_excluded_lines_are_left_out),
    };
    return cmocka_run_group_tests_name("quotes", tests, engine_setup,
                                       engine_teardown);
}
