/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * http.h -- HTTP/1.1 on precisd's socket, beside NDJSON.
 *
 * A connection whose first byte is an upper-case letter (a method) speaks
 * HTTP; any other speaks NDJSON.  Requests are parsed by Debian's
 * libhttp-parser, become the same jobs as NDJSON lines, and are answered
 * in the order they came (HTTP has no ids), with the protocol's JSON
 * objects as bodies and its error codes mapped to statuses.
 */
#ifndef PRECISD_HTTP_H
#define PRECISD_HTTP_H

#include <stddef.h>

#include "protocol.h"

typedef struct conn conn;
typedef struct http_conn http_conn;
typedef struct http_slot http_slot;

/* Make c an HTTP connection; 0, or -1 on ENOMEM. */
int http_attach(conn *c);
/* Parse what c's buffer holds, as far as its in-flight cap allows. */
void http_take(conn *c);
/* A reply line of the protocol (taken) for the request of slot, with its
 * error code (NULL: success): framed and sent once those before it
 * are. */
void http_deliver(conn *c, http_slot *slot, char *line, size_t len,
                  proto_code code);
/* c is closing: free its HTTP state. */
void http_detach(conn *c);

#endif
