/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * server.h -- precisd's state, owned by the event loop thread.
 *
 * Lifetimes in one place: a conn lives from accept to the close callback
 * of its last handle; a job from the line that made it to its reply (a
 * queued job) or to its after-work callback (a running one), and it only
 * points at its conn while the conn is open (conn_close frees its queued
 * jobs and detaches its running ones); an engine lives while the server
 * or any job holds a reference, so a reload never frees an engine in use.
 *
 * Scheduling (job.c): each connection queues its own requests, and the
 * connections with queued work take turns (round robin) for the pool's
 * threads, so one client's flood delays another client by a few
 * requests, not by the whole flood.  Memory (memory.h): every buffer
 * and job is charged to the server's budget, max_memory.
 */
#ifndef PRECISD_SERVER_H
#define PRECISD_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <uv.h>

#include "config.h"
#include "http.h"
#include "precis.h"
#include "protocol.h"
#include "stats.h"

typedef struct engine_ref {
    precis_engine_t *engine;
    unsigned refs;
} engine_ref;

typedef struct server server;
typedef struct conn conn;
typedef struct job job;

/* What a connection speaks, told by its first byte. */
enum conn_mode { MODE_UNKNOWN, MODE_NDJSON, MODE_HTTP };

struct conn {
    union {
        uv_handle_t handle;
        uv_pipe_t pipe; /* the Unix socket */
        uv_tcp_t tcp;   /* listen = host:port */
    } stream;
    uv_timer_t idle;
    server *srv;
    char *buf; /* bytes read, not yet taken as lines */
    size_t len, cap;
    size_t scanned; /* buf[0, scanned) holds no '\n': a partial line is
                       searched once, not again from its start on every
                       read (8 MB in 1 KB reads cost seconds) */
    unsigned inflight;     /* jobs of this conn not yet answered */
    job *queue, *queue_tail; /* its queued jobs, oldest first */
    conn *turn_next;         /* in the server's turn queue */
    size_t charged;          /* bytes of the budget it holds (memory.h) */
    size_t writing;          /* bytes of replies not yet written */
    unsigned writes;       /* uv_write requests not yet done */
    unsigned open_handles; /* freed when this drops to 0 */
    unsigned reading : 1;
    unsigned eof : 1; /* the client will send nothing more */
    unsigned closing : 1;
    unsigned close_after_write : 1;
    unsigned refused : 1;    /* turned away at accept: counts for no one */
    unsigned has_turn : 1;   /* in the server's turn queue */
    unsigned mem_wait : 1;   /* reading paused until memory is freed */
    unsigned mode : 2;       /* enum conn_mode */
    http_conn *http;         /* MODE_HTTP: its parser and responses */
    unsigned peer_known : 1; /* uid below read with SO_PEERCRED */
    unsigned uid;            /* the client's user */
    uint64_t number;         /* for logs */
    conn *prev, *next;
};

struct job {
    uv_work_t work;
    server *srv;
    conn *c; /* NULL once the connection is gone */
    engine_ref *engine;
    char *line; /* NULL when the loop thread parsed it into req */
    size_t len;
    request req; /* parsed on the loop thread (short lines), else by the
                    worker */
    int parsed;  /* the loop parsed the line into req (never set by a
                    worker) */
    int running; /* handed to the thread pool */
    size_t charged; /* bytes of the budget it holds */
    uint64_t queued_ns;
    job *queue_next; /* in its conn's queue (or server.overdue) */
    http_slot *slot; /* HTTP: the response it fills (NULL: NDJSON) */
    int forced_op;   /* the op an HTTP path names, or -1 */
    int plain;       /* line is a text/plain body with options in query */
    char *query;
    size_t qlen;
    /* Shared with the worker thread, under mu: */
    uv_mutex_t mu;
    json_t *id;  /* copy of the request id once parsed */
    int op;      /* enum op once parsed, else -1 */
    int started; /* a worker has parsed the request */
    proto_code cut; /* answer this error instead of running: "timeout"
                        or "shutting_down" (NULL: run) */
    /* Loop thread only: */
    int answered; /* the timeout reply went out already */
    /* Written by the worker, read after it is done: */
    proto_code error_code; /* NULL on success */
    char *reply;
    size_t reply_len;
    job *prev, *next; /* server-wide, oldest first */
};

struct server {
    uv_loop_t *loop;
    config cfg;
    const config_args *args;
    uv_pipe_t listener;
    int listening;
    uv_tcp_t tcp_listener; /* listen = host:port, when set */
    int tcp_listening;
    int own_socket; /* we created the socket file: unlink on exit */
    engine_ref *engine;
    conn *conns;
    unsigned nconns;
    job *jobs, *jobs_tail;
    unsigned pending;   /* jobs queued or running */
    unsigned running;   /* jobs in the thread pool */
    unsigned workers;   /* the pool's threads: at most this many run */
    conn *turn, *turn_tail; /* connections with queued jobs, next first */
    job *overdue;           /* long queued lines past their deadline: a
                               worker reads their id and answers timeout */
    size_t memory;      /* bytes charged to max_memory */
    size_t memory_peak;
    unsigned mem_waiting; /* connections with mem_wait set */
    uint64_t next_conn;
    stats stats;
    uv_signal_t sigterm, sigint, sighup;
    uv_timer_t deadline, shutdown, watchdog;
    uv_timer_t wake; /* resumes connections waiting for memory */
    int draining;
    int stopping; /* the shutdown timeout passed: no more work */
    int reloading;
};

int server_init(server *s, uv_loop_t *loop, const config *cfg,
                const config_args *args, precis_engine_t *engine);
/* Listen on the systemd socket, or create cfg.socket; 0 or -1 (logged). */
int server_listen(server *s);
/* Start signal handling and timers; announce readiness. */
void server_start(server *s);
/* After uv_run returns. */
void server_cleanup(server *s);

/* Engine references (loop thread only). */
engine_ref *engine_ref_new(precis_engine_t *engine);
engine_ref *engine_ref_acquire(engine_ref *r);
void engine_ref_release(engine_ref *r);

/* conn.c */
/* Accept one connection waiting on listener (the Unix or TCP one). */
void conn_accept(server *s, uv_stream_t *listener);
/* Serve an already connected Unix socket fd as a client (fuzz/). */
int conn_adopt(server *s, int fd);
void conn_close(conn *c);
void conn_write(conn *c, char *data, size_t len); /* takes data */
/* Take waiting lines, restart reading, or close, as the state allows. */
void conn_resume(conn *c);
void conn_start_draining(conn *c);

/* Wake connections that paused reading for memory, once there is some. */
void conn_memory_freed(server *s);
/* Close connections paused for memory whose clients hung up. */
void conn_check_hangups(server *s);

/* job.c */
/* Answer or queue one request line of c (copied); 0, or -1 when it must
 * wait (c holds its max_connection_memory) and stays in c's buffer. */
int job_submit(conn *c, const char *line, size_t len);
/* Answer or queue an HTTP request of c for slot: its body (taken; NULL,
 * a GET's: the request object is {}), the op its path names, whether the
 * body is text/plain with the options in query. */
void job_submit_http(conn *c, http_slot *slot, char *body, size_t len,
                     int op, int plain, const char *query, size_t qlen);
/* Hand queued jobs to idle pool threads, connections taking turns. */
void job_schedule(server *s);
/* Answer overdue requests with a timeout error. */
void job_check_deadlines(server *s);
/* The figures a stats reply shows beside the counters. */
stats_load job_load(const server *s);
/* c is closing: free its queued jobs, take back those in the pool no
 * thread has begun, and detach the running ones (their results are
 * dropped). */
void job_forget_conn(conn *c);
/* From now on answer every request shutting_down, those queued first
 * (the shutdown timeout). */
void job_stop_queued(server *s);
/* A ready error line for the request id (may be NULL). */
char *job_error_line(json_t *id, proto_code code, const char *message,
                     size_t *len);

/* server.c */
void server_maybe_exit(server *s);
uint64_t server_now_ms(const server *s);

#endif
