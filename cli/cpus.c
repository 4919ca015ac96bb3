/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cpus.c -- how many CPUs this process may use, for --batch's workers:
 * the affinity mask (taskset, cpusets), capped by a cgroup CPU quota
 * (a container limited to 1.5 CPUs gets 2 workers, not one per core of
 * the host).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

#include "cli.h"

/* The cgroup quota in CPUs, rounded up; 0 when there is none. */
static int quota_cpus(void)
{
    long long quota = 0, period = 0;
    FILE *f = fopen("/sys/fs/cgroup/cpu.max", "r"); /* cgroup v2 */
    if (f) {
        char max[32];
        if (fscanf(f, "%31s %lld", max, &period) == 2 && max[0] != 'm')
            sscanf(max, "%lld", &quota);
        fclose(f);
    } else if ((f = fopen("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "r"))) {
        if (fscanf(f, "%lld", &quota) != 1)
            quota = 0;
        fclose(f);
        if ((f = fopen("/sys/fs/cgroup/cpu/cpu.cfs_period_us", "r"))) {
            if (fscanf(f, "%lld", &period) != 1)
                period = 0;
            fclose(f);
        }
    }
    if (quota <= 0 || period <= 0)
        return 0;
    return (int)((quota + period - 1) / period);
}

int cli_cpus_available(void)
{
    int n = 0;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        n = CPU_COUNT(&set);
    if (n <= 0) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        n = online > 0 ? (int)online : 1;
    }
    int quota = quota_cpus();
    return quota > 0 && quota < n ? quota : n;
}
