/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_dependence.c -- the sentences that need the one before them
 * (dependence.c, data/dependent/XX.txt), and select.c taking such a
 * sentence only with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc.h"
#include "engine.h"
#include "pipeline.h"
#include "testutil.h"

/* What each sentence of text needs, a digit each into out. */
static void leans_of(void **state, const char *text, const char *code,
                     char *out, size_t size)
{
    const precis_engine_t *e = test_engine(state);
    doc d;
    assert_int_equal(doc_build(&d, e, engine_lang(e, code), 0, text,
                               strlen(text), NULL, 0),
                     PRECIS_OK);
    qspan *marks;
    size_t nmarks;
    assert_int_equal(quote_marks_find(&d, &marks, &nmarks), PRECIS_OK);
    dependence_mark(&d, marks, nmarks);
    /* 1: leans back, 2: runs on, 3: both */
    size_t n = 0;
    for (size_t i = 0; i < d.nsents && n + 1 < size; i++)
        out[n++] = (char)('0' + d.sents[i].leans + 2 * d.sents[i].runs_on);
    out[n] = '\0';
    mem_free(marks);
    doc_free(&d);
}

static void dependence_openers_per_language(void **state)
{
    char got[64];
    leans_of(state,
             "The mayor spoke on Monday. He said the plan would pass. "
             "However, the council was split. In addition to the plan, "
             "a tax was set. In addition, the tax is small. This week "
             "the vote comes. This is the third vote. Officials agreed.",
             "en", got, sizeof got);
    assert_string_equal(got, "01101010");
    /* The longest entry decides: the impersonal "Il y a" stands alone. */
    leans_of(state,
             "Le maire a parlé lundi. Il a promis une réponse. Il y a "
             "trois projets en lice. Mais le conseil hésite. Par ailleurs, "
             "la ville attend.",
             "fr", got, sizeof got);
    assert_string_equal(got, "01011");
    leans_of(state,
             "Der Minister sprach am Montag. Er kündigte Hilfen an. "
             "Diese Woche beginnt die Debatte. Dennoch bleibt Kritik.",
             "de", got, sizeof got);
    assert_string_equal(got, "0101");
}

/* A quotation over paragraphs (news style: each reopened, closed
 * once): its first sentence runs on into the next, which leans back on
 * it; a quotation within one sentence asks for nothing. */
static void dependence_quotation_continued(void **state)
{
    char got[64];
    leans_of(state,
             "The line opens in May.\n\n"
             "\u201CWe will build it on time and within its budget.\n\n"
             "\u201CIt will carry forty thousand riders a day,\u201D she "
             "said.\n\n"
             "\u201CWork starts soon,\u201D the mayor said.",
             "en", got, sizeof got);
    assert_string_equal(got, "0210");
}

static const char *const council =
    "The city council met on Monday evening in the old town hall.\n\n"
    "The new transit budget of the city will pay for buses, trains and "
    "trams, the council said in its transit plan.\n\n"
    "Residents filled the chamber early and stood along the walls.\n\n"
    "They said the transit budget for buses, trains and trams was too "
    "small for a city whose transit riders keep growing.\n\n"
    "The meeting ended shortly before midnight.";

static int has(const precis_result_t *r, const char *opening)
{
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        if (!strncmp(precis_result_sentence(r, i)->text, opening,
                     strlen(opening)))
            return 1;
    return 0;
}

static precis_result_t *sentences(void **state, const char *text, int n)
{
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = n;
    return summarize_ok(test_engine(state), text, &o);
}

/* With n - 1 sentences the one opening with dependent is left out (it
 * and what it needs do not fit), with n it comes with the one opening
 * with needed. */
static void comes_together(void **state, const char *text, int n,
                           const char *dependent, const char *needed)
{
    precis_result_t *r = sentences(state, text, n - 1);
    assert_int_equal(precis_result_sentence_count(r), n - 1);
    assert_false(has(r, dependent));
    precis_result_free(r);
    r = sentences(state, text, n);
    assert_true(has(r, dependent));
    assert_true(has(r, needed));
    precis_result_free(r);
}

/* "They said the transit budget..." scores third, but "They" are the
 * residents of the sentence before. */
static void dependence_sentence_comes_with_its_predecessor(void **state)
{
    comes_together(state, council, 4, "They said", "Residents");
}

/* A quotation's first paragraph ("The transit line will carry...")
 * scores second, but its quotation goes on in the next. */
static void dependence_quotation_comes_whole(void **state)
{
    const char *text =
        "The city opened a new transit line on Monday.\n\n"
        "\u201CThe transit line will carry buses and trains through the "
        "transit district of the city on time.\n\n"
        "\u201CIt will carry forty thousand riders a day,\u201D the mayor "
        "said.\n\n"
        "Work on the line started two years ago.\n\n"
        "The weather was mild.";
    comes_together(state, text, 3, "\u201CThe transit line",
                   "\u201CIt will carry");
}

/* However long a chain, a summary of the whole text holds all of it,
 * and a text that is all one quotation still gets a sentence when the
 * budget cannot hold the quotation. */
static void dependence_never_empties_a_summary(void **state)
{
    const char *speech =
        "\u201CWe will build it on time.\n\n"
        "\u201CIt will carry forty thousand riders a day.\n\n"
        "\u201CIt will cut the commute in half.\n\n"
        "\u201CAnd it will run all night,\u201D the mayor said.";
    precis_result_t *r = sentences(state, speech, 1);
    assert_int_equal(precis_result_sentence_count(r), 1);
    precis_result_free(r);
    precis_options_t o;
    precis_options_init(&o);
    o.budget = PRECIS_BUDGET_RATIO;
    o.budget_value = 1.0;
    o.redundancy = 0;
    r = summarize_ok(test_engine(state), speech, &o);
    assert_int_equal(precis_result_sentence_count(r), 4);
    precis_result_free(r);
    r = summarize_ok(test_engine(state), council, &o);
    assert_int_equal(precis_result_sentence_count(r), 5);
    precis_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dependence_openers_per_language),
        cmocka_unit_test(dependence_quotation_continued),
        cmocka_unit_test(dependence_sentence_comes_with_its_predecessor),
        cmocka_unit_test(dependence_quotation_comes_whole),
        cmocka_unit_test(dependence_never_empties_a_summary),
    };
    return cmocka_run_group_tests_name("dependence", tests, engine_setup,
                                       engine_teardown);
}
