#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The Debian packages as a user gets them: `make deb` builds libprecis0,
# libprecis-dev, precis and precisd (lintian clean), dpkg installs them,
# the installed precis summarizes the sample article with the installed
# data, a client builds against libprecis-dev, and dpkg --purge takes
# everything away again.  Needs root (dpkg); CI runs as root.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    echo "deb: SKIPPED, installing packages needs root"
    exit 0
fi
for p in precis precisd libprecis-dev libprecis0; do
    if dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q installed; then
        echo "deb: $p is installed already; not touching it"
        exit 1
    fi
done
tmp=$(mktemp -d)
purge() {
    dpkg --purge precis precisd libprecis-dev libprecis0 >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap purge EXIT
make -s --no-print-directory deb > "$tmp/deb.log" 2>&1 ||
    { cat "$tmp/deb.log"; echo "deb: make deb failed"; exit 1; }
ls build/deb/libprecis0_*.deb build/deb/libprecis-dev_*.deb \
    build/deb/precis_*.deb build/deb/precisd_*.deb >/dev/null
dpkg -i build/deb/libprecis0_*.deb build/deb/libprecis-dev_*.deb \
    build/deb/precis_*.deb build/deb/precisd_*.deb > "$tmp/dpkg.log" 2>&1 ||
    { cat "$tmp/dpkg.log"; echo "deb: dpkg -i failed"; exit 1; }
# The installed precis reads the installed data: the same summary as
# the build tree's.
(cd "$tmp" && env -u PRECIS_DATA /usr/bin/precis --local -q 2 -k 5 \
    "$OLDPWD/tests/fixtures/sample-article.txt") > "$tmp/installed.txt"
env -u PRECIS_DATA "${PRECIS_BUILD:-build/default}/cli/precis" --local -q 2 -k 5 \
    tests/fixtures/sample-article.txt > "$tmp/tree.txt"
diff -u "$tmp/tree.txt" "$tmp/installed.txt" ||
    { echo "deb: the installed precis summarizes otherwise"; exit 1; }
/usr/bin/precisd --version >/dev/null
[ -f /usr/lib/sysusers.d/precisd.conf ] && [ -f /etc/precis/precisd.conf ] &&
    [ -f /lib/systemd/system/precisd.socket ] ||
    { echo "deb: precisd's units, sysusers file or configuration missing"; exit 1; }
# shellcheck disable=SC2046
${CC:-cc} -o "$tmp/hello" tests/install_hello.c $(pkg-config --cflags --libs precis)
"$tmp/hello" /usr/share/precis > /dev/null
dpkg --purge precis precisd libprecis-dev libprecis0 > "$tmp/dpkg.log" 2>&1 ||
    { cat "$tmp/dpkg.log"; echo "deb: dpkg --purge failed"; exit 1; }
for f in /usr/bin/precis /usr/bin/precisd /usr/share/precis /etc/precis/precisd.conf; do
    [ ! -e "$f" ] || { echo "deb: $f is left after purge"; exit 1; }
done
echo "deb packages built, installed, used and purged"
