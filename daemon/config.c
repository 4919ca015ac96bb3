/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * config.c -- precisd settings from defaults, file and flags.
 *
 * One table lists every key with its type and bounds; the file parser,
 * the flag parser, --check-config and --help all walk it, so a setting
 * is added in exactly one place.
 */
#include "config.h"
#include "datadir.h"

#include <errno.h>
#include <grp.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pwd.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "memory.h"
#include "precis.h"

enum kind { K_STRING, K_SIZE, K_UINT, K_MODE, K_LEVEL, K_BOOL };

typedef struct key_def {
    const char *key;
    enum kind kind;
    size_t offset, size; /* of the field in struct config */
    unsigned long long min, max;
    const char *help;
} key_def;

#define FIELD(f) offsetof(config, f), sizeof(((config *)0)->f)

static const key_def keys[] = {
    {"socket", K_STRING, FIELD(socket), 1, 0, "socket path"},
    {"socket_mode", K_MODE, FIELD(socket_mode), 0, 0777,
     "socket permissions (octal)"},
    {"allow_world_socket", K_BOOL, FIELD(allow_world_socket), 0, 1,
     "allow a socket_mode every local user may write to (true/false)"},
    {"listen", K_STRING, FIELD(listen), 0, 0,
     "also listen on TCP, host:port (e.g. 127.0.0.1:8080; unauthenticated)"},
    {"allow_remote", K_BOOL, FIELD(allow_remote), 0, 1,
     "allow a listen address other than loopback (true/false)"},
    {"data", K_STRING, FIELD(data), 0, 0,
     "engine data directory (empty: the installed one)"},
    {"max_request", K_SIZE, FIELD(max_request), 1024, 1ull << 30,
     "largest request line in bytes"},
    {"max_connections", K_UINT, FIELD(max_connections), 1, 1000000,
     "connections served at once; more are refused"},
    {"max_connections_per_uid", K_UINT, FIELD(max_connections_per_uid), 0,
     1000000, "connections one user may hold at once (0: no limit)"},
    {"allow_uids", K_STRING, FIELD(allow_uids), 0, 0,
     "users let in, names or numbers, comma-separated (empty: all)"},
    {"allow_gids", K_STRING, FIELD(allow_gids), 0, 0,
     "groups let in, primary or supplementary (empty: all)"},
    {"max_inflight", K_UINT, FIELD(max_inflight), 1, 100000,
     "requests in progress per connection before reading pauses"},
    {"max_pending", K_UINT, FIELD(max_pending), 1, 10000000,
     "requests in progress server-wide before refusing as overloaded"},
    {"max_memory", K_SIZE, FIELD(max_memory), 16u << 20, 1ull << 40,
     "bytes held for all clients (buffers, requests, replies)"},
    {"max_connection_memory", K_SIZE, FIELD(max_connection_memory), 64u << 10,
     1ull << 40, "bytes held for one connection before its reading pauses"},
    {"idle_timeout_ms", K_UINT, FIELD(idle_timeout_ms), 0, UINT_MAX,
     "close connections idle this long (0: never)"},
    {"request_timeout_ms", K_UINT, FIELD(request_timeout_ms), 0, UINT_MAX,
     "answer requests not done by then with a timeout (0: never)"},
    {"shutdown_timeout_ms", K_UINT, FIELD(shutdown_timeout_ms), 0, UINT_MAX,
     "on SIGTERM, wait this long for requests in progress"},
    {"log_level", K_LEVEL, FIELD(log_level), 0, 0,
     "error, warn, info or debug"},
    {"user", K_STRING, FIELD(user), 0, 0,
     "started as root, serve as this user (name or number) after binding"},
    {"group", K_STRING, FIELD(group), 0, 0,
     "... and this group (empty: the user's own)"},
    {"allow_root", K_BOOL, FIELD(allow_root), 0, 1,
     "serve as root when no user is set (true/false)"},
};
#define NKEYS (sizeof keys / sizeof keys[0])

void config_defaults(config *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->socket, sizeof c->socket, "/run/precisd/precisd.sock");
    c->socket_mode = 0660;
    c->max_request = 8u << 20;
    c->max_connections = 1024;
    /* Half the slots: one client, stuck or hostile, never takes them all. */
    c->max_connections_per_uid = 512;
    c->max_inflight = 64;
    c->max_pending = 4096;
    /* A 2-core news service: four 8 MB documents running at once hold
     * about 230 MB (memory.h); the rest holds queues and buffers. */
    c->max_memory = 512u << 20;
    /* Eight largest requests of one client in flight. */
    c->max_connection_memory = 64u << 20;
    c->idle_timeout_ms = 300000;
    c->request_timeout_ms = 30000;
    c->shutdown_timeout_ms = 10000;
    c->log_level = LOG_INFO;
}

static const key_def *find_key(const char *key)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].key, key) == 0)
            return &keys[i];
    return NULL;
}

/* A number in BASE; a byte size (SIZED) may end in K, M or G (binary),
 * a count or a mode never: "max_connections = 1K" is a mistake. */
static int parse_unsigned(const char *s, int base, int sized,
                          unsigned long long *out)
{
    if (!*s || *s == '-')
        return -1;
    char *end;
    errno = 0;
    *out = strtoull(s, &end, base);
    int shift = !sized         ? 0
                : *end == 'K' ? 10
                : *end == 'M' ? 20
                : *end == 'G' ? 30
                              : 0;
    if (shift) {
        if (*out > (ULLONG_MAX >> shift))
            return -1;
        *out <<= shift;
        end++;
    }
    return errno || *end ? -1 : 0;
}

int config_set(config *c, const char *key, const char *value, char *err,
               size_t errlen)
{
    const key_def *k = find_key(key);
    if (!k) {
        snprintf(err, errlen, "unknown setting \"%s\"", key);
        return -1;
    }
    char *field = (char *)c + k->offset;
    unsigned long long v;
    switch (k->kind) {
    case K_STRING:
        if (strlen(value) >= k->size || strlen(value) < k->min) {
            snprintf(err, errlen, "%s: must be %llu to %zu bytes", key, k->min,
                     k->size - 1);
            return -1;
        }
        memcpy(field, value, strlen(value) + 1);
        return 0;
    case K_BOOL:
        if (!strcmp(value, "true") || !strcmp(value, "yes") ||
            !strcmp(value, "1"))
            *(int *)field = 1;
        else if (!strcmp(value, "false") || !strcmp(value, "no") ||
                 !strcmp(value, "0"))
            *(int *)field = 0;
        else {
            snprintf(err, errlen, "%s: expected true or false", key);
            return -1;
        }
        return 0;
    case K_LEVEL:
        if (log_level_parse(value) < 0) {
            snprintf(err, errlen, "%s: expected error, warn, info or debug",
                     key);
            return -1;
        }
        *(int *)field = log_level_parse(value);
        return 0;
    default:
        break;
    }
    int base = k->kind == K_MODE ? 8 : 10;
    if (parse_unsigned(value, base, k->kind == K_SIZE, &v) != 0 ||
        v < k->min || v > k->max) {
        snprintf(err, errlen, "%s: \"%s\" is not a number from %llu to %llu",
                 key, value, k->min, k->max);
        return -1;
    }
    if (k->kind == K_SIZE)
        *(size_t *)field = (size_t)v;
    else
        *(unsigned *)field = (unsigned)v;
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

int config_read(config *c, FILE *f, const char *path, char *err,
                size_t errlen)
{
    /* Twice the longest value (a data path, 4,095 bytes).  A longer
     * line is refused whole, never cut in two with its tail read as a
     * setting of its own. */
    char line[8192];
    size_t lineno = 0;
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        lineno++;
        size_t n = strlen(line);
        if (n == sizeof line - 1 && line[n - 1] != '\n') {
            snprintf(err, errlen, "%s:%zu: line longer than %zu bytes", path,
                     lineno, sizeof line - 2);
            rc = -1;
            break;
        }
        char *s = trim(line);
        if (*s == '#' || *s == '\0')
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errlen, "%s:%zu: expected key = value", path,
                     lineno);
            rc = -1;
            break;
        }
        *eq = '\0';
        char msg[512];
        if (config_set(c, trim(s), trim(eq + 1), msg, sizeof msg) != 0) {
            snprintf(err, errlen, "%s:%zu: %s", path, lineno, msg);
            rc = -1;
        }
    }
    return rc;
}

static int load_file(config *c, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    int rc = config_read(c, f, path, err, errlen);
    fclose(f);
    return rc;
}

/* An allow list ("www-data, 1001") into ids: numbers as they are, names
 * looked up as users (or groups). */
static int resolve_ids(const char *key, const char *list, int groups,
                       unsigned *ids, unsigned *n, char *err, size_t errlen)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", list);
    *n = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, ", \t", &save); t;
         t = strtok_r(NULL, ", \t", &save)) {
        if (*n == CONFIG_MAX_IDS) {
            snprintf(err, errlen, "%s: at most %d entries", key,
                     CONFIG_MAX_IDS);
            return -1;
        }
        unsigned long long v;
        if (parse_unsigned(t, 10, 0, &v) == 0 && v < UINT_MAX) {
            ids[(*n)++] = (unsigned)v;
            continue;
        }
        struct passwd *pw = groups ? NULL : getpwnam(t);
        struct group *gr = groups ? getgrnam(t) : NULL;
        if (!pw && !gr) {
            snprintf(err, errlen, "%s: no %s \"%.64s\"", key,
                     groups ? "group" : "user", t);
            return -1;
        }
        ids[(*n)++] = pw ? (unsigned)pw->pw_uid : (unsigned)gr->gr_gid;
    }
    return 0;
}

/* max_memory and max_connection_memory must hold one request of
 * max_request bytes: read (its line, with a read's slack), copied into
 * a job, then run, beside the reserve (memory.h). */
static int check_memory(const config *c, char *err, size_t errlen)
{
    size_t line = c->max_request + 64 * 1024;
    size_t need = memory_reserve(c) + 2 * line;
    if (c->max_memory < need) {
        snprintf(err, errlen,
                 "max_memory %zu cannot hold one request of max_request "
                 "(%zu bytes) beside %u connections: it needs at least %zu",
                 c->max_memory, c->max_request, c->max_connections, need);
        return -1;
    }
    if (c->max_connection_memory < 2 * line) {
        snprintf(err, errlen,
                 "max_connection_memory %zu cannot hold one request of "
                 "max_request (%zu bytes) and its copy: it needs at least %zu",
                 c->max_connection_memory, c->max_request, 2 * line);
        return -1;
    }
    return 0;
}

int config_listen_address(const char *spec, struct sockaddr_storage *addr,
                          int *loopback)
{
    char host[128];
    const char *colon = strrchr(spec, ':');
    if (!colon || colon == spec || strlen(spec) >= sizeof host)
        return -1;
    size_t hlen = (size_t)(colon - spec);
    memcpy(host, spec, hlen);
    host[hlen] = '\0';
    unsigned long long port;
    if (parse_unsigned(colon + 1, 10, 0, &port) != 0 || port > 65535)
        return -1;
    memset(addr, 0, sizeof *addr);
    if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']') {
        host[hlen - 1] = '\0';
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)addr;
        if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) != 1)
            return -1;
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        *loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
        return 0;
    }
    struct sockaddr_in *a4 = (struct sockaddr_in *)addr;
    if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
        return -1;
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)port);
    *loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    return 0;
}

/* user and group into run_uid and run_gid: names or numbers; a user
 * given by number needs a group unless it has a passwd entry. */
static int resolve_user(config *c, char *err, size_t errlen)
{
    unsigned n;
    c->has_user = 0;
    if (!c->user[0]) {
        if (c->group[0]) {
            snprintf(err, errlen, "group is set without user");
            return -1;
        }
        return 0;
    }
    if (resolve_ids("user", c->user, 0, &c->run_uid, &n, err, errlen) != 0)
        return -1;
    if (n != 1) {
        snprintf(err, errlen, "user: one user, not \"%s\"", c->user);
        return -1;
    }
    if (c->group[0]) {
        if (resolve_ids("group", c->group, 1, &c->run_gid, &n, err,
                        errlen) != 0)
            return -1;
        if (n != 1) {
            snprintf(err, errlen, "group: one group, not \"%s\"", c->group);
            return -1;
        }
    } else {
        struct passwd *pw = getpwuid((uid_t)c->run_uid);
        if (!pw) {
            snprintf(err, errlen,
                     "user %s has no passwd entry: set group as well",
                     c->user);
            return -1;
        }
        c->run_gid = (unsigned)pw->pw_gid;
    }
    c->has_user = 1;
    return 0;
}

int config_load(config *c, const config_args *args, char *err, size_t errlen)
{
    config_defaults(c);
    const char *file = args->file;
    if (!file && access(CONFIG_DEFAULT_FILE, F_OK) == 0)
        file = CONFIG_DEFAULT_FILE;
    if (file && load_file(c, file, err, errlen) != 0)
        return -1;
    for (size_t i = 0; i + 1 < args->nflags; i += 2)
        if (config_set(c, args->flags[i], args->flags[i + 1], err, errlen))
            return -1;
    if (resolve_ids("allow_uids", c->allow_uids, 0, c->allow_uid,
                    &c->n_allow_uids, err, errlen) != 0 ||
        resolve_ids("allow_gids", c->allow_gids, 1, c->allow_gid,
                    &c->n_allow_gids, err, errlen) != 0 ||
        resolve_user(c, err, errlen) != 0)
        return -1;
    /* Any local user could then send work, or fill the server: only
     * when asked in so many words. */
    if ((c->socket_mode & 0002) && !c->allow_world_socket) {
        snprintf(err, errlen,
                 "socket_mode 0%o lets every local user write to the "
                 "socket; set allow_world_socket = true if that is meant",
                 c->socket_mode);
        return -1;
    }
    if (check_memory(c, err, errlen) != 0)
        return -1;
    if (c->listen[0]) {
        struct sockaddr_storage addr;
        int loopback;
        if (config_listen_address(c->listen, &addr, &loopback) != 0) {
            snprintf(err, errlen,
                     "listen \"%s\": expected host:port, e.g. 127.0.0.1:8080 "
                     "or [::1]:8080",
                     c->listen);
            return -1;
        }
        /* Anyone who can reach the port may send work: only on purpose. */
        if (!loopback && !c->allow_remote) {
            snprintf(err, errlen,
                     "listen %s is not loopback and TCP has no "
                     "authentication; set allow_remote = true if that is meant",
                     c->listen);
            return -1;
        }
    }
    /* No data directory given: $PRECIS_DATA, the checkout's, or the
     * installed one, named so --check-config and the log show it. */
    if (!c->data[0] && !datadir_default(c->data, sizeof c->data))
        snprintf(c->data, sizeof c->data, "%s", precis_default_data_dir());
    return 0;
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: precisd [options]\n"
            "\n"
            "Serve extractive summaries over a Unix socket, one JSON request\n"
            "per line (docs/protocol.md).\n"
            "\n"
            "  --config FILE     settings file (default %s if present)\n"
            "  --check-config    load settings and engine data, print the\n"
            "                    effective settings, and exit\n"
            "  --help, --version\n"
            "\n"
            "Every setting is also a flag, --key value with '-' for '_':\n",
            CONFIG_DEFAULT_FILE);
    config d;
    config_defaults(&d);
    for (size_t i = 0; i < NKEYS; i++) {
        char flag[64];
        snprintf(flag, sizeof flag, "--%s", keys[i].key);
        for (char *p = flag; *p; p++)
            if (*p == '_')
                *p = '-';
        fprintf(out, "  %-24s %s\n", flag, keys[i].help);
    }
    fprintf(out, "\nSignals: SIGTERM/SIGINT drain and exit, SIGHUP reloads "
                 "settings and data.\n");
}

int config_parse_args(int argc, char **argv, config_args *args)
{
    memset(args, 0, sizeof *args);
    args->flags = calloc((size_t)argc * 2 + 2, sizeof *args->flags);
    if (!args->flags)
        return -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 1;
        }
        if (!strcmp(a, "--version")) {
            printf("precisd %s (libprecis %s)\n", PRECIS_VERSION_STRING,
                   precis_version());
            return 1;
        }
        if (!strcmp(a, "--check-config")) {
            args->check_only = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || i + 1 >= argc) {
            fprintf(stderr, "precisd: %s: %s\n", a,
                    strncmp(a, "--", 2) ? "unexpected argument"
                                        : "needs a value");
            usage(stderr);
            return -1;
        }
        if (!strcmp(a, "--config")) {
            args->file = argv[++i];
            continue;
        }
        char *key = strdup(a + 2);
        for (char *p = key; p && *p; p++)
            if (*p == '-')
                *p = '_';
        if (!key || !find_key(key)) {
            fprintf(stderr, "precisd: unknown option %s\n", a);
            free(key);
            usage(stderr);
            return -1;
        }
        args->flags[args->nflags++] = key;
        args->flags[args->nflags++] = strdup(argv[++i]);
    }
    return 0;
}

void config_args_free(config_args *args)
{
    for (size_t i = 0; i < args->nflags; i++)
        free(args->flags[i]);
    free(args->flags);
    memset(args, 0, sizeof *args);
}

void config_print(const config *c, void *stream)
{
    FILE *out = stream;
    for (size_t i = 0; i < NKEYS; i++) {
        const key_def *k = &keys[i];
        const char *field = (const char *)c + k->offset;
        fprintf(out, "%s = ", k->key);
        switch (k->kind) {
        case K_STRING:
            fprintf(out, "%s\n", field);
            break;
        case K_SIZE:
            fprintf(out, "%zu\n", *(const size_t *)field);
            break;
        case K_UINT:
            fprintf(out, "%u\n", *(const unsigned *)field);
            break;
        case K_MODE:
            fprintf(out, "0%o\n", *(const unsigned *)field);
            break;
        case K_LEVEL:
            fprintf(out, "%s\n", log_level_name(*(const int *)field));
            break;
        case K_BOOL:
            fprintf(out, "%s\n", *(const int *)field ? "true" : "false");
            break;
        }
    }
}
