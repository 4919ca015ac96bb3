#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# systemd-analyze verify on systemd/precisd.{socket,service}, with
# ExecStart pointed at the precisd just built (verify checks that the
# binary exists) and the config at our example file.
set -eu
build=${PRECIS_BUILD:-build/default}
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "systemd_units: SKIPPED, systemd-analyze is not installed"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp systemd/precisd.socket "$dir/"
sed -e "s|/usr/local/bin/precisd|$(pwd)/$build/daemon/precisd|" \
    -e "s|/etc/precis/precisd.conf|$(pwd)/systemd/precisd.conf|" \
    systemd/precisd.service > "$dir/precisd.service"
out=$(cd "$dir" && systemd-analyze verify precisd.socket precisd.service 2>&1) || {
    echo "$out"; echo "systemd_units: verify failed"; exit 1; }
if [ -n "$out" ]; then
    echo "$out"; echo "systemd_units: verify printed warnings"; exit 1
fi
# The example config is one precisd accepts.
"$build/daemon/precisd" --check-config --config systemd/precisd.conf \
    --data data >/dev/null
echo "systemd units verified"
