/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * systemd.h -- the three pieces of the systemd protocol precisd speaks,
 * in a few lines of our own rather than a libsystemd dependency:
 * socket activation (LISTEN_PID/LISTEN_FDS, sd_listen_fds(3)), readiness
 * and status notifications over NOTIFY_SOCKET (sd_notify(3)), and the
 * watchdog interval (WATCHDOG_USEC, sd_watchdog_enabled(3)).
 */
#ifndef PRECISD_SYSTEMD_H
#define PRECISD_SYSTEMD_H

#include <stdint.h>

/* The first file descriptor systemd passes (SD_LISTEN_FDS_START). */
#define SYSTEMD_LISTEN_FD 3

/* The activation socket when systemd passed one to this process, else
 * -1.  Clears the LISTEN_* variables so children do not inherit them. */
int systemd_listen_fd(void);
/* Send state ("READY=1", "STOPPING=1", "WATCHDOG=1", "STATUS=...") to
 * the service manager; 0 when sent or when there is no NOTIFY_SOCKET,
 * -1 on error. */
int systemd_notify(const char *state);
/* Watchdog interval in microseconds when enabled for this process,
 * else 0. */
uint64_t systemd_watchdog_usec(void);

#endif
