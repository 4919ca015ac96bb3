#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# docs/nginx-precisd.conf as it is meant: nginx (Debian) balancing two
# precisd on Unix sockets.  Requests go through nginx while one precisd
# is killed (SIGKILL) mid-run; every one must get its summary.  Local
# and bounded: a scratch directory, a free port, nginx in the foreground.
set -eu
. tests/wait_socket.sh
build=${PRECIS_BUILD:-build/default}
command -v nginx >/dev/null 2>&1 ||
    { echo "nginx: not installed (tools/deps.sh installs nginx-light)"; exit 1; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=
cleanup() {
    # nginx runs in the foreground (daemon off): its pid is in $pids.
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
as_root=
[ "$(id -u)" -ne 0 ] || as_root="--allow-root true"
for i in a b; do
    mkdir -p "$tmp/$i"
    # shellcheck disable=SC2086
    "$build/daemon/precisd" --socket "$tmp/$i/precisd.sock" --socket-mode 0666 \
        --allow-world-socket true --data data $as_root --log-level warn \
        2> "$tmp/$i.log" &
    eval "pid_$i=$!"
    pids="$pids $!"
    wait_for_socket "$tmp/$i/precisd.sock" "$!" "$tmp/$i.log"
done
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|/run/precisd-a/|$tmp/a/|; s|/run/precisd-b/|$tmp/b/|" \
    -e "s|127.0.0.1:8080|127.0.0.1:$port|" docs/nginx-precisd.conf > "$tmp/site.conf"
cat > "$tmp/nginx.conf" <<CONF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/nginx.err warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/body;
    proxy_temp_path $tmp/proxy;
    include $tmp/site.conf;
}
CONF
[ "$(id -u)" -ne 0 ] || sed -i "1i user root;" "$tmp/nginx.conf"
nginx -t -c "$tmp/nginx.conf" -p "$tmp" 2> "$tmp/nginx.t" ||
    { cat "$tmp/nginx.t"; exit 1; }
nginx -c "$tmp/nginx.conf" -p "$tmp" -g 'daemon off;' 2>> "$tmp/nginx.err" &
pids="$pids $!"
# Ready once it answers through to a precisd.
i=0
until curl -sf "http://127.0.0.1:$port/v1/ping" > /dev/null; do
    i=$((i + 1))
    [ $i -lt 600 ] || { echo "nginx: not answering"; cat "$tmp/nginx.err"; exit 1; }
    sleep 0.1
done
ok=0
n=200
for k in $(seq 1 $n); do
    [ "$k" -eq 60 ] && kill -9 "$pid_a"   # one instance dies mid-run
    out=$(curl -s -H 'Content-Type: text/plain' \
        --data-binary "Request $k. The council met on Monday. It approved the budget." \
        "http://127.0.0.1:$port/v1/summarize?sentences=1") || true
    case "$out" in
    *'"summary":[{'*) ok=$((ok + 1)) ;;
    *) echo "nginx: request $k failed: $out" ;;
    esac
done
[ "$ok" -eq "$n" ] || { echo "nginx: $ok of $n requests answered"; exit 1; }
echo "nginx: $n requests through two precisd, one killed at request 60, all answered"
