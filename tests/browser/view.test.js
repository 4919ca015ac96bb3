// SPDX-License-Identifier: BSD-2-Clause
// precisd's GET / in Debian's headless Chromium (playwright-core with
// executablePath /usr/bin/chromium): paste a document, submit, and check
// that every summary sentence's highlighted spans read back the reply's
// text at its offsets, that quotes and page noise are marked, and that
// a screenshot is not blank.  PRECIS_URL is precisd's http://host:port
// (tests/browser_view.sh starts it with listen = 127.0.0.1:0).
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { chromium } = require('playwright-core');

test('the page summarizes a pasted document in the browser', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
           '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(process.env.PRECIS_URL + '/');
    const text = fs.readFileSync('tests/fixtures/sample-article.txt', 'utf8');
    await page.fill('#text', text);
    await page.click('#go');
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 60000 });
    const bad = await page.evaluate(() => {
      const r = window.precisReply, t = window.precisText, doc = document.getElementById('doc');
      const spans = (sel) => [...doc.querySelectorAll(sel)].map((e) => e.textContent).join('');
      const out = [];
      r.summary.forEach((s) => {
        if (spans(`span[data-sentence="${s.index}"]`) !== t.slice(s.start_utf16, s.end_utf16))
          out.push('sentence ' + s.index);
      });
      const joined = (xs) => xs.slice().sort((a, b) => a.start - b.start)
        .map((x) => t.slice(x.start_utf16, x.end_utf16)).join('');
      if (spans('span.quote') !== joined(r.quotes)) out.push('quotes');
      if (spans('span.excluded') !== joined(r.excluded)) out.push('excluded');
      if (doc.textContent !== t) out.push('document text');
      if (!r.summary.length || !r.quotes.length || !r.excluded.length) out.push('empty');
      return out;
    });
    assert.deepStrictEqual(bad, []);
    assert.strictEqual(await page.locator('#doc span.summary[data-rank="1"]').count() > 0, true);
    const shot = await page.screenshot({ fullPage: false });
    const blankPage = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await blankPage.setContent('<html><body></body></html>');
    const blank = await blankPage.screenshot();
    assert.ok(shot.length > 5 * blank.length,
              `screenshot ${shot.length} bytes, an empty page ${blank.length}`);
  } finally {
    await browser.close();
  }
});
