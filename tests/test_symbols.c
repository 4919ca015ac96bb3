/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_symbols.c -- a program linked with libprecis.a may name its own
 * functions as the library's internals are named: only precis_ symbols
 * are global in the archive, so neither clashes with the other nor
 * replaces its code.  Linked against the public archive (Makefile), not
 * the objects the other tests use.
 */
#include <stdarg.h>
#include <string.h>

#include "testutil.h"

/* Names the library uses inside, with other meanings here. */
int set_error(void);
int set_error(void)
{
    return 99;
}

void *arena_alloc(void);
void *arena_alloc(void)
{
    return NULL;
}

int segment_text(void);
int segment_text(void)
{
    return -1;
}

static void symbols_program_names_do_not_reach_the_library(void **state)
{
    (void)state;
    assert_int_equal(set_error(), 99);
    assert_null(arena_alloc());
    assert_int_equal(segment_text(), -1);
    precis_engine_t *e = NULL;
    precis_error_t err;
    /* The library reports through its own set_error. */
    int rc = precis_engine_open("/nonexistent/precis-data", &e, &err);
    assert_true(rc == PRECIS_EDATA || rc == PRECIS_EIO);
    assert_int_equal(err.code, rc);
    assert_non_null(strstr(err.message, "/nonexistent/precis-data"));
    assert_null(e);
    /* And allocates and segments with its own code. */
    assert_int_equal(precis_engine_open(test_data_dir(), &e, &err),
                     PRECIS_OK);
    precis_result_t *r;
    const char *text = "The council met on Monday. It approved the budget.";
    assert_int_equal(precis_segment(e, text, strlen(text), NULL, &r, &err),
                     PRECIS_OK);
    assert_int_equal(precis_result_segment_count(r), 2);
    precis_result_free(r);
    precis_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(symbols_program_names_do_not_reach_the_library),
    };
    return cmocka_run_group_tests_name("symbols", tests, NULL, NULL);
}
