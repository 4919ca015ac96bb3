/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_tokenize.c -- word tokens and their folded forms, driven by
 * tokenize_cases.txt, plus offsets, flags and limits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "strmap.h"
#include "tokenize.h"

#define CASES "tests/tokenize_cases.txt"

static void unescape_tabs(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (p[0] == '\\' && p[1] == 't') {
            *o++ = '\t';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

static void tokenize_cases_from_table(void **state)
{
    (void)state;
    FILE *f = fopen(CASES, "r");
    assert_non_null(f);
    char line[1024];
    size_t lineno = 0, cases = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        unescape_tabs(line);
        const char *expected = tab + 1;
        char got[1024] = "";
        tokenizer t;
        token tok;
        tokenizer_init(&t, line, 0, strlen(line));
        while (tokenizer_next(&t, &tok)) {
            if (got[0])
                strcat(got, "|");
            strncat(got, t.fold, sizeof got - strlen(got) - 1);
        }
        cases++;
        if (strcmp(got, expected) != 0) {
            failed++;
            fprintf(stderr, "%s:%zu: expected [%s], got [%s]\n", CASES, lineno,
                    expected, got);
        }
    }
    fclose(f);
    print_message("%zu tokenizer cases, %zu failed\n", cases, failed);
    assert_true(cases >= 40);
    assert_int_equal(failed, 0);
}

static void tokenize_offsets_cover_original_bytes(void **state)
{
    (void)state;
    const char *text = "  \xC3\x89"
                       "COLE, U.S. 3.5"; /* "  ÉCOLE, U.S. 3.5" */
    tokenizer t;
    token tok;
    tokenizer_init(&t, text, 0, strlen(text));
    assert_true(tokenizer_next(&t, &tok));
    assert_int_equal(tok.start, 2);
    assert_int_equal(tok.end, 8);
    assert_true(tok.flags & TOK_CAPITAL);
    assert_true(tok.flags & TOK_ALLCAPS);
    assert_true(tokenizer_next(&t, &tok));
    assert_memory_equal(text + tok.start, "U.S.", 4);
    assert_int_equal(tok.end - tok.start, 4);
    assert_true(tokenizer_next(&t, &tok));
    assert_memory_equal(text + tok.start, "3.5", 3);
    assert_true(tok.flags & TOK_NUMBER);
    assert_false(tokenizer_next(&t, &tok));
}

static void tokenize_respects_range(void **state)
{
    (void)state;
    const char *text = "alpha beta gamma";
    tokenizer t;
    token tok;
    tokenizer_init(&t, text, 6, 10);
    assert_true(tokenizer_next(&t, &tok));
    assert_string_equal(t.fold, "beta");
    assert_false(tokenizer_next(&t, &tok));
}

static void tokenize_caps_folded_length(void **state)
{
    (void)state;
    char word[1000];
    memset(word, 'x', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    tokenizer t;
    token tok;
    tokenizer_init(&t, word, 0, strlen(word));
    assert_true(tokenizer_next(&t, &tok));
    assert_int_equal(tok.end, strlen(word));
    assert_true(tok.fold_len <= TOK_MAX_FOLD);
    assert_false(tokenizer_next(&t, &tok));
}

static void tokenize_survives_invalid_bytes(void **state)
{
    (void)state;
    const char text[] = "ab\xFF\xC3"
                        "cd\xE2\x82";
    tokenizer t;
    token tok;
    tokenizer_init(&t, text, 0, sizeof text - 1);
    assert_true(tokenizer_next(&t, &tok));
    assert_string_equal(t.fold, "ab");
    assert_true(tokenizer_next(&t, &tok));
    assert_string_equal(t.fold, "cd");
    assert_false(tokenizer_next(&t, &tok));
}

/* Each token carries the hash of its folded form, made as it folds
 * (doc.c interns words by it): the same as hashing the fold afterwards,
 * for ASCII words, long ones cut at TOK_MAX_FOLD, folded non-ASCII
 * words, joiners and CJK bigrams. */
static void tokenize_hash_is_the_folds(void **state)
{
    (void)state;
    char text[2048];
    int n = snprintf(text, sizeof text,
                     "The U.S. mayor's re-election 3.5 \xC3\x89" "COLE "
                     "Stra\xC3\x9F" "e \xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD "
                     "don\xE2\x80\x99t ");
    memset(text + n, 'Q', 300);
    text[n + 300] = '\0';
    tokenizer t;
    token tok;
    size_t count = 0;
    tokenizer_init(&t, text, 0, strlen(text));
    while (tokenizer_next(&t, &tok)) {
        assert_int_equal(tok.hash, strmap_hash(t.fold, tok.fold_len));
        count++;
    }
    assert_true(count >= 10);
}

/* Words of ASCII letters and digits between spaces and stops, which
 * the tokenizer reads eight bytes at a time where eight remain and byte
 * by byte near a range's end: every token as a byte-by-byte reading
 * makes it (range, fold cut at TOK_MAX_FOLD, flags, hash), across random
 * texts, word lengths to 20 and beyond TOK_MAX_FOLD, and range ends. */
static int ref_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static void tokenize_ascii_words_as_byte_by_byte(void **state)
{
    (void)state;
    static const char letters[] = "abcxyzABCXYZ0189";
    static const char between[] = " !;:?@[`{/\n";
    unsigned seed = 3;
    static char text[4096];
    for (int round = 0; round < 400; round++) {
        size_t len = 0;
        while (len < 600) {
            size_t w = 1 + (size_t)(rand_r(&seed) % 20);
            if (rand_r(&seed) % 40 == 0)
                w = TOK_MAX_FOLD - 2 + (size_t)(rand_r(&seed) % 12);
            for (size_t k = 0; k < w; k++)
                text[len++] = letters[rand_r(&seed) % (sizeof letters - 1)];
            size_t gap = 1 + (size_t)(rand_r(&seed) % 2);
            for (size_t k = 0; k < gap; k++)
                text[len++] = between[rand_r(&seed) % (sizeof between - 1)];
        }
        size_t from = (size_t)(rand_r(&seed) % 16);
        size_t to = len - (size_t)(rand_r(&seed) % 24);
        tokenizer t;
        token tok;
        tokenizer_init(&t, text, from, to);
        size_t i = from, count = 0;
        for (;;) {
            while (i < to && !ref_alnum(text[i]))
                i++;
            if (i == to)
                break;
            size_t start = i, up = 0, digit = 0;
            char fold[TOK_MAX_FOLD];
            while (i < to && ref_alnum(text[i])) {
                char c = text[i];
                up += c >= 'A' && c <= 'Z';
                digit += c >= '0' && c <= '9';
                if (i - start < TOK_MAX_FOLD)
                    fold[i - start] = c >= 'A' && c <= 'Z' ? c + 32 : c;
                i++;
            }
            size_t n = i - start, alpha = n - digit;
            size_t fold_len = n < TOK_MAX_FOLD ? n : TOK_MAX_FOLD;
            unsigned flags = (text[start] >= 'A' && text[start] <= 'Z'
                                  ? TOK_CAPITAL
                                  : 0) |
                             (alpha == 0 ? TOK_NUMBER : 0) |
                             (alpha >= 2 && up == alpha ? TOK_ALLCAPS : 0);
            assert_true(tokenizer_next(&t, &tok));
            assert_int_equal(tok.start, start);
            assert_int_equal(tok.end, i);
            assert_int_equal(tok.flags, flags);
            assert_int_equal(tok.fold_len, fold_len);
            assert_memory_equal(t.fold, fold, fold_len);
            assert_int_equal(t.fold[fold_len], '\0');
            assert_int_equal(tok.hash, strmap_hash(fold, fold_len));
            count++;
        }
        assert_false(tokenizer_next(&t, &tok));
        assert_true(count > 20);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokenize_cases_from_table),
        cmocka_unit_test(tokenize_offsets_cover_original_bytes),
        cmocka_unit_test(tokenize_respects_range),
        cmocka_unit_test(tokenize_caps_folded_length),
        cmocka_unit_test(tokenize_survives_invalid_bytes),
        cmocka_unit_test(tokenize_hash_is_the_folds),
        cmocka_unit_test(tokenize_ascii_words_as_byte_by_byte),
    };
    return cmocka_run_group_tests_name("tokenize", tests, NULL, NULL);
}
