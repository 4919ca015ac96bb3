/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * precisd -- the precis summarization daemon.
 *
 *   precisd [--config FILE] [--socket PATH] [--data DIR] ...
 *
 * Reads settings, loads the engine once, and serves newline-delimited
 * JSON requests on a Unix socket until SIGTERM (docs/precisd.md,
 * docs/protocol.md).  Exit status: 0 after a clean shutdown, 1 when it
 * cannot start, 2 on a usage error.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <uv.h>

#include "config.h"
#include "datadir.h"
#include "log.h"
#include "privileges.h"
#include "server.h"

static precis_engine_t *load_engine(const config *cfg)
{
    precis_engine_t *engine;
    precis_error_t err;
    if (precis_engine_open(cfg->data[0] ? cfg->data : NULL, &engine, &err)) {
        log_msg(LOG_ERROR, "main", "cannot load engine: %s; %s", err.message,
                DATADIR_HINT);
        return NULL;
    }
    return engine;
}

static int check_config(const config *cfg)
{
    precis_engine_t *engine = load_engine(cfg);
    if (!engine)
        return 1;
    config_print(cfg, stdout);
    printf("# engine: %zu languages\n", precis_engine_language_count(engine));
    precis_engine_free(engine);
    return 0;
}

int main(int argc, char **argv)
{
    log_init();
    config_args args;
    int rc = config_parse_args(argc, argv, &args);
    if (rc != 0) {
        config_args_free(&args);
        return rc > 0 ? 0 : 2;
    }
    config cfg;
    char err[512] = "";
    if (config_load(&cfg, &args, err, sizeof err) != 0) {
        log_msg(LOG_ERROR, "config", "%s", err);
        config_args_free(&args);
        return 1;
    }
    log_set_level(cfg.log_level);
    if (args.check_only) {
        rc = check_config(&cfg);
        config_args_free(&args);
        return rc;
    }
    /* A client that disconnects must not kill us with SIGPIPE. */
    signal(SIGPIPE, SIG_IGN);
    precis_engine_t *engine = load_engine(&cfg);
    if (!engine) {
        config_args_free(&args);
        return 1;
    }
    uv_loop_t *loop = uv_default_loop();
    server s;
    if (server_init(&s, loop, &cfg, &args, engine) != 0 ||
        server_listen(&s) != 0 ||
        privileges_drop(&cfg, err, sizeof err) != 0) {
        if (err[0])
            log_msg(LOG_ERROR, "main", "%s", err);
        server_cleanup(&s);
        uv_run(loop, UV_RUN_NOWAIT);
        uv_loop_close(loop);
        config_args_free(&args);
        return 1;
    }
    server_start(&s);
    uv_run(loop, UV_RUN_DEFAULT);
    server_cleanup(&s);
    log_msg(LOG_INFO, "main", "stopped requests=%llu",
            (unsigned long long)s.stats.requests);
    uv_loop_close(loop);
    config_args_free(&args);
    return 0;
}
