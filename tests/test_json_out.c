/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_json_out.c -- precisd's reply writer gives the bytes jansson's
 * json_dumps gives with the same flags: on every kind of value, strings
 * with every escape, reals of every shape, random strings, and real
 * summary replies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "protocol.h"
#include "testutil.h"

/* JSON_ENCODE_ANY so that scalars are written too; replies are objects. */
static void same_as_jansson(json_t *v)
{
    size_t len;
    char *ours = json_out_line(v, PROTOCOL_REAL_DIGITS, &len);
    char *theirs =
        json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
                          JSON_REAL_PRECISION(PROTOCOL_REAL_DIGITS));
    assert_non_null(ours);
    assert_non_null(theirs);
    size_t n = strlen(theirs);
    assert_int_equal(len, n + 1);
    assert_int_equal(ours[n], '\n');
    ours[n] = '\0';
    assert_string_equal(ours, theirs);
    free(ours);
    free(theirs);
}

static void json_out_writes_every_kind_of_value(void **state)
{
    (void)state;
    static const double reals[] = {0.0,   -0.0,  1.0,      -1.0,   0.5,
                                   1e-7,  1e20,  123456.0, 1234567.0,
                                   3.14159265358979, 1.5e300, -2.5e-300,
                                   0.000123, 999999.5, 100.0};
    json_t *a = json_array();
    for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
        json_t *one = json_real(reals[i]);
        same_as_jansson(one);
        json_array_append_new(a, one);
    }
    json_array_append_new(a, json_integer(0));
    json_array_append_new(a, json_integer(-9223372036854775807LL - 1));
    json_array_append_new(a, json_integer(9223372036854775807LL));
    json_array_append_new(a, json_true());
    json_array_append_new(a, json_false());
    json_array_append_new(a, json_null());
    json_array_append_new(a, json_array());
    json_array_append_new(a, json_object());
    json_t *o = json_pack("{s:o, s:s, s:{s:[i, s]}}", "values", a, "",
                          "empty key", "nested", "deep", 1, "x");
    same_as_jansson(o);
    json_decref(o);
}

static void json_out_escapes_strings_as_jansson_does(void **state)
{
    (void)state;
    char all[160];
    size_t n = 0;
    for (int c = 1; c < 0x80; c++)
        all[n++] = (char)c;
    memcpy(all + n, "\xC3\xA9\xE2\x80\x9C\xE2\x80\xA8\xF0\x9F\x98\x80", 12);
    n += 12;
    json_t *s = json_stringn(all, n);
    same_as_jansson(s);
    json_decref(s);
    /* NUL inside, and keys needing escapes. */
    json_t *o = json_object();
    json_object_set_new(o, "a\"b\\c\n", json_stringn("x\0y", 3));
    json_object_set_new(o, "/slash/", json_string("</script>"));
    same_as_jansson(o);
    json_decref(o);
    /* Random strings of valid UTF-8 from a mix of pieces. */
    static const char *pieces[] = {"a", " ", "\"", "\\", "\n", "\t", "\x01",
                                   "\x1F", "\x7F", "é", "“", "€", "😀", "/"};
    unsigned seed = 11;
    for (int round = 0; round < 2000; round++) {
        char buf[256];
        size_t len = 0;
        while (len < 200) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % 14];
            memcpy(buf + len, p, strlen(p));
            len += strlen(p);
            if ((seed >> 8) % 31 == 0)
                break;
        }
        json_t *r = json_stringn(buf, len);
        same_as_jansson(r);
        json_decref(r);
    }
}

/* Summaries of the sample article, as precisd replies to them. */
static void json_out_writes_replies_as_jansson_does(void **state)
{
    size_t len;
    char *text = read_fixture("tests/fixtures/sample-article.txt", &len);
    for (int quotes = 0; quotes <= 5; quotes += 5) {
        char line[64];
        snprintf(line, sizeof line,
                 "{\"text\": \"\", \"quotes\": %d, \"excluded\": true}", quotes);
        request req;
        proto_error err;
        assert_int_equal(protocol_parse(line, strlen(line), &req, &err), 0);
        req.text = text;
        req.text_len = len;
        proto_code code;
        json_t *reply = protocol_run(test_engine(state), &req, &code);
        assert_non_null(reply);
        assert_int_equal(code, PE_NONE);
        json_object_set_new(reply, "id", json_string("r-1"));
        same_as_jansson(reply);
        json_decref(reply);
        protocol_request_free(&req);
    }
    free(text);
}

/* line without the values of its "timing" object, which differ run to
 * run. */
static void drop_timing(char *line)
{
    char *t = strstr(line, "\"timing\":{");
    assert_non_null(t);
    char *end = strchr(t, '}');
    assert_non_null(end);
    memmove(t, end + 1, strlen(end + 1) + 1);
}

/* A summary reply written straight from the result (protocol_answer) is
 * what the tree of protocol_run, with the queue time added, is written
 * as: for every part of a reply, ids of every kind, and texts whose
 * strings need escapes. */
static void json_out_writes_summaries_without_a_tree(void **state)
{
    size_t len;
    char *article = read_fixture("tests/fixtures/sample-article.txt", &len);
    json_t *escaped = json_string("He said \"no\" \\ twice.\x01\tThen\n"
                                  "\xE2\x80\x9CWe go,\xE2\x80\x9D she "
                                  "said. Officials agreed on Monday.");
    const char *opts[] = {
        "\"quotes\": 5, \"excluded\": true, \"id\": 1",
        "\"quotes\": 5, \"quote_fragments\": true, \"id\": \"a\\\"b\"",
        "\"keywords\": 0, \"id\": [1, {\"k\": null}]",
        "\"sentences\": 1, \"keywords\": 3",
        "\"id\": null, \"excluded\": true, \"budget\": \"words\", "
        "\"words\": 40"};
    for (size_t t = 0; t < 2; t++)
        for (size_t k = 0; k < sizeof opts / sizeof *opts; k++) {
            char line[256];
            snprintf(line, sizeof line, "{\"text\": \"\", %s}", opts[k]);
            request req;
            proto_error err;
            assert_int_equal(protocol_parse(line, strlen(line), &req, &err),
                             0);
            req.text = t ? json_string_value(escaped) : article;
            req.text_len = t ? strlen(req.text) : len;
            double queue_ms = k % 2 ? -1 : 0.25;
            proto_code code;
            json_t *tree = protocol_run(test_engine(state), &req, &code);
            assert_non_null(tree);
            if (queue_ms >= 0)
                json_object_set_new(json_object_get(tree, "timing"),
                                    "queue_ms", json_real(queue_ms));
            size_t n1, n2;
            char *want = protocol_dump(tree, req.id, &n1);
            char *got = protocol_answer(test_engine(state), &req, queue_ms,
                                        &n2, &code);
            assert_non_null(want);
            assert_non_null(got);
            assert_int_equal(code, PE_NONE);
            assert_int_equal(strstr(got, "\"queue_ms\"") != NULL,
                             queue_ms >= 0);
            drop_timing(want);
            drop_timing(got);
            assert_string_equal(got, want);
            free(want);
            free(got);
            protocol_request_free(&req);
        }
    json_decref(escaped);
    free(article);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_out_writes_every_kind_of_value),
        cmocka_unit_test(json_out_escapes_strings_as_jansson_does),
        cmocka_unit_test(json_out_writes_replies_as_jansson_does),
        cmocka_unit_test(json_out_writes_summaries_without_a_tree),
    };
    return cmocka_run_group_tests(tests, engine_setup, engine_teardown);
}
