#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# clients/python against the real precisd: its unittest suite (which
# starts precisd itself), and `pip install` of the package with no
# network (--no-index: its build backend is in the tree and needs
# nothing downloaded).
set -eu
build=${PRECIS_BUILD:-build/default}
# Debian's python3, with the pip deps.sh installs (a python3 earlier on
# PATH may lack it).
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PRECISD="$build/daemon/precisd" PRECIS_DATA=data \
    "$py" -m unittest clients/python/tests/test_client.py
# The in-process binding loads the library itself: an ASan build of it
# cannot be loaded into python, so the sanitizer pass leaves it to the
# plain one.
if [ "${SANITIZE:-0}" = 1 ]; then
    echo "python binding: run in the plain build only (ASan library)"
else
    PRECIS_LIB="$(pwd)/$build/libprecis.so" PRECIS_CLI="$build/cli/precis" \
        PRECIS_DATA=data "$py" -m unittest clients/python/tests/test_binding.py
fi
PIP_ROOT_USER_ACTION=ignore "$py" -m pip install --quiet --no-index \
    --target "$tmp/site" ./clients/python
PYTHONPATH="$tmp/site" "$py" -c 'import precis_client, sys; sys.exit(0 if precis_client.str_index("Zür", 3) == 2 else 1)'
echo "python client passed (tests, offline pip install)"
