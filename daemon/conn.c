/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * conn.c -- one client connection: reading lines, writing replies,
 * back-pressure, idle timeout and closing.
 *
 * Reads go straight into the connection's line buffer.  Complete lines
 * become jobs until max_inflight of them are in progress; then reading
 * pauses (the kernel buffer fills and the client's writes block), and it
 * resumes as replies go out.  It also pauses while more than
 * WRITE_HIGH_WATER bytes of replies wait for a client that does not read,
 * and when the buffer would have to grow past the connection's share or
 * the server's budget (memory.h): then it waits for memory to be freed.
 * The buffer starts at MEMORY_READ_FLOOR, doubles as a line needs it, up
 * to max_request and one read, and shrinks back once a long line is gone.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "memory.h"
#include "peer.h"
#include "protocol.h"
#include "server.h"

/* Reads want this much room; the buffer grows while it has less. */
#define READ_CHUNK (64 * 1024)
/* A buffer this large that is three quarters empty is shrunk. */
#define SHRINK_ABOVE (256 * 1024)
#define WRITE_HIGH_WATER (16u << 20)
/* While draining for shutdown, a connection quiet this long is closed:
 * long enough for requests already in its socket buffer to be read. */
#define DRAIN_QUIET_MS 200

typedef struct write_req {
    uv_write_t req;
    char *data;
    size_t len;
} write_req;

static void on_handle_closed(uv_handle_t *h)
{
    conn *c = h->data;
    if (--c->open_handles > 0)
        return;
    server *s = c->srv;
    free(c);
    server_maybe_exit(s);
}

/* The buffer's capacity becomes cap (0: freed); 0, or -1 if realloc
 * failed. */
static int resize_buffer(conn *c, size_t cap)
{
    server *s = c->srv;
    char *b = NULL;
    if (cap == 0)
        free(c->buf);
    else if (!(b = realloc(c->buf, cap)))
        return -1;
    if (cap > c->cap)
        memory_charge(s, c, NULL, cap - c->cap);
    else
        memory_release(s, c, NULL, c->cap - cap);
    c->buf = b;
    c->cap = cap;
    return 0;
}

static void set_mem_wait(conn *c, int wait)
{
    if (c->mem_wait == (unsigned)!!wait)
        return;
    c->mem_wait = !!wait;
    if (wait)
        c->srv->mem_waiting++;
    else
        c->srv->mem_waiting--;
}

void conn_close(conn *c)
{
    if (c->closing)
        return;
    c->closing = 1;
    server *s = c->srv;
    job_forget_conn(c);
    http_detach(c);
    set_mem_wait(c, 0);
    resize_buffer(c, 0);
    c->len = 0;
    if (c->prev)
        c->prev->next = c->next;
    else
        s->conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    s->nconns--;
    s->stats.connections_open--;
    log_msg(LOG_DEBUG, "conn", "closed conn=%llu inflight=%u",
            (unsigned long long)c->number, c->inflight);
    uv_close((uv_handle_t *)&c->stream, on_handle_closed);
    uv_close((uv_handle_t *)&c->idle, on_handle_closed);
}

static void on_write(uv_write_t *req, int status)
{
    write_req *w = (write_req *)req;
    conn *c = req->handle->data;
    memory_release(c->srv, c, &c->writing, w->len);
    free(w->data);
    free(w);
    c->writes--;
    if (status < 0 && !c->closing) {
        log_msg(LOG_DEBUG, "conn", "write failed conn=%llu: %s",
                (unsigned long long)c->number, uv_strerror(status));
        conn_close(c);
        return;
    }
    conn_resume(c);
}

void conn_write(conn *c, char *data, size_t len)
{
    write_req *w = malloc(sizeof *w);
    if (c->closing || !w) {
        free(w);
        free(data);
        return;
    }
    w->data = data;
    uv_buf_t buf = uv_buf_init(data, (unsigned)len);
    int rc = uv_write(&w->req, (uv_stream_t *)&c->stream, &buf, 1, on_write);
    if (rc != 0) {
        free(w);
        free(data);
        conn_close(c);
        return;
    }
    w->len = len;
    memory_charge(c->srv, c, &c->writing, len);
    c->writes++;
    c->srv->stats.bytes_out += len;
}

static void on_idle(uv_timer_t *t);

static void restart_idle(conn *c)
{
    server *s = c->srv;
    uint64_t ms = s->draining ? DRAIN_QUIET_MS : s->cfg.idle_timeout_ms;
    if (ms)
        uv_timer_start(&c->idle, on_idle, ms, 0);
}

/* A line longer than max_request: answer, then close the connection,
 * since the rest of that line cannot be told from the next request. */
static void too_large(conn *c)
{
    char msg[128];
    snprintf(msg, sizeof msg, "request line exceeds max_request (%zu bytes)",
             c->srv->cfg.max_request);
    size_t n;
    char *reply = job_error_line(NULL, PE_TOO_LARGE, msg, &n);
    stats_error(&c->srv->stats, PE_TOO_LARGE);
    c->srv->stats.requests++;
    c->len = 0;
    c->close_after_write = 1;
    if (reply)
        conn_write(c, reply, n);
    conn_resume(c);
}

/* Turn complete lines in the buffer into jobs, while the in-flight cap
 * allows; blank lines are ignored. */
static void take_lines(conn *c)
{
    server *s = c->srv;
    size_t pos = 0;
    int partial = 0;
    if (c->len == 0)
        return;
    /* A request line of HTTP begins with its method, in capitals; an
     * NDJSON line with '{' (or a blank). */
    if (c->mode == MODE_UNKNOWN) {
        int http = c->buf[0] >= 'A' && c->buf[0] <= 'Z';
        c->mode = http && http_attach(c) == 0 ? MODE_HTTP : MODE_NDJSON;
    }
    if (c->mode == MODE_HTTP) {
        http_take(c);
        return;
    }
    while (!c->closing && c->inflight < s->cfg.max_inflight) {
        size_t from = pos == 0 ? c->scanned : pos;
        char *nl = memchr(c->buf + from, '\n', c->len - from);
        size_t end = nl ? (size_t)(nl - c->buf) : c->len;
        if (!nl && !(c->eof && end > pos)) {
            partial = 1; /* wait for more, unless input ended */
            break;
        }
        size_t n = end - pos;
        if (n > s->cfg.max_request) {
            too_large(c);
            return;
        }
        if (n > 0 && c->buf[end - 1] == '\r')
            n--; /* tolerate CRLF framing */
        /* Blank: spaces and tabs only.  (Not strchr(" \t", ch), which
         * finds a NUL byte too and left a line of NULs unanswered.) */
        size_t k = 0;
        while (k < n && (c->buf[pos + k] == ' ' || c->buf[pos + k] == '\t'))
            k++;
        if (k < n && job_submit(c, c->buf + pos, n) != 0)
            break; /* this connection's memory is full: wait */
        pos = nl ? end + 1 : end;
    }
    memmove(c->buf, c->buf + pos, c->len - pos);
    c->len -= pos;
    /* What is left: one partial line, all searched; or lines not yet
     * taken (the in-flight cap), searched from where they start. */
    c->scanned = partial ? c->len : pos == 0 ? c->scanned : 0;
    if (c->cap > SHRINK_ABOVE && c->len < c->cap / 4)
        resize_buffer(c, c->len * 2 > READ_CHUNK ? c->len * 2 : READ_CHUNK);
}

/* Room for the next read, growing the buffer if it has less than a
 * read's worth and may grow: 1 if there is any room, else 0. */
static int make_room(conn *c)
{
    server *s = c->srv;
    size_t most = s->cfg.max_request + READ_CHUNK;
    if (c->cap - c->len >= READ_CHUNK || c->cap >= most)
        return c->cap > c->len;
    size_t want = c->cap ? c->cap * 2 : MEMORY_READ_FLOOR;
    if (want > most)
        want = most;
    size_t grow = want - c->cap;
    /* The floor is always granted (memory_reserve keeps it). */
    int may = c->cap == 0 || (memory_may_grow(s, grow) &&
                              memory_conn_may_grow(s, c, grow));
    if (may && resize_buffer(c, want) != 0)
        log_msg(LOG_WARN, "conn", "out of memory growing conn=%llu to %zu",
                (unsigned long long)c->number, want);
    return c->cap > c->len;
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)suggested;
    conn *c = h->data;
    if (!make_room(c)) {
        *buf = uv_buf_init(NULL, 0); /* libuv reports UV_ENOBUFS */
        return;
    }
    *buf = uv_buf_init(c->buf + c->len, (unsigned)(c->cap - c->len));
}

static void stop_reading(conn *c)
{
    if (c->reading) {
        uv_read_stop((uv_stream_t *)&c->stream);
        c->reading = 0;
    }
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    (void)buf;
    conn *c = stream->data;
    if (nread == UV_ENOBUFS) { /* no memory to read into: wait for some */
        stop_reading(c);
        set_mem_wait(c, 1);
        return;
    }
    if (nread == UV_EOF) {
        c->eof = 1;
        stop_reading(c);
    } else if (nread < 0) {
        log_msg(LOG_DEBUG, "conn", "read failed conn=%llu: %s",
                (unsigned long long)c->number, uv_strerror((int)nread));
        conn_close(c);
        return;
    } else {
        c->len += (size_t)nread;
        c->srv->stats.bytes_in += (uint64_t)nread;
    }
    restart_idle(c);
    conn_resume(c);
}

void conn_resume(conn *c)
{
    if (c->closing)
        return;
    server *s = c->srv;
    take_lines(c);
    /* What is left is one partial line: too long already? */
    if (!c->close_after_write && c->len > s->cfg.max_request &&
        c->scanned == c->len)
        too_large(c);
    int quiet = c->inflight == 0 && c->writes == 0;
    if (quiet && (c->close_after_write || (c->eof && c->len == 0))) {
        conn_close(c);
        return;
    }
    int room = c->inflight < s->cfg.max_inflight &&
               uv_stream_get_write_queue_size((uv_stream_t *)&c->stream) <
                   WRITE_HIGH_WATER;
    int want = room && !c->reading && !c->eof && !c->close_after_write;
    /* No buffer room and none to be had: wait for memory. */
    int starved = want && !make_room(c);
    set_mem_wait(c, starved);
    if (want && !starved) {
        if (uv_read_start((uv_stream_t *)&c->stream, on_alloc, on_read) == 0)
            c->reading = 1;
    } else if (!room || starved || c->close_after_write) {
        stop_reading(c);
    }
}

/* Deferred to a timer so no caller of memory_release is re-entered. */
static void on_wake(uv_timer_t *t)
{
    server *s = t->data;
    for (conn *c = s->conns, *next; c && s->mem_waiting; c = next) {
        next = c->next; /* conn_resume may close c (freed only later) */
        if (c->mem_wait)
            conn_resume(c);
    }
}

/* A connection paused for memory reads nothing, so libuv cannot see its
 * client hang up; the kernel can (POLLHUP once both directions are shut),
 * or its buffer would be held until idle_timeout_ms.  A client that only
 * shut its writing side may still want replies: it is left alone. */
void conn_check_hangups(server *s)
{
    for (conn *c = s->conns, *next; c && s->mem_waiting; c = next) {
        next = c->next;
        uv_os_fd_t fd;
        if (!c->mem_wait || uv_fileno((uv_handle_t *)&c->stream, &fd) != 0)
            continue;
        struct pollfd p = {.fd = fd};
        if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR))) {
            log_msg(LOG_DEBUG, "conn", "hung up while waiting conn=%llu",
                    (unsigned long long)c->number);
            conn_close(c);
        }
    }
}

void conn_memory_freed(server *s)
{
    if (s->wake.data && !uv_is_active((uv_handle_t *)&s->wake) &&
        !uv_is_closing((uv_handle_t *)&s->wake) &&
        memory_may_grow(s, MEMORY_READ_FLOOR))
        uv_timer_start(&s->wake, on_wake, 0, 0);
}

static void on_idle(uv_timer_t *t)
{
    conn *c = t->data;
    if (c->inflight == 0 && c->writes == 0) {
        log_msg(LOG_DEBUG, "conn", "%s conn=%llu",
                c->srv->draining ? "drained" : "idle timeout",
                (unsigned long long)c->number);
        conn_close(c);
    } else {
        restart_idle(c);
    }
}

void conn_start_draining(conn *c)
{
    restart_idle(c);
}

static conn *new_conn(server *s, int tcp)
{
    conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->srv = s;
    c->number = ++s->next_conn;
    if (tcp)
        uv_tcp_init(s->loop, &c->stream.tcp);
    else
        uv_pipe_init(s->loop, &c->stream.pipe, 0);
    uv_timer_init(s->loop, &c->idle);
    c->stream.handle.data = c->idle.data = c;
    c->open_handles = 2;
    c->next = s->conns;
    if (s->conns)
        s->conns->prev = c;
    s->conns = c;
    s->nconns++;
    s->stats.connections_open++;
    s->stats.connections_total++;
    return c;
}

/* Turn c away with a reply the client can read, then close it. */
static void refuse(conn *c, enum refusal why)
{
    static const struct {
        proto_code code;
        const char *message, *log;
    } reasons[REFUSED_COUNT] = {
        [REFUSED_MAX_CONNECTIONS] = {PE_OVERLOADED,
                                     "too many connections; retry later",
                                     "max_connections"},
        [REFUSED_PER_UID] = {PE_OVERLOADED,
                             "too many connections from this user; close "
                             "some or retry later",
                             "max_connections_per_uid"},
        [REFUSED_NOT_ALLOWED] = {PE_FORBIDDEN,
                                 "this user may not use precisd "
                                 "(allow_uids, allow_gids)",
                                 "not in allow_uids or allow_gids"},
    };
    server *s = c->srv;
    c->refused = 1;
    s->stats.connections_refused++;
    s->stats.refused_by[why]++;
    log_msg(LOG_WARN, "conn", "refused conn=%llu uid=%d: %s",
            (unsigned long long)c->number, c->peer_known ? (int)c->uid : -1,
            reasons[why].log);
    size_t n;
    char *reply = job_error_line(NULL, reasons[why].code,
                                 reasons[why].message, &n);
    stats_error(&s->stats, reasons[why].code);
    c->close_after_write = 1;
    if (reply)
        conn_write(c, reply, n);
    conn_resume(c);
}

/* Connections held by uid, c among them; O(connections), at accept only. */
static unsigned conns_of(const server *s, unsigned uid)
{
    unsigned n = 0;
    for (const conn *o = s->conns; o; o = o->next)
        n += !o->refused && o->peer_known && o->uid == uid;
    return n;
}

void conn_accept(server *s, uv_stream_t *listener)
{
    int tcp = listener->type == UV_TCP;
    conn *c = new_conn(s, tcp);
    if (!c) {
        log_msg(LOG_ERROR, "conn", "out of memory accepting a connection");
        return;
    }
    if (uv_accept(listener, (uv_stream_t *)&c->stream)) {
        conn_close(c);
        return;
    }
    uv_os_fd_t fd;
    peer p;
    /* Over TCP there are no credentials: no uid to count, and no allow
     * list lets it in. */
    if (!tcp && uv_fileno((uv_handle_t *)&c->stream, &fd) == 0 &&
        peer_read(fd, &p) == 0) {
        c->peer_known = 1;
        c->uid = p.uid;
    }
    if (s->nconns > s->cfg.max_connections) {
        refuse(c, REFUSED_MAX_CONNECTIONS);
        return;
    }
    /* Credentials that cannot be read never pass an allow list. */
    int listed = s->cfg.n_allow_uids || s->cfg.n_allow_gids;
    if (listed && (!c->peer_known || !peer_allowed(&s->cfg, &p))) {
        refuse(c, REFUSED_NOT_ALLOWED);
        return;
    }
    if (c->peer_known && s->cfg.max_connections_per_uid &&
        conns_of(s, c->uid) > s->cfg.max_connections_per_uid) {
        refuse(c, REFUSED_PER_UID);
        return;
    }
    log_msg(LOG_DEBUG, "conn", "accepted conn=%llu open=%u",
            (unsigned long long)c->number, s->nconns);
    restart_idle(c);
    conn_resume(c);
}

int conn_adopt(server *s, int fd)
{
    conn *c = new_conn(s, 0);
    if (!c)
        return -1;
    if (uv_pipe_open(&c->stream.pipe, fd) != 0) {
        conn_close(c);
        return -1;
    }
    restart_idle(c);
    conn_resume(c);
    return 0;
}
