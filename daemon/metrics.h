/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * metrics.h -- the Prometheus text exposition of precisd's stats.
 */
#ifndef PRECISD_METRICS_H
#define PRECISD_METRICS_H

typedef struct server server;

/* The text of GET /metrics, malloc'd; NULL on ENOMEM. */
char *metrics_text(const server *s);

#endif
