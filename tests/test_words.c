/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_words.c -- a document's word table (lib/words.c): words kept by
 * reference to the text where their folded form is its bytes, copied
 * where it is not or where the text ends too soon after them, and every
 * word found again under its number, through growth, whatever bytes
 * follow a folded form in its buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "precis.h"
#include "strmap.h"
#include "testutil.h"
#include "words.h"

/* fold as a tokenizer holds it: in a buffer of TOK_MAX_FOLD + 8 bytes,
 * what follows it not zero (a longer word's leftovers). */
typedef struct fold_buf {
    char bytes[104];
} fold_buf;

static fold_buf folded(const char *word)
{
    fold_buf f;
    memset(f.bytes, 'q', sizeof f.bytes);
    memcpy(f.bytes, word, strlen(word));
    return f;
}

/* The number of word in t, adding it (at text_at) when new. */
static uint32_t intern(word_table *t, const char *word, uint32_t text_at,
                       int *added)
{
    fold_buf f = folded(word);
    size_t len = strlen(word);
    uint32_t h = strmap_hash(f.bytes, len), w;
    uint32_t *slot = words_slot(t, f.bytes, len, h);
    *added = *slot == 0;
    if (*slot)
        return *slot - 1;
    assert_int_equal(words_add(t, slot, f.bytes, len, h, text_at, &w),
                     PRECIS_OK);
    return w;
}

static void words_by_reference_and_by_copy(void **state)
{
    (void)state;
    /* "cat" and "cats" begin at the same byte of the text; "Dog" folds
     * to "dog", which the text does not hold; "end" is too near the end
     * of the text to be read as BYTES_PADDED bytes there. */
    static const char text[] =
        "cats and dog walked past the big tall building end";
    size_t len = sizeof text - 1;
    word_table t;
    assert_int_equal(words_init(&t, text, len, 4), PRECIS_OK);
    int added;
    uint32_t cats = intern(&t, "cats", 0, &added);
    assert_true(added);
    uint32_t cat = intern(&t, "cat", 0, &added);
    assert_true(added);
    assert_int_not_equal(cat, cats);
    uint32_t dog = intern(&t, "dog", UINT32_MAX, &added);
    assert_true(added);
    uint32_t end = intern(&t, "end", (uint32_t)(len - 3), &added);
    assert_true(added);
    assert_false(t.entries[cats].copied);
    assert_false(t.entries[cat].copied);
    assert_true(t.entries[dog].copied);
    assert_true(t.entries[end].copied);
    assert_ptr_equal(words_key(&t, cats), text);
    assert_memory_equal(words_key(&t, dog), "dog", 3);
    assert_memory_equal(words_key(&t, end), "end", 3);
    /* Found again, each under its number, none confused with another
     * that shares its first bytes. */
    assert_int_equal(intern(&t, "cats", 0, &added), cats);
    assert_false(added);
    assert_int_equal(intern(&t, "cat", 0, &added), cat);
    assert_false(added);
    assert_int_equal(intern(&t, "dog", UINT32_MAX, &added), dog);
    assert_false(added);
    assert_int_equal(intern(&t, "end", UINT32_MAX, &added), end);
    assert_false(added);
    intern(&t, "ca", UINT32_MAX, &added);
    assert_true(added);
    for (uint32_t w = 0; w < t.count; w++)
        assert_int_equal(t.entries[w].term, UINT32_MAX);
    words_free(&t);
}

/* Thousands of words of every length to 40 (past BYTES_PADDED, where
 * the comparison is another), half by reference and half copied, past
 * the table's first size: each keeps its number and its bytes. */
static void words_found_through_growth(void **state)
{
    (void)state;
    enum { WORDS = 3000 };
    char *text = malloc(WORDS * 48);
    uint32_t *at = malloc(WORDS * sizeof *at);
    assert_true(text && at);
    size_t n = 0;
    char word[48];
    for (unsigned i = 0; i < WORDS; i++) {
        size_t len = 1 + i % 40;
        for (size_t k = 0; k < len; k++)
            word[k] = (char)('a' + (i / 26 + k * 7 + i) % 26);
        snprintf(word + (len > 4 ? len - 4 : 0), 5, "%04u", i % 10000);
        at[i] = (uint32_t)n;
        memcpy(text + n, word, strlen(word));
        n += strlen(word);
        text[n++] = ' ';
    }
    word_table t;
    assert_int_equal(words_init(&t, text, n, 16), PRECIS_OK);
    uint32_t *num = malloc(WORDS * sizeof *num);
    assert_true(num != NULL);
    int added;
    for (int round = 0; round < 2; round++)
        for (unsigned i = 0; i < WORDS; i++) {
            size_t len = strcspn(text + at[i], " ");
            memcpy(word, text + at[i], len);
            word[len] = '\0';
            uint32_t w = intern(&t, word, i % 2 ? at[i] : UINT32_MAX, &added);
            if (round == 0)
                num[i] = w;
            assert_int_equal(w, num[i]);
            assert_int_equal(t.entries[w].len, len);
            assert_memory_equal(words_key(&t, w), word, len);
        }
    assert_int_equal(t.count, WORDS);
    words_free(&t);
    free(num);
    free(at);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_by_reference_and_by_copy),
        cmocka_unit_test(words_found_through_growth),
    };
    return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
