#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make bench: quality, speed and load figures into docs/benchmarks.md,
# with plots.  Runs bench/eval, starts a precisd on a temporary socket,
# runs bench/speed (with OTS when built) and bench/load at 1, 16, 64 and
# 256 connections, and stops it; then bench/abuse, which starts its own.
set -eu
build=${PRECIS_BUILD:-build/default}
shared=${SHARED:-../shared/data}
out=docs/benchmarks.md
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

speed=$build/bench/speed
[ -x "$build/bench/speed-ots" ] && speed=$build/bench/speed-ots
docs=$shared/cnndm.dev.jsonl
[ -f "$docs" ] || docs=tests/fixtures/sample-article.txt

as_root=
[ "$(id -u)" -ne 0 ] || as_root="--allow-root true"
# shellcheck disable=SC2086
"$build/daemon/precisd" --socket "$tmp/precisd.sock" --data data $as_root \
    --log-level warn 2>"$tmp/precisd.log" &
pid=$!
i=0
while [ ! -S "$tmp/precisd.sock" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done

echo "== eval" >&2
if [ -f "$shared/duc2002.dev.jsonl" ]; then
    "$build/bench/eval" --shared "$shared" --data data --oracle > "$tmp/eval.txt"
else
    echo "(../shared/data not present: no evaluation)" > "$tmp/eval.txt"
fi
echo "== speed" >&2
"$speed" --data data --docs "$docs" > "$tmp/speed.txt"
echo "== instructions" >&2
# callgrind counts instructions, the figure that does not move with the
# machine's load: per input byte, precis (after a first pass that warms
# the lexicon, as in a long-running process) and the stemming floor.
if command -v valgrind >/dev/null 2>&1; then
    for what in precis floor; do
        fn=precis_once
        [ "$what" = floor ] && fn=floor_stem
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$what" \
            --toggle-collect="$fn" "$build/bench/speed" --data data \
            --docs "$docs" --pass "$what" > "$tmp/pass.$what" 2>"$tmp/vg.$what"
    done
    awk -v docs="$(basename "$docs")" '
        FNR == 1 { f++ }
        /^bytes:/ { bytes[f] = $2 }
        /I +refs:/ { gsub(",", "", $NF); ir[f] = $NF }
        END {
            printf "callgrind on %s, instructions per input byte:\n", docs
            printf "  precis, 3 quotes, 10 keywords   %6.0f\n", ir[2] / bytes[1]
            printf "  floor: decode + fold + stem all %6.0f\n", ir[4] / bytes[3]
            printf "  precis / floor                  %6.2f\n", \
                (ir[2] / bytes[1]) / (ir[4] / bytes[3])
        }' "$tmp/pass.precis" "$tmp/vg.precis" "$tmp/pass.floor" \
        "$tmp/vg.floor" > "$tmp/instructions.txt"
else
    echo "(valgrind not installed: no instruction counts)" > "$tmp/instructions.txt"
fi
echo "== load" >&2
: > "$tmp/load.txt"
for n in 1 16 64 256; do
    "$build/bench/load" --socket "$tmp/precisd.sock" --connections $n \
        --depth 4 --seconds 5 --docs "$docs" >> "$tmp/load.txt"
done
kill "$pid"; wait "$pid" || true
echo "== abuse" >&2
"$build/bench/abuse" --precisd "$build/daemon/precisd" --data data \
    > "$tmp/abuse.txt"

# Data files for the plots.
awk '/^connections/ {c=$2} /^latency/ {print c, $4, $6, $8, $10}' \
    "$tmp/load.txt" > "$tmp/latency.dat"
awk '/^cost by size/ {on=1; next} on && /^ *[0-9]/ {print $1, $4} /^$/ {on=0}' \
    "$tmp/speed.txt" > "$tmp/size.dat"
if command -v gnuplot >/dev/null 2>&1; then
    gnuplot <<GP
set terminal png size 720,400
set output "docs/latency.png"
set title "precisd latency by connections (depth 4)"
set xlabel "connections"; set ylabel "ms"; set logscale x; set key left
plot "$tmp/latency.dat" using 1:2 with linespoints title "p50", \
     "" using 1:3 with linespoints title "p90", \
     "" using 1:4 with linespoints title "p99"
set output "docs/size.png"
set title "precis time per KB by document size"
set xlabel "bytes"; set ylabel "microseconds per KB"; set logscale x
unset logscale y; set yrange [0:*]
plot "$tmp/size.dat" using 1:2 with linespoints title "precis"
GP
    plots='![latency](latency.png) ![time per KB](size.png)'
else
    plots='(gnuplot not installed: no plots)'
fi

{
    echo "# Benchmarks"
    echo
    echo "Written by \`make bench\` (tools/bench.sh) on $(date -u +%Y-%m-%d):"
    echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"
    echo "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM;"
    echo "documents from \`$(basename "$docs")\`. Figures vary run to run; they are"
    echo "for comparison on one machine, never a test."
    echo
    echo "$plots"
    echo
    echo "## Quality (bench/eval, as \`make eval\`)"
    echo
    echo '```'
    cat "$tmp/eval.txt"
    echo '```'
    echo
    echo "## Engine (bench/speed)"
    echo
    echo '```'
    cat "$tmp/speed.txt"
    echo '```'
    echo
    echo "### Instructions (callgrind)"
    echo
    echo '```'
    cat "$tmp/instructions.txt"
    echo '```'
    echo
    cat bench/history.md
    echo
    echo "## Daemon under load (bench/load, 5 s per row)"
    echo
    echo '```'
    cat "$tmp/load.txt"
    echo '```'
    echo
    echo "## Daemon under abuse (bench/abuse)"
    echo
    echo "Memory attacks, a flood beside a fresh client, and SIGTERM with a"
    echo "flood queued, each on a fresh precisd with default settings."
    echo
    echo '```'
    cat "$tmp/abuse.txt"
    echo '```'
} > "$out"
echo "wrote $out" >&2
