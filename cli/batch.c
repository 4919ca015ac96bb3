/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * batch.c -- precis --batch: a JSONL file of requests in, one reply per
 * line out, in input order, using every core.
 *
 * Lines move through a ring of slots.  Locally, one worker thread per
 * core answers slots as they fill; with precisd, requests are pipelined
 * over one connection (the daemon spreads them over its thread pool)
 * under ids of our own, and each reply gets its request's id back.
 * Either way the writer prints slot after slot as each is done, so
 * output order is input order while at most RING lines are in memory.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "protocol.h"

#define RING 256

typedef struct slot {
    char *line; /* the request (owned) */
    size_t len;
    json_t *id;  /* the request's own id (remote mode) */
    char *reply; /* the answer, once done */
    size_t reply_len;
    int state;  /* 0 free, 1 waiting, 2 taken, 3 done */
    int failed; /* the reply is an error */
} slot;

/* Worker threads at most, whatever --jobs says. */
#define MAX_JOBS 64

typedef struct batch {
    cli *c;
    int jobs;
    const char *op; /* "op" for requests without one, NULL: none */
    FILE *in;
    slot ring[RING];
    size_t next_read, next_work, next_write; /* sequence numbers */
    int eof;
    pthread_mutex_t mu;
    pthread_cond_t cond;
    int failures;
    size_t total; /* lines in the file, 0 when unknown (a pipe) */
    double started;
    double last_draw;
    int progress; /* stderr is a terminal */
} batch;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Requests in a regular file, for the ETA; 0 for a pipe. */
static size_t count_lines(FILE *in)
{
    struct stat st;
    if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    size_t n = 0;
    char buf[65536];
    size_t got;
    int last = '\n';
    while ((got = fread(buf, 1, sizeof buf, in)) > 0) {
        for (size_t i = 0; i < got; i++)
            n += buf[i] == '\n';
        last = buf[got - 1];
    }
    rewind(in);
    return n + (last != '\n');
}

static void draw_progress(batch *b, int final)
{
    double t = now_s();
    if (!b->progress || (!final && t - b->last_draw < 0.1))
        return;
    b->last_draw = t;
    size_t done = b->next_write;
    double rate = done / (t - b->started > 1e-6 ? t - b->started : 1e-6);
    if (b->total) {
        int width = 30, filled = (int)(width * done / b->total);
        double eta = rate > 0 ? (double)(b->total - done) / rate : 0;
        fprintf(stderr, "\r[%.*s%*s] %zu/%zu docs %.1f docs/s ETA %.0fs ",
                filled, "##############################", width - filled, "",
                done, b->total, rate, eta);
    } else {
        fprintf(stderr, "\r%zu docs %.1f docs/s ", done, rate);
    }
    if (final)
        fputc('\n', stderr);
    fflush(stderr);
}

/* A request object without an "op" gets b->op ("segment" under
 * --segment); other lines are left for the protocol to answer. */
static void default_op(batch *b, slot *s)
{
    size_t bad;
    json_t *root = protocol_load(s->line, s->len, &bad, NULL);
    if (json_is_object(root) && !json_object_get(root, "op")) {
        json_object_set_new(root, "op", json_string(b->op));
        char *out = json_dumps(root, JSON_COMPACT);
        if (out) {
            free(s->line);
            s->line = out;
            s->len = strlen(out);
        }
    }
    json_decref(root);
}

/* Read the next line into slot s; 0 at end of input.  A blank line is
 * a slot too, so reply lines stay aligned with input lines. */
static int read_line(batch *b, slot *s)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, b->in);
    if (n <= 0) {
        free(line);
        return 0;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    s->line = line;
    s->len = (size_t)n;
    if (b->op)
        default_op(b, s);
    return 1;
}

static void write_slot(batch *b, slot *s)
{
    if (s->reply) {
        fwrite(s->reply, 1, s->reply_len, stdout);
        fputc('\n', stdout);
    }
    b->failures += s->failed || !s->reply;
    free(s->line);
    free(s->reply);
    json_decref(s->id);
    memset(s, 0, sizeof *s);
    b->next_write++;
    draw_progress(b, 0);
}

/* ---- local: worker threads */

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next_work == b->next_read && !b->eof)
            pthread_cond_wait(&b->cond, &b->mu);
        if (b->next_work == b->next_read)
            break;
        slot *s = &b->ring[b->next_work++ % RING];
        s->state = 2;
        pthread_mutex_unlock(&b->mu);
        s->reply = cli_answer_local(b->c->engine, s->line, s->len,
                                    &s->reply_len, &s->failed);
        pthread_mutex_lock(&b->mu);
        s->state = 3;
        pthread_cond_broadcast(&b->cond);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

static int run_local(batch *b)
{
    size_t nthreads = (size_t)b->jobs;
    pthread_t th[MAX_JOBS];
    for (size_t i = 0; i < nthreads; i++)
        pthread_create(&th[i], NULL, worker, b);
    pthread_mutex_lock(&b->mu);
    for (;;) {
        /* Fill free slots, then write finished ones in order. */
        while (!b->eof && b->next_read - b->next_write < RING) {
            slot *s = &b->ring[b->next_read % RING];
            pthread_mutex_unlock(&b->mu);
            int got = read_line(b, s);
            pthread_mutex_lock(&b->mu);
            if (!got) {
                b->eof = 1;
                break;
            }
            s->state = 1;
            b->next_read++;
            pthread_cond_broadcast(&b->cond);
        }
        pthread_cond_broadcast(&b->cond);
        slot *head = &b->ring[b->next_write % RING];
        if (b->next_write == b->next_read && b->eof)
            break;
        if (head->state != 3) {
            pthread_cond_wait(&b->cond, &b->mu);
            continue;
        }
        pthread_mutex_unlock(&b->mu);
        write_slot(b, head);
        pthread_mutex_lock(&b->mu);
    }
    pthread_mutex_unlock(&b->mu);
    for (size_t i = 0; i < nthreads; i++)
        pthread_join(th[i], NULL);
    return 0;
}

/* ---- remote: one pipelined connection */

/* Send slot number seq under our id; lines that are not a JSON object
 * are answered here, exactly as precisd would. */
static int send_slot(batch *b, size_t seq)
{
    slot *s = &b->ring[seq % RING];
    /* Read as precisd would read it (bad bytes stood in for when it asks
     * "utf8": "replace"); a line it would refuse is answered here. */
    size_t bad;
    json_t *root = protocol_load(s->line, s->len, &bad, NULL);
    if (!json_is_object(root)) {
        json_decref(root);
        s->reply =
            cli_answer_local(NULL, s->line, s->len, &s->reply_len, &s->failed);
        s->state = 3;
        return 0;
    }
    s->id = json_incref(json_object_get(root, "id"));
    json_object_set_new(root, "id", json_integer((json_int_t)seq));
    char *out = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    if (!out)
        return -1;
    int rc = remote_send(b->c->remote_fd, out, strlen(out));
    free(out);
    if (rc == 0)
        rc = remote_send(b->c->remote_fd, "\n", 1);
    s->state = 2;
    return rc;
}

/* Put a reply in its slot with the request's id restored. */
static int take_reply(batch *b, char *line, size_t len)
{
    json_t *reply = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    free(line);
    json_t *id = json_object_get(reply, "id");
    if (!json_is_integer(id))
        return -1; /* only whole-line errors lack our id: fatal */
    size_t seq = (size_t)json_integer_value(id);
    if (seq < b->next_write || seq >= b->next_read) {
        json_decref(reply);
        return -1;
    }
    slot *s = &b->ring[seq % RING];
    s->failed = cli_is_error(reply);
    json_object_del(reply, "id");
    s->reply = protocol_dump(reply, s->id, &s->reply_len);
    if (!s->reply)
        return -1;
    s->reply[--s->reply_len] = '\0';
    s->state = 3;
    return 0;
}

static int run_remote(batch *b)
{
    for (;;) {
        while (!b->eof && b->next_read - b->next_write < RING) {
            slot *s = &b->ring[b->next_read % RING];
            if (!read_line(b, s)) {
                b->eof = 1;
                break;
            }
            if (send_slot(b, b->next_read++) != 0)
                return -1;
        }
        while (b->next_write < b->next_read &&
               b->ring[b->next_write % RING].state == 3)
            write_slot(b, &b->ring[b->next_write % RING]);
        if (b->next_write == b->next_read) {
            if (b->eof)
                return 0;
            continue;
        }
        size_t len;
        char *line = remote_recv(b->c->remote_fd, &b->c->rbuf, &b->c->rlen,
                                 &b->c->rcap, &len);
        if (!line || take_reply(b, line, len) != 0)
            return -1;
    }
}

int batch_run(cli *c, const batch_opts *o)
{
    const char *path = o->path;
    batch *b = calloc(1, sizeof *b);
    if (!b)
        return -1;
    b->c = c;
    b->op = o->op;
    b->jobs = o->jobs > 0 ? o->jobs : cli_cpus_available();
    if (b->jobs > MAX_JOBS)
        b->jobs = MAX_JOBS;
    b->in = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!b->in) {
        fprintf(stderr, "precis: %s: %s\n", path, strerror(errno));
        free(b);
        return -1;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cond, NULL);
    b->progress = o->progress || isatty(STDERR_FILENO);
    b->total = b->progress ? count_lines(b->in) : 0;
    b->started = now_s();
    int rc = c->remote_fd >= 0 ? run_remote(b) : run_local(b);
    if (rc != 0)
        fprintf(stderr, "precis: %s: precisd at %s stopped answering\n", path,
                c->socket);
    draw_progress(b, 1);
    for (size_t i = 0; i < RING; i++) {
        free(b->ring[i].line);
        free(b->ring[i].reply);
        json_decref(b->ring[i].id);
    }
    if (b->in != stdin)
        fclose(b->in);
    int failures = b->failures;
    pthread_mutex_destroy(&b->mu);
    pthread_cond_destroy(&b->cond);
    free(b);
    return rc != 0 ? -1 : failures ? 1 : 0;
}
