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
# The example config is one precisd accepts.
"$build/daemon/precisd" --check-config --config systemd/precisd.conf \
    --data data >/dev/null
echo "systemd units verified"
