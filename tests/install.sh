#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Install into a scratch DESTDIR and build a client with nothing but the
# installed header, libraries, data and precis.pc.
set -eu
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
prefix=/usr/local
make -s --no-print-directory install DESTDIR="$dest" PREFIX="$prefix" >/dev/null
for f in bin/precis bin/precisd share/man/man1/precis.1 \
         include/precis.h lib/libprecis.a lib/libprecis.so lib/libprecis.so.0 \
         lib/pkgconfig/precis.pc share/precis/stopwords/en.txt \
         share/precis/abbrev/en.txt share/precis/speech/en.txt share/precis/idf/en.idf \
         share/precis/boilerplate.txt; do
    [ -e "$dest$prefix/$f" ] || { echo "install: missing $prefix/$f"; exit 1; }
done
export PKG_CONFIG_PATH="$dest$prefix/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$dest"
[ "$(pkg-config --modversion precis)" = "$(sed -n 's/^VERSION := //p' Makefile)" ] ||
    { echo "install: precis.pc has the wrong version"; exit 1; }
# shellcheck disable=SC2046
${CC:-cc} -o "$dest/hello" tests/install_hello.c $(pkg-config --cflags --libs precis)
LD_LIBRARY_PATH="$dest$prefix/lib" "$dest/hello" "$dest$prefix/share/precis"
# The shared library exports the precis_ API and nothing else.
other=$(nm -D --defined-only "$dest$prefix/lib/libprecis.so" | awk '$2 == "T" && $3 !~ /^precis_/')
[ -z "$other" ] || { echo "install: unexpected exports: $other"; exit 1; }
echo "install test passed"
