/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * answer.c -- where a request is answered: precisd when one listens on
 * the socket (unless --local), else the engine loaded in this process
 * (unless --remote).  The local path runs the daemon's own protocol
 * code, so its replies are the daemon's, byte for byte but for timing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "datadir.h"
#include "protocol.h"

static int load_engine(cli *c, char *err, size_t errlen)
{
    precis_error_t perr;
    if (precis_engine_open(c->data, &c->engine, &perr) != PRECIS_OK) {
        snprintf(err, errlen, "cannot load the engine: %s; %s", perr.message,
                 DATADIR_HINT);
        return -1;
    }
    return 0;
}

int cli_connect(cli *c, char *err, size_t errlen)
{
    if (c->engine || c->remote_fd >= 0)
        return 0;
    if (c->where != WHERE_LOCAL) {
        c->remote_fd = remote_open(c->socket);
        if (c->remote_fd >= 0)
            return 0;
        if (c->where == WHERE_REMOTE || c->socket_given) {
            /* A socket named on the command line is the one meant. */
            snprintf(err, errlen,
                     "cannot reach precisd at %s: %s (--local summarizes in "
                     "this process)",
                     c->socket, strerror(errno));
            return -1;
        }
    }
    return load_engine(c, err, errlen);
}

void cli_close(cli *c)
{
    if (c->remote_fd >= 0)
        close(c->remote_fd);
    c->remote_fd = -1;
    precis_engine_free(c->engine);
    c->engine = NULL;
    free(c->rbuf);
    c->rbuf = NULL;
    c->rlen = c->rcap = 0;
}

int cli_is_error(json_t *reply)
{
    return json_object_get(reply, "error") != NULL;
}

char *cli_answer_local(const precis_engine_t *engine, const char *line,
                       size_t len, size_t *out_len, int *failed)
{
    request req;
    proto_error perr;
    json_t *reply = NULL;
    char *out = NULL;
    proto_code code = PE_NONE;
    memset(&req, 0, sizeof req);
    if (strspn(line, " \t\r") >= len) {
        /* In a batch every line gets its reply, a blank one too. */
        code = PE_BAD_REQUEST;
        reply = protocol_error(code, "blank line: no request");
    } else if (protocol_parse(line, len, &req, &perr) != 0) {
        reply = protocol_error(perr.code, perr.message);
        code = perr.code;
    } else if (req.op == OP_STATS) {
        code = PE_UNKNOWN_OP;
        reply = protocol_error(code, "stats: only precisd keeps statistics");
    } else {
        out = protocol_answer(engine, &req, -1, out_len, &code);
    }
    *failed = code != PE_NONE;
    if (reply)
        out = protocol_dump(reply, req.id, out_len);
    protocol_request_free(&req);
    if (out)
        out[--*out_len] = '\0'; /* the caller frames lines itself */
    return out;
}

char *cli_answer(cli *c, const char *line, size_t len, size_t *out_len,
                 char *err, size_t errlen)
{
    int failed;
    if (c->remote_fd < 0)
        return cli_answer_local(c->engine, line, len, out_len, &failed);
    char *reply = NULL;
    if (remote_send(c->remote_fd, line, len) == 0 &&
        remote_send(c->remote_fd, "\n", 1) == 0)
        reply =
            remote_recv(c->remote_fd, &c->rbuf, &c->rlen, &c->rcap, out_len);
    if (!reply)
        snprintf(err, errlen, "precisd at %s closed the connection",
                 c->socket);
    return reply;
}
