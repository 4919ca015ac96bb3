#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The engine's whole output on every dev set of ../shared, to show that a
# change to the engine changed nothing (or exactly what it meant to):
#
#   tools/outputs.sh dump DIR          write DIR/<set>.jsonl
#   tools/outputs.sh compare DIR DIR   list the documents whose output differs
#
# Each document goes through precis --batch with its dev-set line as the
# request (extra fields are ignored), "excluded": true and up to 5 quotes
# with fragments, so summaries, quotes with speakers, keywords and every
# exclusion are compared; the timing is dropped.  Needs ../shared (SHARED=...).
set -eu
build=${PRECIS_BUILD:-build/default}
shared=${SHARED:-../shared/data}
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
case "${1:-}" in
dump)
    out=$2
    mkdir -p "$out"
    for f in "$shared"/*.dev.jsonl; do
        set_name=$(basename "$f" .dev.jsonl)
        "$py" -c 'import json, sys
for line in sys.stdin:
    r = json.loads(line); r["excluded"] = True
    r.setdefault("quotes", 5); r.setdefault("quote_fragments", True)
    print(json.dumps(r))' < "$f" |
            "$build/cli/precis" --data data --batch - |
            "$py" -c 'import json, sys
for line in sys.stdin:
    r = json.loads(line); r.pop("timing", None)
    print(json.dumps(r, sort_keys=True))' > "$out/$set_name.jsonl"
        echo "$set_name: $(wc -l < "$out/$set_name.jsonl") documents" >&2
    done ;;
compare)
    a=$2 b=$3 differ=0
    for f in "$a"/*.jsonl; do
        set_name=$(basename "$f")
        n=$(paste -d '\n' "$f" "$b/$set_name" | "$py" -c 'import sys
lines = sys.stdin.read().split("\n")
bad = [i // 2 for i in range(0, len(lines) - 1, 2) if lines[i] != lines[i + 1]]
print(len(bad)); [print("  line", i + 1, file=sys.stderr) for i in bad[:10]]')
        [ "$n" -eq 0 ] || { echo "$set_name: $n documents differ"; differ=1; }
    done
    [ $differ -eq 0 ] && echo "outputs identical on every set" ;;
*)
    echo "usage: tools/outputs.sh dump DIR | compare DIR DIR" >&2
    exit 2 ;;
esac
