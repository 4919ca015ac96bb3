/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * http.c -- HTTP/1.1 on precisd's socket (http.h).
 *
 * The parser is Debian's libhttp-parser (nodejs/http-parser 2.9): a
 * callback parser with keep-alive, pipelining and chunked bodies, fed
 * each read as it comes.  llhttp, its successor, is not packaged as a C
 * library in Debian 12, and picohttpparser ships inside libh2o without a
 * header (docs/precisd.md).
 *
 * Each request gets a slot in the connection's response queue when its
 * message is complete; slots are filled as jobs finish, in any order,
 * and written from the front only, so responses keep the order of the
 * requests.  A request the loop can answer (ping, languages, stats,
 * metrics, an error) fills its slot at once.
 */
#include "http.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <http_parser.h>

#include "log.h"
#include "memory.h"
#include "metrics.h"
#include "view.h"
#include "protocol.h"
#include "server.h"

/* The request target, query included; a longer one is answered 414. */
#define URL_MAX 4096

struct http_slot {
    http_slot *next;
    char *response; /* NULL until answered */
    size_t len;
    int close; /* the connection closes after it */
};

enum header { H_OTHER, H_CONTENT_TYPE, H_EXPECT };

struct http_conn {
    http_parser parser;
    char url[URL_MAX + 1];
    size_t url_len;
    int url_too_long;
    char field[32]; /* current header name, lower case, cut */
    size_t field_len;
    enum header header;
    int in_value;    /* the last callback was a header value */
    int plain;       /* Content-Type: text/plain */
    int other_type;  /* a Content-Type neither JSON nor text/plain */
    int expect;      /* Expect: 100-continue */
    char *body;
    size_t body_len, body_cap;
    http_slot *head, *tail;
    int parsing; /* inside http_parser_execute: callbacks run */
    int dead;    /* the connection closed meanwhile: free after */
};

static const char *reason(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Error";
    }
}

/* The status for a protocol error code (NULL: success). */
/* Write the answered slots at the front of the queue, in order. */
static void flush(conn *c)
{
    http_conn *h = c->http;
    while (h->head && h->head->response) {
        http_slot *s = h->head;
        h->head = s->next;
        if (!h->head)
            h->tail = NULL;
        if (s->close)
            c->close_after_write = 1;
        conn_write(c, s->response, s->len);
        free(s);
        if (h->dead)
            return;
    }
    /* From a parser callback, http_take resumes once the parser returns. */
    if (!h->parsing)
        conn_resume(c);
}

/* Fill slot with a response of status, content type and body. */
static void respond(conn *c, http_slot *slot, int status, const char *type,
                    const char *extra, const char *body, size_t len)
{
    int keep = !slot->close;
    char head[512];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n"
                     "Content-Length: %zu\r\n%s%s\r\n",
                     status, reason(status), type, len, extra ? extra : "",
                     keep ? "" : "Connection: close\r\n");
    char *out = malloc((size_t)n + len);
    if (out) {
        memcpy(out, head, (size_t)n);
        memcpy(out + n, body, len);
    }
    slot->response = out;
    slot->len = out ? (size_t)n + len : 0;
    slot->close = slot->close || !keep || !out;
    if (!out)
        slot->response = strdup(""); /* an empty write, then a close */
    flush(c);
}

void http_deliver(conn *c, http_slot *slot, char *line, size_t len,
                  proto_code code)
{
    int status = protocol_code_status(code);
    const char *extra = status == 503 ? "Retry-After: 1\r\n" : NULL;
    /* Errors after which the stream cannot be trusted close it. */
    if (status == 413)
        slot->close = 1;
    respond(c, slot, status, "application/json", extra, line, len);
    free(line);
}

/* An error response of the protocol's shape for slot, with extra
 * header lines (NULL: none). */
static void respond_error(conn *c, http_slot *slot, int status,
                          proto_code code, const char *message, int close,
                          const char *extra)
{
    size_t n;
    char *line = job_error_line(NULL, code, message, &n);
    slot->close = slot->close || close;
    c->srv->stats.requests++;
    stats_error(&c->srv->stats, code);
    respond(c, slot, status, "application/json", extra, line ? line : "",
            line ? n : 0);
    free(line);
}

static http_slot *new_slot(http_conn *h)
{
    http_slot *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (h->tail)
        h->tail->next = s;
    else
        h->head = s;
    h->tail = s;
    return s;
}

/* ---- parser callbacks */

static int on_message_begin(http_parser *p)
{
    conn *c = p->data;
    http_conn *h = c->http;
    h->url_len = 0;
    h->url_too_long = h->plain = h->other_type = h->expect = 0;
    h->field_len = 0;
    h->in_value = 0;
    h->body_len = 0;
    return 0;
}

static int on_url(http_parser *p, const char *at, size_t n)
{
    http_conn *h = ((conn *)p->data)->http;
    if (h->url_len + n > URL_MAX) {
        h->url_too_long = 1;
        return 0;
    }
    memcpy(h->url + h->url_len, at, n);
    h->url_len += n;
    h->url[h->url_len] = '\0';
    return 0;
}

static int on_header_field(http_parser *p, const char *at, size_t n)
{
    http_conn *h = ((conn *)p->data)->http;
    if (h->in_value) { /* a new header begins */
        h->field_len = 0;
        h->in_value = 0;
    }
    for (size_t i = 0; i < n && h->field_len + 1 < sizeof h->field; i++)
        h->field[h->field_len++] = (char)tolower((unsigned char)at[i]);
    h->field[h->field_len] = '\0';
    return 0;
}

static int on_header_value(http_parser *p, const char *at, size_t n)
{
    http_conn *h = ((conn *)p->data)->http;
    if (!h->in_value) {
        h->in_value = 1;
        h->header = !strcmp(h->field, "content-type") ? H_CONTENT_TYPE
                    : !strcmp(h->field, "expect")     ? H_EXPECT
                                                      : H_OTHER;
        if (h->header == H_CONTENT_TYPE) {
            /* The media type is the value up to ';' (RFC 9110 8.3). */
            size_t k = 0;
            while (k < n && at[k] != ';' && at[k] != ' ')
                k++;
            h->plain = k == 10 && !strncasecmp(at, "text/plain", 10);
            h->other_type = !h->plain &&
                            !(k == 16 && !strncasecmp(at, "application/json",
                                                      16));
        } else if (h->header == H_EXPECT) {
            h->expect = n >= 12 && !strncasecmp(at, "100-continue", 12);
        }
    }
    return 0;
}

/* A body over max_request: answered 413 at once, without waiting for
 * the rest of it, and the connection closes (the stream cannot be read
 * on).  Stops the parser. */
static int refuse_body(conn *c)
{
    http_slot *slot = new_slot(c->http);
    if (slot) {
        char msg[128];
        snprintf(msg, sizeof msg, "body exceeds max_request (%zu bytes)",
                 c->srv->cfg.max_request);
        respond_error(c, slot, 413, PE_TOO_LARGE, msg, 1, NULL);
    }
    c->close_after_write = 1;
    return -1;
}

static int on_headers_complete(http_parser *p)
{
    conn *c = p->data;
    http_conn *h = c->http;
    size_t limit = c->srv->cfg.max_request;
    int announced = (p->flags & F_CONTENTLENGTH) != 0;
    if (announced && p->content_length > limit)
        return refuse_body(c);
    /* The client waits for a go-ahead before sending the body: give it
     * unless the body is already known to be refused. */
    if (h->expect) {
        static const char go[] = "HTTP/1.1 100 Continue\r\n\r\n";
        char *copy = malloc(sizeof go - 1);
        if (copy) {
            memcpy(copy, go, sizeof go - 1);
            conn_write(c, copy, sizeof go - 1);
        }
    }
    return 0;
}

static int on_body(http_parser *p, const char *at, size_t n)
{
    conn *c = p->data;
    http_conn *h = c->http;
    if (h->body_len + n > c->srv->cfg.max_request)
        return refuse_body(c);
    if (h->body_len + n > h->body_cap) {
        size_t cap = h->body_cap ? h->body_cap : 4096;
        while (cap < h->body_len + n)
            cap *= 2;
        char *grown = realloc(h->body, cap);
        if (!grown)
            return -1;
        memory_charge(c->srv, c, NULL, cap - h->body_cap);
        h->body = grown;
        h->body_cap = cap;
    }
    memcpy(h->body + h->body_len, at, n);
    h->body_len += n;
    return 0;
}

/* The body, handed over (the job frees it). */
static char *take_body(conn *c, size_t *len)
{
    http_conn *h = c->http;
    char *body = h->body ? h->body : malloc(1);
    *len = h->body_len;
    memory_release(c->srv, c, NULL, h->body_cap);
    h->body = NULL;
    h->body_len = h->body_cap = 0;
    return body;
}

static void route(conn *c, http_slot *slot)
{
    http_conn *h = c->http;
    http_parser *p = &h->parser;
    if (h->url_too_long) {
        respond_error(c, slot, 414, PE_BAD_REQUEST, "request target too long",
                      0, NULL);
        return;
    }
    struct http_parser_url u;
    http_parser_url_init(&u);
    if (http_parser_parse_url(h->url, h->url_len, 0, &u) != 0 ||
        !(u.field_set & (1 << UF_PATH))) {
        respond_error(c, slot, 400, PE_BAD_REQUEST, "malformed request target",
                      0, NULL);
        return;
    }
    const char *path = h->url + u.field_data[UF_PATH].off;
    size_t plen = u.field_data[UF_PATH].len;
    const char *query = u.field_set & (1 << UF_QUERY)
                            ? h->url + u.field_data[UF_QUERY].off
                            : NULL;
    size_t qlen = query ? u.field_data[UF_QUERY].len : 0;
    static const struct {
        const char *path;
        int method; /* enum http_method */
        int op;     /* enum op, or -1: metrics, -2: the page */
    } routes[] = {
        {"/v1/summarize", HTTP_POST, OP_SUMMARIZE},
        {"/v1/segment", HTTP_POST, OP_SEGMENT},
        {"/v1/ping", HTTP_GET, OP_PING},
        {"/v1/languages", HTTP_GET, OP_LANGUAGES},
        {"/v1/stats", HTTP_GET, OP_STATS},
        {"/metrics", HTTP_GET, -1},
        {"/", HTTP_GET, -2},
    };
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strlen(routes[i].path) != plen ||
            memcmp(routes[i].path, path, plen) != 0)
            continue;
        if ((int)p->method != routes[i].method) {
            int post = routes[i].method == HTTP_POST;
            respond_error(c, slot, 405, PE_BAD_REQUEST,
                          post ? "use POST" : "use GET", 0,
                          post ? "Allow: POST\r\n" : "Allow: GET\r\n");
            return;
        }
        if (routes[i].op == -2) {
            c->srv->stats.requests++;
            respond(c, slot, 200, "text/html; charset=utf-8", NULL, view_page,
                    strlen(view_page));
            return;
        }
        if (routes[i].op < 0) {
            char *text = metrics_text(c->srv);
            c->srv->stats.requests++;
            respond(c, slot, 200, "text/plain; version=0.0.4", NULL,
                    text ? text : "", text ? strlen(text) : 0);
            free(text);
            return;
        }
        if (routes[i].method == HTTP_POST && h->other_type) {
            respond_error(c, slot, 415, PE_BAD_REQUEST,
                          "send application/json or text/plain", 0, NULL);
            return;
        }
        size_t len = 0;
        char *body = routes[i].method == HTTP_POST ? take_body(c, &len) : NULL;
        job_submit_http(c, slot, body, len, routes[i].op, h->plain, query,
                        qlen);
        return;
    }
    respond_error(c, slot, 404, PE_BAD_REQUEST, "no such path", 0, NULL);
}

static int on_message_complete(http_parser *p)
{
    conn *c = p->data;
    http_conn *h = c->http;
    if (c->closing || h->dead)
        return -1; /* stop: nothing more is read on this connection */
    http_slot *slot = new_slot(h);
    if (!slot)
        return -1;
    /* HTTP/1.0 without keep-alive, or Connection: close. */
    slot->close = !http_should_keep_alive(p);
    route(c, slot);
    /* The next pipelined request waits while this connection has its
     * fill of requests in progress. */
    if (c->inflight >= c->srv->cfg.max_inflight || c->close_after_write)
        http_parser_pause(p, 1);
    return 0;
}

static const http_parser_settings settings = {
    .on_message_begin = on_message_begin,
    .on_url = on_url,
    .on_header_field = on_header_field,
    .on_header_value = on_header_value,
    .on_headers_complete = on_headers_complete,
    .on_body = on_body,
    .on_message_complete = on_message_complete,
};

int http_attach(conn *c)
{
    http_conn *h = calloc(1, sizeof *h);
    if (!h)
        return -1;
    http_parser_init(&h->parser, HTTP_REQUEST);
    h->parser.data = c;
    c->http = h;
    return 0;
}

void http_take(conn *c)
{
    http_conn *h = c->http;
    if (h->parsing || c->close_after_write || c->len == 0 ||
        c->inflight >= c->srv->cfg.max_inflight)
        return;
    http_parser_pause(&h->parser, 0);
    h->parsing = 1;
    size_t n = http_parser_execute(&h->parser, &settings, c->buf, c->len);
    h->parsing = 0;
    if (h->dead) { /* closed from a callback (a failed write) */
        h->dead = 0;
        http_detach(c);
        return;
    }
    enum http_errno e = HTTP_PARSER_ERRNO(&h->parser);
    memmove(c->buf, c->buf + n, c->len - n);
    c->len -= n;
    c->scanned = 0;
    if (e == HPE_OK || e == HPE_PAUSED || c->close_after_write)
        return; /* parsed, paused, or already answered and closing */
    /* Malformed: answer, then close, since the stream cannot be read on
     * from here. */
    http_slot *slot = new_slot(h);
    c->len = 0;
    if (!slot) {
        c->close_after_write = 1;
        return;
    }
    char msg[160];
    snprintf(msg, sizeof msg, "malformed HTTP: %s",
             http_errno_description(e));
    log_msg(LOG_DEBUG, "http", "conn=%llu %s", (unsigned long long)c->number,
            msg);
    respond_error(c, slot, e == HPE_HEADER_OVERFLOW ? 431 : 400,
                  PE_BAD_REQUEST, msg, 1, NULL);
}

void http_detach(conn *c)
{
    http_conn *h = c->http;
    if (!h)
        return;
    if (h->parsing) {
        h->dead = 1;
        return;
    }
    while (h->head) {
        http_slot *s = h->head;
        h->head = s->next;
        free(s->response);
        free(s);
    }
    memory_release(c->srv, c, NULL, h->body_cap);
    free(h->body);
    free(h);
    c->http = NULL;
}
