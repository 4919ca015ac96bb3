#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# docs/scale-out.md's tested recipes, on this machine: precis --batch
# split across processes with GNU parallel (--pipe -k), and a Dask local
# cluster with the in-process binding, each over 2,000 documents, with
# replies identical to one precis --batch (timing aside).  The
# documents are made from the sample article's sentences, each a
# different selection and order.
set -eu
build=${PRECIS_BUILD:-build/default}
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
"$py" - "$tmp/docs.jsonl" <<'PY'
import json, random, re, sys
text = open("tests/fixtures/sample-article.txt", encoding="utf-8").read()
sents = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
rng = random.Random(14)
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(2000):
        pick = rng.sample(sents, rng.randint(3, min(12, len(sents))))
        f.write(json.dumps({"id": i, "text": " ".join(pick),
                            "sentences": 2, "quotes": 1}) + "\n")
PY
# One reply per line, without what differs run to run, keys sorted,
# numbers at the 6 significant digits precisd writes (the binding keeps
# full doubles).
normalise() {
    "$py" -c 'import json, sys
def six(v):
    if isinstance(v, float): return float("%.6g" % v)
    if isinstance(v, dict): return {k: six(x) for k, x in v.items()}
    if isinstance(v, list): return [six(x) for x in v]
    return v
for line in sys.stdin:
    r = json.loads(line); r.pop("timing", None); r.pop("id", None)
    print(json.dumps(six(r), sort_keys=True))'
}
cli="$build/cli/precis"
"$cli" --data data --batch "$tmp/docs.jsonl" | normalise > "$tmp/one.jsonl"
[ "$(wc -l < "$tmp/one.jsonl")" -eq 2000 ]
# GNU parallel: blocks of 100 lines to 2 processes, output kept in order.
parallel --will-cite --pipe -k -N 100 -j 2 "$cli" --data data --batch - \
    < "$tmp/docs.jsonl" | normalise > "$tmp/parallel.jsonl"
cmp "$tmp/one.jsonl" "$tmp/parallel.jsonl" ||
    { echo "scale_out: parallel --pipe -k differs from one precis --batch"; exit 1; }
# Dask: a local cluster of 2 worker processes, one Engine each.
if [ "${SANITIZE:-0}" = 1 ]; then
    echo "scale_out: the Dask recipe runs in the plain build only (ASan library)"
else
    PRECIS_LIB="$(pwd)/$build/libprecis.so" PRECIS_DATA="$(pwd)/data" \
        "$py" tests/scale_out/dask_summaries.py "$tmp/docs.jsonl" "$tmp/dask.raw"
    normalise < "$tmp/dask.raw" > "$tmp/dask.jsonl"
    cmp "$tmp/one.jsonl" "$tmp/dask.jsonl" ||
        { echo "scale_out: Dask's summaries differ from precis --batch"; exit 1; }
fi
echo "scale out passed (2,000 documents: parallel --pipe -k, Dask local cluster)"
