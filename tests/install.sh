#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# `make install` into scratch DESTDIRs, as a packager (PREFIX=/usr) and a
# user (PREFIX=/usr/local) would: every file in place, the data path of
# the install compiled into the binaries, units that systemd accepts,
# and a client built with nothing but the installed header, libraries,
# data and precis.pc; then `make uninstall` leaves nothing behind.
set -eu
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
for prefix in /usr /usr/local; do
    root="$dest/root"
    rm -rf "$root"
    make -s --no-print-directory install DESTDIR="$root" PREFIX="$prefix" >/dev/null
    for f in bin/precis bin/precisd share/man/man1/precis.1 \
             share/man/man8/precisd.8 share/doc/precis/README.md \
             share/doc/precis/LICENSE share/doc/precis/precisd.md \
             include/precis.h lib/libprecis.a lib/libprecis.so lib/libprecis.so.0 \
             lib/pkgconfig/precis.pc share/precis/stopwords/en.txt \
             share/precis/abbrev/en.txt share/precis/speech/en.txt share/precis/idf/en.idf \
             share/precis/boilerplate.txt lib/systemd/system/precisd.service \
             lib/systemd/system/precisd.socket lib/sysusers.d/precis.conf; do
        [ -e "$root$prefix/$f" ] || { echo "install: missing $prefix/$f"; exit 1; }
    done
    [ -e "$root/etc/precis/precisd.conf" ] || { echo "install: no /etc/precis/precisd.conf"; exit 1; }
    # The installed library looks for its data where it was installed.
    grep -q "$prefix/share/precis" "$root$prefix/lib/libprecis.so" ||
        { echo "install: libprecis.so does not name $prefix/share/precis"; exit 1; }
    grep -q "$prefix/share/precis" "$root$prefix/bin/precis" ||
        { echo "install: precis does not name $prefix/share/precis"; exit 1; }
    grep -q "^ExecStart=$prefix/bin/precisd " "$root$prefix/lib/systemd/system/precisd.service" ||
        { echo "install: ExecStart is not $prefix/bin/precisd"; exit 1; }
    grep -q "^SocketGroup=precis$" "$root$prefix/lib/systemd/system/precisd.socket" ||
        { echo "install: the socket has no precis group"; exit 1; }
    # systemd accepts the units written, their paths read inside the
    # scratch root (verify checks that ExecStart's binary exists).
    if command -v systemd-analyze >/dev/null 2>&1; then
        mkdir -p "$dest/units"
        for u in precisd.socket precisd.service; do
            sed -e "s|$prefix/bin/|$root$prefix/bin/|" -e "s| /etc/| $root/etc/|" \
                "$root$prefix/lib/systemd/system/$u" > "$dest/units/$u"
        done
        out=$(cd "$dest/units" && systemd-analyze verify --man=no \
            precisd.socket precisd.service 2>&1) ||
            { echo "$out"; echo "install: installed units fail verify"; exit 1; }
        [ -z "$out" ] || { echo "$out"; echo "install: verify printed warnings"; exit 1; }
    fi
    # An operator's configuration survives a second install.
    echo "log_level = debug" > "$root/etc/precis/precisd.conf"
    make -s --no-print-directory install DESTDIR="$root" PREFIX="$prefix" >/dev/null
    grep -q "log_level = debug" "$root/etc/precis/precisd.conf" ||
        { echo "install: the configuration was overwritten"; exit 1; }
    export PKG_CONFIG_PATH="$root$prefix/lib/pkgconfig"
    export PKG_CONFIG_SYSROOT_DIR="$root"
    [ "$(pkg-config --modversion precis)" = "$(sed -n 's/^VERSION := //p' Makefile)" ] ||
        { echo "install: precis.pc has the wrong version"; exit 1; }
    # shellcheck disable=SC2046
    ${CC:-cc} -o "$dest/hello" tests/install_hello.c $(pkg-config --cflags --libs precis)
    LD_LIBRARY_PATH="$root$prefix/lib" "$dest/hello" "$root$prefix/share/precis"
    # The shared library exports the precis_ API and nothing else.
    other=$(nm -D --defined-only "$root$prefix/lib/libprecis.so" | awk '$2 == "T" && $3 !~ /^precis_/')
    [ -z "$other" ] || { echo "install: unexpected exports: $other"; exit 1; }
    make -s --no-print-directory uninstall DESTDIR="$root" PREFIX="$prefix" >/dev/null
    left=$(find "$root" -type f ! -path "*/etc/precis/precisd.conf")
    [ -z "$left" ] || { echo "install: uninstall left $left"; exit 1; }
done
# Leave the build tree as a plain `make` has it.
make -s --no-print-directory all >/dev/null
echo "install test passed (PREFIX=/usr and /usr/local)"
