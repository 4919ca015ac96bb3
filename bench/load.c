/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/load -- a load generator for precisd, on libuv.
 *
 *   load --socket PATH [--connections N] [--depth D]
 *        [--requests N | --seconds S] [--docs FILE.jsonl]
 *
 * N connections each keep D requests in flight (pipelining), drawing
 * documents in turn from FILE (JSONL with a "text" field; default the
 * CNN/DM dev set in ../shared/data, else the sample article).  Every reply is
 * checked: it must be one JSON object whose id is one this connection is
 * waiting for, with a summary or an error object.  Prints requests/s, latency
 * percentiles and counts of errors by code and of invalid replies; exits 1
 * when any reply was invalid or missing.  The run is bounded by --requests
 * (default 1000) or --seconds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <uv.h>

#include "corpus.h"

#define MAX_DEPTH 256

typedef struct client {
    uv_pipe_t pipe;
    uv_connect_t connect;
    struct load *load;
    char *buf;
    size_t len, cap;
    unsigned long long next_id;
    unsigned long long waiting[MAX_DEPTH]; /* ids in flight */
    uint64_t sent_at[MAX_DEPTH];
    unsigned inflight;
} client;

typedef struct load {
    uv_loop_t *loop;
    const char *socket;
    unsigned connections, depth;
    unsigned long long limit; /* requests to send, 0: until time */
    double seconds;
    char **docs; /* request lines, ready to send */
    size_t ndocs, next_doc;
    unsigned long long sent, replies, invalid, errors;
    json_t *by_code;
    uint64_t *latency_us;
    size_t nlat, latcap;
    uint64_t start_ns;
    int stopping;
    unsigned open;
} load;

static int stop_sending(load *l)
{
    if (l->limit)
        return l->sent >= l->limit;
    return (double)(uv_hrtime() - l->start_ns) / 1e9 >= l->seconds;
}

static void on_written(uv_write_t *w, int status)
{
    (void)status;
    free(w->data);
    free(w);
}

/* Send the next document under a new id: the stored request line starts
 * with '{', so the id goes in front of its first field. */
static void send_one(client *c)
{
    load *l = c->load;
    const char *doc = l->docs[l->next_doc++ % l->ndocs];
    unsigned long long id = c->next_id++;
    size_t n = strlen(doc) + 32;
    char *line = malloc(n);
    int len = snprintf(line, n, "{\"id\":%llu,%s", id, doc + 1);
    uv_write_t *w = malloc(sizeof *w);
    uv_buf_t buf = uv_buf_init(line, (unsigned)len);
    w->data = line;
    uv_write(w, (uv_stream_t *)&c->pipe, &buf, 1, on_written);
    c->waiting[c->inflight] = id;
    c->sent_at[c->inflight++] = uv_hrtime();
    l->sent++;
}

static void fill(client *c)
{
    while (c->inflight < c->load->depth && !stop_sending(c->load))
        send_one(c);
}

static void record_latency(load *l, uint64_t us)
{
    if (l->nlat == l->latcap) {
        l->latcap = l->latcap ? l->latcap * 2 : 4096;
        l->latency_us =
            realloc(l->latency_us, l->latcap * sizeof *l->latency_us);
    }
    l->latency_us[l->nlat++] = us;
}

static void on_closed(uv_handle_t *h)
{
    client *c = h->data;
    free(c->buf);
    c->load->open--;
}

/* Check one reply line against the ids this connection waits for. */
static void check_reply(client *c, const char *line, size_t len)
{
    load *l = c->load;
    json_t *r = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    json_t *id = json_object_get(r, "id");
    unsigned k = c->inflight;
    if (json_is_integer(id))
        for (k = 0; k < c->inflight; k++)
            if (c->waiting[k] == (unsigned long long)json_integer_value(id))
                break;
    json_t *err = json_object_get(r, "error");
    const char *code = json_string_value(json_object_get(err, "code"));
    int shaped =
        err ? code != NULL : json_is_array(json_object_get(r, "summary"));
    if (!r || k == c->inflight || !shaped) {
        l->invalid++;
    } else {
        l->replies++;
        record_latency(l, (uv_hrtime() - c->sent_at[k]) / 1000);
        if (code) {
            l->errors++;
            json_t *n = json_object_get(l->by_code, code);
            json_object_set_new(l->by_code, code,
                                json_integer(json_integer_value(n) + 1));
        }
        c->waiting[k] = c->waiting[c->inflight - 1];
        c->sent_at[k] = c->sent_at[c->inflight - 1];
        c->inflight--;
    }
    json_decref(r);
}

static void on_alloc(uv_handle_t *h, size_t size, uv_buf_t *buf)
{
    client *c = h->data;
    if (c->cap - c->len < size) {
        c->cap = c->len + size * 2;
        c->buf = realloc(c->buf, c->cap);
    }
    *buf = uv_buf_init(c->buf + c->len, (unsigned)(c->cap - c->len));
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf)
{
    (void)buf;
    client *c = s->data;
    if (n < 0) {
        uv_close((uv_handle_t *)&c->pipe, on_closed);
        return;
    }
    c->len += (size_t)n;
    char *start = c->buf, *nl;
    while ((nl = memchr(start, '\n', c->len - (size_t)(start - c->buf)))) {
        check_reply(c, start, (size_t)(nl - start));
        start = nl + 1;
    }
    c->len -= (size_t)(start - c->buf);
    memmove(c->buf, start, c->len);
    fill(c);
    if (c->inflight == 0 && stop_sending(c->load))
        uv_close((uv_handle_t *)&c->pipe, on_closed);
}

static void on_connect(uv_connect_t *req, int status)
{
    client *c = req->data;
    if (status < 0) {
        fprintf(stderr, "load: connect %s: %s\n", c->load->socket,
                uv_strerror(status));
        uv_close((uv_handle_t *)&c->pipe, on_closed);
        return;
    }
    uv_read_start((uv_stream_t *)&c->pipe, on_alloc, on_read);
    fill(c);
}

/* A request line (without id) for each document of path. */
static int load_docs(load *l, const char *path)
{
    corpus c;
    if (corpus_load(&c, path) != 0)
        return -1;
    l->docs = calloc(c.n, sizeof *l->docs);
    for (size_t i = 0; i < c.n; i++) {
        json_t *req = json_pack("{s:s%, s:i}", "text", c.docs[i], c.lens[i],
                                "keywords", 5);
        char *s = json_dumps(req, JSON_COMPACT);
        size_t n = strlen(s);
        s = realloc(s, n + 2);
        s[n] = '\n';
        s[n + 1] = '\0';
        l->docs[l->ndocs++] = s;
        json_decref(req);
    }
    corpus_free(&c);
    return l->ndocs ? 0 : -1;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static double pct(const load *l, double q)
{
    if (!l->nlat)
        return 0;
    size_t i = (size_t)(q * (double)(l->nlat - 1) + 0.5);
    return (double)l->latency_us[i] / 1000.0;
}

int main(int argc, char **argv)
{
    load l = {.connections = 16, .depth = 4, .limit = 1000};
    const char *docs = "../shared/data/cnndm.dev.jsonl";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--socket"))
            l.socket = argv[i + 1];
        else if (!strcmp(argv[i], "--connections"))
            l.connections = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--depth"))
            l.depth = (unsigned)atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--requests"))
            l.limit = strtoull(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--seconds"))
            l.limit = 0, l.seconds = atof(argv[i + 1]);
        else if (!strcmp(argv[i], "--docs"))
            docs = argv[i + 1];
        else
            l.socket = NULL;
    }
    if (!l.socket || l.connections < 1 || l.depth < 1 || l.depth > MAX_DEPTH ||
        (!l.limit && l.seconds <= 0)) {
        fprintf(stderr,
                "usage: load --socket PATH [--connections N] "
                "[--depth D<=%d] [--requests N | --seconds S] "
                "[--docs FILE]\n",
                MAX_DEPTH);
        return 2;
    }
    if (load_docs(&l, docs) != 0) {
        fprintf(stderr, "load: no documents in %s\n", docs);
        return 1;
    }
    l.loop = uv_default_loop();
    l.by_code = json_object();
    client *clients = calloc(l.connections, sizeof *clients);
    l.start_ns = uv_hrtime();
    for (unsigned i = 0; i < l.connections; i++) {
        client *c = &clients[i];
        c->load = &l;
        uv_pipe_init(l.loop, &c->pipe, 0);
        c->pipe.data = c->connect.data = c;
        uv_pipe_connect(&c->connect, &c->pipe, l.socket, on_connect);
        l.open++;
    }
    uv_run(l.loop, UV_RUN_DEFAULT);
    double secs = (double)(uv_hrtime() - l.start_ns) / 1e9;
    if (l.nlat > 1)
        qsort(l.latency_us, l.nlat, sizeof *l.latency_us, cmp_u64);
    unsigned long long missing = l.sent - l.replies - l.invalid;
    printf("connections %u depth %u: %llu requests in %.2f s, %.1f docs/s\n",
           l.connections, l.depth, l.sent, secs, (double)l.replies / secs);
    printf("latency ms: p50 %.3f p90 %.3f p99 %.3f max %.3f\n", pct(&l, 0.5),
           pct(&l, 0.9), pct(&l, 0.99), pct(&l, 1.0));
    char *codes = json_dumps(l.by_code, JSON_COMPACT | JSON_SORT_KEYS);
    printf("replies %llu, errors %llu %s, invalid replies %llu, missing "
           "%llu\n",
           l.replies, l.errors, codes, l.invalid, missing);
    free(codes);
    for (size_t i = 0; i < l.ndocs; i++)
        free(l.docs[i]);
    free(l.docs);
    free(l.latency_us);
    free(clients);
    json_decref(l.by_code);
    uv_loop_close(l.loop);
    return l.invalid || missing ? 1 : 0;
}
