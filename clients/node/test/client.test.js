// SPDX-License-Identifier: BSD-2-Clause
// precis-client against the real precisd, started here on a scratch socket
// (PRECISD names the binary, PRECIS_DATA the data).  Readiness: the socket
// file appearing is not enough, so the test waits for a ping to succeed,
// retrying on connection refused (an event, not a fixed sleep).
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client, PrecisError, stringIndex } = require('..');

const DOC = 'Caf\u00e9 owners in Z\u00fcrich met on Monday \u{1F600} and voted ' +
  'to close the bridge. \u201cIt is over,\u201d said Mayor Ana Kov\u00e1\u010d. ' +
  'The bridge carries 40,000 cars a day \u2014 most of them commuters.';

let dir, sock, daemon;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precis-node-'));
  sock = path.join(dir, 'p.sock');
  const args = ['--socket', sock, '--data', process.env.PRECIS_DATA || 'data',
                '--log-level', 'warn'];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root', 'true');
  daemon = spawn(process.env.PRECISD || 'build/default/daemon/precisd', args,
                 { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 60000;
  for (;;) {
    const c = new Client(sock, { timeout: 5000 });
    try {
      await c.ping();
      c.close();
      return;
    } catch (e) {
      c.close();
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
});

after(() => {
  daemon.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('summary with UTF-16 offsets that slice the string', async () => {
  const c = new Client(sock);
  const r = await c.summarize(DOC, { sentences: 2, offsets: 'utf16' });
  assert.strictEqual(r.summary.length, 2);
  for (const s of r.summary) {
    assert.strictEqual(DOC.slice(s.start_utf16, s.end_utf16), s.text);
    assert.strictEqual(DOC.slice(stringIndex(DOC, s.start),
                                 stringIndex(DOC, s.end)), s.text);
  }
  assert.ok((await c.languages()).some((l) => l.code === 'en'));
  c.close();
});

test('errors reject with their code, the connection stays', async () => {
  const c = new Client(sock);
  await assert.rejects(c.summarize('Some text.', { lang: 'xx' }),
                       (e) => e instanceof PrecisError &&
                              e.code === 'unknown_language');
  await assert.rejects(c.summarize('Some text.', { sentences: 0 }),
                       (e) => e.code === 'bad_request');
  assert.ok((await c.ping()).ok);
  c.close();
});

test('many requests in flight on one connection, each its own reply',
     async () => {
  const c = new Client(sock);
  const texts = Array.from({ length: 40 },
                           (_, i) => `Item ${i} happened. Then more of it.`);
  const replies = await Promise.all(texts.map((t) => c.summarize(t,
                                                                 { sentences: 1 })));
  replies.forEach((r, i) => assert.ok(r.summary[0].text.includes(`Item ${i}`)));
  c.close();
});

test('a request past its timeout rejects', async () => {
  const c = new Client(sock, { timeout: 1 });
  await assert.rejects(c.summarize(DOC.repeat(3000)),
                       (e) => e.code === 'client_timeout');
  c.close();
});
