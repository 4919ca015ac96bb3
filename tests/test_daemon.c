/* SPDX-License-Identifier: BSD-2-Clause */
#define _GNU_SOURCE /* memmem */
/*
 * test_daemon.c -- precisd end to end: the real binary on a real socket
 * (tests/daemon_harness.c), checked reply by reply.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "daemon_harness.h"
#include "protocol.h"
#include "testutil.h"

#define SAMPLE "tests/fixtures/sample-article.txt"

/* Short distinct documents for the load tests. */
static const char *const docs[] = {
    "The city council approved the transit budget on Tuesday after a long "
    "debate. The plan adds forty buses. Opponents said the cost had doubled. "
    "Work starts in the spring, officials said.",
    "Heavy snow closed the main airport on Friday, stranding thousands of "
    "travellers. Rail services were also cut. Schools will stay shut until "
    "the roads are cleared, the mayor said.",
    "The central bank raised interest rates by half a point on Thursday. "
    "Inflation has reached its highest level in a decade. Economists had "
    "expected a smaller rise. Mortgage costs will climb.",
    "Le gouvernement a annoncé lundi une réforme des retraites. Les syndicats "
    "ont appelé à la grève. Le texte sera examiné au Parlement en mars. "
    "L'opposition dénonce un passage en force.",
    "Scientists have found water ice near the lunar south pole. The discovery "
    "could support future missions. Samples will be returned to Earth next "
    "year for study, the agency said.",
};
#define NDOCS (sizeof docs / sizeof docs[0])

static json_t *summarize_req(json_t *id, const char *text)
{
    return json_pack("{s:o, s:s, s:i}", "id", id, "text", text, "sentences",
                     2);
}

/* The "summary" array the engine gives for text, through the same
 * serializer the daemon uses. */
static json_t *expected_summary(const char *text, int sentences)
{
    static precis_engine_t *engine;
    if (!engine)
        assert_int_equal(precis_engine_open(test_data_dir(), &engine, NULL),
                         0);
    precis_options_t o;
    precis_options_init(&o);
    o.budget_value = sentences;
    o.quotes = 3;
    precis_result_t *r = summarize_ok(engine, text, &o);
    /* Serialised and parsed back, as a client sees it. */
    size_t len;
    char *line = protocol_dump(protocol_summary(r, 0), NULL, &len);
    precis_result_free(r);
    json_t *all = json_loadb(line, len, 0, NULL);
    free(line);
    json_t *summary = json_incref(json_object_get(all, "summary"));
    json_decref(all);
    return summary;
}

static void assert_json_equal(json_t *a, json_t *b)
{
    if (!json_equal(a, b)) {
        char *x = json_dumps(a, JSON_COMPACT),
             *y = json_dumps(b, JSON_COMPACT);
        fail_msg("JSON differs:\n%s\n%s", x, y);
    }
}

static void daemon_answers_ping_languages_and_stats(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r =
        client_call(&c, json_pack("{s:i, s:s}", "id", 1, "op", "ping"));
    assert_true(json_is_true(json_object_get(r, "ok")));
    assert_int_equal(json_integer_value(json_object_get(r, "id")), 1);
    json_decref(r);
    r = client_call(&c, json_pack("{s:s, s:s}", "id", "l", "op", "languages"));
    /* the fifteen of data/stopwords */
    assert_int_equal(json_array_size(json_object_get(r, "languages")), 15);
    json_decref(r);
    r = client_call(&c, json_pack("{s:s}", "op", "stats"));
    assert_true(json_is_null(json_object_get(r, "id")));
    json_t *req = json_object_get(r, "requests");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(req, "by_op"), "ping")),
                     1);
    assert_non_null(json_object_get(json_object_get(r, "latency_ms"), "p99"));
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(r, "connections"), "open")),
                     1);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 5000);
}

static void daemon_summary_equals_engine(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s, s:s, s:i, s:i, s:b}", "id",
                                          "sample", "text", text, "sentences",
                                          3, "keywords", 5, "excluded", 1));
    json_t *want = expected_summary(text, 3);
    assert_json_equal(json_object_get(r, "summary"), want);
    assert_string_equal(json_string_value(json_object_get(r, "lang")), "en");
    assert_int_equal(json_array_size(json_object_get(r, "keywords")), 5);
    assert_int_equal(json_array_size(json_object_get(r, "quotes")), 3);
    assert_true(json_array_size(json_object_get(r, "excluded")) >= 9);
    assert_non_null(
        json_object_get(json_object_get(r, "timing"), "engine_ms"));
    json_decref(want);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 5000);
    free(text);
}

/* The segment op: the engine's own sentences, page noise marked, each
 * range the bytes of its text. */
/* Characters in text[0, byte) as UTF-16 units or code points, counted
 * here by decoding lead bytes (a different way from offsets.c's). */
static long long units_before(const char *text, size_t byte, int utf16)
{
    long long n = 0;
    for (size_t i = 0; i < byte;) {
        unsigned char b = (unsigned char)text[i];
        size_t w = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        n += utf16 && w == 4 ? 2 : 1;
        i += w;
    }
    return n;
}

/* Every start and end under v has its twin in units, and it is right;
 * returns how many were checked. */
static int check_units(json_t *v, const char *text, const char *units)
{
    int checked = 0;
    if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) checked += check_units(x, text, units);
        return checked;
    }
    if (!json_is_object(v))
        return 0;
    static const char *const keys[] = {"start", "end"};
    for (int k = 0; k < 2; k++) {
        json_t *b = json_object_get(v, keys[k]);
        if (!json_is_integer(b))
            continue;
        char key[32];
        snprintf(key, sizeof key, "%s_%s", keys[k], units);
        json_t *u = json_object_get(v, key);
        if (!json_is_integer(u))
            fail_msg("%s missing beside %s", key, keys[k]);
        assert_int_equal(json_integer_value(u),
                         units_before(text, (size_t)json_integer_value(b),
                                      !strcmp(units, "utf16")));
        checked++;
    }
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x) checked += check_units(x, text, units);
    return checked;
}

/* "offsets": "utf16" / "codepoints" restate every offset of a summary
 * (sentences, quotes, speakers, keywords, excluded lines) and of a
 * segmentation in the client's units; anything else is bad_request. */
static void daemon_restates_offsets_in_string_units(void **state)
{
    (void)state;
    const char *text =
        "Caf\xc3\xa9 owners in Z\xc3\xbcrich met on Monday \xf0\x9f\x98\x80 and "
        "voted to close the bridge.\n"
        "\xe2\x80\x9cIt is over,\xe2\x80\x9d said Mayor Ana Kov\xc3\xa1\xc4\x8d.\n"
        "Share on Facebook\n"
        "The bridge, built in 1903, carries 40,000 cars a day \xe2\x80\x94 "
        "most of them commuters.\n";
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    static const char *const units[] = {"utf16", "codepoints"};
    for (int u = 0; u < 2; u++) {
        json_t *r = client_call(
            &c, json_pack("{s:s, s:i, s:i, s:i, s:b, s:s}", "text", text,
                          "sentences", 3, "quotes", 2, "keywords", 5,
                          "excluded", 1, "offsets", units[u]));
        assert_non_null(r);
        assert_null(reply_error(r));
        /* Sentences, a quote and its speaker, keywords, an excluded line. */
        assert_true(check_units(r, text, units[u]) >= 12);
        json_decref(r);
        r = client_call(&c, json_pack("{s:s, s:s, s:s}", "op", "segment",
                                      "text", text, "offsets", units[u]));
        assert_non_null(r);
        assert_true(check_units(r, text, units[u]) >= 8);
        json_decref(r);
    }
    json_t *r = client_call(&c, json_pack("{s:s, s:s}", "text", text,
                                          "offsets", "utf8"));
    assert_string_equal(reply_error(r), "bad_request");
    json_decref(r);
    /* A reply with no range at all (fuzz_connection's find: the empty
     * list of offsets went to qsort as NULL). */
    r = client_call(&c, json_pack("{s:s, s:s}", "text", " \n ", "offsets",
                                  "utf16"));
    assert_null(reply_error(r));
    assert_int_equal(json_array_size(json_object_get(r, "summary")), 0);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 10000);
}

static void daemon_segments_like_the_engine(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s, s:s, s:s}", "id", "seg", "op",
                                          "segment", "text", text));
    precis_engine_t *engine;
    assert_int_equal(precis_engine_open(test_data_dir(), &engine, NULL), 0);
    precis_result_t *want;
    assert_int_equal(
        precis_segment(engine, text, strlen(text), NULL, &want, NULL), 0);
    json_t *got = json_object_get(r, "sentences");
    assert_string_equal(json_string_value(json_object_get(r, "id")), "seg");
    assert_string_equal(json_string_value(json_object_get(r, "lang")), "en");
    assert_int_equal(json_array_size(got), precis_result_segment_count(want));
    size_t excluded = 0;
    for (size_t i = 0; i < json_array_size(got); i++) {
        json_t *s = json_array_get(got, i);
        const precis_segment_t *w = precis_result_segment(want, i);
        assert_int_equal(json_integer_value(json_object_get(s, "start")),
                         w->start);
        assert_int_equal(json_integer_value(json_object_get(s, "end")),
                         w->end);
        assert_int_equal(json_integer_value(json_object_get(s, "paragraph")),
                         w->paragraph);
        assert_string_equal(json_string_value(json_object_get(s, "text")),
                            w->text);
        json_t *why = json_object_get(s, "excluded");
        if (w->excluded)
            assert_string_equal(json_string_value(why), w->excluded);
        else
            assert_true(json_is_null(why));
        excluded += w->excluded != NULL;
    }
    assert_true(excluded >= 9); /* the sample's headline, captions, promos */
    json_decref(r);
    /* Like summarize, it needs a text. */
    r = client_call(&c, json_pack("{s:i, s:s}", "id", 2, "op", "segment"));
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(r, "error"), "code")),
                        "bad_request");
    json_decref(r);
    precis_result_free(want);
    precis_engine_free(engine);
    client_close(&c);
    daemon_finish(&d, 5000);
    free(text);
}

static void daemon_pipelines_and_echoes_ids(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    /* Ids of every JSON type; all sent before any reply is read. */
    json_t *ids = json_pack("[i, s, {s:i}, [i, i], n, b, f]", 7, "seven", "k",
                            7, 1, 2, 0, 7.5);
    size_t n = json_array_size(ids);
    for (size_t i = 0; i < n; i++)
        client_send_json(&c, summarize_req(json_incref(json_array_get(ids, i)),
                                           docs[i % NDOCS]));
    int seen[16] = {0};
    for (size_t k = 0; k < n; k++) {
        json_t *r = client_recv(&c, 20000);
        assert_non_null(r);
        json_t *id = json_object_get(r, "id");
        size_t which = n;
        for (size_t i = 0; i < n; i++)
            if (json_equal(id, json_array_get(ids, i)))
                which = i;
        assert_true(which < n);
        seen[which]++;
        json_t *want = expected_summary(docs[which % NDOCS], 2);
        assert_json_equal(json_object_get(r, "summary"), want);
        json_decref(want);
        json_decref(r);
    }
    for (size_t i = 0; i < n; i++)
        assert_int_equal(seen[i], 1);
    json_decref(ids);
    client_close(&c);
    daemon_finish(&d, 5000);
}

/* A raw line with a byte that is not UTF-8: refused, unless it asks
 * "utf8": "replace"; then its offsets are those of the bytes sent. */
static void daemon_reads_bad_bytes_when_asked(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    static const char strict[] =
        "{\"id\":1,\"text\":\"Caf\xe9 opened on Monday. It was full.\"}\n";
    client_send(&c, strict, sizeof strict - 1);
    json_t *r = client_recv(&c, 30000);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(r, "error"), "code")),
                        "invalid_utf8");
    json_decref(r);
    static const char replace[] =
        "{\"id\":2,\"utf8\":\"replace\",\"sentences\":2,\"text\":\"Caf\xe9 "
        "opened on Monday. It was full.\"}\n";
    client_send(&c, replace, sizeof replace - 1);
    r = client_recv(&c, 30000);
    json_t *summary = json_object_get(r, "summary");
    assert_int_equal(json_array_size(summary), 2);
    json_t *second = json_array_get(summary, 1);
    /* "It was full." starts at byte 23 of the text as sent. */
    assert_int_equal(json_integer_value(json_object_get(second, "start")), 23);
    assert_int_equal(json_integer_value(json_object_get(second, "end")), 35);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(summary, 0), "text")),
        "Caf\xEF\xBF\xBD opened on Monday.");
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 5000);
}

static void daemon_replies_errors_and_keeps_serving(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    static const struct {
        const char *line, *code;
    } cases[] = {
        {"{\"id\":1,\"text\":", "invalid_json"},
        /* Found by fuzz_protocol: jansson's message quotes the line cut
         * inside a character, and that reply was never sent. */
        {"{\"id\":2,\"text\":\"caf\\u00e\xd9\xa3" "02quo\"}", "invalid_json"},
        {"not json at all", "invalid_json"},
        {"{\"id\":2,\"text\":\"caf\xC3\x28\"}", "invalid_utf8"},
        {"[1,2,3]", "bad_request"},
        {"{\"id\":3,\"op\":\"explode\"}", "unknown_op"},
        {"{\"id\":4,\"op\":5}", "bad_request"},
        {"{\"id\":5}", "bad_request"},
        {"{\"id\":6,\"text\":42}", "bad_request"},
        {"{\"id\":7,\"text\":\"x\",\"sentences\":\"3\"}", "bad_request"},
        {"{\"id\":8,\"text\":\"x\",\"sentences\":0}", "bad_request"},
        {"{\"id\":9,\"text\":\"x\",\"ratio\":1.5}", "bad_request"},
        {"{\"id\":10,\"text\":\"x\",\"words\":5,\"ratio\":0.2}",
         "bad_request"},
        {"{\"id\":11,\"text\":\"x\",\"keywords\":-1}", "bad_request"},
        {"{\"id\":12,\"text\":\"x\",\"title\":[]}", "bad_request"},
        {"{\"id\":13,\"text\":\"x\",\"excluded\":\"yes\"}", "bad_request"},
        {"{\"id\":15,\"text\":\"x\",\"quote_fragments\":1}", "bad_request"},
        {"{\"id\":14,\"text\":\"Hello there.\",\"lang\":\"xx\"}",
         "unknown_language"},
        /* A NUL inside a name is not the end of it. */
        {"{\"id\":16,\"text\":\"Hello.\",\"lang\":\"en\\u0000x\"}",
         "bad_request"},
        {"{\"id\":17,\"op\":\"ping\\u0000x\"}", "bad_request"},
        {"{\"id\":18,\"text\":\"Hello.\",\"utf8\":\"replace\\u0000\"}",
         "bad_request"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        client_send(&c, cases[i].line, strlen(cases[i].line));
        client_send(&c, "\n", 1);
        json_t *r = client_recv(&c, 10000);
        assert_non_null(r);
        const char *code = reply_error(r);
        if (!code || strcmp(code, cases[i].code) != 0)
            fail_msg("%s: expected %s, got %s", cases[i].line, cases[i].code,
                     code ? code : "success");
        assert_non_null(json_string_value(
            json_object_get(json_object_get(r, "error"), "message")));
        json_decref(r);
    }
    /* A line of NUL bytes is a request, answered; blank lines are
     * ignored; the connection still works. */
    client_send(&c, "\0\0\0\n", 4);
    json_t *r = client_recv(&c, 10000);
    assert_non_null(r);
    assert_string_equal(reply_error(r), "invalid_json");
    json_decref(r);
    client_send(&c, "\n  \n", 4);
    r =
        client_call(&c, json_pack("{s:i, s:s}", "id", 99, "op", "ping"));
    assert_int_equal(json_integer_value(json_object_get(r, "id")), 99);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 5000);
}

static size_t count_fragments(json_t *reply)
{
    size_t i, n = 0;
    json_t *q;
    json_array_foreach(json_object_get(reply, "quotes"), i, q) n +=
        json_is_true(json_object_get(q, "fragment"));
    return n;
}

/* Scare quotes and titles come back, marked, only when asked for; the
 * speaker object carries the resolved name, role and mention. */
static void daemon_quotes_with_speakers_and_fragments(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(
        &c, json_pack("{s:i, s:s, s:i}", "id", 1, "text", text, "quotes", 50));
    assert_int_equal(count_fragments(r), 0);
    assert_int_equal(json_array_size(json_object_get(r, "quotes")), 7);
    json_t *qassem = json_array_get(json_object_get(r, "quotes"), 4);
    json_t *who = json_object_get(qassem, "speaker");
    assert_string_equal(json_string_value(json_object_get(who, "name")),
                        "Hazem Qassem");
    assert_string_equal(json_string_value(json_object_get(who, "role")),
                        "Hamas spokesman");
    json_t *mention = json_object_get(who, "mention");
    assert_memory_equal(
        text + json_integer_value(json_object_get(mention, "start")),
        "Hamas spokesman Hazem Qassem", 28);
    json_decref(r);
    r = client_call(&c, json_pack("{s:i, s:s, s:i, s:b}", "id", 2, "text",
                                  text, "quotes", 50, "quote_fragments", 1));
    assert_true(count_fragments(r) >= 3);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 5000);
    free(text);
}

static void
daemon_text_may_hold_nul_and_last_line_may_lack_newline(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    const char *line = "{\"id\":1,\"text\":\"The board met\\u0000on Monday. "
                       "It voted to sell the park.\",\"sentences\":1}";
    client_send(&c, line, strlen(line));
    shutdown(c.fd, SHUT_WR); /* EOF ends the line */
    json_t *r = client_recv(&c, 10000);
    assert_non_null(r);
    assert_null(reply_error(r));
    assert_int_equal(json_array_size(json_object_get(r, "summary")), 1);
    json_decref(r);
    assert_true(client_sees_eof(&c, 5000));
    client_close(&c);
    daemon_finish(&d, 5000);
}

static void daemon_closes_after_oversize_line(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--max-request", "4096", NULL};
    daemon_start(&d, args);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    char big[10000];
    memset(big, 'a', sizeof big);
    client_send(&c, big, sizeof big);
    json_t *r = client_recv(&c, 10000);
    assert_non_null(r);
    assert_string_equal(reply_error(r), "too_large");
    json_decref(r);
    assert_true(client_sees_eof(&c, 5000));
    client_close(&c);
    /* A complete line over the limit, sent at once, is refused too. */
    assert_int_equal(client_open(&c, d.sock), 0);
    big[sizeof big - 1] = '\n';
    client_send(&c, big, sizeof big);
    r = client_recv(&c, 10000);
    assert_string_equal(reply_error(r), "too_large");
    json_decref(r);
    assert_true(client_sees_eof(&c, 5000));
    client_close(&c);
    /* Others are still served. */
    assert_daemon_answers(d.sock);
    daemon_finish(&d, 5000);
}

static void daemon_survives_clients_that_vanish(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    /* Mid-request: half a line, then gone. */
    assert_int_equal(client_open(&c, d.sock), 0);
    client_send(&c, "{\"id\":1,\"text\":\"half a req", 26);
    client_close(&c);
    /* Mid-reply: many requests, nothing read, then gone. */
    assert_int_equal(client_open(&c, d.sock), 0);
    for (int i = 0; i < 50; i++)
        client_send_json(&c, summarize_req(json_integer(i), text));
    client_close(&c);
    /* Reset with data unread on our side. */
    assert_int_equal(client_open(&c, d.sock), 0);
    client_send_json(&c, summarize_req(json_integer(1), text));
    struct linger lg = {1, 0};
    setsockopt(c.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    client_close(&c);
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, summarize_req(json_string("after"), text));
    assert_null(reply_error(r));
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 10000);
    free(text);
}

static void daemon_closes_idle_connections(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--idle-timeout-ms", "300", NULL};
    daemon_start(&d, args);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s}", "op", "ping"));
    json_decref(r);
    assert_true(client_sees_eof(&c, 5000));
    client_close(&c);
    daemon_finish(&d, 5000);
}

/* Ask stats on c until precisd counts n open connections (c included). */
static void wait_open_connections(client *c, json_int_t n)
{
    for (int i = 0; i < 6000; i++) {
        json_t *r = client_call(c, json_pack("{s:s}", "op", "stats"));
        json_int_t open = json_integer_value(
            json_object_get(json_object_get(r, "connections"), "open"));
        json_decref(r);
        if (open == n)
            return;
        usleep(10000); /* between polls of the event, not a wait for it */
    }
    fail_msg("precisd never counted %d open connections", (int)n);
}

static json_int_t refused_by(client *c, const char *why)
{
    json_t *r = client_call(c, json_pack("{s:s}", "op", "stats"));
    json_int_t n = json_integer_value(json_object_get(
        json_object_get(json_object_get(r, "connections"), "refused_by"),
        why));
    json_decref(r);
    return n;
}

/* The client's first reply is the refusal with this code, then EOF. */
static void assert_refused(const char *sock, const char *code)
{
    client c;
    assert_int_equal(client_open(&c, sock), 0);
    json_t *r = client_recv(&c, 5000);
    assert_non_null(r);
    assert_string_equal(reply_error(r), code);
    json_decref(r);
    assert_true(client_sees_eof(&c, 5000));
    client_close(&c);
}

/* One user cannot hold every slot; allow lists keep others out. */
static void daemon_limits_each_user(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--max-connections-per-uid", "2", NULL};
    daemon_start(&d, args);
    client a, b;
    assert_int_equal(client_open(&a, d.sock), 0);
    assert_int_equal(client_open(&b, d.sock), 0);
    json_decref(client_call(&b, json_pack("{s:s}", "op", "ping")));
    assert_refused(d.sock, "overloaded");
    assert_int_equal(refused_by(&a, "max_connections_per_uid"), 1);
    assert_int_equal(refused_by(&a, "max_connections"), 0);
    client_close(&b);
    client_close(&a);
    daemon_finish(&d, 5000);

    char me[64], others[64];
    snprintf(me, sizeof me, "12345, %u", (unsigned)getuid());
    const char *mine[] = {"--allow-uids", me, NULL};
    daemon_start(&d, mine);
    assert_daemon_answers(d.sock);
    daemon_finish(&d, 5000);
    snprintf(me, sizeof me, "%u", (unsigned)getgid());
    const char *my_group[] = {"--allow-gids", me, NULL};
    daemon_start(&d, my_group);
    assert_daemon_answers(d.sock);
    daemon_finish(&d, 5000);
    snprintf(others, sizeof others, "%u", (unsigned)getuid() + 1);
    const char *not_mine[] = {"--allow-uids", others, NULL};
    daemon_start(&d, not_mine);
    assert_refused(d.sock, "forbidden");
    daemon_finish(&d, 5000);
}

static void daemon_refuses_connections_over_the_limit(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--max-connections", "2", NULL};
    daemon_start(&d, args);
    client a, b, extra;
    assert_int_equal(client_open(&a, d.sock), 0);
    assert_int_equal(client_open(&b, d.sock), 0);
    json_t *r = client_call(&a, json_pack("{s:s}", "op", "ping"));
    json_decref(r);
    r = client_call(&b, json_pack("{s:s}", "op", "ping"));
    json_decref(r);
    assert_int_equal(client_open(&extra, d.sock), 0);
    r = client_recv(&extra, 5000);
    assert_non_null(r);
    assert_string_equal(reply_error(r), "overloaded");
    json_decref(r);
    assert_true(client_sees_eof(&extra, 5000));
    client_close(&extra);
    client_close(&b);
    /* A slot freed is a slot usable again, once precisd has seen it go. */
    wait_open_connections(&a, 1);
    assert_int_equal(client_open(&b, d.sock), 0);
    r = client_call(&b, json_pack("{s:s}", "op", "ping"));
    assert_null(reply_error(r));
    json_decref(r);
    client_close(&a);
    client_close(&b);
    daemon_finish(&d, 5000);
}

/* A document long enough to keep a worker busy for a while. */
static char *big_document(size_t *len)
{
    size_t n;
    char *one = read_fixture(SAMPLE, &n);
    size_t copies = 300;
    char *text = malloc(n * copies + 1);
    for (size_t i = 0; i < copies; i++) {
        memcpy(text + i * n, one, n);
        text[i * n] = 'A' + (char)(i % 26); /* not all exact duplicates */
    }
    text[n * copies] = '\0';
    free(one);
    *len = n * copies;
    return text;
}

static void daemon_times_out_slow_requests(void **state)
{
    (void)state;
    size_t len;
    char *text = big_document(&len);
    daemon_proc d;
    const char *args[] = {"--request-timeout-ms", "1", NULL};
    daemon_start(&d, args);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, summarize_req(json_string("slow"), text));
    assert_string_equal(reply_error(r), "timeout");
    assert_string_equal(json_string_value(json_object_get(r, "id")), "slow");
    json_decref(r);
    /* The connection is still usable. */
    r = client_call(&c, json_pack("{s:i, s:s}", "id", 2, "op", "ping"));
    assert_int_equal(json_integer_value(json_object_get(r, "id")), 2);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 10000);
    free(text);
}

static void daemon_refuses_when_overloaded(void **state)
{
    (void)state;
    size_t len;
    char *text = big_document(&len);
    daemon_proc d;
    const char *args[] = {"--max-pending", "1", NULL};
    daemon_start(&d, args);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    /* One write with three requests: the second, a summary, arrives while
     * the first (a long one) is in progress and is refused; the third, a
     * ping, is answered by the event loop, overloaded or not. */
    json_t *first = summarize_req(json_integer(1), text);
    char *a = json_dumps(first, JSON_COMPACT);
    json_decref(first);
    const char *rest = "{\"id\":2,\"text\":\"One short line. And one more.\"}\n"
                       "{\"id\":3,\"op\":\"ping\"}\n";
    size_t alen = strlen(a);
    char *all = malloc(alen + 1 + strlen(rest));
    memcpy(all, a, alen);
    all[alen] = '\n';
    memcpy(all + alen + 1, rest, strlen(rest));
    client_send(&c, all, alen + 1 + strlen(rest));
    json_t *by_id[4] = {NULL};
    for (int k = 0; k < 3; k++) {
        json_t *r = client_recv(&c, 20000);
        assert_non_null(r);
        json_int_t id = json_integer_value(json_object_get(r, "id"));
        assert_true(id >= 1 && id <= 3 && !by_id[id]);
        by_id[id] = r;
    }
    assert_null(reply_error(by_id[1]));
    assert_string_equal(reply_error(by_id[2]), "overloaded");
    assert_true(json_is_true(json_object_get(by_id[3], "ok")));
    for (int k = 1; k <= 3; k++)
        json_decref(by_id[k]);
    free(a);
    free(all);
    client_close(&c);
    daemon_finish(&d, 10000);
    free(text);
}

static void daemon_pauses_reading_at_inflight_cap(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--max-inflight", "2", NULL};
    daemon_start(&d, args);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    for (int i = 0; i < 40; i++)
        client_send_json(&c, summarize_req(json_integer(i), docs[i % NDOCS]));
    int seen[40] = {0};
    for (int k = 0; k < 40; k++) {
        json_t *r = client_recv(&c, 20000);
        assert_non_null(r);
        assert_null(reply_error(r));
        seen[json_integer_value(json_object_get(r, "id"))]++;
        json_decref(r);
    }
    for (int i = 0; i < 40; i++)
        assert_int_equal(seen[i], 1);
    client_close(&c);
    daemon_finish(&d, 5000);
}

typedef struct load_client {
    const char *sock;
    int requests;
    int failures;
    char why[256];
} load_client;

/* 50 documents pipelined 10 at a time, every reply checked against the
 * engine's own summary of the document its id names. */
static void *load_thread(void *arg)
{
    load_client *lc = arg;
    static json_t *expected[NDOCS];
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    for (size_t i = 0; i < NDOCS; i++)
        if (!expected[i])
            expected[i] = expected_summary(docs[i], 2);
    pthread_mutex_unlock(&mu);
    client c;
    if (client_open(&c, lc->sock) != 0) {
        lc->failures++;
        snprintf(lc->why, sizeof lc->why, "cannot connect");
        return NULL;
    }
    for (int batch = 0; batch < lc->requests / 10; batch++) {
        for (int i = 0; i < 10; i++) {
            int n = batch * 10 + i;
            client_send_json(&c,
                             summarize_req(json_integer(n), docs[n % NDOCS]));
        }
        for (int i = 0; i < 10; i++) {
            json_t *r = client_recv(&c, 60000);
            if (!r) {
                lc->failures++;
                snprintf(lc->why, sizeof lc->why, "no reply");
                client_close(&c);
                return NULL;
            }
            json_int_t id = json_integer_value(json_object_get(r, "id"));
            if (reply_error(r) || id < batch * 10 || id >= batch * 10 + 10 ||
                !json_equal(json_object_get(r, "summary"),
                            expected[id % NDOCS])) {
                lc->failures++;
                snprintf(lc->why, sizeof lc->why, "bad reply to %lld",
                         (long long)id);
            }
            json_decref(r);
        }
    }
    client_close(&c);
    return NULL;
}

static int run_load(const char *sock, int clients, int requests)
{
    pthread_t *th = calloc((size_t)clients, sizeof *th);
    load_client *lc = calloc((size_t)clients, sizeof *lc);
    for (int i = 0; i < clients; i++) {
        lc[i] = (load_client){.sock = sock, .requests = requests};
        assert_int_equal(pthread_create(&th[i], NULL, load_thread, &lc[i]), 0);
    }
    int failures = 0;
    for (int i = 0; i < clients; i++) {
        pthread_join(th[i], NULL);
        if (lc[i].failures)
            fprintf(stderr, "client %d: %s\n", i, lc[i].why);
        failures += lc[i].failures;
    }
    free(th);
    free(lc);
    return failures;
}

static void daemon_serves_200_concurrent_clients(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    assert_int_equal(run_load(d.sock, 200, 50), 0);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s}", "op", "stats"));
    json_t *by_op = json_object_get(json_object_get(r, "requests"), "by_op");
    assert_int_equal(json_integer_value(json_object_get(by_op, "summarize")),
                     200 * 50);
    json_decref(r);
    client_close(&c);
    daemon_finish(&d, 10000);
}

static void daemon_sigterm_answers_requests_in_flight(void **state)
{
    (void)state;
    char *text = read_fixture(SAMPLE, NULL);
    daemon_proc d;
    daemon_start(&d, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    int n = 30;
    for (int i = 0; i < n; i++)
        client_send_json(&c, summarize_req(json_integer(i), text));
    /* Wait for the first reply so the requests are surely read. */
    json_t *r = client_recv(&c, 20000);
    assert_non_null(r);
    json_decref(r);
    kill(d.pid, SIGTERM);
    for (int i = 1; i < n; i++) {
        r = client_recv(&c, 20000);
        if (!r)
            fail_msg("reply %d of %d lost after SIGTERM", i + 1, n);
        assert_null(reply_error(r));
        json_decref(r);
    }
    assert_true(client_sees_eof(&c, 5000));
    assert_int_equal(daemon_wait_notify(&d, "STOPPING=1", 1000), 0);
    client_close(&c);
    assert_int_equal(daemon_stop(&d, 0, 10000), 0);
    /* It removed its socket file on the way out. */
    struct stat st;
    assert_int_not_equal(stat(d.sock, &st), 0);
    daemon_cleanup(&d);
    free(text);
}

static void copy_dir(const char *from, const char *to)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", from, to);
    assert_int_equal(system(cmd), 0);
}

static void append(const char *path, const char *line)
{
    FILE *f = fopen(path, "a");
    assert_non_null(f);
    fputs(line, f);
    fclose(f);
}

static const char *reason_of(json_t *reply, const char *text,
                             const char *needle)
{
    json_t *x;
    size_t i;
    json_array_foreach(json_object_get(reply, "excluded"), i, x)
    {
        size_t s = (size_t)json_integer_value(json_object_get(x, "start"));
        size_t e = (size_t)json_integer_value(json_object_get(x, "end"));
        if (e - s >= strlen(needle) &&
            memmem(text + s, e - s, needle, strlen(needle)))
            return json_string_value(json_object_get(x, "reason"));
    }
    return "none";
}

typedef struct hup_ctx {
    pid_t pid;
    int rounds;
} hup_ctx;

static void *send_hups(void *arg)
{
    hup_ctx *h = arg;
    for (int i = 0; i < h->rounds; i++) {
        usleep(50000);
        kill(h->pid, SIGHUP);
    }
    return NULL;
}

static void daemon_sighup_reloads_data_under_load(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_prepare(&d);
    char data[128], boiler[160];
    snprintf(data, sizeof data, "%s/data", d.dir);
    copy_dir(test_data_dir(), data);
    const char *args[] = {"--data", data, "--log-level", "debug", NULL};
    daemon_spawn(&d, -1, args);
    const char *text = "Zebra crossings are being repainted across the city "
                       "this week. The council says the work will finish "
                       "by Friday. Drivers are asked to take care.";
    json_t *req =
        json_pack("{s:i, s:s, s:b}", "id", 1, "text", text, "excluded", 1);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *r = client_call(&c, json_incref(req));
    assert_string_equal(reason_of(r, text, "Zebra"), "none");
    json_decref(r);

    /* Reload under load: SIGHUPs while 20 clients send 50 requests. */
    snprintf(boiler, sizeof boiler, "%s/boilerplate.txt", data);
    append(boiler, "promo\t^Zebra crossings\n");
    hup_ctx h = {d.pid, 5};
    pthread_t th;
    pthread_create(&th, NULL, send_hups, &h);
    assert_int_equal(run_load(d.sock, 20, 50), 0);
    pthread_join(th, NULL);
    usleep(300000);
    r = client_call(&c, json_incref(req));
    assert_string_equal(reason_of(r, text, "Zebra"), "promo");
    json_decref(r);

    /* Broken data: the old engine stays, and so does the connection. */
    append(boiler, "this line is malformed\n");
    kill(d.pid, SIGHUP);
    usleep(300000);
    r = client_call(&c, json_incref(req));
    assert_string_equal(reason_of(r, text, "Zebra"), "promo");
    json_decref(r);
    r = client_call(&c, json_pack("{s:s}", "op", "stats"));
    json_t *reloads = json_object_get(r, "reloads");
    assert_true(json_integer_value(json_object_get(reloads, "ok")) >= 1);
    assert_int_equal(json_integer_value(json_object_get(reloads, "failed")),
                     1);
    json_decref(r);
    json_decref(req);
    client_close(&c);
    daemon_finish(&d, 10000);
}

static void daemon_accepts_systemd_socket(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_prepare(&d);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", d.sock);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_int_equal(listen(fd, 16), 0);
    daemon_spawn(&d, fd, NULL);
    close(fd);
    assert_daemon_answers(d.sock);
    assert_int_equal(daemon_stop(&d, SIGTERM, 5000), 0);
    /* systemd owns an activated socket: precisd leaves the file alone. */
    struct stat st;
    assert_int_equal(stat(d.sock, &st), 0);
    daemon_cleanup(&d);
}

static void daemon_replaces_stale_socket_and_refuses_live_one(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_prepare(&d);
    /* A socket file nobody listens on, as a crash leaves it. */
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", d.sock);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    close(fd);
    daemon_spawn(&d, -1, NULL);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    client_close(&c);
    /* A second daemon on the same path must refuse to start. */
    pid_t pid = fork();
    if (pid == 0) {
        FILE *quiet = freopen("/dev/null", "w", stderr);
        (void)quiet;
        execl(daemon_binary(), daemon_binary(), "--socket", d.sock, "--data",
              test_data_dir(), (char *)NULL);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 1);
    /* ... and the first one is unharmed. */
    assert_daemon_answers(d.sock);
    daemon_finish(&d, 5000);
}

static void daemon_pings_the_watchdog(void **state)
{
    (void)state;
    daemon_proc d;
    setenv("WATCHDOG_USEC", "200000", 1); /* inherited by the daemon */
    daemon_start(&d, NULL);
    unsetenv("WATCHDOG_USEC");
    /* Every half interval: two pings well within a second. */
    assert_int_equal(daemon_wait_notify(&d, "WATCHDOG=1", 1000), 0);
    assert_int_equal(daemon_wait_notify(&d, "WATCHDOG=1", 1000), 0);
    daemon_finish(&d, 5000);
}

static void daemon_sets_socket_mode(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--socket-mode", "0600", NULL};
    daemon_start(&d, args);
    struct stat st;
    assert_int_equal(stat(d.sock, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    daemon_finish(&d, 5000);
    /* A mode every local user may write to only when said outright. */
    const char *wide[] = {"--socket-mode", "0666", "--allow-world-socket",
                          "true", NULL};
    daemon_start(&d, wide);
    assert_int_equal(stat(d.sock, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666);
    daemon_finish(&d, 5000);
}

/* Run precisd with args to completion; its exit status, output in out. */
static int run_precisd(const char *const *args, char *out, size_t size)
{
    char cmd[1024];
    int n = snprintf(cmd, sizeof cmd, "%s", daemon_binary());
    for (size_t i = 0; args[i]; i++)
        n += snprintf(cmd + n, sizeof cmd - (size_t)n, " '%s'", args[i]);
    return run_capture(cmd, out, size);
}

static void daemon_command_line(void **state)
{
    (void)state;
    char out[8192];
    const char *help[] = {"--help", NULL};
    assert_int_equal(run_precisd(help, out, sizeof out), 0);
    assert_non_null(strstr(out, "--max-request"));
    const char *version[] = {"--version", NULL};
    assert_int_equal(run_precisd(version, out, sizeof out), 0);
    assert_non_null(strstr(out, PRECIS_VERSION_STRING));
    const char *bad[] = {"--no-such-flag", "1", NULL};
    assert_int_equal(run_precisd(bad, out, sizeof out), 2);
    const char *check[] = {"--check-config", "--data", test_data_dir(),
                           "--max-request",  "1M",     NULL};
    assert_int_equal(run_precisd(check, out, sizeof out), 0);
    assert_non_null(strstr(out, "max_request = 1048576"));
    const char *baddata[] = {"--check-config", "--data", "/nonexistent", NULL};
    assert_int_equal(run_precisd(baddata, out, sizeof out), 1);
    assert_non_null(strstr(out, "cannot load engine"));

    char dir[] = "/tmp/precisd-conf-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char conf[128];
    snprintf(conf, sizeof conf, "%s/precisd.conf", dir);
    FILE *f = fopen(conf, "w");
    fprintf(f, "# settings\nmax_connections = 12\nidle_timeout_ms=500\n"
               "log_level = debug\n");
    fclose(f);
    const char *good[] = {
        "--check-config", "--config",          conf, "--data",
        test_data_dir(),  "--max-connections", "13", NULL};
    assert_int_equal(run_precisd(good, out, sizeof out), 0);
    assert_non_null(strstr(out, "max_connections = 13")); /* flag wins */
    assert_non_null(strstr(out, "idle_timeout_ms = 500"));
    assert_non_null(strstr(out, "log_level = debug"));
    f = fopen(conf, "w");
    fprintf(f, "max_connections = many\n");
    fclose(f);
    const char *worse[] = {"--check-config", "--config", conf, NULL};
    assert_int_equal(run_precisd(worse, out, sizeof out), 1);
    assert_non_null(strstr(out, "precisd.conf:1: max_connections"));
    f = fopen(conf, "w");
    fprintf(f, "colour = blue\n");
    fclose(f);
    assert_int_equal(run_precisd(worse, out, sizeof out), 1);
    assert_non_null(strstr(out, "unknown setting \"colour\""));
    /* A comment too long for a line is refused, not cut with its tail
     * read as a setting. */
    f = fopen(conf, "w");
    fputs("# ", f);
    for (int i = 0; i < 8189; i++)
        fputc('x', f);
    fputs(" socket = /tmp/other.sock\n", f);
    fclose(f);
    assert_int_equal(run_precisd(worse, out, sizeof out), 1);
    assert_non_null(strstr(out, "precisd.conf:1: line longer than"));
    /* Settings refused, each with what says why: suffixes are for byte
     * sizes only, a world-writable socket needs saying so, an allow
     * list names real users. */
    static const struct {
        const char *flag, *value, *why;
    } refused[] = {
        {"--max-connections", "1K", "max_connections: \"1K\" is not a number"},
        {"--socket-mode", "0666", "socket_mode 0666 lets every local user"},
        {"--allow-uids", "no-such-user-here",
         "allow_uids: no user \"no-such-user-here\""},
        {"--max-memory", "32M", "max_memory 33554432 cannot hold one request"},
        {"--max-connection-memory", "1M",
         "max_connection_memory 1048576 cannot hold one request"},
        {"--user", "no-such-user-here", "user: no user \"no-such-user-here\""},
        {"--group", "nogroup", "group is set without user"},
        {"--listen", "0.0.0.0:8080", "listen 0.0.0.0:8080 is not loopback"},
        {"--listen", "localhost", "listen \"localhost\": expected host:port"},
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        const char *args[] = {"--check-config", "--data", test_data_dir(),
                              refused[i].flag,  refused[i].value, NULL};
        assert_int_equal(run_precisd(args, out, sizeof out), 1);
        if (!strstr(out, refused[i].why))
            fail_msg("%s %s: %s", refused[i].flag, refused[i].value, out);
    }
    unlink(conf);
    rmdir(dir);
}

/* Each test kills what it started even when an assertion fails. */
#define DAEMON_TEST(f) cmocka_unit_test_teardown(f, daemon_kill_leftovers)

int main(void)
{
    const struct CMUnitTest tests[] = {
        DAEMON_TEST(daemon_answers_ping_languages_and_stats),
        DAEMON_TEST(daemon_summary_equals_engine),
        DAEMON_TEST(daemon_quotes_with_speakers_and_fragments),
        DAEMON_TEST(daemon_segments_like_the_engine),
        DAEMON_TEST(daemon_restates_offsets_in_string_units),
        DAEMON_TEST(daemon_reads_bad_bytes_when_asked),
        DAEMON_TEST(daemon_pipelines_and_echoes_ids),
        DAEMON_TEST(daemon_replies_errors_and_keeps_serving),
        DAEMON_TEST(daemon_text_may_hold_nul_and_last_line_may_lack_newline),
        DAEMON_TEST(daemon_closes_after_oversize_line),
        DAEMON_TEST(daemon_survives_clients_that_vanish),
        DAEMON_TEST(daemon_closes_idle_connections),
        DAEMON_TEST(daemon_refuses_connections_over_the_limit),
        DAEMON_TEST(daemon_limits_each_user),
        DAEMON_TEST(daemon_times_out_slow_requests),
        DAEMON_TEST(daemon_refuses_when_overloaded),
        DAEMON_TEST(daemon_pauses_reading_at_inflight_cap),
        DAEMON_TEST(daemon_serves_200_concurrent_clients),
        DAEMON_TEST(daemon_sigterm_answers_requests_in_flight),
        DAEMON_TEST(daemon_sighup_reloads_data_under_load),
        DAEMON_TEST(daemon_accepts_systemd_socket),
        DAEMON_TEST(daemon_replaces_stale_socket_and_refuses_live_one),
        DAEMON_TEST(daemon_pings_the_watchdog),
        DAEMON_TEST(daemon_sets_socket_mode),
        DAEMON_TEST(daemon_command_line),
    };
    signal(SIGPIPE, SIG_IGN);
    if (getenv("TEST_FILTER")) /* e.g. TEST_FILTER='*sighup*' */
        cmocka_set_test_filter(getenv("TEST_FILTER"));
    return cmocka_run_group_tests_name("daemon", tests, NULL, NULL);
}
