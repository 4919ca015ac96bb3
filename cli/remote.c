/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * remote.c -- talking to precisd: a blocking Unix socket and newline
 * framing.  The CLI has one connection and waits on it, so plain
 * blocking I/O is all it needs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "cli.h"

int remote_open(const char *path)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof addr.sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(addr.sun_path, path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int remote_send(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

char *remote_recv(int fd, char **buf, size_t *buflen, size_t *bufcap,
                  size_t *out_len)
{
    for (;;) {
        char *nl = *buflen ? memchr(*buf, '\n', *buflen) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - *buf);
            char *line = malloc(n + 1);
            if (!line)
                return NULL;
            memcpy(line, *buf, n);
            line[n] = '\0';
            memmove(*buf, nl + 1, *buflen - n - 1);
            *buflen -= n + 1;
            *out_len = n;
            return line;
        }
        if (*bufcap - *buflen < 65536) {
            size_t cap = *bufcap ? *bufcap * 2 : 131072;
            char *grown = realloc(*buf, cap);
            if (!grown)
                return NULL;
            *buf = grown;
            *bufcap = cap;
        }
        ssize_t n = recv(fd, *buf + *buflen, *bufcap - *buflen, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return NULL;
        *buflen += (size_t)n;
    }
}
