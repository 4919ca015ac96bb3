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

static void record(void *ctx, uint32_t cue, size_t start)
{
    found *f = ctx;
    assert_true(f->n < MAX_FOUND);
    f->cue[f->n] = cue;
    f->start[f->n++] = start;
}

/* Every cue the automaton reports in t[0, len), into f. */
static void scan(const cue_index *ix, const char *t, size_t len,
                 const size_t *lens, found *f)
{
    cue_text text = {t, len, record, f};
    cues_scan(ix, &text, lens);
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
    scan(&ix, "US SHERS", 8, lens, &f);
    /* "she" ends at byte 6; "he" and "hers" would start inside a word. */
    assert_int_equal(f.n, 1);
    assert_int_equal(f.cue[0], 1);
    assert_int_equal(f.start[0], 3);
    f.n = 0;
    scan(&ix, "no match? he-hers", 17, lens, &f);
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
    scan(&ix, "Read More", 9, lens, &f);
    assert_int_equal(f.n, 3);
    int seen[3] = {0};
    for (size_t k = 0; k < f.n; k++)
        seen[f.cue[k]]++;
    assert_int_equal(seen[0] + seen[1] + seen[2], 3);
    assert_true(seen[0] == 1 && seen[1] == 1 && seen[2] == 1);
    cues_free(&ix);
}

/* Two texts scanned side by side (cues_scan_two) are each reported as
 * alone, whichever is longer, an empty one included. */
static void cues_scan_two_texts_as_one_each(void **state)
{
    (void)state;
    const char *cues[] = {"cookies", "privacy", "read more", "(ap"};
    size_t lens[] = {7, 7, 9, 3};
    cue_index ix;
    assert_int_equal(cues_build(&ix, cues, lens, 4), 0);
    const char *texts[] = {"Your PRIVACY matters; we use cookies.",
                           "Read more (AP", "", "cookies privacy cookies"};
    for (size_t x = 0; x < 4; x++)
        for (size_t y = 0; y < 4; y++) {
            static found alone_x, alone_y, got_x, got_y;
            alone_x.n = alone_y.n = got_x.n = got_y.n = 0;
            scan(&ix, texts[x], strlen(texts[x]), lens, &alone_x);
            scan(&ix, texts[y], strlen(texts[y]), lens, &alone_y);
            cue_text a = {texts[x], strlen(texts[x]), record, &got_x};
            cue_text b = {texts[y], strlen(texts[y]), record, &got_y};
            cues_scan_two(&ix, &a, &b, lens);
            assert_int_equal(got_x.n, alone_x.n);
            assert_int_equal(got_y.n, alone_y.n);
            assert_memory_equal(got_x.cue, alone_x.cue,
                                got_x.n * sizeof *got_x.cue);
            assert_memory_equal(got_x.start, alone_x.start,
                                got_x.n * sizeof *got_x.start);
            assert_memory_equal(got_y.cue, alone_y.cue,
                                got_y.n * sizeof *got_y.cue);
            assert_memory_equal(got_y.start, alone_y.start,
                                got_y.n * sizeof *got_y.start);
            if (x == 0)
                assert_int_equal(alone_x.n, 2); /* privacy, cookies */
        }
    cues_free(&ix);
    /* No cues: nothing is ever found. */
    assert_int_equal(cues_build(&ix, NULL, NULL, 0), 0);
    found none = {{0}, {0}, 0};
    scan(&ix, texts[0], strlen(texts[0]), lens, &none);
    assert_int_equal(none.n, 0);
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
        scan(&ix, text, len, lens, &got);
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
        /* Beside the text's second half, in one scan of two: the same. */
        static found pair, half, alone_half;
        pair.n = half.n = alone_half.n = 0;
        cue_text one = {text, len, record, &pair};
        cue_text two = {text + len / 2, len - len / 2, record, &half};
        cues_scan_two(&ix, &one, &two, lens);
        scan(&ix, text + len / 2, len - len / 2, lens, &alone_half);
        assert_int_equal(pair.n, got.n);
        assert_memory_equal(pair.start, got.start, got.n * sizeof *got.start);
        assert_int_equal(half.n, alone_half.n);
        assert_memory_equal(half.cue, alone_half.cue,
                            half.n * sizeof *half.cue);
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
        cmocka_unit_test(cues_scan_two_texts_as_one_each),
        cmocka_unit_test(cues_agree_with_naive_search),
        cmocka_unit_test(cues_refuse_more_than_their_states_hold),
    };
    return cmocka_run_group_tests_name("cues", tests, NULL, NULL);
}
