/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * privileges.h -- leaving root once the socket is bound.
 */
#ifndef PRECISD_PRIVILEGES_H
#define PRECISD_PRIVILEGES_H

#include <stddef.h>

#include "config.h"

/* Started as root: become cfg's user and group (every capability goes
 * with root), or stay root only with allow_root.  Not root: nothing to
 * do.  0, or -1 with why in err. */
int privileges_drop(const config *cfg, char *err, size_t errlen);

#endif
