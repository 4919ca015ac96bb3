/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * protocol.h -- the NDJSON protocol of docs/protocol.md: parsing a
 * request line and building reply objects.  The CLI uses the same
 * functions for --json and --batch, so the format lives here only.
 */
#ifndef PRECISD_PROTOCOL_H
#define PRECISD_PROTOCOL_H

#include <stddef.h>

#include <jansson.h>

#include "precis.h"

enum op {
    OP_SUMMARIZE = 0,
    OP_PING,
    OP_STATS,
    OP_LANGUAGES,
    OP_SEGMENT,
    OP_COUNT
};

/* "summarize", "ping", ...: the request's "op" value; NULL out of range. */
const char *protocol_op_name(int op);

/* The protocol's error codes with the name a reply carries and the
 * HTTP status it maps to; docs/protocol.md explains each.  One table,
 * so a code added here is named, counted (stats, /metrics) and given a
 * status everywhere. */
#define PROTOCOL_ERROR_MAP(X)                                                \
    X(INVALID_JSON, "invalid_json", 400)                                     \
    X(INVALID_UTF8, "invalid_utf8", 400)                                     \
    X(TOO_LARGE, "too_large", 413)                                           \
    X(BAD_REQUEST, "bad_request", 400)                                       \
    X(UNKNOWN_OP, "unknown_op", 404)                                         \
    X(UNKNOWN_LANGUAGE, "unknown_language", 400)                             \
    X(OVERLOADED, "overloaded", 503)                                         \
    X(TIMEOUT, "timeout", 504)                                               \
    X(SHUTTING_DOWN, "shutting_down", 503)                                   \
    X(INTERNAL, "internal", 500)                                             \
    X(FORBIDDEN, "forbidden", 403)

typedef enum proto_code {
    PE_NONE = 0, /* not an error */
#define PROTOCOL_ERROR_ENUM(name, text, status) PE_##name,
    PROTOCOL_ERROR_MAP(PROTOCOL_ERROR_ENUM)
#undef PROTOCOL_ERROR_ENUM
        PE_COUNT
} proto_code;

/* "invalid_json", ...: the name a reply carries; NULL for PE_NONE. */
const char *protocol_code_name(proto_code code);
/* The HTTP status of a reply with this code (200 for PE_NONE). */
int protocol_code_status(proto_code code);

typedef struct request {
    json_t *root;          /* the parsed line (owned) */
    json_t *id;            /* borrowed from root; NULL: absent */
    int op;                /* enum op */
    precis_options_t opts; /* budget, lang, title, quotes, keywords */
    const char *text;      /* borrowed from root */
    size_t text_len;
    int with_excluded; /* "excluded": true */
    int offsets;       /* enum offset_units: "offsets" */
} request;

typedef struct proto_error {
    proto_code code;
    char message[256];
} proto_error;

/* A copy of line[0, len) with each byte that is not valid UTF-8, from
 * the first at byte first, made DEL (0x7F): one byte for one, so offsets
 * stay those of the bytes sent.  What protocol_parse() reads a line of
 * "utf8": "replace" as.  malloc'd; NULL on ENOMEM. */
char *protocol_replace_invalid(const char *line, size_t len, size_t first);

/* The JSON of a request line as protocol_parse() reads it, *bad set to
 * the first byte that is not UTF-8 (len when none).  A line with such
 * bytes is read with them replaced when it asks "utf8": "replace", and
 * is NULL otherwise; NULL too when it is not JSON (jerr, which may be
 * NULL, says why for a line that is UTF-8). */
json_t *protocol_load(const char *line, size_t len, size_t *bad,
                      json_error_t *jerr);

/* Parse one request line (without its newline).  0 on success; else -1
 * with err filled, and req->id set when the line had a readable id (so
 * the error reply can still carry it).  Free with protocol_request_free
 * either way. */
int protocol_parse(const char *line, size_t len, request *req,
                   proto_error *err);
/* The same with the op forced to op (an enum op; -1: the line's own), as
 * HTTP paths name it. */
int protocol_parse_as(const char *line, size_t len, int op, request *req,
                      proto_error *err);
/* The same from a request object already built (taken, NULL: ENOMEM). */
int protocol_parse_root(json_t *root, int op, request *req,
                        proto_error *err);
/* The request object of a text/plain HTTP body: text, and the options as
 * query parameters ("sentences=3&quotes=2"); NULL on ENOMEM. */
json_t *protocol_plain_request(const char *text, size_t len,
                               const char *query, size_t qlen);
void protocol_request_free(request *req);

/* The error code for a precis_status from the engine. */
proto_code protocol_engine_error(int status);

/* {"summary": [...], "quotes": [...], "keywords": [...], "lang": ...,
 *  "sentences": n, "words": n [, "excluded": [...]]} */
json_t *protocol_summary(const precis_result_t *r, int with_excluded);
/* {"lang": ..., "sentences": [{"text", "start", "end", "paragraph",
 *  "excluded"}]}: a precis_segment() result. */
json_t *protocol_segments(const precis_result_t *r);
/* Answer a parsed request with engine: summarize, segment, ping or
 * languages
 * (the reply object, without id; a summary has "timing": {"engine_ms"}),
 * with *error_code set when the reply is an error.  NULL for stats,
 * which only the daemon can answer. */
json_t *protocol_run(const precis_engine_t *engine, const request *req,
                     proto_code *error_code);
/* protocol_run's reply with "queue_ms": queue_ms beside "engine_ms" in
 * its timing (none when negative), as protocol_dump writes it: a
 * summary in bytes written straight from the result, without building
 * the reply's tree (the same bytes; tests/test_json_out.c compares).
 * NULL for stats, or on ENOMEM. */
char *protocol_answer(const precis_engine_t *engine, const request *req,
                      double queue_ms, size_t *len, proto_code *error_code);
/* {"error": {"code": code, "message": message}} */
json_t *protocol_error(proto_code code, const char *message);
/* Significant digits of the reals in a reply (scores, timing). */
#define PROTOCOL_REAL_DIGITS 6

/* Set reply["id"] (a copy of id, or null) and serialise the reply as one
 * line ending in '\n' (json_out.h); malloc'd, NULL on ENOMEM.  Takes
 * the reply. */
char *protocol_dump(json_t *reply, json_t *id, size_t *len);

#endif
