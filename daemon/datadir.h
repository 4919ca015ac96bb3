/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * datadir.h -- which engine data directory precisd and precis use when
 * none is given: $PRECIS_DATA, else the data/ of the checkout a binary
 * was built in (so build/default/cli/precis runs from the tree as the
 * README shows), else the installed one the library was built for.
 */
#ifndef PRECISD_DATADIR_H
#define PRECISD_DATADIR_H

#include <stddef.h>

/* The directory to load into buf (size bytes) and returned, or NULL for
 * the library's installed default (precis_default_data_dir()). */
const char *datadir_default(char *buf, size_t size);
/* How to point a program elsewhere, for the message of a failed load. */
#define DATADIR_HINT                                                          \
    "give the data directory with --data DIR or PRECIS_DATA, or install "     \
    "precis (make install)"

#endif
