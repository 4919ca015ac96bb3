#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# README.md's examples, run as written from the checkout: the console
# example's output must be what the README shows, and the daemon
# examples must get their replies from a precisd (on a scratch socket in
# place of ./precisd.sock, so a `make run` of the user's is left alone).
set -eu
build=${PRECIS_BUILD:-build/default}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# The ```console block: "$ command", then the output it shows.
awk '/^```console$/ {on = 1; next} /^```$/ {on = 0} on' README.md > "$tmp/console"
cmd=$(sed -n 's/^\$ //p' "$tmp/console")
[ -n "$cmd" ] || { echo "readme: no console example"; exit 1; }
sed '1d' "$tmp/console" > "$tmp/want"
env -u PRECIS_DATA sh -c "$cmd" > "$tmp/got"
diff -u "$tmp/want" "$tmp/got" || { echo "readme: the console example prints otherwise"; exit 1; }

# The daemon's examples: each "echo ... \ | precis ..." pair of lines of
# the ```sh block after "## The daemon".
awk '/^## The daemon/ {d = 1} d && /^```sh$/ {on = 1; next} on && /^```$/ {exit} on' \
    README.md | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' > "$tmp/daemon"
[ -s "$tmp/daemon" ] || { echo "readme: no daemon example"; exit 1; }
"$build/daemon/precisd" --socket "$tmp/precisd.sock" --data data \
    --log-level warn 2> "$tmp/precisd.log" &
pid=$!
# Wait for the socket to appear (the daemon binds it before it serves);
# the ceiling is generous so a loaded machine only slows this.
i=0
while [ ! -S "$tmp/precisd.sock" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/precisd.log"; exit 1; }
    i=$((i + 1))
    [ $i -lt 600 ] || { echo "readme: precisd did not start"; exit 1; }
    sleep 0.1
done
n=0
while IFS= read -r line; do
    line=$(printf '%s\n' "$line" | sed "s|\./precisd\.sock|$tmp/precisd.sock|g")
    out=$(sh -c "$line")
    case "$out" in
    *"The council met on Monday."*) n=$((n + 1)) ;;
    *) echo "readme: no summary from: $line"; echo "$out"; exit 1 ;;
    esac
done < "$tmp/daemon"
[ $n -ge 2 ] || { echo "readme: $n daemon examples ran"; exit 1; }
echo "readme examples passed ($n daemon examples)"
