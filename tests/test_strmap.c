/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_strmap.c -- the byte-string map (lib/strmap.c): every key found
 * with its value through many growths, keys as bytes (NUL and empty
 * included), an existing key kept with its first value, entries dense in
 * insertion order, a freed map answering nothing, and the hashed calls
 * agreeing with the plain ones, for keys in their entries and beyond;
 * the key comparisons against memcmp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "testutil.h"

#define KEYS 20000

static size_t key_of(char *buf, unsigned i)
{
    return (size_t)snprintf(buf, 32, "k%u", i * 2654435761u);
}

static void strmap_finds_every_key_through_growth(void **state)
{
    (void)state;
    strmap m;
    assert_int_equal(strmap_init(&m, 4), 0);
    char buf[32];
    for (unsigned i = 0; i < KEYS; i++) {
        int added = 0;
        uint32_t *v = strmap_put(&m, buf, key_of(buf, i), i, &added);
        assert_non_null(v);
        assert_true(added);
        assert_int_equal(*v, i);
    }
    assert_int_equal(m.count, KEYS);
    for (unsigned i = 0; i < KEYS; i++) {
        const uint32_t *v = strmap_get(&m, buf, key_of(buf, i));
        assert_non_null(v);
        assert_int_equal(*v, i);
        /* Entries stay in the order they came. */
        assert_int_equal(m.entries[i].value, i);
    }
    assert_null(strmap_get(&m, "absent", 6));
    strmap_free(&m);
    assert_null(strmap_get(&m, "k0", 2));
}

static void strmap_keeps_the_first_value(void **state)
{
    (void)state;
    strmap m;
    assert_int_equal(strmap_init(&m, 16), 0);
    int added;
    *strmap_put(&m, "bill", 4, 7, &added) += 1;
    assert_true(added);
    uint32_t *v = strmap_put(&m, "bill", 4, 99, &added);
    assert_false(added);
    assert_int_equal(*v, 8);
    assert_int_equal(m.count, 1);
    strmap_free(&m);
}

static void strmap_keys_are_bytes(void **state)
{
    (void)state;
    strmap m;
    assert_int_equal(strmap_init(&m, 0), 0);
    static const char a[] = {'x', '\0', 'y'}, b[] = {'x', '\0', 'z'};
    assert_non_null(strmap_put(&m, a, sizeof a, 1, NULL));
    assert_non_null(strmap_put(&m, b, sizeof b, 2, NULL));
    assert_non_null(strmap_put(&m, "", 0, 3, NULL));
    assert_non_null(strmap_put(&m, "x", 1, 4, NULL));
    assert_int_equal(*strmap_get(&m, a, sizeof a), 1);
    assert_int_equal(*strmap_get(&m, b, sizeof b), 2);
    assert_int_equal(*strmap_get(&m, "", 0), 3);
    assert_int_equal(*strmap_get(&m, "x", 1), 4);
    /* Keys are copied: the caller's buffer may change. */
    char scratch[8] = "temp";
    assert_non_null(strmap_put(&m, scratch, 4, 5, NULL));
    memcpy(scratch, "XXXX", 4);
    assert_int_equal(*strmap_get(&m, "temp", 4), 5);
    strmap_free(&m);
}

/* The key of i: short, or (odd i) longer than an entry holds. */
static size_t any_key(char *buf, unsigned i)
{
    size_t n = key_of(buf, i);
    if (i % 2) {
        memset(buf + n, '-', STRMAP_INLINE);
        n += STRMAP_INLINE;
        buf[n] = '\0';
    }
    return n;
}

/* A key put with its hash is found without it and the other way
 * round; a short key is held in its entry, a long one in a copy. */
static void strmap_hashed_and_long_keys(void **state)
{
    (void)state;
    strmap m;
    assert_int_equal(strmap_init(&m, 4), 0);
    char buf[64];
    for (unsigned i = 0; i < KEYS; i++) {
        size_t n = any_key(buf, i);
        assert_non_null(
            strmap_put_hashed(&m, buf, n, strmap_hash(buf, n), i, NULL));
    }
    for (unsigned i = 0; i < KEYS; i++) {
        size_t n = any_key(buf, i);
        const uint32_t *v = strmap_get(&m, buf, n);
        assert_non_null(v);
        assert_int_equal(*v, i);
        v = strmap_get_hashed(&m, buf, n, strmap_hash(buf, n));
        assert_non_null(v);
        assert_int_equal(*v, i);
        const strmap_entry *e = &m.entries[i];
        assert_memory_equal(strmap_key(e), buf, n);
        if (n <= STRMAP_INLINE)
            assert_ptr_equal(strmap_key(e), e->key);
        else
            assert_true(strmap_key(e) != e->key && strmap_key(e) != buf);
    }
    strmap_free(&m);
}

/* strmap_hash reads a key eight bytes at a time and its last piece in
 * two overlapping loads: at every length the same as the pieces built
 * byte by byte, and never a byte past the key (ASan checks that here,
 * the key being the end of its allocation). */
static void strmap_hash_reads_pieces_exactly(void **state)
{
    (void)state;
    for (size_t len = 0; len <= 40; len++) {
        char *key = malloc(len ? len : 1);
        assert_non_null(key);
        for (size_t k = 0; k < len; k++)
            key[k] = (char)(0x41 + 37 * k % 190);
        uint64_t h = 0, piece = 0;
        for (size_t k = 0; k < len; k++) {
            piece |= (uint64_t)(unsigned char)key[k] << (8 * (k % 8));
            if (k % 8 == 7) {
                h = strmap_mix(h, piece);
                piece = 0;
            }
        }
        assert_int_equal(strmap_hash(key, len), strmap_finish(h, piece, len));
        free(key);
    }
    /* The length counts: keys that differ only by zero bytes differ. */
    assert_true(strmap_hash("ab", 2) != strmap_hash("ab\0", 3));
}

/* bytes_same, the maps' key comparison, against memcmp at every length
 * to 40 with the keys ending their allocations (ASan sees an over-read)
 * and one byte different at every place. */
static void strmap_keys_compare_as_memcmp(void **state)
{
    (void)state;
    for (size_t len = 0; len <= 40; len++) {
        char *a = malloc(len ? len : 1), *b = malloc(len ? len : 1);
        assert_true(a && b);
        for (size_t k = 0; k < len; k++)
            a[k] = b[k] = (char)('a' + k % 26);
        assert_true(bytes_same(a, b, len));
        for (size_t k = 0; k < len; k++) {
            b[k] ^= 0x20;
            assert_false(bytes_same(a, b, len));
            assert_int_equal(bytes_same(a, b, k), memcmp(a, b, k) == 0);
            b[k] ^= 0x20;
        }
        free(a);
        free(b);
    }
}

/* bytes_same_padded against memcmp at every length it takes, one byte
 * different at every place, and whatever follows the keys (different
 * at a and at b) never counted. */
static void strmap_padded_keys_compare_as_memcmp(void **state)
{
    (void)state;
    char a[BYTES_PADDED], b[BYTES_PADDED];
    for (size_t len = 0; len <= BYTES_PADDED; len++) {
        for (size_t k = 0; k < BYTES_PADDED; k++) {
            a[k] = (char)(k < len ? 'a' + k % 26 : 'x');
            b[k] = (char)(k < len ? 'a' + k % 26 : 'y');
        }
        assert_true(bytes_same_padded(a, b, len));
        for (size_t k = 0; k < len; k++) {
            b[k] ^= 0x20;
            assert_false(bytes_same_padded(a, b, len));
            assert_int_equal(bytes_same_padded(a, b, k), memcmp(a, b, k) == 0);
            b[k] ^= 0x20;
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strmap_finds_every_key_through_growth),
        cmocka_unit_test(strmap_keeps_the_first_value),
        cmocka_unit_test(strmap_keys_are_bytes),
        cmocka_unit_test(strmap_hashed_and_long_keys),
        cmocka_unit_test(strmap_hash_reads_pieces_exactly),
        cmocka_unit_test(strmap_keys_compare_as_memcmp),
        cmocka_unit_test(strmap_padded_keys_compare_as_memcmp),
    };
    return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
