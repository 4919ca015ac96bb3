/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * job.c -- one request through the libuv thread pool.
 *
 * The loop thread only cuts lines and writes replies.  Everything with a
 * cost proportional to the request -- UTF-8 check, JSON parse,
 * summarization, JSON output -- runs in work_cb on a pool thread, so a
 * 10 MB document never stalls other clients.  Replies go out as jobs
 * finish, so a connection's replies may come back out of order; every
 * reply carries its request's id.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "protocol.h"
#include "server.h"

/* Overload replies are built on the loop thread: only lines this short
 * are parsed there to recover the id. */
#define OVERLOAD_PARSE_MAX (64 * 1024)
#define TIMEOUT_MESSAGE "request took longer than request_timeout_ms"

char *job_error_line(json_t *id, const char *code, const char *message,
                     size_t *len)
{
    return protocol_dump(protocol_error(code, message), id, len);
}

static double ms_between(uint64_t from_ns, uint64_t to_ns)
{
    return (double)(to_ns - from_ns) / 1e6;
}

/* Pool thread. */
static void work_cb(uv_work_t *w)
{
    job *j = w->data;
    uint64_t start = uv_hrtime();
    request req;
    proto_error perr;
    int parsed = protocol_parse(j->line, j->len, &req, &perr);
    uv_mutex_lock(&j->mu);
    j->id = req.id ? json_deep_copy(req.id) : NULL;
    j->op = parsed == 0 ? req.op : -1;
    j->started = 1;
    int expired = j->expired;
    uv_mutex_unlock(&j->mu);
    json_t *reply;
    if (parsed != 0) {
        j->error_code = perr.code;
        reply = protocol_error(perr.code, perr.message);
    } else if (expired) {
        /* Overdue before a worker got to it: answer, skip the work. */
        j->error_code = "timeout";
        reply = protocol_error("timeout", TIMEOUT_MESSAGE);
    } else {
        reply = protocol_run(j->engine->engine, &req, &j->error_code);
    }
    /* How long it waited for a worker, beside the engine's own time. */
    json_t *timing = json_object_get(reply, "timing");
    if (timing)
        json_object_set_new(timing, "queue_ms",
                            json_real(ms_between(j->queued_ns, start)));
    if (reply)
        j->reply = protocol_dump(reply, req.id, &j->reply_len);
    protocol_request_free(&req);
    free(j->line);
    j->line = NULL;
}

static void unlink_job(server *s, job *j)
{
    if (j->prev)
        j->prev->next = j->next;
    else
        s->jobs = j->next;
    if (j->next)
        j->next->prev = j->prev;
    else
        s->jobs_tail = j->prev;
}

static void free_job(job *j)
{
    engine_ref_release(j->engine);
    json_decref(j->id);
    uv_mutex_destroy(&j->mu);
    free(j->line);
    free(j->reply);
    free(j);
}

static void count_reply(server *s, int op, const char *error_code,
                        uint64_t queued_ns)
{
    s->stats.requests++;
    if (op >= 0 && op < OP_COUNT)
        s->stats.by_op[op]++;
    if (error_code)
        stats_error(&s->stats, error_code);
    stats_latency(&s->stats, (uv_hrtime() - queued_ns) / 1000);
}

/* Loop thread. */
static void after_work_cb(uv_work_t *w, int status)
{
    job *j = w->data;
    server *s = j->srv;
    unlink_job(s, j);
    s->pending--;
    conn *c = j->c;
    if (status != 0 && !j->answered) {
        j->error_code = "internal";
        j->reply = job_error_line(NULL, "internal", uv_strerror(status),
                                  &j->reply_len);
    }
    if (!j->answered) {
        if (!j->reply && j->op == OP_STATS) {
            json_t *body = stats_json(&s->stats, server_now_ms(s), s->pending);
            j->reply = protocol_dump(body, j->id, &j->reply_len);
        }
        if (!j->reply)
            j->reply = job_error_line(j->id, "internal", "out of memory",
                                      &j->reply_len);
        count_reply(s, j->op, j->error_code, j->queued_ns);
        if (c && j->reply) {
            conn_write(c, j->reply, j->reply_len);
            j->reply = NULL;
        }
    }
    log_msg(LOG_DEBUG, "job", "done conn=%llu op=%d error=%s",
            c ? (unsigned long long)c->number : 0ull, j->op,
            j->error_code ? j->error_code : "none");
    if (c) {
        c->inflight--;
        conn_resume(c);
    }
    free_job(j);
    server_maybe_exit(s);
}

static void refuse(conn *c, const char *line, size_t len, const char *code,
                   const char *message)
{
    json_t *root = NULL;
    if (len <= OVERLOAD_PARSE_MAX)
        root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    size_t n;
    char *reply =
        job_error_line(json_object_get(root, "id"), code, message, &n);
    json_decref(root);
    count_reply(c->srv, -1, code, uv_hrtime());
    if (reply)
        conn_write(c, reply, n);
}

void job_submit(conn *c, const char *line, size_t len)
{
    server *s = c->srv;
    if (s->pending >= s->cfg.max_pending) {
        refuse(c, line, len, "overloaded",
               "too many requests in progress; retry later");
        return;
    }
    job *j = calloc(1, sizeof *j);
    char *copy = malloc(len ? len : 1);
    if (!j || !copy || uv_mutex_init(&j->mu) != 0) {
        free(j);
        free(copy);
        refuse(c, line, len, "internal", "out of memory");
        return;
    }
    memcpy(copy, line, len);
    j->work.data = j;
    j->srv = s;
    j->c = c;
    j->engine = engine_ref_acquire(s->engine);
    j->line = copy;
    j->len = len;
    j->op = -1;
    j->queued_ns = uv_hrtime();
    j->prev = s->jobs_tail;
    if (s->jobs_tail)
        s->jobs_tail->next = j;
    else
        s->jobs = j;
    s->jobs_tail = j;
    s->pending++;
    c->inflight++;
    log_msg(LOG_DEBUG, "job", "queued conn=%llu bytes=%zu pending=%u",
            (unsigned long long)c->number, len, s->pending);
    int rc = uv_queue_work(s->loop, &j->work, work_cb, after_work_cb);
    if (rc != 0) { /* only for invalid arguments: a bug, but answer */
        log_msg(LOG_ERROR, "job", "cannot queue work: %s", uv_strerror(rc));
        unlink_job(s, j);
        s->pending--;
        c->inflight--;
        refuse(c, line, len, "internal", uv_strerror(rc));
        free_job(j);
    }
}

/* Jobs are in queue order and share one timeout, so the overdue ones are
 * a prefix of the list.  A job a worker has started gets its timeout
 * reply now (its result is dropped later); one still queued is marked
 * expired and gets it from the worker, which then skips the work. */
void job_check_deadlines(server *s)
{
    uint64_t limit = (uint64_t)s->cfg.request_timeout_ms * 1000000u;
    uint64_t now = uv_hrtime();
    for (job *j = s->jobs; limit && j && now - j->queued_ns >= limit;
         j = j->next) {
        if (j->answered)
            continue;
        uv_mutex_lock(&j->mu);
        int started = j->started, op = j->op;
        json_t *id = started && j->id ? json_deep_copy(j->id) : NULL;
        j->expired = 1;
        uv_mutex_unlock(&j->mu);
        if (!started)
            continue;
        j->answered = 1;
        size_t n;
        char *reply = job_error_line(id, "timeout", TIMEOUT_MESSAGE, &n);
        json_decref(id);
        count_reply(s, op, "timeout", j->queued_ns);
        if (j->c && reply)
            conn_write(j->c, reply, n);
        else
            free(reply);
    }
}
