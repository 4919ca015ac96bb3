#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# clients/node against the real precisd: its node:test suite, which
# starts precisd itself.
set -eu
build=${PRECIS_BUILD:-build/default}
PRECISD="$build/daemon/precisd" PRECIS_DATA=data \
    node --test clients/node/test/ > /tmp/precis-node-test.$$ 2>&1 || {
    cat /tmp/precis-node-test.$$; rm -f /tmp/precis-node-test.$$; exit 1; }
grep '^# pass' /tmp/precis-node-test.$$
rm -f /tmp/precis-node-test.$$
echo "node client passed"
