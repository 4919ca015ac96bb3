/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * error.c -- status codes, their names and messages, and the small
 * public helpers that need no engine (version, UTF-8 check).
 */
#include <stdarg.h>
#include <stdio.h>

#include "engine.h"
#include "utf8.h"

static const struct {
    int code;
    const char *name, *text;
} errors[] = {
    {PRECIS_OK, "ok", "success"},
    {PRECIS_EINVAL, "invalid_argument", "invalid argument"},
    {PRECIS_ENOMEM, "no_memory", "out of memory"},
    {PRECIS_EUTF8, "invalid_utf8", "input is not valid UTF-8"},
    {PRECIS_ETOOBIG, "too_large", "input too large"},
    {PRECIS_ELANG, "unknown_language", "language not loaded"},
    {PRECIS_EDATA, "bad_data", "data directory missing or malformed"},
    {PRECIS_EIO, "io", "cannot read data file"},
    {PRECIS_ELIMIT, "memory_limit", "needs more memory than max_memory"},
};

const char *precis_strerror(int code)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].code == code)
            return errors[i].text;
    return "unknown error";
}

const char *precis_err_name(int code)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].code == code)
            return errors[i].name;
    return "unknown";
}

const char *precis_version(void)
{
    return PRECIS_VERSION_STRING;
}

size_t precis_utf8_validate(const char *s, size_t len)
{
    return s ? utf8_validate(s, len) : 0;
}

int set_error(precis_error_t *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}
