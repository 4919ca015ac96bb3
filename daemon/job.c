/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * job.c -- a request from its line to its reply.
 *
 * The loop thread cuts lines, parses the short ones, and answers at once
 * what costs nothing: ping, stats, languages and every error it can see.
 * Everything with a cost proportional to the request -- the UTF-8 check
 * and JSON parse of a long line, summarization, JSON output -- runs in
 * work_cb on a pool thread, so a 10 MB document never stalls other
 * clients.
 *
 * A job waits in its connection's queue; the connections with queued
 * jobs take turns, one job each, for the pool's threads, and only a few
 * jobs per thread are handed over at a time (IN_POOL_PER_THREAD), so a
 * flood from one client delays a newcomer by those few and one request
 * of each connection ahead of it.  A queued job costs no thread: its
 * deadline, its connection closing or the shutdown answers or frees it
 * where it waits; one handed over but not yet taken by a thread is taken
 * back (uv_cancel) and answered, or dropped, the same way.  Replies go out as jobs finish, so
 * a connection's replies may come back out of order; every reply
 * carries its request's id.
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "protocol.h"
#include "server.h"

/* Lines this short are parsed on the loop thread (a few microseconds),
 * so ping, stats and languages never wait behind documents; longer lines
 * are documents, parsed by a worker so the loop stays light. */
#define LOOP_PARSE_MAX 1024
/* An error for a line the loop thread did not parse carries the line's
 * id when the line is this short (parsing it is cheap enough); a longer
 * line's id is read by a worker. */
#define ID_PARSE_MAX (64 * 1024)
/* Jobs handed to the pool per thread: one a thread works on and more
 * waiting, so a thread that finishes need not wait for the loop, which
 * shares the cores, to hand it the next.  bench/load at 64 connections
 * on 2 cores, against the old single queue, mean of 3 alternating runs:
 * one per thread lost 10 to 15 %, four 6.5 %, eight gained 7.5 %.  A
 * newcomer waits behind at most this many per thread and one of each
 * connection ahead of it. */
#define IN_POOL_PER_THREAD 8
#define TIMEOUT_MESSAGE "request took longer than request_timeout_ms"
#define SHUTDOWN_MESSAGE "precisd is shutting down"

static const char *cut_message(proto_code code)
{
    return code == PE_TIMEOUT ? TIMEOUT_MESSAGE : SHUTDOWN_MESSAGE;
}

char *job_error_line(json_t *id, proto_code code, const char *message,
                     size_t *len)
{
    return protocol_dump(protocol_error(code, message), id, len);
}

static double ms_between(uint64_t from_ns, uint64_t to_ns)
{
    return (double)(to_ns - from_ns) / 1e6;
}

static void count_reply(server *s, int op, proto_code error_code,
                        uint64_t queued_ns)
{
    s->stats.requests++;
    if (op >= 0 && op < OP_COUNT)
        s->stats.by_op[op]++;
    if (error_code)
        stats_error(&s->stats, error_code);
    stats_latency(&s->stats, (uv_hrtime() - queued_ns) / 1000);
}

/* A finished reply line (taken) to c: an NDJSON line, or the HTTP
 * response of slot. */
static void deliver(conn *c, http_slot *slot, char *line, size_t n,
                    proto_code code)
{
    if (slot)
        http_deliver(c, slot, line, n, code);
    else
        conn_write(c, line, n);
}

/* Send reply (taken) to c with id, counted as one answer. */
static void answer(conn *c, http_slot *slot, json_t *reply, json_t *id,
                   int op, proto_code code, uint64_t queued_ns)
{
    size_t n;
    char *line = reply ? protocol_dump(reply, id, &n) : NULL;
    if (!line) {
        code = PE_INTERNAL;
        line = job_error_line(id, code, "out of memory", &n);
    }
    count_reply(c->srv, op, code, queued_ns);
    if (line)
        deliver(c, slot, line, n, code);
}

/* An error for a line that will not be run, with its id if it is short. */
static void answer_line(conn *c, http_slot *slot, const char *line,
                        size_t len, proto_code code, const char *message,
                        uint64_t queued_ns)
{
    json_t *root = NULL;
    if (line && len <= ID_PARSE_MAX)
        root = json_loadb(line, len, JSON_ALLOW_NUL, NULL);
    answer(c, slot, protocol_error(code, message), json_object_get(root, "id"),
           -1, code, queued_ns);
    json_decref(root);
}

stats_load job_load(const server *s)
{
    return (stats_load){s->pending - s->running, s->running,   s->workers,
                        s->mem_waiting,           s->memory,    s->memory_peak,
                        s->cfg.max_memory};
}

/* The reply to a parsed request the loop thread answers itself, or NULL
 * when it needs a worker. */
static json_t *answer_here(server *s, const request *req, proto_code *code)
{
    *code = PE_NONE;
    if (req->op == OP_STATS) {
        stats_load load = job_load(s);
        return stats_json(&s->stats, server_now_ms(s), &load);
    }
    if (req->op == OP_PING || req->op == OP_LANGUAGES)
        return protocol_run(s->engine->engine, req, code);
    return NULL;
}

/* Parse the request of a submission or job: a line, or a text/plain body
 * with its query. */
static int parse(const char *line, size_t len, int op, int plain,
                 const char *query, size_t qlen, request *req,
                 proto_error *err)
{
    if (plain)
        return protocol_parse_root(
            protocol_plain_request(line, len, query, qlen), op, req, err);
    return protocol_parse_as(line, len, op, req, err);
}

/* ---- the pool thread */

static void work_cb(uv_work_t *w)
{
    job *j = w->data;
    uint64_t start = uv_hrtime();
    proto_error perr;
    int ok = 1;
    /* j->parsed stays the loop's: it says what the loop parsed. */
    if (!j->parsed) {
        ok = parse(j->line, j->len, j->forced_op, j->plain, j->query, j->qlen,
                   &j->req, &perr) == 0;
        free(j->line);
        j->line = NULL;
    }
    uv_mutex_lock(&j->mu);
    j->id = j->req.id ? json_deep_copy(j->req.id) : NULL;
    j->op = ok ? j->req.op : -1;
    j->started = 1;
    proto_code cut = j->cut;
    uv_mutex_unlock(&j->mu);
    if (!ok) {
        j->error_code = perr.code;
        j->reply = protocol_dump(protocol_error(perr.code, perr.message),
                                 j->req.id, &j->reply_len);
    } else if (cut) {
        /* Overdue, or the shutdown came, before a worker got to it:
         * answer, skip the work. */
        j->error_code = cut;
        j->reply = protocol_dump(protocol_error(cut, cut_message(cut)),
                                 j->req.id, &j->reply_len);
    } else {
        /* The engine is held to what the job was charged (memory.h);
         * how long the job waited for a worker goes beside the engine's
         * own time. */
        j->req.opts.max_memory = memory_engine_limit(j->len);
        j->reply = protocol_answer(j->engine->engine, &j->req,
                                   ms_between(j->queued_ns, start),
                                   &j->reply_len, &j->error_code);
    }
    protocol_request_free(&j->req);
}

/* ---- lists */

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
    if (j->parsed)
        protocol_request_free(&j->req);
    free(j->line);
    free(j->query);
    free(j->reply);
    free(j);
}

/* j is answered or abandoned: drop it from every count and free it. */
static void retire(server *s, job *j)
{
    unlink_job(s, j);
    s->pending--;
    if (j->c)
        j->c->inflight--;
    memory_release(s, j->c, &j->charged, j->charged);
    free_job(j);
}

static void turn_push(server *s, conn *c)
{
    c->has_turn = 1;
    c->turn_next = NULL;
    if (s->turn_tail)
        s->turn_tail->turn_next = c;
    else
        s->turn = c;
    s->turn_tail = c;
}

static void turn_remove(server *s, conn *c)
{
    conn **p = &s->turn, *prev = NULL;
    while (*p && *p != c) {
        prev = *p;
        p = &(*p)->turn_next;
    }
    if (*p)
        *p = c->turn_next;
    if (s->turn_tail == c)
        s->turn_tail = prev;
    c->has_turn = 0;
    c->turn_next = NULL;
}

/* Take c's oldest queued job out of its queue. */
static job *dequeue(conn *c)
{
    job *j = c->queue;
    c->queue = j->queue_next;
    if (!c->queue)
        c->queue_tail = NULL;
    j->queue_next = NULL;
    return j;
}

/* ---- the loop thread */

static void after_work_cb(uv_work_t *w, int status)
{
    job *j = w->data;
    server *s = j->srv;
    conn *c = j->c;
    s->running--;
    if (status != 0 && !j->answered) {
        j->error_code = PE_INTERNAL;
        j->reply = job_error_line(NULL, PE_INTERNAL, uv_strerror(status),
                                  &j->reply_len);
    }
    if (!j->answered) {
        if (!j->reply)
            j->reply = job_error_line(j->id, PE_INTERNAL, "out of memory",
                                      &j->reply_len);
        count_reply(s, j->op, j->error_code, j->queued_ns);
        if (c && j->reply) {
            deliver(c, j->slot, j->reply, j->reply_len, j->error_code);
            j->reply = NULL;
        }
    }
    log_msg(LOG_DEBUG, "job", "done conn=%llu op=%d error=%s",
            c ? (unsigned long long)c->number : 0ull, j->op,
            j->error_code ? protocol_code_name(j->error_code) : "none");
    retire(s, j);
    if (c)
        conn_resume(c);
    job_schedule(s);
    server_maybe_exit(s);
}

static void start(server *s, job *j, size_t cost)
{
    j->running = 1;
    memory_charge(s, j->c, &j->charged, cost);
    s->running++;
    int rc = uv_queue_work(s->loop, &j->work, work_cb, after_work_cb);
    if (rc != 0) { /* only for invalid arguments: a bug, but answer */
        log_msg(LOG_ERROR, "job", "cannot queue work: %s", uv_strerror(rc));
        s->running--;
        conn *c = j->c;
        if (c)
            answer_line(c, j->slot, NULL, 0, PE_INTERNAL, uv_strerror(rc),
                        j->queued_ns);
        retire(s, j);
        if (c)
            conn_resume(c);
    }
}

void job_schedule(server *s)
{
    while (s->running < IN_POOL_PER_THREAD * s->workers && s->overdue) {
        job *j = s->overdue;
        s->overdue = j->queue_next;
        j->queue_next = NULL;
        start(s, j, 0); /* parsed and answered timeout: no engine */
    }
    while (s->running < IN_POOL_PER_THREAD * s->workers && s->turn) {
        conn *c = s->turn;
        size_t cost = memory_run_cost(c->queue->len);
        /* The oldest turn waits for memory rather than be overtaken by
         * smaller requests forever; with nothing running it always fits
         * (the reserve, memory.h). */
        if (s->running > 0 && !memory_may_run(s, cost))
            break;
        s->turn = c->turn_next;
        if (!s->turn)
            s->turn_tail = NULL;
        c->has_turn = 0;
        job *j = dequeue(c);
        if (c->queue)
            turn_push(s, c);
        start(s, j, cost);
    }
}

/* One request to answer or queue: a line of NDJSON, or an HTTP body. */
typedef struct submission {
    const char *line; /* the line, or the body */
    size_t len;
    char *owned;      /* line to take over rather than copy (HTTP), or NULL */
    http_slot *slot;  /* HTTP: where the reply goes */
    int op;           /* the op the HTTP path names; -1: the line's */
    int plain;        /* a text/plain body, with the options in query */
    const char *query;
    size_t qlen;
} submission;

static int submit(conn *c, const submission *sub)
{
    server *s = c->srv;
    uint64_t t0 = uv_hrtime();
    const char *line = sub->line;
    size_t len = sub->len;
    http_slot *slot = sub->slot;
    /* line stays valid until return; sub->owned is ours to free unless a
     * job takes it. */
    char *owned = sub->owned;
    if (s->stopping) {
        answer_line(c, slot, line, len, PE_SHUTTING_DOWN, SHUTDOWN_MESSAGE, t0);
        goto done;
    }
    /* A long line's copy must fit in the connection's share: wait for its
     * other requests to finish (reading pauses meanwhile).  Short lines
     * pass, so a ping is answered even then; max_inflight bounds them.
     * An HTTP body was charged as it was read, and is taken, not copied. */
    if (!owned && len > LOOP_PARSE_MAX && c->inflight > 0 &&
        !memory_conn_may_grow(s, c, len))
        return -1;
    request req;
    int parsed = 0;
    if (len <= LOOP_PARSE_MAX) {
        proto_error perr;
        proto_code code;
        json_t *reply;
        if (parse(line, len, sub->op, sub->plain, sub->query, sub->qlen, &req,
                  &perr) != 0) {
            answer(c, slot, protocol_error(perr.code, perr.message), req.id,
                   -1, perr.code, t0);
            protocol_request_free(&req);
            goto done;
        }
        if ((reply = answer_here(s, &req, &code))) {
            answer(c, slot, reply, req.id, req.op, code, t0);
            protocol_request_free(&req);
            goto done;
        }
        parsed = 1;
    }
    const char *refusal = NULL;
    if (s->pending >= s->cfg.max_pending)
        refusal = "too many requests in progress; retry later";
    else if (!memory_may_grow(s, len))
        refusal = "precisd is at max_memory; retry later";
    if (refusal) {
        if (parsed) {
            answer(c, slot, protocol_error(PE_OVERLOADED, refusal), req.id,
                   req.op, PE_OVERLOADED, t0);
            protocol_request_free(&req);
        } else {
            answer_line(c, slot, line, len, PE_OVERLOADED, refusal, t0);
        }
        goto done;
    }
    job *j = calloc(1, sizeof *j);
    char *copy = parsed ? NULL : owned ? owned : malloc(len ? len : 1);
    char *query = sub->query ? strndup(sub->query, sub->qlen) : NULL;
    if (!j || (!parsed && !copy) || (sub->query && !query) ||
        uv_mutex_init(&j->mu) != 0) {
        free(j);
        if (copy != owned)
            free(copy);
        free(query);
        if (parsed)
            protocol_request_free(&req);
        answer_line(c, slot, line, len, PE_INTERNAL, "out of memory", t0);
        goto done;
    }
    if (parsed)
        j->req = req;
    else if (copy != owned)
        memcpy(copy, line, len);
    if (copy == owned)
        owned = NULL; /* the job has it */
    j->work.data = j;
    j->srv = s;
    j->c = c;
    j->slot = slot;
    j->forced_op = sub->op;
    j->plain = sub->plain;
    j->query = query;
    j->qlen = sub->qlen;
    j->engine = engine_ref_acquire(s->engine);
    j->line = copy;
    j->len = len;
    j->parsed = parsed;
    j->op = -1;
    j->queued_ns = t0;
    j->prev = s->jobs_tail;
    if (s->jobs_tail)
        s->jobs_tail->next = j;
    else
        s->jobs = j;
    s->jobs_tail = j;
    if (c->queue_tail)
        c->queue_tail->queue_next = j;
    else
        c->queue = j;
    c->queue_tail = j;
    s->pending++;
    c->inflight++;
    memory_charge(s, c, &j->charged, len);
    if (!c->has_turn)
        turn_push(s, c);
    log_msg(LOG_DEBUG, "job", "queued conn=%llu bytes=%zu pending=%u",
            (unsigned long long)c->number, len, s->pending);
    job_schedule(s);
done:
    free(owned);
    return 0;
}

int job_submit(conn *c, const char *line, size_t len)
{
    submission sub = {.line = line, .len = len, .op = -1};
    return submit(c, &sub);
}

void job_submit_http(conn *c, http_slot *slot, char *body, size_t len,
                     int op, int plain, const char *query, size_t qlen)
{
    /* No body (a GET): the request is the path's op alone. */
    submission sub = {.line = body ? body : "{}", .len = body ? len : 2,
                      .owned = body, .slot = slot, .op = op, .plain = plain,
                      .query = query, .qlen = qlen};
    submit(c, &sub);
}

/* Answer j, which will not run, with code: with the request's id when
 * the loop parsed it, else with the id of a short line. */
static void answer_job(conn *c, job *j, proto_code code, const char *message)
{
    if (j->parsed)
        answer(c, j->slot, protocol_error(code, message), j->req.id,
               j->req.op, code, j->queued_ns);
    else
        answer_line(c, j->slot, j->line, j->len, code, message,
                    j->queued_ns);
}

/* A job still queued when it must be answered without running: c's
 * oldest.  With its id known (parsed, or short) it is answered here;
 * otherwise, for timeouts, a worker reads the id (cut skips the
 * engine), and at shutdown the reply has no id. */
static void answer_queued(server *s, job *j, proto_code code,
                          const char *message, int may_defer)
{
    conn *c = j->c;
    dequeue(c);
    if (!c->queue && c->has_turn)
        turn_remove(s, c);
    if (may_defer && !j->parsed && j->len > ID_PARSE_MAX) {
        j->cut = code;
        j->queue_next = s->overdue;
        s->overdue = j;
        return;
    }
    answer_job(c, j, code, message);
    retire(s, j);
}

/* j, in the pool, is to be answered code instead of run.  Not yet taken
 * by a thread and with its id at hand, it is taken back (uv_cancel) and
 * answered here (1).  Otherwise its thread answers code, skipping the
 * engine, unless it has started (0; *started says which, with the op and
 * a copy of the id it read). */
static int cut_in_pool(server *s, job *j, proto_code code, int *started,
                       int *op, json_t **id)
{
    *started = 0;
    *op = -1;
    *id = NULL;
    int known = j->parsed || j->len <= ID_PARSE_MAX;
    if (!known || uv_cancel((uv_req_t *)&j->work) != 0) {
        uv_mutex_lock(&j->mu);
        j->cut = code;
        *started = j->started;
        *op = j->op;
        *id = j->started && j->id ? json_deep_copy(j->id) : NULL;
        uv_mutex_unlock(&j->mu);
        return 0;
    }
    /* No thread will touch it: after_work_cb comes with UV_ECANCELED. */
    j->answered = 1;
    if (j->c)
        answer_job(j->c, j, code, cut_message(code));
    else
        count_reply(s, -1, code, j->queued_ns);
    return 1;
}

/* Jobs are in arrival order and share one timeout, so the overdue ones
 * are a prefix of the list.  A queued one is answered where it waits; a
 * running one gets its timeout reply now (its result is dropped later).
 * The scan restarts after each queued job, as answering it may resume
 * and so change its connection's jobs; answered jobs in the pool, at
 * most IN_POOL_PER_THREAD per thread, are all it passes again. */
void job_check_deadlines(server *s)
{
    uint64_t limit = (uint64_t)s->cfg.request_timeout_ms * 1000000u;
    if (!limit)
        return;
    for (;;) {
        uint64_t now = uv_hrtime();
        job *j = s->jobs;
        while (j && (j->answered || j->cut) &&
               now - j->queued_ns >= limit)
            j = j->next;
        if (!j || now - j->queued_ns < limit)
            break;
        if (!j->running) {
            conn *c = j->c;
            answer_queued(s, j, PE_TIMEOUT, TIMEOUT_MESSAGE, 1);
            job_schedule(s);
            conn_resume(c);
            continue;
        }
        int started, op;
        json_t *id;
        if (cut_in_pool(s, j, PE_TIMEOUT, &started, &op, &id) || !started)
            continue; /* answered, or the worker answers it */
        j->answered = 1;
        size_t n;
        char *reply = job_error_line(id, PE_TIMEOUT, TIMEOUT_MESSAGE, &n);
        json_decref(id);
        count_reply(s, op, PE_TIMEOUT, j->queued_ns);
        if (j->c && reply)
            deliver(j->c, j->slot, reply, n, PE_TIMEOUT);
        else
            free(reply);
    }
}

void job_forget_conn(conn *c)
{
    server *s = c->srv;
    if (c->has_turn)
        turn_remove(s, c);
    while (c->queue) {
        job *j = dequeue(c);
        s->stats.cancelled++;
        retire(s, j);
    }
    /* In the pool: taken back if no thread has it yet, else left to
     * finish with its result dropped. */
    for (job *j = s->jobs; j; j = j->next) {
        if (j->c != c)
            continue;
        j->c = NULL;
        j->slot = NULL;
        if (!j->answered && uv_cancel((uv_req_t *)&j->work) == 0) {
            j->answered = 1;
            s->stats.cancelled++;
        }
    }
}

void job_stop_queued(server *s)
{
    s->stopping = 1;
    for (conn *c = s->conns; c; c = c->next)
        while (c->queue)
            answer_queued(s, c->queue, PE_SHUTTING_DOWN, SHUTDOWN_MESSAGE, 0);
    /* In the pool, not yet begun: skipped too; begun ones finish. */
    for (job *j = s->jobs; j; j = j->next) {
        int started, op;
        json_t *id;
        if (j->running && !j->answered && !j->cut) {
            cut_in_pool(s, j, PE_SHUTTING_DOWN, &started, &op, &id);
            json_decref(id);
        }
    }
}
