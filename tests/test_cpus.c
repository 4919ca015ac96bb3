/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_cpus.c -- precis --batch's default number of workers follows the
 * CPUs this process may use (cli/cpus.c), not the host's cores: under
 * an affinity mask of one CPU (taskset -c 0) it is 1.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <unistd.h>

#include "cli.h"
#include "testutil.h"

static void cpus_follow_the_affinity_mask(void **state)
{
    (void)state;
    cpu_set_t all, one;
    assert_int_equal(sched_getaffinity(0, sizeof all, &all), 0);
    int n = cli_cpus_available();
    assert_true(n >= 1 && n <= CPU_COUNT(&all));
    CPU_ZERO(&one);
    for (int c = 0; c < CPU_SETSIZE; c++)
        if (CPU_ISSET(c, &all)) {
            CPU_SET(c, &one);
            break;
        }
    assert_int_equal(sched_setaffinity(0, sizeof one, &one), 0);
    assert_int_equal(cli_cpus_available(), 1);
    assert_int_equal(sched_setaffinity(0, sizeof all, &all), 0);
    assert_int_equal(cli_cpus_available(), n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cpus_follow_the_affinity_mask),
    };
    return cmocka_run_group_tests_name("cpus", tests, NULL, NULL);
}
