/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * server.h -- precisd's state, owned by the event loop thread.
 *
 * Lifetimes in one place: a conn lives from accept to the close callback
 * of its last handle; a job from the line that made it to its
 * after-work callback, and it only points at its conn while the conn is
 * open (conn_close detaches it); an engine lives while the server or any
 * job holds a reference, so a reload never frees an engine in use.
 */
#ifndef PRECISD_SERVER_H
#define PRECISD_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <uv.h>

#include "config.h"
#include "precis.h"
#include "stats.h"

typedef struct engine_ref {
    precis_engine_t *engine;
    unsigned refs;
} engine_ref;

typedef struct server server;
typedef struct conn conn;
typedef struct job job;

struct conn {
    uv_pipe_t pipe;
    uv_timer_t idle;
    server *srv;
    char *buf; /* bytes read, not yet taken as lines */
    size_t len, cap;
    size_t scanned; /* buf[0, scanned) holds no '\n': a partial line is
                       searched once, not again from its start on every
                       read (8 MB in 1 KB reads cost seconds) */
    unsigned inflight;     /* jobs of this conn not yet answered */
    unsigned writes;       /* uv_write requests not yet done */
    unsigned open_handles; /* freed when this drops to 0 */
    unsigned reading : 1;
    unsigned eof : 1; /* the client will send nothing more */
    unsigned closing : 1;
    unsigned close_after_write : 1;
    unsigned refused : 1;    /* turned away at accept: counts for no one */
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
    char *line;
    size_t len;
    uint64_t queued_ns;
    /* Shared with the worker thread, under mu: */
    uv_mutex_t mu;
    json_t *id;  /* copy of the request id once parsed */
    int op;      /* enum op once parsed, else -1 */
    int started; /* a worker has parsed the request */
    int expired; /* the deadline passed */
    /* Loop thread only: */
    int answered; /* the timeout reply went out already */
    /* Written by the worker, read after it is done: */
    const char *error_code; /* NULL on success */
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
    int own_socket; /* we created the socket file: unlink on exit */
    engine_ref *engine;
    conn *conns;
    unsigned nconns;
    job *jobs, *jobs_tail;
    unsigned pending;
    uint64_t next_conn;
    stats stats;
    uv_signal_t sigterm, sigint, sighup;
    uv_timer_t deadline, shutdown, watchdog;
    int draining;
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
void conn_accept(server *s);
void conn_close(conn *c);
void conn_write(conn *c, char *data, size_t len); /* takes data */
/* Take waiting lines, restart reading, or close, as the state allows. */
void conn_resume(conn *c);
void conn_start_draining(conn *c);

/* job.c */
/* Queue one request line of c (copied). */
void job_submit(conn *c, const char *line, size_t len);
/* Answer overdue requests with a timeout error. */
void job_check_deadlines(server *s);
/* A ready error line for the request id (may be NULL). */
char *job_error_line(json_t *id, const char *code, const char *message,
                     size_t *len);

/* server.c */
void server_maybe_exit(server *s);
uint64_t server_now_ms(const server *s);

#endif
