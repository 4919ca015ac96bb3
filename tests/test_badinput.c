/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_badinput.c -- hostile and degenerate input gives a clear error or
 * a sensible (possibly empty) result: never a crash, hang or leak (the
 * SANITIZE=1 build checks the last).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "utf8.h"

/* Without options: every quote and fragment too, so each case also
 * goes through the quotation finder and the attribution. */
static precis_result_t *run(void **state, const char *text, size_t len,
                            const precis_options_t *o)
{
    precis_result_t *r = NULL;
    precis_error_t err;
    precis_options_t all;
    if (!o) {
        precis_options_init(&all);
        all.quotes = 1000;
        all.quote_fragments = 1;
        o = &all;
    }
    int rc = precis_summarize(test_engine(state), text, len, o, &r, &err);
    if (rc != PRECIS_OK)
        fail_msg("precis_summarize: %s", err.message);
    return r;
}

static void assert_valid_result(const precis_result_t *r, size_t len)
{
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        const precis_sentence_t *s = precis_result_sentence(r, i);
        assert_true(s->start < s->end && s->end <= len);
        assert_int_equal(utf8_validate(s->text, strlen(s->text)),
                         strlen(s->text));
    }
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *k = precis_result_keyword(r, i)->text;
        assert_int_equal(utf8_validate(k, strlen(k)), strlen(k));
    }
    for (size_t i = 0; i < precis_result_quote_count(r); i++) {
        const precis_quote_t *q = precis_result_quote(r, i);
        assert_true(q->start <= q->end && q->end <= len);
        assert_true(q->mention_start <= q->mention_end &&
                    q->mention_end <= len);
        assert_int_equal(utf8_validate(q->text, strlen(q->text)),
                         strlen(q->text));
    }
}

static void badinput_empty_text(void **state)
{
    precis_result_t *r = run(state, "", 0, NULL);
    assert_int_equal(precis_result_sentence_count(r), 0);
    assert_int_equal(precis_result_keyword_count(r), 0);
    assert_int_equal(precis_result_total_words(r), 0);
    assert_string_equal(precis_result_lang(r), "und");
    precis_result_free(r);
    r = run(state, NULL, 0, NULL);
    assert_int_equal(precis_result_sentence_count(r), 0);
    precis_result_free(r);
}

static void badinput_whitespace_only(void **state)
{
    const char *text = " \t\r\n\n\xC2\xA0\xE2\x80\x8B  \n";
    precis_result_t *r = run(state, text, strlen(text), NULL);
    assert_int_equal(precis_result_total_sentences(r), 0);
    precis_result_free(r);
}

static void badinput_only_punctuation(void **state)
{
    const char *text = "!!! ... ??? --- ,,, ;;; \xE2\x80\xA6 (((( )))) \"\"\n"
                       ". . . ! ? ! ?\n-- : --\n";
    precis_result_t *r = run(state, text, strlen(text), NULL);
    assert_int_equal(precis_result_sentence_count(r), 0);
    assert_int_equal(precis_result_keyword_count(r), 0);
    assert_true(precis_result_excluded_count(r) > 0);
    precis_result_free(r);
}

static void badinput_binary_junk(void **state)
{
    size_t len = 1 << 20;
    char *junk = malloc(len);
    unsigned x = 12345;
    for (size_t i = 0; i < len; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (char)(x >> 16);
    }
    precis_result_t *r = (precis_result_t *)1;
    assert_int_equal(
        precis_summarize(test_engine(state), junk, len, NULL, &r, NULL),
        PRECIS_EUTF8);
    assert_null(r);
    precis_options_t o;
    precis_options_init(&o);
    o.utf8_policy = PRECIS_UTF8_REPLACE;
    r = run(state, junk, len, &o);
    assert_valid_result(r, len);
    precis_result_free(r);
    free(junk);
}

static void badinput_one_huge_line(void **state)
{
    /* 50 MB of words and no punctuation or newline at all. */
    size_t len = 50u << 20;
    char *text = malloc(len);
    static const char word[] = "lorem ipsum dolor sit amet consectetur ";
    for (size_t i = 0; i < len; i++)
        text[i] = word[i % (sizeof word - 1)];
    precis_result_t *r = run(state, text, len, NULL);
    assert_valid_result(r, len);
    assert_true(precis_result_total_sentences(r) > 1000);
    assert_true(precis_result_sentence_count(r) <= 3);
    precis_result_free(r);
    free(text);
}

static void badinput_many_one_word_sentences(void **state)
{
    size_t n = 100000, len = 0;
    char *text = malloc(n * 16);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "Word%zu. ", i % 977);
    precis_result_t *r = run(state, text, len, NULL);
    assert_int_equal(precis_result_total_sentences(r), n);
    assert_valid_result(r, len);
    precis_result_free(r);
    free(text);
}

static void badinput_runs_of_dots_and_quotes(void **state)
{
    size_t len = 1 << 20;
    char *text = malloc(len);
    for (size_t i = 0; i < len; i++)
        text[i] = "..\"'?)(!"[i % 8];
    precis_result_t *r = run(state, text, len, NULL);
    assert_valid_result(r, len);
    precis_result_free(r);
    free(text);
}

/* A megabyte paragraph of opening marks that never close: each is
 * dropped (at the paragraph's end), none swallows the text after it,
 * and the quotation in the next paragraph is still found. */
static void badinput_unmatched_quote_marks(void **state)
{
    const char *unit = "\xE2\x80\x9C"
                       "word \xC2\xAB more ";
    const char *tail = "\n\n\"We will rebuild the bridge by May,\" she said.";
    size_t ulen = strlen(unit), n = (1 << 20) / ulen, len = n * ulen;
    char *text = malloc(len + strlen(tail) + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * ulen, unit, ulen);
    strcpy(text + len, tail);
    len += strlen(tail);
    precis_result_t *r = run(state, text, len, NULL);
    assert_valid_result(r, len);
    assert_int_equal(precis_result_quote_count(r), 1);
    assert_string_equal(precis_result_quote(r, 0)->text,
                        "We will rebuild the bridge by May,");
    precis_result_free(r);
    free(text);
}

/* The input need not end in NUL: attribution reading the byte after a
 * speaker's name at the very end stays inside the buffer (checked by
 * the SANITIZE=1 build). */
static void badinput_text_ends_on_a_speaker(void **state)
{
    static const char *texts[] = {
        "\"We will win this election,\" said Maria Lopez",
        "Rep. Gwen Moore (D-Wis",
        "\"It is over,\" Sarandon, 69",
        "(\"We will win this election,\" said Lopez)",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t len = strlen(texts[i]);
        char *exact = malloc(len);
        memcpy(exact, texts[i], len);
        precis_result_t *r = run(state, exact, len, NULL);
        assert_valid_result(r, len);
        precis_result_free(r);
        free(exact);
    }
}

/* Up to 40 random pieces, joined into buf; returns the length. */
static size_t random_text(const char *const *pieces, size_t npieces,
                          uint32_t *seed, char *buf, size_t cap)
{
    size_t len = 0;
    int parts = 1 + (int)(*seed % 40);
    for (int p = 0; p < parts; p++) {
        *seed = *seed * 1103515245u + 12345u;
        const char *piece = pieces[(*seed >> 16) % npieces];
        size_t n = strlen(piece);
        if (len + n >= cap)
            break;
        memcpy(buf + len, piece, n);
        len += n;
    }
    return len;
}

/* Thousands of random texts built from quotation marks, names, cues,
 * pronouns, punctuation and line breaks: every quotation, speaker and
 * cue range stays inside the text (run under SANITIZE=1 for memory). */
static void badinput_random_quotations(void **state)
{
    static const char *const pieces[] = {"\"",
                                         "\xE2\x80\x9C",
                                         "\xE2\x80\x9D",
                                         "'",
                                         "\xE2\x80\x98",
                                         "\xE2\x80\x99",
                                         "\xC2\xAB",
                                         "\xC2\xBB",
                                         "\xE2\x80\x9E",
                                         "''",
                                         "``",
                                         "\xE3\x80\x8C",
                                         "\xE3\x80\x8D",
                                         " said",
                                         " Mr.",
                                         " Smith",
                                         " Jane Doe",
                                         " he",
                                         " she",
                                         " the spokesman",
                                         " told",
                                         " according",
                                         " to",
                                         ",",
                                         ".",
                                         ":",
                                         " \xE2\x80\x94",
                                         " (",
                                         ")",
                                         "\n\n",
                                         " and",
                                         " we will win",
                                         " saying",
                                         " I",
                                         " Hamas'",
                                         " 12\"",
                                         " rock 'n' roll"};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    char text[512];
    for (int round = 0; round < 3000; round++) {
        size_t len = random_text(pieces, npieces, &seed, text, sizeof text);
        precis_result_t *r = run(state, text, len, NULL);
        assert_valid_result(r, len);
        for (size_t i = 0; i < precis_result_quote_count(r); i++) {
            const precis_quote_t *q = precis_result_quote(r, i);
            assert_true(q->speaker_start <= q->speaker_end &&
                        q->speaker_end <= len);
            assert_true(q->cue_start <= q->cue_end && q->cue_end <= len);
        }
        precis_result_free(r);
    }
}

/* Random texts of what datelines and photo captions are made of, each
 * in a buffer of exactly its length: every sentence and excluded span
 * stays inside the text, and none of them overlaps another. */
static void badinput_random_datelines_and_captions(void **state)
{
    static const char *const pieces[] = {"WASHINGTON",
                                         " NEW YORK",
                                         ",",
                                         " March 3",
                                         " (AP)",
                                         " (Reuters)",
                                         "(CNN)",
                                         " (dpa)",
                                         " (",
                                         ")",
                                         " --",
                                         " -",
                                         " \xE2\x80\x94",
                                         "\xE2\x80\x93",
                                         " The",
                                         " the",
                                         " However",
                                         " pictured",
                                         " (right)",
                                         " (pictured)",
                                         " (file photo)",
                                         " Jane",
                                         " said.",
                                         ".",
                                         "\n",
                                         "\n\n",
                                         " 5",
                                         " \xC3\x89TAT",
                                         "\xC3\xA9",
                                         " \xE2\x80\x9C",
                                         "\"",
                                         " a",
                                         ":"};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 777;
    char text[512];
    precis_options_t o;
    precis_options_init(&o);
    o.budget = PRECIS_BUDGET_RATIO;
    o.budget_value = 1.0;
    size_t datelines = 0, captions = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = random_text(pieces, npieces, &seed, text, sizeof text);
        char *exact = malloc(len ? len : 1);
        memcpy(exact, text, len);
        precis_result_t *r = run(state, exact, len, &o);
        assert_valid_result(r, len);
        size_t nx = precis_result_excluded_count(r);
        for (size_t k = 0; k < nx; k++) {
            const precis_excluded_t *x = precis_result_excluded(r, k);
            assert_true(x->start < x->end && x->end <= len);
            datelines += !strcmp(x->reason, "dateline");
            captions += !strcmp(x->reason, "caption");
            for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
                const precis_sentence_t *s = precis_result_sentence(r, i);
                assert_false(x->start < s->end && s->start < x->end);
            }
        }
        precis_result_free(r);
        free(exact);
    }
    /* The pieces do make both, so both paths ran. */
    assert_true(datelines > 0 && captions > 0);
}

/* Random pages of what lists, ellipses, spaced abbreviations, credits,
 * labels, glued teasers, menus and comment markers are made of, each in
 * a buffer of exactly its length: precis_segment()'s sentences stay in
 * the text, in order and apart, and every one gets a reason or none. */
static void badinput_random_pages(void **state)
{
    static const char *const pieces[] = {"1.",
                                         " 2.",
                                         "a.",
                                         " b.",
                                         ")",
                                         "(",
                                         "\xE2\x80\xA2",
                                         "\xE2\x81\x83",
                                         " . . .",
                                         " . . . .",
                                         "[...]",
                                         "\xE2\x80\xA6",
                                         " z. B.",
                                         " u. a.",
                                         " l'Ing.",
                                         " N\xC2\xB0.",
                                         " 12.",
                                         " Juni",
                                         " (AP)",
                                         "Photo: Jane Doe",
                                         "Image caption",
                                         " DetroitIn the",
                                         " The",
                                         " the",
                                         " Home",
                                         "\n",
                                         "\n\n",
                                         " says:",
                                         " Comments",
                                         " \xE2\x80\x9E",
                                         "\xE2\x80\x9C",
                                         "\"",
                                         " \xC2\xBB",
                                         "\xC2\xAB",
                                         " We use cookies",
                                         " \xC2\xA9 2019",
                                         ".",
                                         "?",
                                         " At 5 a.m.",
                                         " Mr.",
                                         " U.S.",
                                         " Millions",
                                         " he",
                                         " camera",
                                         "\xEF\xBC\x8E",
                                         " by Jane",
                                         "1of4",
                                         " Share this"};
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 4242;
    char text[512];
    for (int round = 0; round < 3000; round++) {
        size_t len = random_text(pieces, npieces, &seed, text, sizeof text);
        char *exact = malloc(len ? len : 1);
        memcpy(exact, text, len);
        precis_result_t *r;
        precis_error_t err;
        assert_int_equal(
            precis_segment(test_engine(state), exact, len, NULL, &r, &err),
            PRECIS_OK);
        size_t end = 0;
        for (size_t i = 0; i < precis_result_segment_count(r); i++) {
            const precis_segment_t *s = precis_result_segment(r, i);
            assert_true(end <= s->start && s->start < s->end && s->end <= len);
            assert_non_null(s->text);
            end = s->end;
        }
        precis_result_free(r);
        free(exact);
    }
}

static void badinput_too_large_is_refused(void **state)
{
    precis_result_t *r = (precis_result_t *)1;
    precis_error_t err;
    assert_int_equal(precis_summarize(test_engine(state), "x",
                                      PRECIS_MAX_INPUT + 1, NULL, &r, &err),
                     PRECIS_ETOOBIG);
    assert_null(r);
    assert_string_equal(precis_err_name(err.code), "too_large");
}

/* ---- max_memory */

#define SAMPLE "tests/fixtures/sample-article.txt"

/* The summary's sentences and keywords, one string to compare. */
static void render(const precis_result_t *r, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < precis_result_sentence_count(r) && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%zu|",
                              precis_result_sentence(r, i)->start);
    for (size_t i = 0; i < precis_result_keyword_count(r) && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s|",
                              precis_result_keyword(r, i)->text);
    for (size_t i = 0; i < precis_result_quote_count(r) && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%zu|",
                              precis_result_quote(r, i)->start);
}

/* Every limit below what the sample needs fails with PRECIS_ELIMIT and
 * no result, at whichever allocation it runs out (64-byte steps reach
 * each stage's; the sanitizer build checks nothing leaks on any of
 * those paths); from there on the result is the unlimited one. */
static void badinput_memory_limit_fails_cleanly_anywhere(void **state)
{
    size_t len;
    char *text = read_fixture(SAMPLE, &len);
    precis_options_t o;
    precis_options_init(&o);
    o.quotes = 5;
    o.quote_fragments = 1;
    precis_result_t *r;
    precis_error_t err;
    assert_int_equal(
        precis_summarize(test_engine(state), text, len, &o, &r, &err), 0);
    char want[4096], got[4096];
    render(r, want, sizeof want);
    precis_result_free(r);
    size_t limit = 1, refused = 0;
    for (;; limit += 64) {
        o.max_memory = limit;
        r = (precis_result_t *)1;
        int rc = precis_summarize(test_engine(state), text, len, &o, &r, &err);
        if (rc == PRECIS_OK)
            break;
        assert_int_equal(rc, PRECIS_ELIMIT);
        assert_int_equal(err.code, PRECIS_ELIMIT);
        assert_string_equal(precis_err_name(rc), "memory_limit");
        assert_null(r);
        refused++;
    }
    render(r, got, sizeof got);
    assert_string_equal(got, want);
    precis_result_free(r);
    /* The sample is 6.9 KB: it cannot be summarised in its own size,
     * but it fits in what precisd grants a request for each byte
     * (daemon/memory.h: 8, beside 2 MB for every request), allocation
     * headers and all (it took 11.5 times its size before the words,
     * terms and the attribution window were sized to the text). */
    assert_true(limit > len && refused > len / 64);
    assert_true(limit <= 8 * len);
    print_message("max_memory: %zu bytes refused %zu times, then enough\n",
                  limit, refused);
    /* precis_segment() is held to it too. */
    o.max_memory = 1024;
    assert_int_equal(precis_segment(test_engine(state), text, len, &o, &r,
                                    &err),
                     PRECIS_ELIMIT);
    assert_null(r);
    free(text);
}

/* A call counts what it holds, not what earlier calls' results still
 * hold nor what it freed: the same limit serves call after call. */
static void badinput_memory_limit_is_per_call(void **state)
{
    size_t len;
    char *text = read_fixture(SAMPLE, &len);
    precis_options_t o;
    precis_options_init(&o);
    precis_error_t err;
    size_t lo = 0, hi = 64u << 20; /* the least limit that passes */
    while (hi - lo > 1) {
        precis_result_t *r;
        o.max_memory = lo + (hi - lo) / 2;
        if (precis_summarize(test_engine(state), text, len, &o, &r, &err) ==
            PRECIS_OK) {
            hi = o.max_memory;
            precis_result_free(r);
        } else {
            lo = o.max_memory;
        }
    }
    o.max_memory = hi;
    precis_result_t *kept[20];
    for (int i = 0; i < 20; i++)
        assert_int_equal(precis_summarize(test_engine(state), text, len, &o,
                                          &kept[i], &err),
                         PRECIS_OK);
    for (int i = 0; i < 20; i++)
        precis_result_free(kept[i]);
    o.max_memory = hi - 1;
    precis_result_t *r;
    assert_int_equal(
        precis_summarize(test_engine(state), text, len, &o, &r, &err),
        PRECIS_ELIMIT);
    free(text);
}

/* What precisd grants a request (daemon/memory.h: 8 bytes a byte and
 * 2 MB) holds real text, here the sample repeated 60 times, but not a
 * text of as many bytes in two-byte paragraphs, which needs some 30
 * times its size. */
static void badinput_memory_limit_refuses_tiny_paragraphs(void **state)
{
    size_t n;
    char *one = read_fixture(SAMPLE, &n);
    size_t len = 60 * n;
    char *text = malloc(len + 1);
    for (size_t i = 0; i < 60; i++) {
        memcpy(text + i * n, one, n);
        text[i * n] = (char)('A' + i % 26); /* not one repeated article */
    }
    precis_options_t o;
    precis_options_init(&o);
    o.max_memory = 8 * len + (2u << 20);
    precis_result_t *r;
    precis_error_t err;
    assert_int_equal(
        precis_summarize(test_engine(state), text, len, &o, &r, &err), 0);
    assert_true(precis_result_sentence_count(r) > 0);
    precis_result_free(r);
    for (size_t i = 0; i + 4 <= len; i += 4)
        memcpy(text + i, "A.\n\n", 4);
    assert_int_equal(
        precis_summarize(test_engine(state), text, len, &o, &r, &err),
        PRECIS_ELIMIT);
    assert_null(r);
    assert_non_null(strstr(err.message, "max_memory"));
    o.max_memory = 0; /* no limit: it is summarised */
    assert_int_equal(
        precis_summarize(test_engine(state), text, len, &o, &r, &err), 0);
    precis_result_free(r);
    free(text);
    free(one);
}

static void badinput_accessors_tolerate_null_and_range(void **state)
{
    (void)state;
    assert_int_equal(precis_result_sentence_count(NULL), 0);
    assert_null(precis_result_sentence(NULL, 0));
    assert_null(precis_result_keyword(NULL, 0));
    assert_null(precis_result_excluded(NULL, 0));
    assert_null(precis_result_lang(NULL));
    precis_result_free(NULL);
    precis_engine_free(NULL);
    precis_result_t *r = run(state, "One sentence here.", 18, NULL);
    assert_null(precis_result_sentence(r, 1));
    assert_null(precis_result_keyword(r, 99));
    precis_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(badinput_empty_text),
        cmocka_unit_test(badinput_whitespace_only),
        cmocka_unit_test(badinput_only_punctuation),
        cmocka_unit_test(badinput_binary_junk),
        cmocka_unit_test(badinput_one_huge_line),
        cmocka_unit_test(badinput_many_one_word_sentences),
        cmocka_unit_test(badinput_runs_of_dots_and_quotes),
        cmocka_unit_test(badinput_unmatched_quote_marks),
        cmocka_unit_test(badinput_text_ends_on_a_speaker),
        cmocka_unit_test(badinput_random_quotations),
        cmocka_unit_test(badinput_random_datelines_and_captions),
        cmocka_unit_test(badinput_random_pages),
        cmocka_unit_test(badinput_too_large_is_refused),
        cmocka_unit_test(badinput_memory_limit_fails_cleanly_anywhere),
        cmocka_unit_test(badinput_memory_limit_is_per_call),
        cmocka_unit_test(badinput_memory_limit_refuses_tiny_paragraphs),
        cmocka_unit_test(badinput_accessors_tolerate_null_and_range),
    };
    return cmocka_run_group_tests_name("badinput", tests, engine_setup,
                                       engine_teardown);
}
