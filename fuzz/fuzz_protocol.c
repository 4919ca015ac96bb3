/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_protocol.c -- libFuzzer target: one request line through what a
 * worker thread does with it (parse, run, reply), as precisd and
 * precis --batch do; every line must give one reply line.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_engine.h"
#include "protocol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    request req;
    proto_error err;
    json_t *reply;
    proto_code code = PE_NONE;
    if (protocol_parse((const char *)data, size, &req, &err) != 0)
        reply = protocol_error(err.code, err.message);
    else if (!(reply = protocol_run(fuzz_engine(), &req, &code)))
        reply = protocol_error(PE_UNKNOWN_OP, "stats");
    size_t n = 0;
    char *line = protocol_dump(reply, req.id, &n);
    if (!line || n == 0 || line[n - 1] != '\n' || memchr(line, '\n', n - 1)) {
        fprintf(stderr, "fuzz_protocol: not one reply line\n");
        abort();
    }
    free(line);
    protocol_request_free(&req);
    return 0;
}
