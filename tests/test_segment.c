/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_segment.c -- sentence segmentation, driven by segment_cases.txt
 * (one case per line, "<>" at each expected boundary), plus offsets,
 * paragraphs and the limits the table cannot express.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "segment.h"
#include "testutil.h"

#define CASES "tests/segment_cases.txt"

static void unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (p[0] == '\\' && (p[1] == 'n' || p[1] == 't' || p[1] == 'r')) {
            *o++ = p[1] == 'n' ? '\n' : p[1] == 't' ? '\t' : '\r';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

/* Bytes of blank at s[i] (ASCII space, NBSP, ZWSP), or 0. */
static size_t blank_at(const char *s, size_t i, size_t end)
{
    if (i < end && strchr(" \n\r\t", s[i]))
        return 1;
    if (i + 2 <= end && !memcmp(s + i, "\xC2\xA0", 2))
        return 2;
    if (i + 3 <= end && !memcmp(s + i, "\xE2\x80\x8B", 3))
        return 3;
    return 0;
}

static size_t blank_before(const char *s, size_t i, size_t start)
{
    for (size_t n = 1; n <= 3 && n <= i - start; n++)
        if (blank_at(s, i - n, i) == n)
            return n;
    return 0;
}

/* Segment input and compare with the expected list; returns 0 when they
 * match, printing the difference otherwise. */
static int check_case(const precis_engine_t *e, const char *code,
                      const char *prefix, const char *line, size_t lineno)
{
    char *input = malloc(strlen(prefix) + strlen(line) + 1);
    size_t bounds[64], nb = 0, n = 0;
    if (*prefix) { /* a paragraph of its own: one sentence before */
        n = strlen(prefix);
        memcpy(input, prefix, n);
        bounds[nb++] = n;
    }
    for (const char *p = line; *p;) {
        if (p[0] == '<' && p[1] == '>') {
            bounds[nb++] = n;
            p += 2;
        } else {
            input[n++] = *p++;
        }
    }
    input[n] = '\0';
    bounds[nb++] = n;
    const lang *l = engine_lang(e, code);
    assert_non_null(l);
    seg_rules rules = {&l->abbrev, &l->stop};
    seg_list list;
    assert_int_equal(segment_text(input, n, &rules, &list), 0);
    int bad = list.count != nb;
    size_t from = 0;
    for (size_t k = 0; !bad && k < nb; k++) {
        size_t a = from, b = bounds[k], n1;
        while ((n1 = blank_at(input, a, b)) != 0)
            a += n1;
        while (b > a && (n1 = blank_before(input, b, a)) != 0)
            b -= n1;
        bad = list.items[k].start != a || list.items[k].end != b;
        from = bounds[k];
    }
    if (bad) {
        fprintf(stderr, "%s:%zu: expected %zu sentences, got %zu%s%s:\n",
                CASES, lineno, nb, list.count, *prefix ? " after " : "",
                prefix);
        for (size_t k = 0; k < list.count; k++)
            fprintf(stderr, "  [%.*s]\n",
                    (int)(list.items[k].end - list.items[k].start),
                    input + list.items[k].start);
    }
    seg_list_free(&list);
    free(input);
    return bad;
}

static void segment_cases_from_table(void **state)
{
    FILE *f = fopen(CASES, "r");
    assert_non_null(f);
    char buf[4096];
    size_t lineno = 0, cases = 0, failed = 0;
    while (fgets(buf, sizeof buf, f)) {
        lineno++;
        buf[strcspn(buf, "\n")] = '\0';
        if (buf[0] == '#' || buf[0] == '\0')
            continue;
        char code[4] = "en";
        char *text = buf;
        if (buf[0] == '[' && buf[3] == ']' && buf[4] == ' ') {
            memcpy(code, buf + 1, 2);
            text = buf + 5;
        }
        unescape(text);
        cases++;
        /* And after a paragraph of 7 to 14 bytes: each case read from
         * every offset modulo the eight bytes the scan takes a step. */
        static const char *const prefixes[] = {
            "",           "Note.\n\n",      "Notes.\n\n",
            "Notess.\n\n", "Notesss.\n\n",   "Notessss.\n\n",
            "Notesssss.\n\n", "Notessssss.\n\n", "Notesssssss.\n\n"};
        int bad = 0;
        for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
            bad |= check_case(test_engine(state), code, prefixes[k], text,
                              lineno) != 0;
        failed += bad;
    }
    fclose(f);
    print_message("%zu segmentation cases, %zu failed\n", cases, failed);
    assert_true(cases >= 100);
    assert_int_equal(failed, 0);
}

static seg_list segment_en(void **state, const char *text)
{
    const lang *l = engine_lang(test_engine(state), "en");
    seg_rules rules = {&l->abbrev, &l->stop};
    seg_list list;
    assert_int_equal(segment_text(text, strlen(text), &rules, &list), 0);
    return list;
}

static void segment_offsets_are_original_bytes(void **state)
{
    const char *text = "  \xE2\x80\x9CQuoted.\xE2\x80\x9D  Next one.\r\n";
    seg_list l = segment_en(state, text);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[0].start, 2);
    assert_int_equal(l.items[0].end, 2 + 3 + 7 + 3);
    assert_memory_equal(text + l.items[1].start, "Next one.", 9);
    assert_int_equal(l.items[1].end, strlen(text) - 2);
    seg_list_free(&l);
}

static void segment_numbers_paragraphs(void **state)
{
    seg_list l = segment_en(state, "One. Two.\n\nThree.\nFour.");
    assert_int_equal(l.count, 4);
    assert_int_equal(l.items[0].paragraph, 0);
    assert_int_equal(l.items[1].paragraph, 0);
    assert_int_equal(l.items[2].paragraph, 1);
    assert_int_equal(l.items[3].paragraph, 2);
    assert_int_equal(l.paragraphs, 3);
    seg_list_free(&l);
}

static void segment_marks_unterminated_whole_lines(void **state)
{
    seg_list l = segment_en(state, "A Headline Here\nBody text starts. More.");
    assert_int_equal(l.count, 3);
    assert_false(l.items[0].terminated);
    assert_true(l.items[0].whole_line);
    assert_true(l.items[1].terminated);
    assert_false(l.items[1].whole_line);
    seg_list_free(&l);
}

static void segment_joins_hard_wrapped_paragraphs(void **state)
{
    const char *text = "The committee met on Tuesday to discuss the\n"
                       "budget for next year and agreed that spending\n"
                       "on roads would rise. The chairman said the\n"
                       "Treasury had approved the plan in principle\n"
                       "and that work could begin in the spring.\n"
                       "\n"
                       "Critics said the plan was too small and came\n"
                       "Too late for the towns that need it most.\n";
    seg_list l = segment_en(state, text);
    assert_int_equal(l.count, 3);
    assert_memory_equal(text + l.items[1].start, "The chairman", 12);
    assert_int_equal(l.items[1].paragraph, 0);
    assert_int_equal(l.items[2].paragraph, 1);
    seg_list_free(&l);
}

/* San Jose Mercury News copy in DUC2002 joins paragraphs with "; "
 * after the stop: the semicolon is the break, part of neither. */
static void segment_drops_semicolon_between_paragraphs(void **state)
{
    const char *text = "The rain fell all day, she said.; At least four "
                       "people have died.";
    seg_list l = segment_en(state, text);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[0].end,
                     strlen("The rain fell all day, she said."));
    assert_memory_equal(text + l.items[1].start, "At least", 8);
    seg_list_free(&l);
}

static void segment_cuts_overlong_sentence_at_space(void **state)
{
    size_t n = 3 * SEG_MAX_SENTENCE;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 6 == 5 ? ' ' : 'a';
    text[n] = '\0';
    seg_list l = segment_en(state, text);
    assert_true(l.count >= 3);
    for (size_t k = 0; k < l.count; k++) {
        assert_true(l.items[k].end - l.items[k].start <= SEG_MAX_SENTENCE + 8);
        assert_true(l.items[k].start == 0 ||
                    text[l.items[k].start - 1] == ' ');
    }
    seg_list_free(&l);
    free(text);
}

static void segment_handles_empty_and_blank(void **state)
{
    seg_list l = segment_en(state, "");
    assert_int_equal(l.count, 0);
    seg_list_free(&l);
    l = segment_en(state, " \n\n\t \r\n ");
    assert_int_equal(l.count, 0);
    seg_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segment_cases_from_table),
        cmocka_unit_test(segment_offsets_are_original_bytes),
        cmocka_unit_test(segment_numbers_paragraphs),
        cmocka_unit_test(segment_marks_unterminated_whole_lines),
        cmocka_unit_test(segment_joins_hard_wrapped_paragraphs),
        cmocka_unit_test(segment_drops_semicolon_between_paragraphs),
        cmocka_unit_test(segment_cuts_overlong_sentence_at_space),
        cmocka_unit_test(segment_handles_empty_and_blank),
    };
    return cmocka_run_group_tests_name("segment", tests, engine_setup,
                                       engine_teardown);
}
