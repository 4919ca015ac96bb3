/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * daemon_harness.h -- starting the real precisd binary on a temporary
 * socket and talking to it like a client, for test_daemon.c.
 *
 * Every timeout_ms below is a ceiling on an event, stretched six times
 * (PATIENCE in daemon_harness.c) so a loaded machine slows a test but
 * does not fail it.
 */
#ifndef PRECIS_DAEMON_HARNESS_H
#define PRECIS_DAEMON_HARNESS_H

#include <stddef.h>
#include <sys/types.h>

#include <jansson.h>

typedef struct daemon_proc {
    pid_t pid;
    char dir[64];   /* scratch directory, removed by daemon_cleanup */
    char sock[108]; /* dir/precisd.sock */
    char log[128];  /* dir/precisd.log: the daemon's stderr */
    int notify_fd;  /* our NOTIFY_SOCKET end */
} daemon_proc;

/* Make the scratch directory and notify socket; no process yet. */
void daemon_prepare(daemon_proc *d);
/* Start precisd with --socket, --data and the NULL-terminated extra
 * arguments; listen_fd >= 0 passes it as an activation socket (fd 3,
 * LISTEN_FDS=1) instead of --socket.  Waits for READY=1 (fails the test
 * at once if precisd exits, after 60 s if it says nothing). */
void daemon_spawn(daemon_proc *d, int listen_fd, const char *const *extra);
/* daemon_prepare + daemon_spawn with no activation socket. */
void daemon_start(daemon_proc *d, const char *const *extra);
/* Wait for a notification containing state ("READY=1"); 0 or -1. */
int daemon_wait_notify(daemon_proc *d, const char *state, int timeout_ms);
/* Signal and wait for exit; returns the exit status, -1 on timeout or a
 * death by signal. */
int daemon_stop(daemon_proc *d, int sig, int timeout_ms);
/* cmocka teardown: kill daemons a failed test left running. */
int daemon_kill_leftovers(void **state);
/* Remove the scratch directory (after daemon_stop). */
void daemon_cleanup(daemon_proc *d);
/* Path of the precisd binary under test. */
const char *daemon_binary(void);
/* rel ("cli/precis") under the build directory ($PRECIS_BUILD). */
void build_path(char *out, size_t size, const char *rel);
/* Run a shell command with stderr joined to stdout; its output in out
 * (cut at size - 1 bytes) and its exit status, -1 if it did not exit. */
int run_capture(const char *cmd, char *out, size_t size);

typedef struct client {
    int fd;
    char *buf;
    size_t len, cap;
} client;

int client_open(client *c, const char *sock); /* 0 or -1 */
void client_close(client *c);
void client_send(client *c, const char *data, size_t len);
void client_send_json(client *c, json_t *req); /* takes req */
/* One reply line parsed, or NULL on EOF or after timeout_ms. */
json_t *client_recv(client *c, int timeout_ms);
/* 1 when the server closed the connection within timeout_ms. */
int client_sees_eof(client *c, int timeout_ms);
/* Send req and wait for one reply. */
json_t *client_call(client *c, json_t *req);

/* A new connection gets an answer to ping. */
void assert_daemon_answers(const char *sock);
/* SIGTERM, expect exit status 0 within timeout_ms, remove the scratch
 * directory. */
void daemon_finish(daemon_proc *d, int timeout_ms);

/* reply.error.code, or NULL when the reply is not an error. */
const char *reply_error(json_t *reply);

#endif
