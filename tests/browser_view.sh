#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# precisd's GET / page in a real browser (tests/browser/view.test.js):
# precisd on a scratch socket and on TCP 127.0.0.1 (a free port, read
# from its log), Debian's Chromium driven by playwright-core, which
# tools/deps.sh installs under tests/browser with npm.
set -eu
. tests/wait_socket.sh
build=${PRECIS_BUILD:-build/default}
[ -d tests/browser/node_modules/playwright-core ] ||
    { echo "browser_view: playwright-core not installed (tools/deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
pid=
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
as_root=
[ "$(id -u)" -ne 0 ] || as_root="--allow-root true"
# shellcheck disable=SC2086
"$build/daemon/precisd" --socket "$tmp/p.sock" --listen 127.0.0.1:0 \
    --data data $as_root --log-level info 2> "$tmp/precisd.log" &
pid=$!
wait_for_socket "$tmp/p.sock" "$pid" "$tmp/precisd.log"
# The TCP line is logged just after the socket is bound: wait for it.
i=0
until port=$(sed -n 's/.*listening tcp=127\.0\.0\.1:\([0-9]*\).*/\1/p' "$tmp/precisd.log" | head -1) &&
    [ -n "$port" ]; do
    i=$((i + 1))
    [ $i -lt 600 ] || { echo "browser_view: no TCP port in the log"; cat "$tmp/precisd.log"; exit 1; }
    sleep 0.1
done
PRECIS_URL="http://127.0.0.1:$port" NODE_PATH=tests/browser/node_modules \
    node --test tests/browser/ > "$tmp/out" 2>&1 || { cat "$tmp/out"; exit 1; }
grep '^# pass' "$tmp/out"
echo "browser view: GET / summarized a pasted document in Chromium"
