/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_boilerplate.c -- page noise is excluded from selection and
 * reported with its reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* A short article body the noise is mixed into. */
#define BODY                                                                  \
    "The city council approved the new transit budget on Tuesday after a "    \
    "long debate.\n"                                                          \
    "The plan adds forty buses and extends two tram lines to the suburbs "    \
    "by next year.\n"                                                         \
    "Opponents said the cost of the tram extension had doubled since the "    \
    "first estimate.\n"

static precis_result_t *all_selected(void **state, const char *text)
{
    precis_options_t o;
    precis_options_init(&o);
    o.budget = PRECIS_BUDGET_RATIO;
    o.budget_value = 1.0;
    return summarize_ok(test_engine(state), text, &o);
}

static void boilerplate_excludes_caption_with_credit(void **state)
{
    const char *text =
        BODY "The mayor at the depot on Monday.Credit: Jane Doe/AP\n";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "Credit:"), "caption");
    assert_false(summary_contains(r, "Credit"));
    assert_int_equal(precis_result_sentence_count(r), 3);
    precis_result_free(r);
}

static void boilerplate_excludes_caption_repeated_without_credit(void **state)
{
    const char *text =
        "The mayor speaks to workers at the northern bus depot, today.\n"
        "The mayor speaks to workers at the northern bus depot, today."
        "Credit: Jane Doe/AP\n" BODY;
    precis_result_t *r = all_selected(state, text);
    assert_int_equal(precis_result_excluded_count(r), 2);
    assert_string_equal(precis_result_excluded(r, 0)->reason, "caption");
    assert_string_equal(precis_result_excluded(r, 1)->reason, "caption");
    assert_false(summary_contains(r, "depot"));
    precis_result_free(r);
}

static void boilerplate_excludes_promo_lines(void **state)
{
    const char *text = "Send in e-mailSend in e-mail\n" BODY
                       "How the city pays for buses: LISTEN to our podcast\n"
                       "Click the alert icon to follow topics:\n"
                       "Advertisement\n";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "Send in"), "promo");
    assert_string_equal(excluded_reason(r, text, "LISTEN"), "promo");
    assert_string_equal(excluded_reason(r, text, "Click the"), "promo");
    assert_string_equal(excluded_reason(r, text, "Advertisement"), "promo");
    assert_int_equal(precis_result_sentence_count(r), 3);
    precis_result_free(r);
}

static void boilerplate_keeps_pattern_words_in_prose(void **state)
{
    /* "Advertisement" must be the whole line to count as a promo. */
    const char *text = BODY "Advertisement spending by the transit agency "
                            "rose sharply during the campaign last year.\n";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "Advertisement spending"),
                        "none");
    assert_true(summary_contains(r, "Advertisement spending"));
    precis_result_free(r);
}

static void boilerplate_excludes_exact_duplicates(void **state)
{
    const char *text = BODY
        "The plan adds forty buses and extends two tram lines to the suburbs "
        "by next year.\n";
    precis_result_t *r = all_selected(state, text);
    assert_int_equal(precis_result_excluded_count(r), 1);
    const precis_excluded_t *x = precis_result_excluded(r, 0);
    assert_string_equal(x->reason, "duplicate");
    assert_true(x->start > strlen(BODY) - 1);
    precis_result_free(r);
}

static void boilerplate_excludes_near_duplicates(void **state)
{
    const char *text =
        BODY "The plan adds forty new buses and extends two tram lines to the "
             "suburbs by next year, officials said.\n";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "officials said"),
                        "near_duplicate");
    precis_result_free(r);
}

static void boilerplate_excludes_fragments_and_noise(void **state)
{
    const char *text = "-- : --\n" BODY "Related Articles\nBy Jane Doe.\n";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "-- : --"), "noise");
    assert_string_equal(excluded_reason(r, text, "Related Articles"),
                        "related");
    assert_string_equal(excluded_reason(r, text, "By Jane"), "byline");
    assert_int_equal(precis_result_sentence_count(r), 3);
    precis_result_free(r);
}

static void boilerplate_excludes_opening_headline(void **state)
{
    const char *text =
        "Council Approves Transit Budget After Long Debate\n\n" BODY;
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "Council Approves"),
                        "headline");
    precis_result_free(r);
    /* With the title given, a first line repeating it is its copy. */
    precis_options_t o;
    precis_options_init(&o);
    o.title = "Council approves transit budget after long debate";
    r = summarize_ok(test_engine(state), text, &o);
    assert_string_equal(excluded_reason(r, text, "Council Approves"),
                        "headline");
    precis_result_free(r);
}

/* A flattened page runs a photo's caption into the next sentence: the
 * caption goes, the sentence after its "(right)" stays. */
static void boilerplate_excludes_caption_run_into_text(void **state)
{
    const char *text =
        BODY "Brazil star Neymar (centre) takes a selfie with team-mate "
             "Dani Alves (right) However Real Madrid remain top of the "
             "division on points difference.";
    precis_result_t *r = all_selected(state, text);
    assert_string_equal(excluded_reason(r, text, "Brazil star"), "caption");
    assert_false(summary_contains(r, "selfie"));
    assert_true(summary_contains(r, "However Real Madrid remain top"));
    precis_result_free(r);
}

/* "(centre)" places a picture in English and a region in French. */
static void boilerplate_caption_patterns_keep_to_their_language(void **state)
{
    const char *en = BODY "The mayor (centre) opens the new depot.\n";
    precis_result_t *r = all_selected(state, en);
    assert_string_equal(excluded_reason(r, en, "The mayor"), "caption");
    precis_result_free(r);
    const char *fr =
        "Les inondations ont frappé la province du Hubei (centre) jeudi. "
        "Les secours sont arrivés dans la nuit. Le gouvernement a promis "
        "une aide aux familles des victimes.";
    precis_options_t o;
    precis_options_init(&o);
    o.budget = PRECIS_BUDGET_RATIO;
    o.budget_value = 1.0;
    o.lang = "fr";
    r = summarize_ok(test_engine(state), fr, &o);
    assert_int_equal(precis_result_excluded_count(r), 0);
    assert_true(summary_contains(r, "Hubei (centre)"));
    precis_result_free(r);
}

/* A dateline is the wire's, not the story's: the lede is returned
 * without it, with offsets from the story's first word. */
static void boilerplate_excludes_dateline(void **state)
{
    const char *text = "Council Approves Transit Budget\n\n"
                       "WASHINGTON (AP) -- " BODY;
    precis_result_t *r = all_selected(state, text);
    assert_int_equal(precis_result_sentence_count(r), 3);
    assert_string_equal(excluded_reason(r, text, "WASHINGTON"), "dateline");
    assert_string_equal(excluded_reason(r, text, "Council Approves"),
                        "headline");
    const precis_sentence_t *lede = precis_result_sentence(r, 0);
    assert_int_equal(lede->start, strstr(text, "The city council") - text);
    assert_memory_equal(lede->text, "The city council", 16);
    precis_result_free(r);
}

static void boilerplate_falls_back_to_fragments_when_nothing_else(void **state)
{
    const char *text = "Transit budget vote\nNew buses for the suburbs\n"
                       "Tram line extension";
    precis_result_t *r = summarize_ok(test_engine(state), text, NULL);
    assert_true(precis_result_sentence_count(r) > 0);
    precis_result_free(r);
}

#define PAGE_CASES "tests/page_cases.txt"
#define CASE_LINES 64

typedef struct page_case {
    char name[160], lang[8];
    char text[8192];
    size_t nlines;
    size_t line_start[CASE_LINES], line_end[CASE_LINES];
    char reason[CASE_LINES][24];
} page_case;

/* Every sentence on each line of the case has the line's reason. */
static int check_page_case(const precis_engine_t *e, const page_case *c)
{
    precis_options_t o;
    precis_options_init(&o);
    o.lang = c->lang;
    precis_result_t *r;
    precis_error_t err;
    if (precis_segment(e, c->text, strlen(c->text), &o, &r, &err) != 0) {
        printf("%s: %s\n", c->name, err.message);
        return 1;
    }
    int bad = 0;
    size_t on_line[CASE_LINES] = {0};
    for (size_t i = 0; i < precis_result_segment_count(r); i++) {
        const precis_segment_t *s = precis_result_segment(r, i);
        const char *got = s->excluded ? s->excluded : "-";
        for (size_t l = 0; l < c->nlines; l++) {
            if (s->start < c->line_start[l] || s->start >= c->line_end[l])
                continue;
            /* The k-th sentence of the line: the k-th reason listed,
             * or the last. */
            const char *want = c->reason[l], *comma;
            for (size_t k = on_line[l]++; k > 0 && (comma = strchr(want, ','));
                 k--)
                want = comma + 1;
            size_t n = strcspn(want, ",");
            if (strlen(got) != n || strncmp(got, want, n) != 0) {
                printf("%s: \"%s\": expected %.*s, got %s\n", c->name, s->text,
                       (int)n, want, got);
                bad = 1;
            }
        }
    }
    precis_result_free(r);
    return bad;
}

/* Append one "reason<TAB>text" line (or "~", a blank line) to c. */
static void add_case_line(page_case *c, char *line)
{
    size_t at = strlen(c->text);
    if (strcmp(line, "~") == 0) {
        strcat(c->text, "\n");
        return;
    }
    char *tab = strchr(line, '\t');
    assert_non_null(tab);
    assert_true(c->nlines < CASE_LINES &&
                at + strlen(tab) + 1 < sizeof c->text);
    *tab = '\0';
    snprintf(c->reason[c->nlines], sizeof c->reason[0], "%.23s", line);
    strcat(c->text, tab + 1);
    c->line_start[c->nlines] = at;
    c->line_end[c->nlines] = strlen(c->text);
    strcat(c->text, "\n");
    c->nlines++;
}

static void boilerplate_cases_from_table(void **state)
{
    FILE *f = fopen(PAGE_CASES, "r");
    assert_non_null(f);
    static page_case c;
    char line[2048];
    size_t cases = 0, failed = 0;
    int open = 0;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        if (got)
            line[strcspn(line, "\n")] = '\0';
        if (!got || strncmp(line, "== ", 3) == 0) {
            if (open) {
                cases++;
                failed += (size_t)check_page_case(test_engine(state), &c);
            }
            if (!got)
                break;
            memset(&c, 0, sizeof c);
            snprintf(c.name, sizeof c.name, "%.159s", line + 3);
            const char *l = strchr(line + 3, '[');
            snprintf(c.lang, sizeof c.lang, "%.2s", l ? l + 1 : "en");
            open = 1;
        } else if (open && line[0] != '#' && line[0] != '\0') {
            add_case_line(&c, line);
        }
    }
    fclose(f);
    printf("%zu page cases, %zu failed\n", cases, failed);
    assert_true(cases > 0);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(boilerplate_excludes_caption_with_credit),
        cmocka_unit_test(boilerplate_excludes_caption_repeated_without_credit),
        cmocka_unit_test(boilerplate_excludes_promo_lines),
        cmocka_unit_test(boilerplate_keeps_pattern_words_in_prose),
        cmocka_unit_test(boilerplate_excludes_exact_duplicates),
        cmocka_unit_test(boilerplate_excludes_near_duplicates),
        cmocka_unit_test(boilerplate_excludes_fragments_and_noise),
        cmocka_unit_test(boilerplate_excludes_opening_headline),
        cmocka_unit_test(boilerplate_excludes_dateline),
        cmocka_unit_test(boilerplate_excludes_caption_run_into_text),
        cmocka_unit_test(boilerplate_caption_patterns_keep_to_their_language),
        cmocka_unit_test(
            boilerplate_falls_back_to_fragments_when_nothing_else),
        cmocka_unit_test(boilerplate_cases_from_table),
    };
    return cmocka_run_group_tests_name("boilerplate", tests, engine_setup,
                                       engine_teardown);
}
