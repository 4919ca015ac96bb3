/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_cues.c -- the cue automaton (lib/cues.c) finds every occurrence
 * of every cue, ASCII case folded, exactly where a naive search does.
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

/* Every (cue, start) pair of a naive search, in the order the automaton
 * reports them: by end, then longest first. */
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
    const char *cues[] = {"he", "she", "his", "hers"};
    size_t lens[] = {2, 3, 3, 4};
    cue_index ix;
    assert_int_equal(cues_build(&ix, cues, lens, 4), 0);
    found f = {{0}, {0}, 0};
    cues_scan(&ix, "USHERS", 6, record, &f, lens);
    /* "she" and "he" end at byte 4, "hers" at byte 6. */
    assert_int_equal(f.n, 3);
    assert_int_equal(f.cue[0], 1);
    assert_int_equal(f.start[0], 1);
    assert_int_equal(f.cue[1], 0);
    assert_int_equal(f.start[1], 2);
    assert_int_equal(f.cue[2], 3);
    assert_int_equal(f.start[2], 2);
    f.n = 0;
    cues_scan(&ix, "no match here at all", 20, record, &f, lens);
    assert_int_equal(f.n, 1); /* "he" in "here" */
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

/* Random cues over a small alphabet (so they overlap and nest) against
 * random texts, UTF-8 bytes and upper case included. */
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

static void cues_agree_with_naive_search(void **state)
{
    (void)state;
    static const char alphabet[] = "abAB \xC2\xBB";
    unsigned seed = 7;
    for (int round = 0; round < 300; round++) {
        char store[24][8];
        const char *cues[24];
        size_t lens[24], n = 1 + (size_t)(rand_r(&seed) % 24);
        for (size_t c = 0; c < n; c++) {
            lens[c] = 1 + (size_t)(rand_r(&seed) % 6);
            for (size_t k = 0; k < lens[c]; k++)
                store[c][k] = alphabet[rand_r(&seed) % (sizeof alphabet - 1)];
            cues[c] = store[c];
        }
        char text[200];
        size_t len = (size_t)(rand_r(&seed) % sizeof text);
        for (size_t k = 0; k < len; k++)
            text[k] = alphabet[rand_r(&seed) % (sizeof alphabet - 1)];
        cue_index ix;
        assert_int_equal(cues_build(&ix, cues, lens, n), 0);
        static found got, want;
        got.n = 0;
        cues_scan(&ix, text, len, record, &got, lens);
        naive(cues, lens, n, text, len, &want);
        /* Equal cues are one state: the automaton reports the first. */
        size_t k = 0;
        for (size_t i = 0; i < want.n; i++) {
            int first = 1;
            for (size_t c = 0; c < want.cue[i]; c++)
                if (lens[c] == lens[want.cue[i]] &&
                    same_folded(cues[c], cues[want.cue[i]], lens[c]))
                    first = 0;
            if (!first)
                continue;
            assert_true(k < got.n);
            assert_int_equal(got.cue[k], want.cue[i]);
            assert_int_equal(got.start[k], want.start[i]);
            k++;
        }
        assert_int_equal(k, got.n);
        cues_free(&ix);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cues_find_overlapping_matches),
        cmocka_unit_test(cues_scan_stops_when_asked),
        cmocka_unit_test(cues_agree_with_naive_search),
        cmocka_unit_test(cues_refuse_more_than_their_states_hold),
    };
    return cmocka_run_group_tests_name("cues", tests, NULL, NULL);
}
