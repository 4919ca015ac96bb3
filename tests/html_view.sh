#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# precis --html in a real browser: Debian's headless Chromium opens the
# page with a check script appended, which reads the embedded reply and
# compares, for every summary sentence, the text of its highlighted
# spans with the document's bytes [start, end), and likewise the quotes
# and the excluded lines; then a screenshot must not be blank (larger
# than an empty page's by far).  tools/deps.sh installs chromium.
set -eu
build=${PRECIS_BUILD:-build/default}
command -v chromium >/dev/null 2>&1 ||
    { echo "html_view: chromium not installed (tools/deps.sh installs it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$build/cli/precis" --data data --html -q 3 -n 3 \
    tests/fixtures/sample-article.txt > "$tmp/page.html"
grep -q '<span class="summary" data-rank="1"' "$tmp/page.html" ||
    { echo "html_view: no ranked summary in the page"; exit 1; }
cat "$tmp/page.html" - > "$tmp/check.html" <<'JS'
<script>
(function () {
  const reply = JSON.parse(document.getElementById('precis-reply').textContent);
  const doc = document.getElementById('doc');
  const bytes = new TextEncoder().encode(doc.textContent);
  const text = (s, e) => new TextDecoder().decode(bytes.slice(s, e));
  const spans = (sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent).join('');
  const bad = [];
  reply.summary.forEach((s) => {
    if (spans(`span[data-sentence="${s.index}"]`) !== text(s.start, s.end))
      bad.push('sentence ' + s.index);
  });
  const joined = (items) => items.slice().sort((a, b) => a.start - b.start)
    .map((x) => text(x.start, x.end)).join('');
  if (spans('span.quote') !== joined(reply.quotes)) bad.push('quotes');
  if (spans('span.excluded') !== joined(reply.excluded || [])) bad.push('excluded');
  if (!reply.summary.length || !(reply.excluded || []).length) bad.push('empty');
  document.body.setAttribute('data-check', bad.length ? 'fail: ' + bad.join(', ') : 'ok');
})();
</script>
JS
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync"
# shellcheck disable=SC2086
chromium $flags --user-data-dir="$tmp/profile" --dump-dom "file://$tmp/check.html" \
    > "$tmp/dom.html" 2> "$tmp/chromium.log" ||
    { cat "$tmp/chromium.log"; exit 1; }
grep -o 'data-check="[^"]*"' "$tmp/dom.html" | head -1 > "$tmp/result"
grep -qx 'data-check="ok"' "$tmp/result" ||
    { echo "html_view: $(cat "$tmp/result")"; exit 1; }
printf '<!DOCTYPE html><html><body></body></html>\n' > "$tmp/blank.html"
for page in page blank; do
    # shellcheck disable=SC2086
    chromium $flags --user-data-dir="$tmp/profile" --window-size=1000,1400 \
        --screenshot="$tmp/$page.png" "file://$tmp/$page.html" \
        2>> "$tmp/chromium.log" > /dev/null
done
shot=$(wc -c < "$tmp/page.png")
blank=$(wc -c < "$tmp/blank.png")
[ "$shot" -gt $((blank * 5)) ] ||
    { echo "html_view: the screenshot looks blank ($shot bytes, an empty page $blank)"; exit 1; }
echo "html view: spans match the reply's offsets in Chromium; screenshot $shot bytes (empty page $blank)"
