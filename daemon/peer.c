/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * peer.c -- a client's credentials and the allow lists (peer.h).
 */
#define _GNU_SOURCE /* struct ucred, SO_PEERGROUPS */
#include "peer.h"

#include <string.h>
#include <sys/socket.h>

int peer_read(int fd, peer *p)
{
    memset(p, 0, sizeof *p);
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0)
        return -1;
    p->uid = (unsigned)cred.uid;
    p->gid = (unsigned)cred.gid;
#ifdef SO_PEERGROUPS
    /* Linux 4.13 and later; without it only the primary group counts.
     * A client in more groups than this has the rest ignored. */
    gid_t groups[PEER_MAX_GROUPS];
    len = sizeof groups;
    if (getsockopt(fd, SOL_SOCKET, SO_PEERGROUPS, groups, &len) == 0) {
        p->ngroups = (unsigned)(len / sizeof groups[0]);
        for (unsigned i = 0; i < p->ngroups; i++)
            p->groups[i] = (unsigned)groups[i];
    }
#endif
    return 0;
}

static int listed(const unsigned *ids, unsigned n, unsigned id)
{
    for (unsigned i = 0; i < n; i++)
        if (ids[i] == id)
            return 1;
    return 0;
}

int peer_allowed(const config *cfg, const peer *p)
{
    if (cfg->n_allow_uids == 0 && cfg->n_allow_gids == 0)
        return 1;
    if (listed(cfg->allow_uid, cfg->n_allow_uids, p->uid) ||
        listed(cfg->allow_gid, cfg->n_allow_gids, p->gid))
        return 1;
    for (unsigned i = 0; i < p->ngroups; i++)
        if (listed(cfg->allow_gid, cfg->n_allow_gids, p->groups[i]))
            return 1;
    return 0;
}
