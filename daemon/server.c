/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * server.c -- the listening socket, signals, reload and shutdown.
 *
 * Startup: listen on the socket systemd passed, or create our own
 * (replacing a stale file left by a crash, refusing if another process
 * still answers on it), then READY=1.  SIGHUP re-reads the config and
 * loads a new engine on the thread pool; the old one stays in use until
 * the new one has loaded, and is freed when its last job finishes.
 * SIGTERM/SIGINT stop accepting, let open connections finish what they
 * sent, and exit after shutdown_timeout_ms at the latest.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <unistd.h>

#include "log.h"
#include "server.h"
#include "systemd.h"

/* How often request deadlines are checked; timeouts fire up to this late. */
#define DEADLINE_TICK_MS 50
/* After shutdown_timeout_ms, how long replies may take to be written
 * before the remaining connections are closed.  The unit's
 * TimeoutStopSec (20 s) covers the default 10 s, this, and the one job
 * per thread left to finish (an 8 MB document takes about a second):
 * jobs handed to the pool but not begun are answered shutting_down. */
#define SHUTDOWN_FLUSH_MS 2000
/* libuv's own default for its thread pool (UV_THREADPOOL_SIZE unset). */
#define UV_DEFAULT_THREADS 4
#define UV_MAX_THREADS 1024

engine_ref *engine_ref_new(precis_engine_t *engine)
{
    engine_ref *r = malloc(sizeof *r);
    if (r) {
        r->engine = engine;
        r->refs = 1;
    }
    return r;
}

engine_ref *engine_ref_acquire(engine_ref *r)
{
    r->refs++;
    return r;
}

void engine_ref_release(engine_ref *r)
{
    if (r && --r->refs == 0) {
        precis_engine_free(r->engine);
        free(r);
    }
}

uint64_t server_now_ms(const server *s)
{
    return uv_now(s->loop);
}

/* The pool's thread count, read as libuv reads it. */
static unsigned pool_threads(void)
{
    const char *v = getenv("UV_THREADPOOL_SIZE");
    long n = v ? strtol(v, NULL, 10) : UV_DEFAULT_THREADS;
    if (n <= 0)
        n = 1;
    return n > UV_MAX_THREADS ? UV_MAX_THREADS : (unsigned)n;
}

int server_init(server *s, uv_loop_t *loop, const config *cfg,
                const config_args *args, precis_engine_t *engine)
{
    memset(s, 0, sizeof *s);
    s->loop = loop;
    s->cfg = *cfg;
    s->args = args;
    s->workers = pool_threads();
    s->engine = engine_ref_new(engine);
    stats_init(&s->stats, uv_now(loop));
    return s->engine ? 0 : -1;
}

/* Is something accepting connections on path? */
static int socket_is_live(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    int live = connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0;
    close(fd);
    return live;
}

/* Create, bind and listen on cfg->socket with cfg->socket_mode. */
static int bind_socket(const config *cfg)
{
    const char *path = cfg->socket;
    struct stat st;
    if (lstat(path, &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            log_msg(LOG_ERROR, "server", "%s exists and is not a socket",
                    path);
            return -1;
        }
        if (socket_is_live(path)) {
            log_msg(LOG_ERROR, "server", "another process is listening on %s",
                    path);
            return -1;
        }
        log_msg(LOG_WARN, "server", "removing stale socket %s", path);
        unlink(path);
    }
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        log_msg(LOG_ERROR, "server", "socket: %s", strerror(errno));
        return -1;
    }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    /* Created with the final permissions, through the umask alone: no
     * window where it is wider, and no chmod(path) that would follow a
     * symlink swapped in after bind(). */
    mode_t old = umask(~cfg->socket_mode & 0777);
    /* Root about to become `user`: the socket gets `group` (files take
     * the creator's effective group), so its members may connect, again
     * without a chown on the path. */
    int regroup = geteuid() == 0 && cfg->has_user &&
                  setegid((gid_t)cfg->run_gid) == 0;
    int rc = bind(fd, (struct sockaddr *)&addr, sizeof addr);
    if (regroup && setegid(0) != 0)
        rc = -1;
    umask(old);
    if (rc != 0 || listen(fd, SOMAXCONN) != 0) {
        int e = errno;
        /* The default /run/precisd exists only under systemd (the
         * socket unit makes it): say how to run without it. */
        log_msg(LOG_ERROR, "server", "cannot listen on %s: %s%s", path,
                strerror(e),
                e == ENOENT || e == EACCES
                    ? "; create its directory, or give --socket PATH "
                      "(e.g. --socket ./precisd.sock)"
                    : "");
        close(fd);
        return -1;
    }
    return fd;
}

static void on_connection(uv_stream_t *listener, int status)
{
    server *s = listener->data;
    if (status < 0) {
        log_msg(LOG_WARN, "server", "accept: %s", uv_strerror(status));
        return;
    }
    conn_accept(s, listener);
}

/* listen = host:port: the same service over TCP, for load balancers
 * and containers.  Port 0 takes a free one, logged. */
static int listen_tcp(server *s)
{
    struct sockaddr_storage addr;
    int loopback;
    if (config_listen_address(s->cfg.listen, &addr, &loopback) != 0)
        return -1; /* config_load checked it */
    uv_tcp_init(s->loop, &s->tcp_listener);
    s->tcp_listener.data = s;
    int rc = uv_tcp_bind(&s->tcp_listener, (struct sockaddr *)&addr, 0);
    if (rc == 0)
        rc = uv_listen((uv_stream_t *)&s->tcp_listener, SOMAXCONN,
                       on_connection);
    if (rc != 0) {
        log_msg(LOG_ERROR, "server", "cannot listen on %s: %s",
                s->cfg.listen, uv_strerror(rc));
        uv_close((uv_handle_t *)&s->tcp_listener, NULL);
        return -1;
    }
    struct sockaddr_storage bound;
    int len = sizeof bound;
    char host[64] = "?";
    int port = 0;
    if (uv_tcp_getsockname(&s->tcp_listener, (struct sockaddr *)&bound,
                           &len) == 0) {
        if (bound.ss_family == AF_INET6) {
            struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&bound;
            uv_ip6_name(a6, host, sizeof host);
            port = ntohs(a6->sin6_port);
        } else {
            struct sockaddr_in *a4 = (struct sockaddr_in *)&bound;
            uv_ip4_name(a4, host, sizeof host);
            port = ntohs(a4->sin_port);
        }
    }
    s->tcp_listening = 1;
    log_msg(loopback ? LOG_INFO : LOG_WARN, "server",
            "listening tcp=%s:%d%s", host, port,
            loopback ? "" : " (not loopback: no authentication)");
    return 0;
}

int server_listen(server *s)
{
    int fd = systemd_listen_fd();
    int activated = fd >= 0;
    if (!activated) {
        fd = bind_socket(&s->cfg);
        if (fd < 0)
            return -1;
        s->own_socket = 1;
    }
    uv_pipe_init(s->loop, &s->listener, 0);
    s->listener.data = s;
    int rc = uv_pipe_open(&s->listener, fd);
    if (rc == 0)
        rc = uv_listen((uv_stream_t *)&s->listener, SOMAXCONN, on_connection);
    if (rc != 0) {
        log_msg(LOG_ERROR, "server", "listen: %s", uv_strerror(rc));
        uv_close((uv_handle_t *)&s->listener, NULL);
        return -1;
    }
    s->listening = 1;
    log_msg(LOG_INFO, "server", "listening path=%s activated=%s",
            activated ? "(systemd socket)" : s->cfg.socket,
            activated ? "yes" : "no");
    return s->cfg.listen[0] ? listen_tcp(s) : 0;
}

static void close_if_open(uv_handle_t *h)
{
    if (h->loop && !uv_is_closing(h))
        uv_close(h, NULL);
}

/* Once draining is over, close the remaining handles so uv_run returns. */
void server_maybe_exit(server *s)
{
    if (!s->draining || s->nconns > 0 || s->pending > 0 || s->reloading)
        return;
    close_if_open((uv_handle_t *)&s->sigterm);
    close_if_open((uv_handle_t *)&s->sigint);
    close_if_open((uv_handle_t *)&s->sighup);
    close_if_open((uv_handle_t *)&s->deadline);
    close_if_open((uv_handle_t *)&s->shutdown);
    close_if_open((uv_handle_t *)&s->watchdog);
    close_if_open((uv_handle_t *)&s->wake);
}

static void on_flush_timeout(uv_timer_t *t)
{
    server *s = t->data;
    log_msg(LOG_WARN, "server", "closing %u connections with replies unread",
            s->nconns);
    while (s->conns)
        conn_close(s->conns);
    server_maybe_exit(s);
}

/* Past shutdown_timeout_ms: queued requests are answered shutting_down,
 * running ones finish and are answered, then connections close once
 * their replies are written, or SHUTDOWN_FLUSH_MS later regardless. */
static void on_shutdown_timeout(uv_timer_t *t)
{
    server *s = t->data;
    log_msg(LOG_WARN, "server",
            "shutdown timeout: answering %u queued requests, %u running, "
            "closing %u connections",
            s->pending - s->running, s->running, s->nconns);
    job_stop_queued(s);
    for (conn *c = s->conns, *next; c; c = next) {
        next = c->next;
        c->close_after_write = 1;
        conn_resume(c);
    }
    uv_timer_start(&s->shutdown, on_flush_timeout, SHUTDOWN_FLUSH_MS, 0);
    server_maybe_exit(s);
}

static void start_draining(server *s, const char *why)
{
    if (s->draining) {
        log_msg(LOG_WARN, "server", "%s again: closing now", why);
        job_stop_queued(s);
        on_flush_timeout(&s->shutdown);
        return;
    }
    s->draining = 1;
    systemd_notify("STOPPING=1");
    log_msg(LOG_INFO, "server", "%s: draining connections=%u pending=%u", why,
            s->nconns, s->pending);
    if (s->listening) {
        uv_close((uv_handle_t *)&s->listener, NULL);
        s->listening = 0;
    }
    if (s->tcp_listening) {
        uv_close((uv_handle_t *)&s->tcp_listener, NULL);
        s->tcp_listening = 0;
    }
    for (conn *c = s->conns; c; c = c->next)
        conn_start_draining(c);
    uv_timer_start(&s->shutdown, on_shutdown_timeout,
                   s->cfg.shutdown_timeout_ms, 0);
    server_maybe_exit(s);
}

/* ---- reload */

typedef struct reload {
    uv_work_t work;
    server *srv;
    char data[sizeof(((config *)0)->data)];
    precis_engine_t *engine;
    precis_error_t err;
} reload;

static void reload_work(uv_work_t *w)
{
    reload *r = w->data;
    precis_engine_open(r->data[0] ? r->data : NULL, &r->engine, &r->err);
}

static void reload_done(uv_work_t *w, int status)
{
    reload *r = w->data;
    server *s = r->srv;
    s->reloading = 0;
    if (status == 0 && r->engine) {
        engine_ref *fresh = engine_ref_new(r->engine);
        if (fresh) {
            engine_ref_release(s->engine);
            s->engine = fresh;
            s->stats.reloads++;
            log_msg(LOG_INFO, "server", "reloaded engine data=%s",
                    r->data[0] ? r->data : "(built-in)");
        } else {
            precis_engine_free(r->engine);
        }
    } else {
        s->stats.reload_failures++;
        log_msg(LOG_ERROR, "server",
                "reload failed, keeping the old engine: %s", r->err.message);
    }
    systemd_notify("READY=1");
    free(r);
    server_maybe_exit(s);
}

static void apply_config(server *s, const config *fresh)
{
    if (strcmp(fresh->socket, s->cfg.socket) != 0 ||
        fresh->socket_mode != s->cfg.socket_mode ||
        strcmp(fresh->listen, s->cfg.listen) != 0)
        log_msg(LOG_WARN, "server", "socket settings change only on restart");
    if (strcmp(fresh->user, s->cfg.user) != 0 ||
        strcmp(fresh->group, s->cfg.group) != 0)
        log_msg(LOG_WARN, "server", "user and group change only on restart");
    config keep = s->cfg;
    s->cfg = *fresh;
    memcpy(s->cfg.socket, keep.socket, sizeof keep.socket);
    s->cfg.socket_mode = keep.socket_mode;
    memcpy(s->cfg.user, keep.user, sizeof keep.user);
    memcpy(s->cfg.listen, keep.listen, sizeof keep.listen);
    memcpy(s->cfg.group, keep.group, sizeof keep.group);
    log_set_level(s->cfg.log_level);
}

static void on_sighup(uv_signal_t *sig, int signum)
{
    (void)signum;
    server *s = sig->data;
    if (s->reloading || s->draining) {
        log_msg(LOG_WARN, "server", "SIGHUP ignored: %s in progress",
                s->reloading ? "reload" : "shutdown");
        return;
    }
    config fresh;
    char err[512];
    if (config_load(&fresh, s->args, err, sizeof err) != 0) {
        s->stats.reload_failures++;
        log_msg(LOG_ERROR, "server", "reload failed, keeping settings: %s",
                err);
        return;
    }
    apply_config(s, &fresh);
    reload *r = calloc(1, sizeof *r);
    if (!r)
        return;
    r->work.data = r;
    r->srv = s;
    memcpy(r->data, s->cfg.data, sizeof r->data);
    s->reloading = 1;
    systemd_notify("RELOADING=1");
    log_msg(LOG_INFO, "server", "reloading");
    uv_queue_work(s->loop, &r->work, reload_work, reload_done);
}

static void on_stop_signal(uv_signal_t *sig, int signum)
{
    start_draining(sig->data, signum == SIGINT ? "SIGINT" : "SIGTERM");
}

static void on_deadline_tick(uv_timer_t *t)
{
    job_check_deadlines(t->data);
    conn_check_hangups(t->data);
}

static void on_watchdog(uv_timer_t *t)
{
    (void)t;
    systemd_notify("WATCHDOG=1");
}

void server_start(server *s)
{
    uv_signal_init(s->loop, &s->sigterm);
    uv_signal_init(s->loop, &s->sigint);
    uv_signal_init(s->loop, &s->sighup);
    s->sigterm.data = s->sigint.data = s->sighup.data = s;
    uv_signal_start(&s->sigterm, on_stop_signal, SIGTERM);
    uv_signal_start(&s->sigint, on_stop_signal, SIGINT);
    uv_signal_start(&s->sighup, on_sighup, SIGHUP);
    uv_timer_init(s->loop, &s->deadline);
    uv_timer_init(s->loop, &s->shutdown);
    uv_timer_init(s->loop, &s->watchdog);
    uv_timer_init(s->loop, &s->wake);
    s->deadline.data = s->shutdown.data = s->watchdog.data = s->wake.data = s;
    uv_timer_start(&s->deadline, on_deadline_tick, DEADLINE_TICK_MS,
                   DEADLINE_TICK_MS);
    uint64_t wd = systemd_watchdog_usec();
    if (wd) {
        uint64_t every = wd / 2000 ? wd / 2000 : 1; /* half, in ms */
        uv_timer_start(&s->watchdog, on_watchdog, every, every);
    }
    systemd_notify("READY=1\nSTATUS=serving");
    log_msg(LOG_INFO, "server", "ready languages=%zu",
            precis_engine_language_count(s->engine->engine));
}

void server_cleanup(server *s)
{
    /* Having left root, precisd may not remove a socket made in root's
     * directory: the next start replaces it as stale. */
    if (s->own_socket && unlink(s->cfg.socket) != 0 && errno != ENOENT)
        log_msg(LOG_WARN, "server", "cannot remove %s: %s", s->cfg.socket,
                strerror(errno));
    engine_ref_release(s->engine);
    s->engine = NULL;
}
