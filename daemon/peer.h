/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * peer.h -- who is at the other end of a connection (SO_PEERCRED and
 * SO_PEERGROUPS), and whether allow_uids / allow_gids let them in.
 */
#ifndef PRECISD_PEER_H
#define PRECISD_PEER_H

#include "config.h"

#define PEER_MAX_GROUPS 64

typedef struct peer {
    unsigned uid, gid;                /* of the process that connected */
    unsigned groups[PEER_MAX_GROUPS]; /* its supplementary groups */
    unsigned ngroups;
} peer;

/* Read the credentials of the client on fd; 0, or -1 (errno set). */
int peer_read(int fd, peer *p);
/* 1 when cfg's allow lists admit p (empty lists admit everyone). */
int peer_allowed(const config *cfg, const peer *p);

#endif
