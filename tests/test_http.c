/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_http.c -- HTTP/1.1 on precisd's socket, against the real binary:
 * curl --unix-socket for each endpoint, and a raw client for what curl
 * will not send: pipelining, chunked and 100-continue bodies, malformed,
 * oversized and slow requests, HTTP/1.0, and the statuses of the
 * protocol's error codes.
 */
#define _GNU_SOURCE /* memmem */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon_harness.h"
#include "testutil.h"

#define DOC_A                                                                  \
    "The council approved the budget on Tuesday. The plan adds forty "       \
    "buses. Work starts in the spring, officials said."
#define DOC_B                                                                  \
    "Heavy snow closed the airport on Friday. Rail services were cut. "      \
    "Schools stay shut until the roads are cleared, the mayor said."

static int raw_open(const char *sock)
{
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s", sock);
    assert_true(fd >= 0);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    return fd;
}

static void raw_send(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = send(fd, s, n, MSG_NOSIGNAL);
        assert_true(k > 0);
        s += k;
        n -= (size_t)k;
    }
}

typedef struct response {
    int status;
    char head[2048]; /* status line and headers */
    char *body;
    size_t len;
} response;

/* Read one byte with a ceiling of 60 s (an event: data or EOF). */
static int read_byte(int fd, char *ch)
{
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 60000) <= 0)
        return -1;
    return recv(fd, ch, 1, 0) == 1 ? 0 : -1;
}

/* One response off fd: 0, or -1 on EOF before a whole one. */
static int read_response(int fd, response *r)
{
    memset(r, 0, sizeof *r);
    size_t n = 0;
    char ch;
    while (n + 1 < sizeof r->head) {
        if (read_byte(fd, &ch) != 0)
            return -1;
        r->head[n++] = ch;
        if (n >= 4 && !memcmp(r->head + n - 4, "\r\n\r\n", 4))
            break;
    }
    r->head[n] = '\0';
    if (sscanf(r->head, "HTTP/1.1 %d", &r->status) != 1)
        return -1;
    const char *cl = strcasestr(r->head, "Content-Length:");
    r->len = cl ? (size_t)strtoul(cl + 15, NULL, 10) : 0;
    r->body = malloc(r->len + 1);
    for (size_t i = 0; i < r->len; i++)
        if (read_byte(fd, &r->body[i]) != 0)
            return -1;
    r->body[r->len] = '\0';
    return 0;
}

static json_t *body_json(const response *r)
{
    json_t *j = json_loadb(r->body, r->len, 0, NULL);
    if (!j)
        fail_msg("not JSON: %.200s", r->body);
    return j;
}

/* The server closed fd: EOF within the ceiling. */
static int sees_eof(int fd)
{
    char ch;
    return read_byte(fd, &ch) != 0;
}

static char *post(const char *path, const char *type, const char *body)
{
    static char req[8192];
    snprintf(req, sizeof req,
             "POST %s HTTP/1.1\r\nHost: precisd\r\nContent-Type: %s\r\n"
             "Content-Length: %zu\r\n\r\n%s",
             path, type, strlen(body), body);
    return req;
}

/* The summary texts of a reply, joined by '|'. */
static void summary_of(json_t *reply, char *out, size_t n)
{
    out[0] = '\0';
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(reply, "summary"), i, s)
    {
        strncat(out, json_string_value(json_object_get(s, "text")),
                n - strlen(out) - 2);
        strcat(out, "|");
    }
}

static void http_curl_reaches_every_endpoint(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    char cmd[2048], out[65536];
    snprintf(cmd, sizeof cmd, "curl -s --unix-socket %s http://precisd/v1/ping",
             d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "\"ok\":true"));
    /* A JSON body and a text/plain one with the options in the query
     * give the same summary, which is NDJSON's. */
    snprintf(cmd, sizeof cmd,
             "curl -s --unix-socket %s -H 'Content-Type: application/json' "
             "-d '{\"text\": \"%s\", \"sentences\": 2}' "
             "http://precisd/v1/summarize",
             d.sock, DOC_A);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    json_t *a = json_loads(out, 0, NULL);
    assert_non_null(a);
    snprintf(cmd, sizeof cmd,
             "curl -s --unix-socket %s -H 'Content-Type: text/plain' "
             "--data-binary '%s' "
             "'http://precisd/v1/summarize?sentences=2&offsets=utf16'",
             d.sock, DOC_A);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    json_t *b = json_loads(out, 0, NULL);
    assert_non_null(b);
    client c;
    assert_int_equal(client_open(&c, d.sock), 0);
    json_t *n = client_call(&c, json_pack("{s:s, s:i}", "text", DOC_A,
                                          "sentences", 2));
    char sa[1024], sb[1024], sn[1024];
    summary_of(a, sa, sizeof sa);
    summary_of(b, sb, sizeof sb);
    summary_of(n, sn, sizeof sn);
    assert_true(strlen(sa) > 10);
    assert_string_equal(sa, sn);
    assert_string_equal(sb, sn);
    /* The query's options were read: utf16 offsets are there. */
    assert_non_null(json_object_get(
        json_array_get(json_object_get(b, "summary"), 0), "start_utf16"));
    json_decref(a);
    json_decref(b);
    json_decref(n);
    client_close(&c);
    snprintf(cmd, sizeof cmd,
             "curl -s --unix-socket %s -H 'Content-Type: application/json' "
             "-d '{\"text\": \"%s\"}' http://precisd/v1/segment",
             d.sock, DOC_B);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "\"sentences\":[{"));
    /* A form is neither JSON nor text: 415. */
    snprintf(cmd, sizeof cmd,
             "curl -s -o /dev/null -w '%%{http_code}' --unix-socket %s "
             "-d 'text=x' http://precisd/v1/summarize",
             d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_string_equal(out, "415");
    snprintf(cmd, sizeof cmd,
             "curl -s --unix-socket %s http://precisd/v1/languages", d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "\"code\":\"en\""));
    /* Prometheus text: the summaries above counted, a histogram. */
    snprintf(cmd, sizeof cmd, "curl -s --unix-socket %s http://precisd/metrics",
             d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "# TYPE precisd_requests_total counter"));
    assert_non_null(strstr(out, "precisd_requests_total{op=\"summarize\"} 3"));
    assert_non_null(
        strstr(out, "precisd_request_duration_seconds_bucket{le=\"+Inf\"}"));
    assert_non_null(strstr(out, "precisd_memory_bytes{kind=\"limit\"}"));
    assert_non_null(strstr(out, "precisd_language_info{code=\"en\""));
    /* Statuses: unknown path, wrong method. */
    snprintf(cmd, sizeof cmd,
             "curl -s -o /dev/null -w '%%{http_code}' --unix-socket %s "
             "http://precisd/nowhere",
             d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_string_equal(out, "404");
    snprintf(cmd, sizeof cmd,
             "curl -s -D - -o /dev/null --unix-socket %s "
             "http://precisd/v1/summarize",
             d.sock);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "HTTP/1.1 405"));
    assert_non_null(strstr(out, "Allow: POST"));
    daemon_finish(&d, 10000);
}

/* Three requests in one write come back in their order, though the
 * middle one (ping) is answered long before the summaries. */
static void http_pipelined_responses_keep_their_order(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    int fd = raw_open(d.sock);
    char all[8192] = "";
    strcat(all, post("/v1/summarize", "text/plain", DOC_A));
    strcat(all, "GET /v1/ping HTTP/1.1\r\nHost: precisd\r\n\r\n");
    strcat(all, post("/v1/summarize", "text/plain", DOC_B));
    raw_send(fd, all, strlen(all));
    response r[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(read_response(fd, &r[i]), 0);
        assert_int_equal(r[i].status, 200);
    }
    assert_non_null(strstr(r[0].body, "council"));
    assert_non_null(strstr(r[1].body, "\"ok\":true"));
    assert_non_null(strstr(r[2].body, "snow"));
    for (int i = 0; i < 3; i++)
        free(r[i].body);
    close(fd);
    daemon_finish(&d, 10000);
}

/* A chunked body; a body sent only after 100 Continue; HTTP/1.0 closes;
 * a request sent a byte at a time. */
static void http_reads_chunked_expect_and_slow_requests(void **state)
{
    (void)state;
    daemon_proc d;
    daemon_start(&d, NULL);
    int fd = raw_open(d.sock);
    const char *chunked =
        "POST /v1/summarize HTTP/1.1\r\nHost: precisd\r\n"
        "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
        "1c\r\nThe council approved the bud\r\n"
        "13\r\nget on Tuesday. It \r\n"
        "c\r\nwill return.\r\n0\r\n\r\n";
    raw_send(fd, chunked, strlen(chunked));
    response r;
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "budget on Tuesday"));
    free(r.body);
    char head[512];
    snprintf(head, sizeof head,
             "POST /v1/summarize HTTP/1.1\r\nHost: precisd\r\n"
             "Content-Type: text/plain\r\nExpect: 100-continue\r\n"
             "Content-Length: %zu\r\n\r\n",
             strlen(DOC_B));
    raw_send(fd, head, strlen(head));
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 100);
    free(r.body);
    raw_send(fd, DOC_B, strlen(DOC_B));
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 200);
    free(r.body);
    close(fd);
    fd = raw_open(d.sock);
    const char *slow = "GET /v1/ping HTTP/1.0\r\n\r\n";
    for (const char *p = slow; *p; p++)
        raw_send(fd, p, 1);
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strcasestr(r.head, "Connection: close"));
    free(r.body);
    assert_true(sees_eof(fd));
    close(fd);
    daemon_finish(&d, 10000);
}

/* Garbage, an oversized body and a bad body each get a status and the
 * protocol's error object; the first two close the connection (the
 * stream cannot be read on), the last keeps it. */
static void http_answers_bad_requests_with_statuses(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--max-request", "64K", NULL};
    daemon_start(&d, args);
    int fd = raw_open(d.sock);
    const char *garbage = "GET / HTTP/1.1\r\nHost\x01: x\r\n\r\n";
    raw_send(fd, garbage, strlen(garbage));
    response r;
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 400);
    json_t *e = body_json(&r);
    assert_string_equal(reply_error(e), "bad_request");
    json_decref(e);
    free(r.body);
    assert_true(sees_eof(fd));
    close(fd);
    /* Refused from its headers: the body is never waited for. */
    fd = raw_open(d.sock);
    const char *big = "POST /v1/summarize HTTP/1.1\r\nHost: precisd\r\n"
                      "Content-Length: 1000000\r\n\r\n";
    raw_send(fd, big, strlen(big));
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 413);
    e = body_json(&r);
    assert_string_equal(reply_error(e), "too_large");
    json_decref(e);
    free(r.body);
    assert_true(sees_eof(fd));
    close(fd);
    fd = raw_open(d.sock);
    const char *bad = post("/v1/summarize", "application/json", "{\"text\":");
    raw_send(fd, bad, strlen(bad));
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 400);
    e = body_json(&r);
    assert_string_equal(reply_error(e), "invalid_json");
    json_decref(e);
    free(r.body);
    const char *ok = post("/v1/summarize", "text/plain", DOC_A);
    raw_send(fd, ok, strlen(ok));
    assert_int_equal(read_response(fd, &r), 0);
    assert_int_equal(r.status, 200);
    free(r.body);
    close(fd);
    daemon_finish(&d, 10000);
}

/* timeout is 504; overloaded is 503 with Retry-After. */
static void http_maps_load_errors_to_statuses(void **state)
{
    (void)state;
    size_t n;
    char *one = read_fixture("tests/fixtures/sample-article.txt", &n);
    /* 8 MB: long enough that the deadline timer (every 50 ms) fires
     * while it runs on any machine (2 MB took under 50 ms here) */
    size_t copies = (8u << 20) / n + 1;
    char *text = malloc(n * copies + 1);
    for (size_t i = 0; i < copies; i++)
        memcpy(text + i * n, one, n);
    text[n * copies] = '\0';
    free(one);
    char len[32];
    snprintf(len, sizeof len, "%zu", n * copies + 1024);
    daemon_proc d;
    const char *args[] = {"--request-timeout-ms", "1", "--max-pending", "1",
                          "--max-request", len, NULL};
    daemon_start(&d, args);
    int fd = raw_open(d.sock);
    char head[256];
    snprintf(head, sizeof head,
             "POST /v1/summarize HTTP/1.1\r\nHost: precisd\r\n"
             "Content-Type: text/plain\r\nContent-Length: %zu\r\n\r\n",
             strlen(text));
    raw_send(fd, head, strlen(head));
    raw_send(fd, text, strlen(text));
    /* Behind it while it is in progress: refused. */
    const char *second = post("/v1/summarize", "text/plain", DOC_A);
    raw_send(fd, second, strlen(second));
    response r1, r2;
    assert_int_equal(read_response(fd, &r1), 0);
    assert_int_equal(r1.status, 504);
    assert_int_equal(read_response(fd, &r2), 0);
    assert_int_equal(r2.status, 503);
    assert_non_null(strcasestr(r2.head, "Retry-After:"));
    free(r1.body);
    free(r2.body);
    close(fd);
    daemon_finish(&d, 10000);
    free(text);
}

/* listen = 127.0.0.1:0: the same service over TCP, on the port the log
 * names; NDJSON works there too. */
static void http_listens_on_tcp_too(void **state)
{
    (void)state;
    daemon_proc d;
    const char *args[] = {"--listen", "127.0.0.1:0", "--log-level", "info",
                          NULL};
    daemon_start(&d, args);
    char log[8192] = "";
    FILE *f = fopen(d.log, "r");
    assert_non_null(f);
    size_t got = fread(log, 1, sizeof log - 1, f);
    log[got] = '\0';
    fclose(f);
    const char *at = strstr(log, "listening tcp=127.0.0.1:");
    assert_non_null(at); /* logged before READY=1, which we waited for */
    int port = atoi(at + strlen("listening tcp=127.0.0.1:"));
    assert_true(port > 0);
    char cmd[256], out[4096];
    snprintf(cmd, sizeof cmd, "curl -s http://127.0.0.1:%d/v1/ping", port);
    assert_int_equal(run_capture(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "\"ok\":true"));
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    const char *ping = "{\"op\":\"ping\",\"id\":7}\n";
    raw_send(fd, ping, strlen(ping));
    char line[256];
    size_t n = 0;
    while (n + 1 < sizeof line && read_byte(fd, &line[n]) == 0 &&
           line[n] != '\n')
        n++;
    line[n] = '\0';
    assert_non_null(strstr(line, "\"id\":7"));
    close(fd);
    daemon_finish(&d, 10000);
}

#define HTTP_TEST(f) cmocka_unit_test_teardown(f, daemon_kill_leftovers)

int main(void)
{
    const struct CMUnitTest tests[] = {
        HTTP_TEST(http_curl_reaches_every_endpoint),
        HTTP_TEST(http_pipelined_responses_keep_their_order),
        HTTP_TEST(http_reads_chunked_expect_and_slow_requests),
        HTTP_TEST(http_answers_bad_requests_with_statuses),
        HTTP_TEST(http_maps_load_errors_to_statuses),
        HTTP_TEST(http_listens_on_tcp_too),
    };
    signal(SIGPIPE, SIG_IGN);
    if (getenv("TEST_FILTER"))
        cmocka_set_test_filter(getenv("TEST_FILTER"));
    return cmocka_run_group_tests_name("http", tests, NULL, NULL);
}
