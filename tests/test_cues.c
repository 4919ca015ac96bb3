/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_cues.c -- the cue automaton (lib/cues.c) finds every occurrence
 * of every cue that does not start inside a word, ASCII case folded,
 * where a naive search does; with more byte values than it has classes,
 * what it finds holds all of them.
 */
#include <stdlib.h>
#include <string.h>

#include "cues.h"
#include "testutil.h"

#define MAX_FOUND 4096

typedef struct found {
    uint32_t cue[MAX_FOUND];
    size_t start[MAX_FOUND];
    size_t n;
} found;

static int record(void *ctx, uint32_t cue, size_t start)
{
    found *f = ctx;
    assert_true(f->n < MAX_FOUND);
    f->cue[f->n] = cue;
    f->start[f->n++] = start;
    return 0;
}

static int fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int same_folded(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (fold((unsigned char)a[k]) != fold((unsigned char)b[k]))
            return 0;
    return 1;
}

static int word_byte(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Every (cue, start) pair of a naive search, in the order the automaton
 * reports them: by end, then longest first, then as listed. */
static size_t naive(const char *const *cues, const size_t *lens, size_t n,
                    const char *t, size_t len, found *f)
{
    f->n = 0;
    for (size_t end = 1; end <= len; end++) {
        for (size_t want = len; want > 0; want--) {
            for (size_t c = 0; c < n; c++) {
                if (lens[c] != want || lens[c] > end)
                    continue;
                size_t start = end - lens[c], k = 0;
                if (start > 0 && word_byte((unsigned char)t[start]) &&
                    word_byte((unsigned char)t[start - 1]))
                    continue; /* inside a word */
                while (k < lens[c] && fold((unsigned char)t[start + k]) ==
                                          fold((unsigned char)cues[c][k]))
                    k++;
                if (k == lens[c]) {
                    f->cue[f->n] = (uint32_t)c;
                    f->start[f->n++] = start;
                }
            }
        }
    }
    return f->n;
}

static void cues_find_overlapping_matches(void **state)
{
    (void)state;
    const char *cues[] = {"he", "she", "his", "hers", "-he"};
    size_t lens[] = {2, 3, 3, 4, 3};
    cue_index ix;
    assert_int_equal(cues_build(&ix, cues, lens, 5), 0);
    found f = {{0}, {0}, 0};
    cues_scan(&ix, "US SHERS", 8, record, &f, lens);
    /* "she" ends at byte 6; "he" and "hers" would start inside a word. */
    assert_int_equal(f.n, 1);
    assert_int_equal(f.cue[0], 1);
    assert_int_equal(f.start[0], 3);
    f.n = 0;
    cues_scan(&ix, "no match? he-hers", 17, record, &f, lens);
    /* "he" at 10, "-he" and "he" after the hyphen at 12 and 13, "hers". */
    assert_int_equal(f.n, 4);
    assert_int_equal(f.cue[0], 0);
    assert_int_equal(f.start[0], 10);
    assert_int_equal(f.cue[1], 4);
    assert_int_equal(f.start[1], 12);
    assert_int_equal(f.cue[2], 0);
    assert_int_equal(f.start[2], 13);
    assert_int_equal(f.cue[3], 3);
    assert_int_equal(f.start[3], 13);
    cues_free(&ix);
}

/* Cues of the same text (a case-sensitive one and a case-blind one, or
 * one per language) are each found: the caller tells them apart. */
static void cues_report_every_equal_cue(void **state)
{
    (void)state;
    const char *cues[] = {"READ MORE", "read more", "more"};
    size_t lens[] = {9, 9, 4};
    cue_index ix;
    assert_int_equal(cues_build(&ix, cues, lens, 3), 0);
    found f = {{0}, {0}, 0};
    cues_scan(&ix, "Read More", 9, record, &f, lens);
    assert_int_equal(f.n, 3);
    int seen[3] = {0};
    for (size_t k = 0; k < f.n; k++)
        seen[f.cue[k]]++;
    assert_int_equal(seen[0] + seen[1] + seen[2], 3);
    assert_true(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
    cues_free(&ix);
}

static int stop_at_first(void *ctx, uint32_t cue, size_t start)
{
    (void)start;
    *(uint32_t *)ctx = cue;
    return 7;
}

static void cues_scan_stops_when_asked(void **state)
{
    (void)state;
    const char *cues[] = {"cookies", "privacy"};
    size_t lens[] = {7, 7};
    cue_index ix;
    assert_int_equal(cues_build(&ix, cues, lens, 2), 0);
    uint32_t got = 99;
    const char *t = "Your PRIVACY matters; we use cookies.";
    assert_int_equal(cues_scan(&ix, t, strlen(t), stop_at_first, &got, lens),
                     7);
    assert_int_equal(got, 1);
    cues_free(&ix);
    /* No cues: nothing is ever found. */
    assert_int_equal(cues_build(&ix, NULL, NULL, 0), 0);
    assert_int_equal(cues_scan(&ix, t, strlen(t), stop_at_first, &got, lens),
                     0);
    cues_free(&ix);
}

/* States are 15 bits: cues of 32,766 bytes or more are refused as
 * data, not overflowed; just under the limit they work. */
static void cues_refuse_more_than_their_states_hold(void **state)
{
    (void)state;
    static char text[20000];
    memset(text, 'a', sizeof text);
    const char *texts[2] = {text, text};
    size_t lens[2] = {sizeof text, sizeof text};
    cue_index ix;
    assert_int_equal(cues_build(&ix, texts, lens, 2), PRECIS_EDATA);
    lens[1] = 12000;
    assert_int_equal(cues_build(&ix, texts, lens, 2), PRECIS_OK);
    cues_free(&ix);
}

/* Random cues over an alphabet (small, so they overlap and nest) against
 * random texts, UTF-8 bytes and upper case included.  What the automaton
 * reports, once checked against the text as a caller does, is what a
 * naive search finds, in its order.  The wide alphabet holds more byte
 * values than the automaton has classes, so some of its bytes share
 * one. */
static void agree_over(const char *alphabet, size_t nletters, unsigned seed)
{
    for (int round = 0; round < 300; round++) {
        char store[24][8];
        const char *cues[24];
        size_t lens[24], n = 1 + (size_t)(rand_r(&seed) % 24);
        for (size_t c = 0; c < n; c++) {
            lens[c] = 1 + (size_t)(rand_r(&seed) % 6);
            for (size_t k = 0; k < lens[c]; k++)
                store[c][k] = alphabet[rand_r(&seed) % nletters];
            cues[c] = store[c];
        }
        char text[200];
        size_t len = (size_t)(rand_r(&seed) % sizeof text);
        for (size_t k = 0; k < len; k++)
            text[k] = alphabet[rand_r(&seed) % nletters];
        cue_index ix;
        assert_int_equal(cues_build(&ix, cues, lens, n), 0);
        static found got, want;
        got.n = 0;
        cues_scan(&ix, text, len, record, &got, lens);
        naive(cues, lens, n, text, len, &want);
        size_t k = 0;
        for (size_t i = 0; i < got.n; i++) {
            uint32_t c = got.cue[i];
            if (got.start[i] + lens[c] > len ||
                !same_folded(text + got.start[i], cues[c], lens[c]))
                continue; /* bytes of one class, not the cue */
            assert_true(k < want.n);
            assert_int_equal(c, want.cue[k]);
            assert_int_equal(got.start[i], want.start[k]);
            k++;
        }
        assert_int_equal(k, want.n);
        cues_free(&ix);
    }
}

static void cues_agree_with_naive_search(void **state)
{
    (void)state;
    static const char narrow[] = "abAB1 -\xC2\xBB";
    agree_over(narrow, sizeof narrow - 1, 7);
    char wide[96];
    size_t n = 0;
    for (int c = '!'; c <= '~'; c += 2) /* every other printable byte */
        wide[n++] = (char)c;
    wide[n++] = ' ';
    wide[n++] = (char)0xC3;
    wide[n++] = (char)0xA9;
    assert_true(n > CUE_CLASSES);
    agree_over(wide, n, 11);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cues_find_overlapping_matches),
        cmocka_unit_test(cues_report_every_equal_cue),
        cmocka_unit_test(cues_scan_stops_when_asked),
        cmocka_unit_test(cues_agree_with_naive_search),
        cmocka_unit_test(cues_refuse_more_than_their_states_hold),
    };
    return cmocka_run_group_tests_name("cues", tests, NULL, NULL);
}
