/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * log.c -- stderr logging for precisd.  Only the event loop thread logs,
 * so there is no locking; a line is written with one fprintf so lines
 * from a dying process are never interleaved with half lines.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int current_level = LOG_INFO;
static int journal;

static const char *const names[] = {"error", "warn", "info", "debug"};
static const int syslog_priority[] = {3, 4, 6, 7};

void log_init(void)
{
    journal = getenv("JOURNAL_STREAM") != NULL;
}

void log_set_level(int level)
{
    current_level = level;
}

int log_get_level(void)
{
    return current_level;
}

int log_level_parse(const char *name)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *log_level_name(int level)
{
    return level >= 0 && level < 4 ? names[level] : "?";
}

void log_msg(int level, const char *component, const char *fmt, ...)
{
    if (level > current_level)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (journal) {
        fprintf(stderr, "<%d>%s %s: %s\n", syslog_priority[level],
                names[level], component, msg);
        return;
    }
    char when[32];
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ldZ %s %s: %s\n", when, ts.tv_nsec / 1000000,
            names[level], component, msg);
}
