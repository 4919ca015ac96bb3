#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Install the Debian packages precis builds with, when any is missing.
# Used by `make deps`, and so by `make check` and `make run`; nothing is
# downloaded from anywhere but the system's own package sources.
set -eu

# wordnet-base: WordNet's lists of irregular forms, which ROUGE-1.5.5
# stems with; bench/rouge needs them to reproduce the official scores.
# debhelper, dpkg-dev and lintian: make deb, which make check runs.
# libhttp-parser-dev: precisd's HTTP; curl: the HTTP tests drive it;
# python3 and pip: clients/python's tests and its offline pip install; nodejs (18 or later, for node:test): clients/node;
# parallel and python3-distributed: docs/scale-out.md's tested recipes;
# nginx-light: tests/nginx.sh balances two precisd with it; chromium:
# tests/html_view.sh opens precis --html in it, headless; npm: the
# playwright-core that drives it for precisd's page (tests/browser).
PACKAGES="libuv1-dev libutf8proc-dev libjansson-dev libstemmer-dev libhttp-parser-dev libcmocka-dev pkg-config curl python3 python3-pip parallel python3-distributed nginx-light chromium wordnet-base debhelper dpkg-dev lintian"
# Node.js may come from elsewhere (NodeSource's nodejs bundles npm and
# conflicts with Debian's npm package): ask for either only if missing.
command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"

have_all() {
    command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists libuv libutf8proc jansson cmocka &&
        [ -f /usr/include/libstemmer.h ] &&
        [ -f /usr/include/http_parser.h ] && command -v curl >/dev/null 2>&1 &&
        [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import importlib.util as u, sys
sys.exit(u.find_spec("pip") is None)' &&
        command -v node >/dev/null 2>&1 && command -v parallel >/dev/null 2>&1 &&
        command -v nginx >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 &&
        command -v npm >/dev/null 2>&1 &&
        /usr/bin/python3 -c 'import importlib.util as u, sys
sys.exit(u.find_spec("distributed") is None)' &&
        [ -f /usr/share/wordnet/verb.exc ] &&
        command -v dh >/dev/null 2>&1 && command -v dpkg-buildpackage >/dev/null 2>&1 &&
        command -v lintian >/dev/null 2>&1
}

# `deps.sh bench`: what make bench adds (OTS as the speed peer, gnuplot).
if [ "${1:-}" = bench ]; then
    PACKAGES="libots-dev libglib2.0-dev gnuplot-nox"
    have_all() {
        pkg-config --exists libots-1 glib-2.0 && command -v gnuplot >/dev/null
    }
fi

# `deps.sh fuzz`: what make fuzz adds (clang with its libFuzzer runtime).
if [ "${1:-}" = fuzz ]; then
    # libclang-rt-dev holds the libFuzzer runtime; clang only recommends it.
    PACKAGES="clang libclang-rt-dev"
    have_all() {
        echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)
              { (void)d; (void)n; return 0; }' |
            clang -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1
    }
fi

# The browser tests' playwright-core, from the npm registry into
# tests/browser/node_modules (make check's own deps only).
npm_deps() {
    [ -z "${1:-}" ] || return 0
    [ -d tests/browser/node_modules/playwright-core ] ||
        (cd tests/browser && npm install --no-audit --no-fund --silent)
}

if have_all; then
    npm_deps "${1:-}"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=sudo
    else
        echo "deps: missing packages and not root; run as root: apt-get install $PACKAGES" >&2
        exit 1
    fi
else
    SUDO=
fi

echo "deps: installing $PACKAGES" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update only if needed.
if ! $SUDO apt-get install -y --no-install-recommends $PACKAGES; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends $PACKAGES
fi
have_all
npm_deps "${1:-}"
