/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_utf8.c -- the byte scans of utf8.h that read eight bytes a step
 * give what a byte-by-byte scan gives, at every alignment and length
 * and on the bytes where their arithmetic could go wrong; lower-casing
 * with its ASCII fast path.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "utf8.h"

static size_t scan_reference(const char *t, size_t from, size_t end, char a,
                             char b, char c)
{
    while (from < end && (unsigned char)t[from] < 0x80 && t[from] != a &&
           t[from] != b && t[from] != c)
        from++;
    return from;
}

static void scan_to_matches_byte_scan(void **state)
{
    (void)state;
    /* Mostly letters, with the bytes the scans stop at sprinkled in. */
    static const char some[] = "abcdefgh \"'`\n\r\xc2\xab.";
    char text[96];
    srand(11);
    for (int round = 0; round < 2000; round++) {
        for (size_t k = 0; k < sizeof text; k++)
            text[k] = rand() % 4 ? 'a' + rand() % 26
                                 : some[rand() % (sizeof some - 1)];
        for (size_t from = 0; from < 24; from++)
            for (size_t end = from; end <= sizeof text; end += 1 + rand() % 7) {
                assert_int_equal(utf8_scan_to(text, from, end, '"', '\'', '`'),
                                 scan_reference(text, from, end, '"', '\'', '`'));
                assert_int_equal(utf8_scan_to(text, from, end, '\n', '\r', '\r'),
                                 scan_reference(text, from, end, '\n', '\r', '\r'));
                assert_int_equal(utf8_next_quote_byte(text, from, end),
                                 scan_reference(text, from, end, '"', '\'', '`'));
            }
    }
}

/* Bytes where a piece's arithmetic could go wrong: 0 and 1 (borrows),
 * 0x80 and 0x81, and the bytes next to the ones looked for, in every
 * order; the offset found is the byte scan's. */
static void scan_to_is_exact_near_borrows(void **state)
{
    (void)state;
    static const unsigned char near[] = {0,    1,    0x7F, 0x80, 0x81, '"',
                                         '"' + 1, '!', '\'', '\'' + 1,
                                         '&',  '`',  'a',  '_',  '\n', '\r',
                                         '\v', '\f'};
    char text[40];
    srand(7);
    for (int round = 0; round < 20000; round++) {
        for (size_t k = 0; k < sizeof text; k++)
            text[k] = rand() % 3 ? 'a' + rand() % 26
                                 : (char)near[rand() % sizeof near];
        for (size_t from = 0; from < 9; from++) {
            size_t end = sizeof text - (size_t)(rand() % 9);
            assert_int_equal(utf8_scan_to(text, from, end, '"', '\'', '`'),
                             scan_reference(text, from, end, '"', '\'', '`'));
            assert_int_equal(utf8_scan_to(text, from, end, '\n', '\r', '\r'),
                             scan_reference(text, from, end, '\n', '\r', '\r'));
        }
    }
}

static void scan_to_stops_beyond_ascii_and_at_end(void **state)
{
    (void)state;
    const char *t = "plain ascii words \xe2\x80\x9cquoted";
    size_t len = strlen(t);
    assert_int_equal(utf8_scan_to(t, 0, len, '"', '\'', '`'), 18);
    assert_int_equal(utf8_scan_to(t, 19, len, '"', '\'', '`'), 19);
    assert_int_equal(utf8_scan_to(t, 0, 17, '"', '\'', '`'), 17);
    assert_int_equal(utf8_scan_to(t, 5, 5, '"', '\'', '`'), 5);
    assert_int_equal(utf8_scan_to("line one\nline two", 0, 17, '\n', '\r', '\r'),
                     8);
}

/* Lower case, ASCII by the fast path and the rest by utf8proc; an
 * invalid sequence or a full buffer gives 0. */
static void lower_mixes_ascii_and_wider(void **state)
{
    (void)state;
    char buf[64];
    const char *t = "Mr. \xC3\x89" "COLE Stra\xC3\x9F" "e ABC-12";
    assert_int_equal(utf8_lower(t, 0, strlen(t), buf, sizeof buf),
                     strlen("mr. \xC3\xA9" "cole stra\xC3\x9F" "e abc-12"));
    assert_string_equal(buf, "mr. \xC3\xA9" "cole stra\xC3\x9F" "e abc-12");
    assert_int_equal(utf8_lower(t, 4, 7, buf, sizeof buf), 3);
    assert_string_equal(buf, "\xC3\xA9" "c");
    assert_int_equal(utf8_lower("AB\xFF", 0, 3, buf, sizeof buf), 0);
    assert_int_equal(utf8_lower("ABCD", 0, 4, buf, 4), 0);
    assert_int_equal(utf8_lower("ABC", 0, 3, buf, 4), 3);
    assert_string_equal(buf, "abc");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scan_to_is_exact_near_borrows),
        cmocka_unit_test(scan_to_matches_byte_scan),
        cmocka_unit_test(scan_to_stops_beyond_ascii_and_at_end),
        cmocka_unit_test(lower_mixes_ascii_and_wider),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
