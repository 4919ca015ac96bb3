#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The examples of README.md and docs/, run as written from the checkout:
#  - every ```console block ("$ command", then its output) must print
#    what it shows; a line "..." stands for lines left out, so what is
#    above it must open the output and what is below it must end it;
#  - README.md's daemon examples must get their replies from a precisd;
#  - docs/precisd.md's precisd commands must run: --check-config exits 0
#    naming the data it loaded, and a daemon started as shown serves.
# Paths an install would have are read as the checkout's: the socket
# paths shown become scratch ones (so a `make run` of the user's is left
# alone), /usr/local/share/precis becomes data/, and precisd and
# build/default/ the build under test (build/sanitize/ in the sanitizer
# pass, which a fresh clone may run first).  docs/precisd.md's install
# block is tested by tests/install.sh (make install),
# tests/systemd_units.sh (the units) and tests/socket_group.sh (the
# precis group).
set -eu
. tests/wait_socket.sh
build=${PRECIS_BUILD:-build/default}
tmp=$(mktemp -d)
pid=
# The examples are for a user's shell; as root (CI) precisd wants to be
# told it may stay root (docs/precisd.md, Privileges).
as_root=
[ "$(id -u)" -ne 0 ] || as_root="--allow-root true"
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

start_precisd() { # start_precisd SOCKET [ARGS...]: in the background
    _sock=$1
    shift
    # shellcheck disable=SC2086
    "$build/daemon/precisd" --socket "$_sock" "$@" $as_root --log-level warn \
        2> "$tmp/precisd.log" &
    pid=$!
    wait_for_socket "$_sock" "$pid" "$tmp/precisd.log"
}
stop_precisd() {
    kill "$pid"
    wait "$pid" || true
    pid=
}

# The console blocks, one file each.
n=0
for doc in README.md docs/*.md; do
    awk -v out="$tmp/console" '
        /^```console$/ {on = 1; k++; f = FILENAME; gsub("/", "_", f); next}
        /^```$/ {on = 0}
        on {print > (out "." f "." k)}' "$doc"
done
for block in "$tmp"/console.*; do
    [ -e "$block" ] || continue
    where=${block#"$tmp/console."}
    cmd=$(sed -n '1s/^\$ //p' "$block" | sed "s|build/default/|$build/|g")
    [ -n "$cmd" ] || { echo "examples: $where does not open with \"\$ command\""; exit 1; }
    env -u PRECIS_DATA sh -c "$cmd" > "$tmp/got"
    sed '1d' "$block" > "$tmp/want"
    if grep -qx '\.\.\.' "$tmp/want"; then
        sed '/^\.\.\.$/,$d' "$tmp/want" > "$tmp/head"
        sed '0,/^\.\.\.$/d' "$tmp/want" > "$tmp/tail"
        head -n "$(wc -l < "$tmp/head")" "$tmp/got" | diff -u "$tmp/head" - &&
            tail -n "$(wc -l < "$tmp/tail")" "$tmp/got" | diff -u "$tmp/tail" - ||
            { echo "examples: $where ($cmd) prints otherwise"; exit 1; }
    else
        diff -u "$tmp/want" "$tmp/got" ||
            { echo "examples: $where ($cmd) prints otherwise"; exit 1; }
    fi
    n=$((n + 1))
done
[ $n -ge 2 ] || { echo "examples: $n console examples found"; exit 1; }

# README.md's daemon examples: each "echo ... \ | precis ..." pair of
# lines of the ```sh block after "## The daemon".
awk '/^## The daemon/ {d = 1} d && /^```sh$/ {on = 1; next} on && /^```$/ {exit} on' \
    README.md | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' > "$tmp/daemon"
[ -s "$tmp/daemon" ] || { echo "examples: no daemon example in README.md"; exit 1; }
start_precisd "$tmp/precisd.sock" --data data
d=0
while IFS= read -r line; do
    line=$(printf '%s\n' "$line" | sed -e "s|\./precisd\.sock|$tmp/precisd.sock|g" \
        -e "s|build/default/|$build/|g")
    out=$(sh -c "$line")
    case "$out" in
    *"The council met on Monday."*) d=$((d + 1)) ;;
    *) echo "examples: no summary from: $line"; echo "$out"; exit 1 ;;
    esac
done < "$tmp/daemon"
[ $d -ge 2 ] || { echo "examples: $d README daemon examples ran"; exit 1; }
stop_precisd

# docs/precisd.md's first block: its precisd commands.
awk '/^```sh$/ {on = 1; next} on && /^```$/ {exit} on' docs/precisd.md |
    sed -n 's/ *#.*//; /^precisd /p' > "$tmp/precisd"
p=0
while IFS= read -r line; do
    args=$(printf '%s\n' "$line" |
        sed -e 's|^precisd ||' -e "s|/usr/local/share/precis|data|g" \
            -e "s|/tmp/p\.sock|$tmp/p.sock|g")
    case "$args" in
    *--check-config*)
        # shellcheck disable=SC2086
        out=$(env -u PRECIS_DATA "$build/daemon/precisd" $args)
        printf '%s\n' "$out" | grep -qx "data = $(pwd)/data" ||
            { echo "examples: \"$line\" does not name the checkout's data"; echo "$out"; exit 1; } ;;
    *--socket*)
        # shellcheck disable=SC2086
        set -- $args
        shift # --socket
        sock=$1
        shift
        start_precisd "$sock" "$@"
        echo '{"text": "The council met on Monday. It voted to close the bridge."}' |
            "$build/cli/precis" --remote -s "$sock" --batch | grep -q '"summary"' ||
            { echo "examples: precisd started as \"$line\" does not serve"; exit 1; }
        stop_precisd ;;
    *) echo "examples: no way to run \"$line\""; exit 1 ;;
    esac
    p=$((p + 1))
done < "$tmp/precisd"
[ $p -ge 2 ] || { echo "examples: $p precisd commands found in docs/precisd.md"; exit 1; }
echo "doc examples passed ($n console, $d README daemon, $p precisd commands)"
