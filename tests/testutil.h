/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * testutil.h -- what every test program shares: cmocka, the engine
 * loaded from $PRECIS_DATA (default "data"), and file reading.
 */
#ifndef PRECIS_TESTUTIL_H
#define PRECIS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "precis.h"

/* cmocka group setup/teardown keeping one engine in *state. */
int engine_setup(void **state);
int engine_teardown(void **state);
/* The engine loaded by engine_setup. */
const precis_engine_t *test_engine(void **state);
/* The data directory tests run against. */
const char *test_data_dir(void);
/* Whole file, NUL-terminated, length in *len; fails the test if absent. */
char *read_fixture(const char *path, size_t *len);
/* Summarize NUL-terminated text with opts (NULL: defaults); fails the
 * test on error. */
precis_result_t *summarize_ok(const precis_engine_t *e, const char *text,
                              const precis_options_t *opts);
/* 1 when some summary sentence contains needle. */
int summary_contains(const precis_result_t *r, const char *needle);
/* The exclusion reason of the excluded sentence containing needle in
 * text, or "none". */
const char *excluded_reason(const precis_result_t *r, const char *text,
                            const char *needle);

#endif
