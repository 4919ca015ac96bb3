#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# tools/precis-idf (make idf) on a corpus of four documents: the model
# counts each document's folded, stemmed content terms once, leaves out
# stop words, numbers and terms under --min-df, sorts its lines, and
# prints a term longer than a map entry holds whole.
set -eu
build=${PRECIS_BUILD:-build/default}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/corpus.jsonl" <<'EOF'
{"text": "The ministers met in 2024. Ministers of state-of-the-art-technology spoke."}
{"text": "A minister resigned. The state-of-the-art-technology minister left."}
{"text": "The council voted. Councils vote often."}
{"text": "Nobody spoke of ministers or the council."}
EOF
"$build/tools/precis-idf" --data data --lang en "$tmp/corpus.jsonl" > "$tmp/en.idf"
cat > "$tmp/expected" <<'EOF'
docs 4
council	2
minist	3
spoke	2
state-of-the-art-technolog	2
EOF
grep -v '^#' "$tmp/en.idf" > "$tmp/got"
if ! cmp -s "$tmp/expected" "$tmp/got"; then
    echo "idf_tool: unexpected model:"
    diff "$tmp/expected" "$tmp/got" || true
    exit 1
fi
"$build/tools/precis-idf" --data data --lang en --min-df 3 "$tmp/corpus.jsonl" |
    grep -v '^#' > "$tmp/got3"
printf 'docs 4\nminist\t3\n' | cmp -s - "$tmp/got3" ||
    { echo "idf_tool: --min-df 3 kept more than minist"; cat "$tmp/got3"; exit 1; }
echo "idf_tool: model as expected"
