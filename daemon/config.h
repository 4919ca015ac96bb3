/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * config.h -- precisd settings: defaults, then the config file
 * ("key = value" lines), then command-line flags, which mirror the keys
 * (--max-request for max_request).  SIGHUP re-reads the file and applies
 * the same flags again on top.
 */
#ifndef PRECISD_CONFIG_H
#define PRECISD_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#define CONFIG_DEFAULT_FILE "/etc/precis/precisd.conf"
#define CONFIG_MAX_IDS 64 /* users or groups in one allow list */

typedef struct config {
    char socket[108];            /* socket path (sun_path size) */
    unsigned socket_mode;        /* permission bits, default 0660 */
    int allow_world_socket;      /* a mode with o+w is refused unless 1 */
    char listen[128];            /* "host:port" for TCP too; "": none */
    int allow_remote;            /* listen off loopback only when 1 */
    char data[4096];             /* engine data dir; "" = built-in */
    size_t max_request;          /* bytes in one request line */
    unsigned max_connections;    /* more are refused as overloaded */
    unsigned max_connections_per_uid; /* 0: no limit */
    char allow_uids[1024];            /* users, names or numbers; "": all */
    char allow_gids[1024];            /* groups likewise */
    unsigned max_inflight;       /* per connection, then reads pause */
    unsigned max_pending;        /* server-wide queued requests */
    size_t max_memory;            /* bytes held for clients (memory.h) */
    size_t max_connection_memory; /* of which one connection's */
    unsigned idle_timeout_ms;    /* 0: never */
    unsigned request_timeout_ms; /* 0: never */
    unsigned shutdown_timeout_ms;
    int log_level; /* enum log_level */
    char user[64];  /* started as root: become this user after binding */
    char group[64]; /* ... and this group ("": the user's own) */
    int allow_root; /* serve as root (no user) only when 1 */
    /* user and group resolved by config_load (has_user: user is set): */
    unsigned run_uid, run_gid, has_user;
    /* allow_uids and allow_gids resolved by config_load: */
    unsigned allow_uid[CONFIG_MAX_IDS], n_allow_uids;
    unsigned allow_gid[CONFIG_MAX_IDS], n_allow_gids;
} config;

/* The settings parse_args collected: the config file to read and the
 * flags to apply after it. */
typedef struct config_args {
    const char *file; /* NULL: the default file if it exists */
    char **flags;     /* "key", "value" pairs from the command line */
    size_t nflags;
    int check_only; /* --check-config */
} config_args;

void config_defaults(config *c);
/* Apply one key = value; 0, or -1 with a message in err. */
int config_set(config *c, const char *key, const char *value, char *err,
               size_t errlen);
/* Apply the "key = value" lines of f (named path in messages) over c;
 * 0, or -1 with "path:line: ..." in err. */
int config_read(config *c, FILE *f, const char *path, char *err,
                size_t errlen);
/* defaults + file + flags into c; 0 or -1 with a message in err. */
int config_load(config *c, const config_args *args, char *err, size_t errlen);
/* Parse argv.  Returns 0 to run, 1 when --help/--version was handled
 * (exit 0), -1 on a usage error (message printed; exit 2). */
int config_parse_args(int argc, char **argv, config_args *args);
void config_args_free(config_args *args);
/* "127.0.0.1:8080", "[::1]:8080" into addr, with whether it is a
 * loopback address; 0 or -1. */
struct sockaddr_storage;
int config_listen_address(const char *spec, struct sockaddr_storage *addr,
                          int *loopback);
/* Print the effective settings as a config file would hold them. */
void config_print(const config *c, void *stream);

#endif
