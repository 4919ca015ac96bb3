/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cli.h -- what the precis command's parts share.
 *
 * Every document, one-off or batch, becomes a protocol request line
 * (docs/protocol.md) and gets a reply line, from precisd over its socket
 * or from the engine in this process: the same request, the same
 * serializer (daemon/protocol.c), so the same answer either way.
 */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <stddef.h>

#include <jansson.h>

#include "precis.h"

#define CLI_DEFAULT_SOCKET "/run/precisd/precisd.sock"

enum where { WHERE_AUTO, WHERE_LOCAL, WHERE_REMOTE };

typedef struct cli {
    int where;               /* enum where */
    int socket_given;        /* -s PATH: never fall back to local */
    const char *socket;      /* daemon socket path */
    const char *data;        /* engine data dir, NULL: installed */
    precis_engine_t *engine; /* loaded on first local use */
    int remote_fd;           /* connection to precisd, -1: none */
    char *rbuf;              /* bytes received, not yet a whole line */
    size_t rlen, rcap;
} cli;

/* Decide between daemon and engine (connecting or loading as needed);
 * 0, or -1 with a message in err. */
int cli_connect(cli *c, char *err, size_t errlen);
void cli_close(cli *c);
/* One request line in, one reply line out (malloc'd, without newline);
 * NULL with a message in err when the daemon connection broke. */
char *cli_answer(cli *c, const char *line, size_t len, size_t *out_len,
                 char *err, size_t errlen);
/* 1 when a reply line is an error reply. */
int cli_is_error(json_t *reply);
/* The reply to a request line computed in this process; *failed is set
 * when it is an error reply. */
char *cli_answer_local(const precis_engine_t *engine, const char *line,
                       size_t len, size_t *out_len, int *failed);

/* remote.c: blocking line I/O with precisd. */
int remote_open(const char *path);
int remote_send(int fd, const char *data, size_t len);
/* Next reply line (malloc'd, no newline), NULL on EOF or error. */
char *remote_recv(int fd, char **buf, size_t *buflen, size_t *bufcap,
                  size_t *out_len);

/* batch.c: --batch FILE ("-" for stdin) to stdout, one reply line per
 * input line, blank lines included. */
typedef struct batch_opts {
    const char *path;
    const char *op; /* "op" of requests that give none; NULL: none */
    int jobs;       /* worker threads (local); 0: the CPUs we may use */
    int progress;   /* 1: always draw progress, 0: only on a terminal */
} batch_opts;
/* 0 when every line got a successful reply, 1 when some were errors, -1
 * on a fatal error. */
int batch_run(cli *c, const batch_opts *o);
/* The CPUs this process may run on: its affinity mask, capped by a
 * cgroup CPU quota (cgroup v2 cpu.max, v1 cpu.cfs_quota_us). */
int cli_cpus_available(void);

/* render.c: a summarize reply as text for people; a segment reply as
 * one sentence a line. */
void render_text(json_t *reply, int offsets, FILE *out);
void render_segments(json_t *reply, int offsets, FILE *out);
/* precis --html: the page for reply, of text[0, len) (html.c). */
void render_html(json_t *reply, const char *text, size_t len, FILE *out);

#endif
