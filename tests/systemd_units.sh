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
grep -q '^MemoryMax=' systemd/precisd.service.in &&
    grep -q '^TasksMax=' systemd/precisd.service.in ||
    { echo "systemd_units: no MemoryMax or TasksMax"; exit 1; }
echo "systemd units verified"
