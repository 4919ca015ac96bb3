/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * systemd.c -- socket activation, sd_notify and the watchdog, following
 * the documented environment protocol (see systemd.h).
 */
#include "systemd.h"

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "log.h"

/* Parse a whole decimal number; -1 when s is not one. */
static long long parse_number(const char *s)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    return errno || *end || v < 0 ? -1 : v;
}

/* The variables name a PID: only that process is meant. */
static int meant_for_us(const char *pid_var)
{
    return parse_number(getenv(pid_var)) == (long long)getpid();
}

int systemd_listen_fd(void)
{
    long long n = parse_number(getenv("LISTEN_FDS"));
    int ours = meant_for_us("LISTEN_PID");
    unsetenv("LISTEN_PID");
    unsetenv("LISTEN_FDS");
    unsetenv("LISTEN_FDNAMES");
    if (!ours || n < 1)
        return -1;
    if (n > 1)
        log_msg(LOG_WARN, "systemd", "%lld sockets passed, using the first",
                n);
    int fd = SYSTEMD_LISTEN_FD;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    return fd;
}

int systemd_notify(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !*path)
        return 0;
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    size_t len = strlen(path);
    if (len >= sizeof addr.sun_path || (path[0] != '/' && path[0] != '@'))
        return -1;
    memcpy(addr.sun_path, path, len);
    if (path[0] == '@')
        addr.sun_path[0] = '\0'; /* abstract namespace */
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
    /* Never block the event loop on a manager that is not reading. */
    ssize_t sent =
        sendto(fd, state, strlen(state), MSG_NOSIGNAL | MSG_DONTWAIT,
               (struct sockaddr *)&addr, alen);
    close(fd);
    return sent < 0 ? -1 : 0;
}

uint64_t systemd_watchdog_usec(void)
{
    long long usec = parse_number(getenv("WATCHDOG_USEC"));
    const char *pid = getenv("WATCHDOG_PID");
    if (usec <= 0 || (pid && !meant_for_us("WATCHDOG_PID")))
        return 0;
    return (uint64_t)usec;
}
