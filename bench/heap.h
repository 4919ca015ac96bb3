/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bench/heap.h -- the most heap in use between start and stop, in bytes,
 * counting what is allocated in between (bench/heap.c; one measurement
 * at a time, other threads quiet).
 */
#ifndef PRECIS_BENCH_HEAP_H
#define PRECIS_BENCH_HEAP_H

void heap_count_start(void);
long long heap_count_stop(void);

#endif
