/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * privileges.c -- leaving root once the socket is bound.
 *
 * Under systemd the unit gives precisd a dynamic user and no
 * capabilities, so none of this runs.  Started as root by hand, it would
 * keep every capability while parsing what any client sends: after
 * binding (the socket may live where only root can create it) and
 * loading the engine, it becomes `user` and `group`, with no
 * supplementary groups, and checks that root cannot be had back.
 */
#include "privileges.h"

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

int privileges_drop(const config *cfg, char *err, size_t errlen)
{
    if (geteuid() != 0) {
        if (cfg->has_user && geteuid() != (uid_t)cfg->run_uid)
            log_msg(LOG_WARN, "main",
                    "user = %s ignored: not started as root", cfg->user);
        return 0;
    }
    if (!cfg->has_user || cfg->run_uid == 0) {
        if (cfg->allow_root) {
            log_msg(LOG_WARN, "main", "serving as root (allow_root)");
            return 0;
        }
        snprintf(err, errlen,
                 "refusing to serve as root: set user (and group) to run "
                 "as after binding, or allow_root = true");
        return -1;
    }
    gid_t gid = (gid_t)cfg->run_gid;
    uid_t uid = (uid_t)cfg->run_uid;
    /* Groups first: once the uid is not root, they cannot be changed. */
    if (setgroups(1, &gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
        snprintf(err, errlen, "cannot become user %s (uid %u, gid %u): %s",
                 cfg->user, (unsigned)uid, (unsigned)gid, strerror(errno));
        return -1;
    }
    if (setuid(0) == 0 || geteuid() == 0) {
        snprintf(err, errlen, "dropped to uid %u but root came back",
                 (unsigned)uid);
        return -1;
    }
    log_msg(LOG_INFO, "main", "serving as user=%s uid=%u gid=%u", cfg->user,
            (unsigned)uid, (unsigned)gid);
    return 0;
}
