// SPDX-License-Identifier: BSD-2-Clause
// A client for precisd, the precis summarization daemon (Node's `net` only).
//
//   const { Client } = require('precis-client');
//   const c = new Client('/run/precisd/precisd.sock');
//   const reply = await c.summarize(text, { sentences: 3, offsets: 'utf16' });
//   for (const s of reply.summary) text.slice(s.start_utf16, s.end_utf16);
//   c.close();
//
// One connection, any number of requests in flight on it: each gets an id
// and its reply is matched by it (precisd answers out of order).  An error
// reply rejects with a PrecisError whose .code is the protocol's.  Offsets
// are bytes of the UTF-8 text; ask for offsets: 'utf16' (JavaScript string
// indexes) or convert with stringIndex().  The protocol: docs/protocol.md.
'use strict';

const net = require('net');

class PrecisError extends Error {
  constructor(code, message, id) {
    super(message);
    this.name = 'PrecisError';
    this.code = code;
    this.id = id;
  }
}

function defaultSocket() {
  return process.env.PRECIS_SOCKET || '/run/precisd/precisd.sock';
}

// The index in JavaScript string `text` of byte offset `byteOffset` of its
// UTF-8 encoding.
function stringIndex(text, byteOffset) {
  return Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8')
    .length;
}

class Client {
  constructor(path = defaultSocket(), { timeout = 30000 } = {}) {
    this.path = path;
    this.timeout = timeout;
    this.nextId = 1;
    this.waiting = new Map(); // id -> {resolve, reject, timer}
    this.socket = null;
    this.buffer = Buffer.alloc(0);
  }

  connect() {
    if (this.socket) return this.socket;
    const s = net.createConnection(this.path);
    s.on('data', (chunk) => this.onData(chunk));
    const fail = (err) => this.failAll(err);
    s.on('error', fail);
    s.on('close', () => fail(new Error('precisd closed the connection')));
    this.socket = s;
    return s;
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    let nl;
    while ((nl = this.buffer.indexOf(10)) >= 0) {
      const line = this.buffer.subarray(0, nl).toString('utf8');
      this.buffer = this.buffer.subarray(nl + 1);
      let reply;
      try {
        reply = JSON.parse(line);
      } catch (e) {
        this.failAll(e);
        return;
      }
      const w = this.waiting.get(reply.id);
      if (!w) continue;
      this.waiting.delete(reply.id);
      clearTimeout(w.timer);
      if (reply.error) {
        w.reject(new PrecisError(reply.error.code, reply.error.message,
                                 reply.id));
      } else {
        w.resolve(reply);
      }
    }
  }

  failAll(err) {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiting.clear();
    if (this.socket) this.socket.destroy();
    this.socket = null;
    this.buffer = Buffer.alloc(0);
  }

  request(req) {
    const id = this.nextId++;
    const socket = this.connect();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new PrecisError('client_timeout',
                               `no reply in ${this.timeout} ms`, id));
      }, this.timeout);
      this.waiting.set(id, { resolve, reject, timer });
      socket.write(JSON.stringify({ ...req, id }) + '\n');
    });
  }

  summarize(text, options = {}) {
    return this.request({ ...options, op: 'summarize', text });
  }

  segment(text, options = {}) {
    return this.request({ ...options, op: 'segment', text });
  }

  ping() {
    return this.request({ op: 'ping' });
  }

  async languages() {
    return (await this.request({ op: 'languages' })).languages;
  }

  close() {
    if (this.socket) this.socket.end();
    this.socket = null;
  }
}

module.exports = { Client, PrecisError, stringIndex, defaultSocket };
