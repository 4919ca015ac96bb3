/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * daemon_harness.c -- process and socket plumbing for test_daemon.c.
 * Readiness is taken from the daemon's own sd_notify READY=1 on a
 * NOTIFY_SOCKET we bind, so the notification path is tested too.
 */
#include "daemon_harness.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

void build_path(char *out, size_t size, const char *rel)
{
    const char *build = getenv("PRECIS_BUILD");
    snprintf(out, size, "%s/%s", build && *build ? build : "build/default",
             rel);
}

const char *daemon_binary(void)
{
    static char path[256];
    build_path(path, sizeof path, "daemon/precisd");
    return path;
}

int run_capture(const char *cmd, char *out, size_t size)
{
    char full[2048];
    snprintf(full, sizeof full, "%s 2>&1", cmd);
    FILE *p = popen(full, "r");
    assert_non_null(p);
    size_t got = fread(out, 1, size - 1, p);
    out[got] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Every wait here is a ceiling on an event (a notify message, a reply,
 * an exit), never a sleep a test depends on, so it is stretched to leave
 * room for a saturated machine: under ASan with the other core busy,
 * loading the engine alone took over 10 s. */
#define PATIENCE 6

static long long deadline_after(int timeout_ms)
{
    return now_ms() + (long long)timeout_ms * PATIENCE;
}

/* Daemons started and not yet stopped, for daemon_kill_leftovers. */
static pid_t running[64];

static void remember(pid_t pid)
{
    for (size_t i = 0; i < 64; i++)
        if (!running[i]) {
            running[i] = pid;
            return;
        }
}

static void forget(pid_t pid)
{
    for (size_t i = 0; i < 64; i++)
        if (running[i] == pid)
            running[i] = 0;
}

int daemon_kill_leftovers(void **state)
{
    (void)state;
    for (size_t i = 0; i < 64; i++) {
        if (running[i]) {
            kill(running[i], SIGKILL);
            waitpid(running[i], NULL, 0);
            running[i] = 0;
        }
    }
    return 0;
}

void daemon_prepare(daemon_proc *d)
{
    memset(d, 0, sizeof *d);
    strcpy(d->dir, "/tmp/precisd-test-XXXXXX");
    assert_non_null(mkdtemp(d->dir));
    snprintf(d->sock, sizeof d->sock, "%s/precisd.sock", d->dir);
    snprintf(d->log, sizeof d->log, "%s/precisd.log", d->dir);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s/notify", d->dir);
    d->notify_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    assert_true(d->notify_fd >= 0);
    assert_int_equal(bind(d->notify_fd, (struct sockaddr *)&addr, sizeof addr),
                     0);
}

/* Whether the daemon has exited, leaving it to daemon_stop to reap. */
static int daemon_exited(const daemon_proc *d)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    return d->pid > 0 &&
           waitid(P_PID, (id_t)d->pid, &info, WEXITED | WNOHANG | WNOWAIT) ==
               0 &&
           info.si_pid == d->pid;
}

int daemon_wait_notify(daemon_proc *d, const char *state, int timeout_ms)
{
    long long deadline = deadline_after(timeout_ms);
    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd p = {d->notify_fd, POLLIN, 0};
        /* In slices, so a daemon that died is seen at once. */
        int slice = left < 200 ? (int)left : 200;
        if (left <= 0 || daemon_exited(d))
            return -1;
        int ready = poll(&p, 1, slice);
        if (ready < 0 && errno != EINTR)
            return -1;
        if (ready <= 0)
            continue;
        char msg[512];
        ssize_t n = recv(d->notify_fd, msg, sizeof msg - 1, 0);
        if (n <= 0)
            continue;
        msg[n] = '\0';
        if (strstr(msg, state))
            return 0;
    }
}

void daemon_spawn(daemon_proc *d, int listen_fd, const char *const *extra)
{
    const char *argv[64];
    size_t n = 0;
    argv[n++] = daemon_binary();
    if (listen_fd < 0) {
        argv[n++] = "--socket";
        argv[n++] = d->sock;
    }
    argv[n++] = "--data";
    argv[n++] = test_data_dir();
    /* CI runs as root, where precisd refuses to serve without it; a
     * test that means otherwise passes "--allow-root", "false" after. */
    if (geteuid() == 0) {
        argv[n++] = "--allow-root";
        argv[n++] = "true";
    }
    for (size_t i = 0; extra && extra[i] && n < 62; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    char notify[128];
    snprintf(notify, sizeof notify, "%s/notify", d->dir);
    d->pid = fork();
    assert_true(d->pid >= 0);
    if (d->pid == 0) {
        /* Both output streams to the log: a daemon left behind by a
         * failed test must not hold the test runner's pipes open. */
        FILE *log = freopen(d->log, "w", stderr);
        (void)log;
        dup2(STDERR_FILENO, STDOUT_FILENO);
        setenv("NOTIFY_SOCKET", notify, 1);
        if (listen_fd >= 0) {
            char pid[32];
            if (listen_fd != 3) {
                dup2(listen_fd, 3);
                close(listen_fd);
            }
            snprintf(pid, sizeof pid, "%d", (int)getpid());
            setenv("LISTEN_PID", pid, 1);
            setenv("LISTEN_FDS", "1", 1);
        }
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    remember(d->pid);
    if (daemon_wait_notify(d, "READY=1", 10000) != 0)
        fail_msg("precisd %s; see %s",
                 daemon_exited(d) ? "exited before it was ready"
                                  : "did not become ready",
                 d->log);
}

void daemon_start(daemon_proc *d, const char *const *extra)
{
    daemon_prepare(d);
    daemon_spawn(d, -1, extra);
}

int daemon_stop(daemon_proc *d, int sig, int timeout_ms)
{
    if (d->pid <= 0)
        return -1;
    kill(d->pid, sig);
    long long deadline = deadline_after(timeout_ms);
    int status;
    for (;;) {
        pid_t r = waitpid(d->pid, &status, WNOHANG);
        if (r == d->pid)
            break;
        if (now_ms() > deadline) {
            kill(d->pid, SIGKILL);
            waitpid(d->pid, &status, 0);
            forget(d->pid);
            d->pid = 0;
            return -1;
        }
        usleep(10000);
    }
    forget(d->pid);
    d->pid = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void daemon_cleanup(daemon_proc *d)
{
    if (d->pid > 0)
        daemon_stop(d, SIGKILL, 5000);
    if (d->notify_fd > 0)
        close(d->notify_fd);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", d->dir);
}

int client_open(client *c, const char *sock)
{
    memset(c, 0, sizeof *c);
    c->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock);
    if (c->fd < 0 ||
        connect(c->fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        if (c->fd >= 0)
            close(c->fd);
        c->fd = -1;
        return -1;
    }
    return 0;
}

void client_close(client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    free(c->buf);
    memset(c, 0, sizeof *c);
    c->fd = -1;
}

void client_send(client *c, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(c->fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* the tests check what the server said instead */
        data += n;
        len -= (size_t)n;
    }
}

void client_send_json(client *c, json_t *req)
{
    char *s = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    assert_non_null(s);
    size_t n = strlen(s);
    s = realloc(s, n + 1);
    s[n] = '\n';
    client_send(c, s, n + 1);
    free(s);
}

/* Read until a newline is buffered; 0 when one is, -1 on EOF/timeout. */
static int fill_line(client *c, int timeout_ms)
{
    long long deadline = deadline_after(timeout_ms);
    while (!c->len || !memchr(c->buf, '\n', c->len)) {
        long long left = deadline - now_ms();
        struct pollfd p = {c->fd, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, (int)left) <= 0)
            return -1;
        if (c->cap - c->len < 65536) {
            c->cap = c->cap ? c->cap * 2 : 131072;
            c->buf = realloc(c->buf, c->cap);
        }
        ssize_t n = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        c->len += (size_t)n;
    }
    return 0;
}

json_t *client_recv(client *c, int timeout_ms)
{
    if (fill_line(c, timeout_ms) != 0)
        return NULL;
    char *nl = memchr(c->buf, '\n', c->len);
    size_t n = (size_t)(nl - c->buf);
    json_error_t err;
    json_t *reply = json_loadb(c->buf, n, JSON_ALLOW_NUL, &err);
    if (!reply)
        fail_msg("reply is not JSON: %s: %.*s", err.text, (int)n, c->buf);
    memmove(c->buf, nl + 1, c->len - n - 1);
    c->len -= n + 1;
    return reply;
}

int client_sees_eof(client *c, int timeout_ms)
{
    long long deadline = deadline_after(timeout_ms);
    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd p = {c->fd, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, (int)left) <= 0)
            return 0;
        char tmp[4096];
        ssize_t n = recv(c->fd, tmp, sizeof tmp, 0);
        if (n == 0 || (n < 0 && errno == ECONNRESET))
            return 1;
        if (n < 0)
            return 0;
    }
}

json_t *client_call(client *c, json_t *req)
{
    client_send_json(c, req);
    json_t *reply = client_recv(c, 20000);
    if (!reply)
        fail_msg("no reply within %d s", 20 * PATIENCE);
    return reply;
}

const char *reply_error(json_t *reply)
{
    json_t *code = json_object_get(json_object_get(reply, "error"), "code");
    return json_string_value(code);
}

void assert_daemon_answers(const char *sock)
{
    client c;
    assert_int_equal(client_open(&c, sock), 0);
    json_t *r = client_call(&c, json_pack("{s:s}", "op", "ping"));
    assert_null(reply_error(r));
    assert_true(json_is_true(json_object_get(r, "ok")));
    json_decref(r);
    client_close(&c);
}

void daemon_finish(daemon_proc *d, int timeout_ms)
{
    assert_int_equal(daemon_stop(d, SIGTERM, timeout_ms), 0);
    daemon_cleanup(d);
}
