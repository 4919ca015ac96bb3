/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/abuse -- precisd under the attacks and floods of issue 14.
 *
 *   abuse --precisd BIN [--data DIR] [--seconds S]
 *
 * Each scenario starts its own precisd (default settings, a scratch
 * socket) and prints what it measured:
 *   1. memory: peak resident set (VmHWM) while 200 connections each hold
 *      an 8 MB line without its newline; while 64 connections pipeline
 *      7 MB documents for S seconds (default 10); while 4 connections
 *      send one 7 MB document each at once.
 *   2. fairness: a fresh client's ping round trip, p50 and p99 of 200,
 *      and its 3-sentence summary, while 16 connections x 64 one-megabyte
 *      documents are queued.
 *   3. shutdown: seconds from SIGTERM to exit with 16 x 64 documents of
 *      300 KB queued, and how the requests were answered.
 * Figures only: it never fails on them.
 */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#define SAMPLE "tests/fixtures/sample-article.txt"

static const char *precisd_bin, *data_dir = "data";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the daemon */

typedef struct daemon_run {
    pid_t pid;
    char dir[64], sock[128];
} daemon_run;

static int connect_to(const char *sock)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s", sock);
    if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0)
        return fd;
    if (fd >= 0)
        close(fd);
    return -1;
}

static void daemon_up(daemon_run *d, const char *const *extra)
{
    snprintf(d->dir, sizeof d->dir, "/tmp/precis-abuse-XXXXXX");
    if (!mkdtemp(d->dir)) {
        perror("abuse: mkdtemp");
        exit(1);
    }
    snprintf(d->sock, sizeof d->sock, "%s/p.sock", d->dir);
    d->pid = fork();
    if (d->pid == 0) {
        const char *argv[32] = {precisd_bin, "--socket", d->sock, "--data",
                                data_dir, "--log-level", "error"};
        size_t n = 7;
        if (geteuid() == 0) {
            argv[n++] = "--allow-root";
            argv[n++] = "true";
        }
        for (size_t i = 0; extra && extra[i] && n < 30; i++)
            argv[n++] = extra[i];
        execv(precisd_bin, (char *const *)argv);
        _exit(127);
    }
    for (int i = 0; i < 6000; i++) { /* 60 s */
        int fd = connect_to(d->sock);
        if (fd >= 0) {
            close(fd);
            return;
        }
        if (waitpid(d->pid, NULL, WNOHANG) == d->pid)
            break;
        usleep(10000);
    }
    fprintf(stderr, "abuse: precisd did not start\n");
    exit(1);
}

/* SIGTERM and wait; the seconds it took to exit. */
static double daemon_down(daemon_run *d)
{
    double t = now();
    kill(d->pid, SIGTERM);
    waitpid(d->pid, NULL, 0);
    t = now() - t;
    char cmd[96];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->dir);
    if (system(cmd) != 0)
        fprintf(stderr, "abuse: cannot remove %s\n", d->dir);
    return t;
}

/* A /proc/PID/status figure in MB ("VmHWM:", "VmRSS:"). */
static double status_mb(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    double mb = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, strlen(field)))
            mb = atof(line + strlen(field)) / 1024.0;
    if (f)
        fclose(f);
    return mb;
}

/* ---- requests */

/* About size bytes of the sample article, each copy's first letter
 * changed so no two are duplicates. */
static char *document(size_t size)
{
    FILE *f = fopen(SAMPLE, "rb");
    static char one[64 * 1024];
    size_t n = f ? fread(one, 1, sizeof one, f) : 0;
    if (f)
        fclose(f);
    if (!n) {
        fprintf(stderr, "abuse: cannot read %s\n", SAMPLE);
        exit(1);
    }
    size_t copies = size / n + 1;
    char *text = malloc(n * copies + 1);
    for (size_t i = 0; i < copies; i++) {
        memcpy(text + i * n, one, n);
        text[i * n] = (char)('A' + i % 26);
    }
    text[n * copies] = '\0';
    return text;
}

/* A summarize request line (with its newline) for text. */
static char *request_line(const char *text, int sentences, size_t *len)
{
    json_t *r = json_pack("{s:s, s:i}", "text", text, "sentences", sentences);
    char *s = json_dumps(r, JSON_COMPACT);
    json_decref(r);
    *len = strlen(s);
    s = realloc(s, *len + 2);
    s[(*len)++] = '\n';
    s[*len] = '\0';
    return s;
}

static int send_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* One reply line from fd into buf (up to cap); its length, or -1. */
static ssize_t recv_line(int fd, char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t k = recv(fd, buf + n, 1, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        if (buf[n++] == '\n')
            break;
    }
    buf[n] = '\0';
    return (ssize_t)n;
}

/* ---- a flood: threads that each send per requests, then read replies */

typedef struct flooder {
    pthread_t th;
    const char *sock, *line;
    size_t len;
    int per;
    int ok, stopped, other, lost; /* replies by kind */
    int sent;                     /* all written */
} flooder;

static void *flood_run(void *arg)
{
    flooder *f = arg;
    int fd = connect_to(f->sock);
    if (fd < 0) {
        f->lost = f->per;
        return NULL;
    }
    for (int i = 0; i < f->per; i++)
        if (send_all(fd, f->line, f->len) != 0)
            break;
    __atomic_store_n(&f->sent, 1, __ATOMIC_RELEASE);
    char buf[1 << 16];
    for (int i = 0; i < f->per; i++) {
        ssize_t n = recv_line(fd, buf, sizeof buf);
        if (n < 0) {
            f->lost = f->per - i;
            break;
        }
        if (!strstr(buf, "\"error\""))
            f->ok++;
        else if (strstr(buf, "shutting_down"))
            f->stopped++;
        else
            f->other++;
    }
    close(fd);
    return NULL;
}

static flooder *flood_start(const char *sock, int conns, int per,
                            const char *line, size_t len)
{
    flooder *f = calloc((size_t)conns, sizeof *f);
    for (int k = 0; k < conns; k++) {
        f[k] = (flooder){.sock = sock, .line = line, .len = len, .per = per};
        pthread_create(&f[k].th, NULL, flood_run, &f[k]);
    }
    return f;
}

static void flood_wait_sent(flooder *f, int conns)
{
    for (int k = 0; k < conns; k++)
        while (!__atomic_load_n(&f[k].sent, __ATOMIC_ACQUIRE))
            usleep(1000);
}

static void flood_join(flooder *f, int conns, int *ok, int *stopped,
                       int *other, int *lost)
{
    *ok = *stopped = *other = *lost = 0;
    for (int k = 0; k < conns; k++) {
        pthread_join(f[k].th, NULL);
        *ok += f[k].ok;
        *stopped += f[k].stopped;
        *other += f[k].other;
        *lost += f[k].lost;
    }
    free(f);
}

/* ---- scenarios */

static void partial_lines(void)
{
    enum { CONNS = 200, CHUNK = 64 << 10 };
    const size_t line = 8u << 20;
    daemon_run d;
    daemon_up(&d, NULL);
    double base = status_mb(d.pid, "VmRSS:");
    static char chunk[CHUNK];
    memset(chunk, 'a', sizeof chunk);
    int fds[CONNS];
    size_t sent[CONNS] = {0};
    for (int i = 0; i < CONNS; i++) {
        fds[i] = connect_to(d.sock);
        fcntl(fds[i], F_SETFL, O_NONBLOCK);
    }
    /* Push until no socket takes more for a second: the daemon has
     * stopped reading (or read it all). */
    double quiet_since = now();
    while (now() - quiet_since < 1.0) {
        int progress = 0;
        for (int i = 0; i < CONNS; i++) {
            if (fds[i] < 0 || sent[i] >= line)
                continue;
            ssize_t k = send(fds[i], chunk, CHUNK, MSG_NOSIGNAL);
            if (k > 0) {
                sent[i] += (size_t)k;
                progress = 1;
            }
        }
        if (progress)
            quiet_since = now();
        else
            usleep(10000);
    }
    size_t total = 0;
    for (int i = 0; i < CONNS; i++)
        total += sent[i];
    printf("%-44s %8.0f MB peak RSS (%.0f MB at start; %zu MB sent)\n",
           "200 connections x 8 MB partial lines", status_mb(d.pid, "VmHWM:"),
           base, total >> 20);
    for (int i = 0; i < CONNS; i++)
        close(fds[i]);
    daemon_down(&d);
}

static void pipelining(double seconds)
{
    enum { CONNS = 64 };
    char *text = document(7u << 20);
    size_t len;
    char *line = request_line(text, 3, &len);
    daemon_run d;
    daemon_up(&d, NULL);
    double base = status_mb(d.pid, "VmRSS:");
    /* Enough requests that every connection is still sending when the
     * time is up; the daemon is stopped then, so the rest never go. */
    flooder *f = flood_start(d.sock, CONNS, 1000, line, len);
    double peak = 0, t0 = now();
    while (now() - t0 < seconds) {
        double hwm = status_mb(d.pid, "VmHWM:");
        peak = hwm > peak ? hwm : peak;
        usleep(100000);
    }
    printf("%-44s %8.0f MB peak RSS (%.0f MB at start; %.0f s)\n",
           "64 connections pipelining 7 MB documents", peak, base, seconds);
    kill(d.pid, SIGKILL); /* the flood would keep it busy for minutes */
    daemon_down(&d);
    int ok, stopped, other, lost;
    flood_join(f, CONNS, &ok, &stopped, &other, &lost);
    free(line);
    free(text);
}

static void concurrent_documents(void)
{
    enum { CONNS = 4 };
    char *text = document(7u << 20);
    size_t len;
    char *line = request_line(text, 3, &len);
    daemon_run d;
    daemon_up(&d, NULL);
    double base = status_mb(d.pid, "VmRSS:");
    flooder *f = flood_start(d.sock, CONNS, 1, line, len);
    int ok, stopped, other, lost;
    flood_join(f, CONNS, &ok, &stopped, &other, &lost);
    printf("%-44s %8.0f MB peak RSS (%.0f MB at start; %d summaries, "
           "%d errors)\n",
           "4 concurrent 7 MB documents", status_mb(d.pid, "VmHWM:"), base,
           ok, other + stopped + lost);
    daemon_down(&d);
    free(line);
    free(text);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void fairness(void)
{
    enum { CONNS = 16, PER = 64, PINGS = 200 };
    char *text = document(1u << 20);
    size_t len;
    char *line = request_line(text, 3, &len);
    daemon_run d;
    daemon_up(&d, NULL);
    double t0 = now();
    flooder *f = flood_start(d.sock, CONNS, PER, line, len);
    flood_wait_sent(f, CONNS);
    int fd = connect_to(d.sock);
    char buf[1 << 16];
    double rtt[PINGS];
    const char *ping = "{\"op\":\"ping\"}\n";
    for (int i = 0; i < PINGS; i++) {
        double t = now();
        if (send_all(fd, ping, strlen(ping)) != 0 ||
            recv_line(fd, buf, sizeof buf) < 0) {
            fprintf(stderr, "abuse: ping failed\n");
            exit(1);
        }
        rtt[i] = (now() - t) * 1e3;
        usleep(5000);
    }
    qsort(rtt, PINGS, sizeof rtt[0], cmp_double);
    size_t slen;
    char *small = request_line("The council met on Monday. It approved the "
                               "budget. Work starts in May, it said.",
                               3, &slen);
    double t = now();
    send_all(fd, small, slen);
    recv_line(fd, buf, sizeof buf);
    double summary_ms = (now() - t) * 1e3;
    /* An answer, not necessarily a summary: say which. */
    const char *answer = strstr(buf, "\"error\"")
                             ? (strstr(buf, "overloaded") ? "refused overloaded"
                                                          : "an error")
                             : "a summary";
    close(fd);
    int ok, stopped, other, lost;
    flood_join(f, CONNS, &ok, &stopped, &other, &lost);
    double flood_s = now() - t0;
    printf("%-44s %8.2f ms p50, %.2f ms p99, %.2f ms max\n",
           "ping under a 16 x 64 x 1 MB flood", rtt[PINGS / 2],
           rtt[PINGS * 99 / 100], rtt[PINGS - 1]);
    printf("%-44s %8.0f ms, %s (the flood took %.1f s: %d summaries, %d "
           "overloaded at max_memory, %d lost)\n",
           "a fresh 3-sentence summary under it", summary_ms, answer, flood_s,
           ok, other + stopped, lost);
    daemon_down(&d);
    free(small);
    free(line);
    free(text);
}

static void shutdown_time(void)
{
    enum { CONNS = 16, PER = 64 };
    /* 300 MB in all: under max_memory, and longer to work through than
     * shutdown_timeout_ms on two cores. */
    char *text = document(300u << 10);
    size_t len;
    char *line = request_line(text, 3, &len);
    daemon_run d;
    daemon_up(&d, NULL);
    flooder *f = flood_start(d.sock, CONNS, PER, line, len);
    flood_wait_sent(f, CONNS);
    double took = daemon_down(&d);
    int ok, stopped, other, lost;
    flood_join(f, CONNS, &ok, &stopped, &other, &lost);
    printf("%-44s %8.1f s to exit (shutdown_timeout_ms 10000): %d answered, "
           "%d shutting_down, %d other, %d lost\n",
           "SIGTERM with 16 x 64 x 300 KB queued", took, ok, stopped, other,
           lost);
    free(line);
    free(text);
}

int main(int argc, char **argv)
{
    double seconds = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--precisd"))
            precisd_bin = argv[i + 1];
        else if (!strcmp(argv[i], "--data"))
            data_dir = argv[i + 1];
        else if (!strcmp(argv[i], "--seconds"))
            seconds = atof(argv[i + 1]);
    }
    if (!precisd_bin) {
        fprintf(stderr, "usage: abuse --precisd BIN [--data DIR] "
                        "[--seconds S]\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    printf("precisd under abuse (default settings: max_memory 512 MB)\n\n");
    partial_lines();
    pipelining(seconds);
    concurrent_documents();
    fairness();
    shutdown_time();
    return 0;
}
