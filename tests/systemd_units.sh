#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# systemd-analyze verify on systemd/precisd.{socket,service}.in, with
# ExecStart pointed at the precisd just built (verify checks that the
# binary exists) and the config at our example file.  tests/install.sh
# verifies the units as `make install` writes them.
set -eu
build=${PRECIS_BUILD:-build/default}
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd_units: SKIPPED, systemd-analyze is not installed"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed -e "s|@DOCDIR@|$(pwd)/docs|g" systemd/precisd.socket.in > "$dir/precisd.socket"
sed -e "s|@BINDIR@|$(pwd)/$build/daemon|g" \
    -e "s|@SYSCONFDIR@/precis/precisd.conf|$(pwd)/systemd/precisd.conf|g" \
    -e "s|@DOCDIR@|$(pwd)/docs|g" \
    systemd/precisd.service.in > "$dir/precisd.service"
out=$(cd "$dir" && systemd-analyze verify --man=no precisd.socket precisd.service 2>&1) || {
    echo "$out"; echo "systemd_units: verify failed"; exit 1; }
if [ -n "$out" ]; then
    echo "$out"; echo "systemd_units: verify printed warnings"; exit 1
fi
# The sandbox: systemd's own exposure score at most 0.5 (of 10; 1.1
# before PrivateNetwork, IPAddressDeny, PrivateMounts and ~@resources).
if (cd "$dir" && systemd-analyze security --help 2>&1 | grep -q -- --offline); then
    (cd "$dir" && systemd-analyze security --offline=yes --threshold=5 \
        precisd.service > security.txt 2>&1) || {
        grep "Overall" "$dir/security.txt"; echo "systemd_units: exposure above 0.5"; exit 1; }
fi
# The example config is one precisd accepts, and the unit's limits fit
# its settings: a file descriptor for every connection and some to spare.
"$build/daemon/precisd" --check-config --config systemd/precisd.conf \
    --data data > "$dir/settings"
conns=$(sed -n 's/^max_connections = //p' "$dir/settings")
nofile=$(sed -n 's/^LimitNOFILE=//p' systemd/precisd.service.in)
[ -n "$conns" ] && [ -n "$nofile" ] && [ "$nofile" -ge $((conns + 64)) ] || {
    echo "systemd_units: LimitNOFILE=$nofile does not fit max_connections = $conns"; exit 1; }
grep -q '^TasksMax=' systemd/precisd.service.in ||
    { echo "systemd_units: no TasksMax"; exit 1; }
# MemoryMax is a backstop above max_memory, with room for the engine's
# data (tens of MB) and the allocator's slack: at least 1.5 times.
budget=$(sed -n 's/^max_memory = //p' "$dir/settings")
memmax=$(sed -n 's/^MemoryMax=//p' systemd/precisd.service.in |
    numfmt --from=iec)
[ -n "$budget" ] && [ -n "$memmax" ] && [ "$memmax" -ge $((budget * 3 / 2)) ] || {
    echo "systemd_units: MemoryMax=$memmax does not leave room above max_memory = $budget"; exit 1; }
# TimeoutStopSec covers shutdown_timeout_ms, the 2 s to write the last
# replies and a last 8 MB document (daemon/server.c SHUTDOWN_FLUSH_MS).
stop_ms=$(sed -n 's/^shutdown_timeout_ms = //p' "$dir/settings")
stop_s=$(sed -n 's/^TimeoutStopSec=\([0-9]*\)s$/\1/p' systemd/precisd.service.in)
[ -n "$stop_ms" ] && [ -n "$stop_s" ] && [ $((stop_s * 1000)) -ge $((stop_ms + 2000 + 2000)) ] || {
    echo "systemd_units: TimeoutStopSec=${stop_s}s does not cover shutdown_timeout_ms = $stop_ms"; exit 1; }
echo "systemd units verified"
