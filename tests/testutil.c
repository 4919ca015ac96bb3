/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * testutil.c -- shared helpers for the cmocka test programs.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *test_data_dir(void)
{
    const char *dir = getenv("PRECIS_DATA");
    return dir && *dir ? dir : "data";
}

int engine_setup(void **state)
{
    precis_engine_t *e = NULL;
    precis_error_t err;
    if (precis_engine_open(test_data_dir(), &e, &err) != PRECIS_OK) {
        fprintf(stderr, "cannot load engine: %s\n", err.message);
        return -1;
    }
    *state = e;
    return 0;
}

int engine_teardown(void **state)
{
    precis_engine_free(*state);
    return 0;
}

const precis_engine_t *test_engine(void **state)
{
    return *state;
}

char *read_fixture(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    buf[size] = '\0';
    if (len)
        *len = (size_t)size;
    return buf;
}

precis_result_t *summarize_ok(const precis_engine_t *e, const char *text,
                              const precis_options_t *opts)
{
    precis_result_t *r = NULL;
    precis_error_t err;
    int rc = precis_summarize(e, text, strlen(text), opts, &r, &err);
    if (rc != PRECIS_OK)
        fail_msg("precis_summarize: %s", err.message);
    assert_non_null(r);
    return r;
}

int summary_contains(const precis_result_t *r, const char *needle)
{
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        if (strstr(precis_result_sentence(r, i)->text, needle))
            return 1;
    return 0;
}

const char *excluded_reason(const precis_result_t *r, const char *text,
                            const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i < precis_result_excluded_count(r); i++) {
        const precis_excluded_t *x = precis_result_excluded(r, i);
        for (size_t k = x->start; k + n <= x->end; k++)
            if (memcmp(text + k, needle, n) == 0)
                return x->reason;
    }
    return "none";
}
