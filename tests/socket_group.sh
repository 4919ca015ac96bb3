#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Socket access as docs/precisd.md sets it up: precisd's socket is mode
# 0660 and group precis (SocketGroup= in precisd.socket), so a user added
# to the group (usermod -aG precis www-data) connects and any other user
# is refused.  Here a scratch group and two scratch system users stand in
# for precis, a member and an outsider; precisd, started as root with
# user and group as docs/precisd.md shows for running without the socket
# unit, binds a scratch socket of that group and serves as nobody.
# Needs root (useradd, runuser); CI runs as root.
set -eu
. tests/wait_socket.sh
if [ "$(id -u)" -ne 0 ]; then
    echo "socket_group: SKIPPED, adding users needs root"
    exit 0
fi
build=${PRECIS_BUILD:-build/default}
grep -qx 'SocketGroup=precis' systemd/precisd.socket.in &&
    grep -qx 'SocketMode=0660' systemd/precisd.socket.in ||
    { echo "socket_group: precisd.socket does not set group precis, mode 0660"; exit 1; }
group=precistest$$
member=precism$$
outsider=precisn$$
tmp=$(mktemp -d)
pid=
cleanup() {
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    userdel "$member" 2>/dev/null || true
    userdel "$outsider" 2>/dev/null || true
    groupdel "$group" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
groupadd --system "$group"
useradd --system --no-create-home --shell /usr/sbin/nologin \
    --gid nogroup --groups "$group" "$member"
useradd --system --no-create-home --shell /usr/sbin/nologin \
    --gid nogroup "$outsider"
# The users run their own copy of the client and read the article from
# the scratch directory, whatever the checkout's permissions are.
chmod 0755 "$tmp"
cp "$build/cli/precis" tests/fixtures/sample-article.txt "$tmp/"
chmod 0644 "$tmp/sample-article.txt"

# Started as root with user and group, precisd gives its socket that
# group itself, then serves as nobody.
"$build/daemon/precisd" --socket "$tmp/precisd.sock" --data data \
    --user nobody --group "$group" --log-level warn 2> "$tmp/precisd.log" &
pid=$!
wait_for_socket "$tmp/precisd.sock" "$pid" "$tmp/precisd.log"
[ "$(stat -c %G "$tmp/precisd.sock")" = "$group" ] ||
    { echo "socket group: $(stat -c %G "$tmp/precisd.sock"), not $group"; exit 1; }
[ "$(awk '/^Uid:/ {print $2}' /proc/$pid/status)" = "$(id -u nobody)" ] ||
    { echo "socket group: precisd did not become nobody"; exit 1; }
mode=$(stat -c %a "$tmp/precisd.sock")
[ "$mode" = 660 ] || { echo "socket_group: the socket is mode $mode, not 660"; exit 1; }

ask() {
    runuser -u "$1" -- "$tmp/precis" --remote -s "$tmp/precisd.sock" -q 1 \
        "$tmp/sample-article.txt"
}
out=$(ask "$member" 2> "$tmp/member.err") ||
    { cat "$tmp/member.err"; echo "socket_group: a member of the group was refused"; exit 1; }
want=$("$tmp/precis" --remote -s "$tmp/precisd.sock" -q 1 "$tmp/sample-article.txt")
[ -n "$want" ] && [ "$out" = "$want" ] ||
    { echo "socket_group: the member's summary differs from root's: $out"; exit 1; }
if ask "$outsider" > "$tmp/outsider.out" 2> "$tmp/outsider.err"; then
    echo "socket_group: a user outside the group got in"; exit 1
fi
grep -q "Permission denied" "$tmp/outsider.err" ||
    { cat "$tmp/outsider.err"; echo "socket_group: the outsider's error does not say why"; exit 1; }
[ ! -s "$tmp/outsider.out" ] || { echo "socket_group: the outsider got output"; exit 1; }
echo "socket group: a member connects, an outsider is refused"
