/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_summarize.c -- scoring, selection under each budget, redundancy
 * control, keywords and option checking, through the public API (and
 * the doc internals where a feature has no public face).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "pipeline.h"
#include "select.h"
#include "testutil.h"

static const char *article =
    "The city council approved a new transit budget on Tuesday after a "
    "long debate about buses and trams.\n"
    "The transit budget adds forty buses and extends two tram lines to the "
    "northern suburbs.\n"
    "Council members said the buses would run every ten minutes at peak "
    "hours.\n"
    "A local bakery won a regional prize for its sourdough bread.\n"
    "Opponents of the budget said the cost of the tram extension had "
    "doubled since the first estimate.\n"
    "The mayor defended the transit plan and said the trams would cut "
    "traffic in the city centre.\n"
    "Work on the tram lines is due to begin in the spring, officials "
    "said.\n";

static precis_options_t opts_budget(int kind, double value)
{
    precis_options_t o;
    precis_options_init(&o);
    o.budget = kind;
    o.budget_value = value;
    return o;
}

static void summarize_budget_sentences(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 3);
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    assert_int_equal(precis_result_sentence_count(r), 3);
    assert_int_equal(precis_result_total_sentences(r), 7);
    precis_result_free(r);
    o.budget_value = 50; /* more than there are */
    r = summarize_ok(test_engine(state), article, &o);
    assert_int_equal(precis_result_sentence_count(r), 7);
    precis_result_free(r);
}

static size_t summary_words(const precis_result_t *r)
{
    size_t w = 0;
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        w += precis_result_sentence(r, i)->words;
    return w;
}

static size_t smallest_words(const precis_result_t *r)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        if (precis_result_sentence(r, i)->words < m)
            m = precis_result_sentence(r, i)->words;
    return m;
}

static void summarize_budget_words(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_WORDS, 30);
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    size_t words = summary_words(r);
    /* Stops at the first sentence that reaches the budget. */
    assert_true(words >= 30);
    assert_true(words - smallest_words(r) < 30);
    precis_result_free(r);
}

static void summarize_budget_ratio(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_RATIO, 0.4);
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    double target = 0.4 * (double)precis_result_total_words(r);
    size_t words = summary_words(r);
    assert_true((double)words >= target);
    assert_true((double)(words - smallest_words(r)) < target);
    assert_true(precis_result_sentence_count(r) < 7);
    precis_result_free(r);
}

static void summarize_returns_document_order_and_offsets(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 4);
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    size_t prev_end = 0;
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        assert_true(s->start >= prev_end);
        if (i > 0)
            assert_true(s->index > precis_result_sentence(r, i - 1)->index);
        assert_int_equal(strlen(s->text), s->end - s->start);
        assert_memory_equal(article + s->start, s->text, s->end - s->start);
        assert_true(s->score > 0 && s->score <= 1.5);
        prev_end = s->end;
    }
    precis_result_free(r);
}

static void summarize_prefers_lead_and_topic_over_aside(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 3);
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    assert_true(summary_contains(r, "approved a new transit budget"));
    assert_false(summary_contains(r, "bakery"));
    precis_result_free(r);
}

/* Four sentences, the second restating the first. */
static const char *snow =
    "Heavy snow closed the main airport on Friday, stranding thousands "
    "of travellers. Heavy snow closed the main airport on Friday and "
    "stranded thousands of travellers, officials said. Rail services "
    "were also cut as drifts blocked the northern lines. Schools will "
    "stay shut until the roads are cleared, the mayor said.";

static void summarize_avoids_redundant_sentences(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 2);
    precis_result_t *r = summarize_ok(test_engine(state), snow, &o);
    assert_int_equal(precis_result_sentence_count(r), 2);
    int airport = 0;
    for (size_t i = 0; i < 2; i++)
        airport += strstr(precis_result_sentence(r, i)->text,
                          "closed the main airport") != NULL;
    assert_int_equal(airport, 1);
    precis_result_free(r);
}

/* Redundancy 0 is no control: the restatement the default skips comes
 * back, which is how bench/eval reads every sentence for Lead. */
static void summarize_redundancy_zero_keeps_restatements(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_RATIO, 1.0);
    precis_result_t *r = summarize_ok(test_engine(state), snow, &o);
    assert_int_equal(precis_result_sentence_count(r), 3);
    precis_result_free(r);
    o.redundancy = 0;
    r = summarize_ok(test_engine(state), snow, &o);
    assert_int_equal(precis_result_sentence_count(r), 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(precis_result_sentence(r, i)->index, i);
    precis_result_free(r);
}

static void summarize_penalises_very_short_sentences(void **state)
{
    const char *text =
        "Officials confirmed that the bridge repairs would take at least "
        "three more months to finish. It rained. Drivers should use the "
        "ring road while the bridge is closed, officials said.";
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 2);
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_false(summary_contains(r, "It rained."));
    precis_result_free(r);
}

static void summarize_keywords_are_content_terms(void **state)
{
    precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 3);
    o.keywords = 5;
    precis_result_t *r = summarize_ok(test_engine(state), article, &o);
    size_t n = precis_result_keyword_count(r);
    assert_true(n > 0 && n <= 5);
    assert_true(fabs(precis_result_keyword(r, 0)->score - 1.0) < 1e-9);
    for (size_t i = 0; i < n; i++) {
        const precis_keyword_t *k = precis_result_keyword(r, i);
        assert_memory_equal(article + k->start, k->text, k->end - k->start);
        assert_true(k->count >= 1);
        assert_true(strcmp(k->text, "the") != 0);
        if (i > 0)
            assert_true(k->score <= precis_result_keyword(r, i - 1)->score);
    }
    int transit = 0;
    for (size_t i = 0; i < n; i++)
        transit += strstr(precis_result_keyword(r, i)->text, "transit") ||
                   strstr(precis_result_keyword(r, i)->text, "tram") ||
                   strstr(precis_result_keyword(r, i)->text, "bus");
    assert_true(transit >= 1);
    precis_result_free(r);
    o.keywords = 0;
    r = summarize_ok(test_engine(state), article, &o);
    assert_int_equal(precis_result_keyword_count(r), 0);
    precis_result_free(r);
}

/* A name found wherever it falls in a sentence of hundreds of words,
 * which keywords.c reads 256 tokens at a time: before, across and after
 * such a step's end. */
static void summarize_keywords_find_a_name_deep_in_a_long_sentence(
    void **state)
{
    static const char *const filler[] = {"and", "the", "of", "to", "in",
                                         "that", "with", "for"};
    char text[4096];
    for (size_t words = 250; words <= 260; words++) {
        size_t n = (size_t)snprintf(text, sizeof text, "%s",
                                    "Officials said ");
        for (size_t i = 2; i < words; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, "%s ",
                                  filler[i % 8]);
        snprintf(text + n, sizeof text - n,
                 "Angela Merkel spoke.  The talks ended.");
        precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 1);
        o.keywords = 3;
        precis_result_t *r = summarize_ok(test_engine(state), text, &o);
        int found = 0;
        for (size_t i = 0; i < precis_result_keyword_count(r); i++)
            found |= strcmp(precis_result_keyword(r, i)->text,
                            "Angela Merkel") == 0;
        assert_true(found);
        precis_result_free(r);
    }
}

/* A summary sentence's text shows each run of blanks (tabs, a wrapped
 * line's break, a no-break space, doubled spaces) as one space, from
 * whichever byte the sentence's runs of plain text start. */
static void summarize_shows_blank_runs_as_one_space(void **state)
{
    for (size_t k = 1; k <= 12; k++) {
        char text[256], want[256];
        char lead[16];
        memset(lead, 'x', k);
        lead[0] = 'X';
        lead[k] = '\0';
        snprintf(text, sizeof text,
                 "%s officials said the\tcity plan  was ready\nfor "
                 "votes,\xC2\xA0" "and  the   tram network runs on time.",
                 lead);
        snprintf(want, sizeof want,
                 "%s officials said the city plan was ready for votes, and "
                 "the tram network runs on time.",
                 lead);
        precis_options_t o = opts_budget(PRECIS_BUDGET_SENTENCES, 1);
        precis_result_t *r = summarize_ok(test_engine(state), text, &o);
        assert_int_equal(precis_result_sentence_count(r), 1);
        assert_string_equal(precis_result_sentence(r, 0)->text, want);
        precis_result_free(r);
    }
}

static void summarize_keywords_find_names_and_strip_possessive(void **state)
{
    const char *text =
        "Prime Minister Benjamin Netanyahu met the envoy on Monday. "
        "Netanyahu's office said the talks were useful. "
        "The envoy later met Benjamin Netanyahu again in Jerusalem.";
    precis_result_t *r = summarize_ok(test_engine(state), text, NULL);
    int name = 0;
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *k = precis_result_keyword(r, i)->text;
        assert_null(strstr(k, "'s"));
        name += strstr(k, "Netanyahu") != NULL;
    }
    assert_int_equal(name, 1); /* one keyword per name, not three */
    precis_result_free(r);
}

/* A phrase is a keyword when met twice ("central bank") or when it is a
 * run of capitalised words met once ("Grant Robertson"); a phrase met
 * once that is no name never is ("rates high", its words met alone
 * elsewhere). */
static void summarize_keyword_phrases_repeated_or_names(void **state)
{
    const char *text =
        "The central bank raised interest rates on Monday. Officials at the "
        "central bank kept rates high. Finance minister Grant Robertson "
        "welcomed the move, saying interest was high too.";
    precis_options_t o;
    precis_options_init(&o);
    o.keywords = 20;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    int bank = 0, robertson = 0;
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *k = precis_result_keyword(r, i)->text;
        bank += strcmp(k, "central bank") == 0;
        robertson += strcmp(k, "Grant Robertson") == 0;
        assert_string_not_equal(k, "rates high");
    }
    assert_int_equal(bank, 1);
    assert_int_equal(robertson, 1);
    precis_result_free(r);
}

static void summarize_uses_idf_model_or_sentence_frequency(void **state)
{
    const precis_engine_t *e = test_engine(state);
    const char *text = "The senate passed the bill. The bill goes to the "
                       "house. The house votes on Monday.";
    for (int with_model = 0; with_model < 2; with_model++) {
        /* German has no model in data/idf; English has one. */
        const lang *l = engine_lang(e, with_model ? "en" : "de");
        doc d;
        assert_int_equal(doc_build(&d, e, l, 0, text, strlen(text), NULL, 0), 0);
        assert_int_equal(boilerplate_mark(&d, 0), 0);
        assert_int_equal(term_stats(&d), 0);
        assert_int_equal(score_sentences(&d, 0.3), 0);
        /* "bill", the term of the text's fifth token. */
        assert_memory_equal(text + d.toks[4].start, "bill", 4);
        const doc_term *bill = &d.terms[d.toks[4].term];
        double n = with_model ? l->idf_docs : d.selectable;
        double df = bill->sf;
        if (with_model) {
            const uint32_t *v = strmap_get(&l->idf, "bill", 4);
            assert_non_null(v);
            df = *v;
        }
        assert_true(fabs(bill->idf - (log((n + 1) / (df + 1)) + 1)) < 1e-4);
        assert_int_equal(bill->tf, 2);
        /* Graph and redundancy weights use the idf among the document's
         * sentences whatever the model: "bill" is in 2 of 3. */
        const doc_sentence *first = &d.sents[0];
        int found = 0;
        for (uint32_t k = 0; k < first->nvec; k++)
            if (&d.terms[first->vec[k].term] == bill) {
                assert_true(fabs(vec_lw(&d, &first->vec[k]) -
                                 (log((3.0 + 1) / (2 + 1)) + 1)) < 1e-4);
                found = 1;
            }
        assert_true(found);
        doc_free(&d);
    }
}

/* A short summary is the lede, where position counts; a summary of half
 * the article weighs what the body keeps coming back to: a later
 * sentence restating the story gains on an early aside. */
static void summarize_long_summaries_cover_the_body(void **state)
{
    const precis_engine_t *e = test_engine(state);
    const char *text =
        "The city council approved the airport tram line on Tuesday.\n\n"
        "Two councillors arrived late after a train broke down near the "
        "airport.\n\n"
        "A school choir sang for the visitors before the session began.\n\n"
        "The airport tram line will link the airport to the city centre.\n\n"
        "Work on the airport tram line starts in May.\n\n"
        "The airport tram line costs the city 300 million euros.\n\n"
        "Critics say the airport tram line costs too much.";
    double second[2], restated[2];
    const double coverage[2] = {0.1, 0.5};
    for (int k = 0; k < 2; k++) {
        doc d;
        assert_int_equal(doc_build(&d, e, engine_lang(e, "en"), 0, text,
                                   strlen(text), NULL, 0),
                         0);
        assert_int_equal(boilerplate_mark(&d, 0), 0);
        assert_int_equal(term_stats(&d), 0);
        assert_int_equal(score_sentences(&d, coverage[k]), 0);
        second[k] = d.sents[1].score;
        restated[k] = d.sents[3].score;
        doc_free(&d);
    }
    assert_true(second[0] > 0 && second[1] > 0);
    assert_true(restated[1] / second[1] > 1.5 * (restated[0] / second[0]));
}

/* A short summary reports: a sentence that is all quotation gives way
 * to one that states the same (quotes have their own field). */
static void summarize_lede_prefers_reporting_to_quoting(void **state)
{
    const char *text =
        "The city council approved the airport tram line on Tuesday after "
        "a long debate.\n\n"
        "\"We will finally build the tram line to the airport, and it will "
        "change this city,\" the mayor said.\n\n"
        "The tram line to the airport will be built by 2028 and will change "
        "how the city travels.\n\n"
        "Work starts in May.";
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = 2;
    precis_result_t *r = summarize_ok(test_engine(state), text, &o);
    assert_int_equal(precis_result_sentence_count(r), 2);
    assert_int_equal(precis_result_sentence(r, 0)->index, 0);
    assert_int_equal(precis_result_sentence(r, 1)->index, 2);
    precis_result_free(r);
}

/* The share of ten six-word sentences a budget takes; three sentences
 * or fewer count as a lede (0). */
static void summarize_budget_coverage(void **state)
{
    const precis_engine_t *e = test_engine(state);
    static const char *what[] = {"ships", "boats", "birds", "clouds",
                                 "storms", "whales", "ferries", "gulls",
                                 "yachts", "winds"};
    char text[1024] = "";
    for (int i = 0; i < 10; i++) {
        strcat(text, "Grey ");
        strcat(text, what[i]);
        strcat(text, " move over the sea. ");
    }
    doc d;
    assert_int_equal(
        doc_build(&d, e, engine_lang(e, "en"), 0, text, strlen(text), NULL, 0),
        0);
    assert_int_equal(boilerplate_mark(&d, 0), 0);
    assert_int_equal(d.selectable, 10);
    assert_true(budget_coverage(&d, PRECIS_BUDGET_SENTENCES, 3) == 0);
    assert_true(fabs(budget_coverage(&d, PRECIS_BUDGET_SENTENCES, 5) - 0.5) <
                1e-9);
    assert_true(fabs(budget_coverage(&d, PRECIS_BUDGET_WORDS, 20) -
                     20.0 / (double)d.total_words) < 1e-9);
    assert_true(budget_coverage(&d, PRECIS_BUDGET_WORDS, 10) == 0);
    assert_true(fabs(budget_coverage(&d, PRECIS_BUDGET_RATIO, 0.4) - 0.4) <
                1e-9);
    assert_true(budget_coverage(&d, PRECIS_BUDGET_RATIO, 0.2) == 0);
    assert_true(budget_coverage(&d, PRECIS_BUDGET_SENTENCES, 50) == 1);
    doc_free(&d);
}

/* Options carry their size: a struct precis_options_init() never
 * filled is refused, one from a newer header (larger) is read as far as
 * this library knows it. */
static void summarize_options_carry_their_size(void **state)
{
    const precis_engine_t *e = test_engine(state);
    const char *text = "The council met on Monday. It approved the budget.";
    precis_result_t *r = NULL;
    precis_error_t err;
    precis_options_t o;
    memset(&o, 0, sizeof o);
    o.budget_value = 1;
    assert_int_equal(precis_summarize(e, text, strlen(text), &o, &r, &err),
                     PRECIS_EINVAL);
    assert_null(r);
    assert_non_null(strstr(err.message, "precis_options_init"));
    assert_int_equal(precis_segment(e, text, strlen(text), &o, &r, &err),
                     PRECIS_EINVAL);
    /* A caller built with more fields after these. */
    struct {
        precis_options_t known;
        int later_field;
    } newer;
    precis_options_init(&newer.known);
    newer.known.size = sizeof newer;
    newer.known.budget_value = 1;
    newer.later_field = 7;
    assert_int_equal(
        precis_summarize(e, text, strlen(text), &newer.known, &r, &err),
        PRECIS_OK);
    assert_int_equal(precis_result_sentence_count(r), 1);
    precis_result_free(r);
}

/* A text with no content word has no keyword candidate at all (the
 * heap of candidates is empty: nothing to copy, under UBSan too). */
static void summarize_without_keyword_candidates(void **state)
{
    precis_result_t *r = summarize_ok(test_engine(state),
                                      "It is what it is. 12 34.", NULL);
    assert_int_equal(precis_result_keyword_count(r), 0);
    precis_result_free(r);
}

static void summarize_rejects_bad_options(void **state)
{
    const precis_engine_t *e = test_engine(state);
    precis_result_t *r;
    precis_error_t err;
    precis_options_t o;
    struct {
        int budget;
        double value;
        int keywords;
        double redundancy;
    } bad[] = {
        {PRECIS_BUDGET_SENTENCES, 0, 10, 0.3},
        {PRECIS_BUDGET_WORDS, -5, 10, 0.3},
        {PRECIS_BUDGET_RATIO, 1.5, 10, 0.3},
        {PRECIS_BUDGET_RATIO, NAN, 10, 0.3},
        {7, 3, 10, 0.3},
        {PRECIS_BUDGET_SENTENCES, 3, -1, 0.3},
        {PRECIS_BUDGET_SENTENCES, 3, 10, 2.0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        precis_options_init(&o);
        o.budget = bad[i].budget;
        o.budget_value = bad[i].value;
        o.keywords = bad[i].keywords;
        o.redundancy = bad[i].redundancy;
        assert_int_equal(
            precis_summarize(e, article, strlen(article), &o, &r, &err),
            PRECIS_EINVAL);
        assert_true(strlen(err.message) > 0);
    }
    assert_int_equal(precis_summarize(e, article, 10, NULL, NULL, NULL),
                     PRECIS_EINVAL);
    assert_int_equal(precis_summarize(NULL, article, 10, NULL, &r, NULL),
                     PRECIS_EINVAL);
    assert_int_equal(precis_summarize(e, NULL, 10, NULL, &r, NULL),
                     PRECIS_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(summarize_budget_sentences),
        cmocka_unit_test(summarize_budget_words),
        cmocka_unit_test(summarize_budget_ratio),
        cmocka_unit_test(summarize_returns_document_order_and_offsets),
        cmocka_unit_test(summarize_prefers_lead_and_topic_over_aside),
        cmocka_unit_test(summarize_avoids_redundant_sentences),
        cmocka_unit_test(summarize_redundancy_zero_keeps_restatements),
        cmocka_unit_test(summarize_penalises_very_short_sentences),
        cmocka_unit_test(summarize_keywords_are_content_terms),
        cmocka_unit_test(summarize_shows_blank_runs_as_one_space),
        cmocka_unit_test(summarize_keywords_find_names_and_strip_possessive),
        cmocka_unit_test(summarize_keywords_find_a_name_deep_in_a_long_sentence),
        cmocka_unit_test(summarize_keyword_phrases_repeated_or_names),
        cmocka_unit_test(summarize_uses_idf_model_or_sentence_frequency),
        cmocka_unit_test(summarize_long_summaries_cover_the_body),
        cmocka_unit_test(summarize_lede_prefers_reporting_to_quoting),
        cmocka_unit_test(summarize_budget_coverage),
        cmocka_unit_test(summarize_without_keyword_candidates),
        cmocka_unit_test(summarize_rejects_bad_options),
        cmocka_unit_test(summarize_options_carry_their_size),
    };
    return cmocka_run_group_tests_name("summarize", tests, engine_setup,
                                       engine_teardown);
}
