/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_connection.c -- libFuzzer target: any bytes as what a client
 * sends precisd on one connection, through the real event loop,
 * connection, HTTP and NDJSON code, jobs on the thread pool and replies,
 * ending with the client's EOF.  Afterwards the connection must be gone
 * and every byte it was charged returned (an accounting leak in the
 * budget aborts, as a crash would).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fuzz_engine.h"
#include "log.h"
#include "server.h"

static uv_loop_t loop;
static server srv;
static config_args args;

static void setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    log_init();
    log_set_level(LOG_ERROR);
    uv_loop_init(&loop);
    config cfg;
    config_defaults(&cfg);
    cfg.max_request = 256 * 1024; /* above the inputs' -max_len */
    cfg.request_timeout_ms = 0;
    cfg.idle_timeout_ms = 0;
    if (server_init(&srv, &loop, &cfg, &args, fuzz_engine()) != 0)
        abort();
    uv_timer_init(&loop, &srv.wake);
    srv.wake.data = &srv;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        abort();
    fcntl(sv[1], F_SETFL, O_NONBLOCK);
    if (conn_adopt(&srv, sv[0]) != 0)
        abort();
    size_t sent = 0;
    int shut = 0;
    char sink[65536];
    for (;;) {
        if (sent < size) {
            ssize_t k = send(sv[1], data + sent, size - sent, MSG_NOSIGNAL);
            if (k > 0)
                sent += (size_t)k;
            else if (k < 0 && errno == EPIPE)
                sent = size; /* precisd closed: the rest goes nowhere */
        } else if (!shut) {
            shutdown(sv[1], SHUT_WR);
            shut = 1;
        }
        uv_run(&loop, shut ? UV_RUN_ONCE : UV_RUN_NOWAIT);
        while (recv(sv[1], sink, sizeof sink, MSG_DONTWAIT) > 0)
            ;
        if (shut && srv.nconns == 0 && srv.pending == 0)
            break;
    }
    /* Close callbacks of the last handles. */
    while (uv_run(&loop, UV_RUN_NOWAIT) && srv.memory)
        ;
    close(sv[1]);
    if (srv.memory != 0) {
        fprintf(stderr, "fuzz_connection: %zu bytes still charged\n",
                srv.memory);
        abort();
    }
    return 0;
}
