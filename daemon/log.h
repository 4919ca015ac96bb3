/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * log.h -- one line per event on stderr: "level component: message
 * key=value ...".  Under systemd (JOURNAL_STREAM set) each line starts
 * with a <N> syslog priority so journald files it at the right level and
 * adds its own timestamp; otherwise lines carry an ISO 8601 time.
 */
#ifndef PRECISD_LOG_H
#define PRECISD_LOG_H

enum log_level { LOG_ERROR = 0, LOG_WARN = 1, LOG_INFO = 2, LOG_DEBUG = 3 };

void log_init(void);
void log_set_level(int level);
int log_get_level(void);
/* "error", "warn", "info", "debug" -> level, or -1. */
int log_level_parse(const char *name);
const char *log_level_name(int level);
void log_msg(int level, const char *component, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
