# SPDX-License-Identifier: BSD-2-Clause
"""A client for precisd, the precis summarization daemon (standard library only).

    from precis_client import Client
    with Client("/run/precisd/precisd.sock") as c:
        reply = c.summarize(text, sentences=3)
        for s in reply["summary"]:
            print(s["text"])

Client is blocking and keeps one connection; AsyncClient does the same for
asyncio, with any number of requests in flight on it.  Both give each
request an id and match replies by it (precisd answers out of order), raise
the PrecisError subclass of the reply's error code, and time out.  Offsets
in replies are bytes of the UTF-8 text: ask for ``offsets="codepoints"``
to get ``start_codepoints``/``end_codepoints`` that index a Python str, or
convert with ``str_index``.  The protocol is docs/protocol.md.
"""

import asyncio
import itertools
import json
import os
import socket
import time

__all__ = [
    "Client", "AsyncClient", "PrecisError", "InvalidJSON", "InvalidUTF8",
    "TooLarge", "BadRequest", "UnknownOp", "UnknownLanguage", "Overloaded",
    "Timeout", "ShuttingDown", "Forbidden", "Internal", "str_index",
    "default_socket",
]


class PrecisError(Exception):
    """An error reply: .code (the protocol's), .message, .id."""

    code = None

    def __init__(self, message, id=None):
        super().__init__(message)
        self.message = message
        self.id = id


class InvalidJSON(PrecisError): code = "invalid_json"
class InvalidUTF8(PrecisError): code = "invalid_utf8"
class TooLarge(PrecisError): code = "too_large"
class BadRequest(PrecisError): code = "bad_request"
class UnknownOp(PrecisError): code = "unknown_op"
class UnknownLanguage(PrecisError): code = "unknown_language"
class Overloaded(PrecisError): code = "overloaded"
class Timeout(PrecisError): code = "timeout"
class ShuttingDown(PrecisError): code = "shutting_down"
class Forbidden(PrecisError): code = "forbidden"
class Internal(PrecisError): code = "internal"

_BY_CODE = {cls.code: cls for cls in PrecisError.__subclasses__()}


def default_socket():
    """$PRECIS_SOCKET, else the systemd socket's path."""
    return os.environ.get("PRECIS_SOCKET", "/run/precisd/precisd.sock")


def str_index(text, byte_offset):
    """The index in str `text` of byte offset `byte_offset` of its UTF-8."""
    return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "replace"))


def _check(reply):
    err = reply.get("error")
    if err is None:
        return reply
    cls = _BY_CODE.get(err.get("code"), PrecisError)
    e = cls(err.get("message", ""), reply.get("id"))
    if cls is PrecisError:
        e.code = err.get("code")
    raise e


def _request(op, text=None, **options):
    req = {"op": op}
    if text is not None:
        req["text"] = text
    req.update({k: v for k, v in options.items() if v is not None})
    return req


class Client:
    """One connection to precisd; not for use by several threads at once."""

    def __init__(self, path=None, timeout=30.0):
        self.path = path or default_socket()
        self.timeout = timeout
        self._ids = itertools.count(1)
        self._sock = None
        self._buf = b""
        self._early = {}  # replies read while waiting for another id

    def _connect(self):
        if self._sock is None:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(self.timeout)
            s.connect(self.path)
            self._sock = s
        return self._sock

    def close(self):
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        self._buf = b""
        self._early.clear()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _send(self, req):
        req = dict(req, id=next(self._ids))
        line = json.dumps(req, ensure_ascii=False).encode("utf-8") + b"\n"
        self._connect().sendall(line)
        return req["id"]

    def _read_reply(self, deadline):
        while b"\n" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from precisd in time")
            self._sock.settimeout(left)
            chunk = self._sock.recv(65536)
            if not chunk:
                self.close()
                raise ConnectionError("precisd closed the connection")
            self._buf += chunk
        line, self._buf = self._buf.split(b"\n", 1)
        return json.loads(line)

    def _wait(self, rid):
        deadline = time.monotonic() + self.timeout
        while rid not in self._early:
            reply = self._read_reply(deadline)
            self._early[reply.get("id")] = reply
        return _check(self._early.pop(rid))

    def request(self, req):
        """Send one request object and return its reply (an error raises)."""
        try:
            return self._wait(self._send(req))
        except (OSError, TimeoutError):
            self.close()  # a half-read stream is of no further use
            raise

    def summarize(self, text, **options):
        return self.request(_request("summarize", text, **options))

    def segment(self, text, **options):
        return self.request(_request("segment", text, **options))

    def ping(self):
        return self.request({"op": "ping"})

    def languages(self):
        return self.request({"op": "languages"})["languages"]

    def stats(self):
        return self.request({"op": "stats"})

    def summarize_many(self, texts, depth=16, **options):
        """Summaries of texts, in their order, `depth` requests in flight."""
        texts = list(texts)
        ids, out = [], [None] * len(texts)
        try:
            for i, text in enumerate(texts):
                ids.append(self._send(_request("summarize", text, **options)))
                if i + 1 - depth >= 0:
                    k = i + 1 - depth
                    out[k] = self._wait(ids[k])
            for k in range(max(0, len(texts) - depth), len(texts)):
                if out[k] is None:
                    out[k] = self._wait(ids[k])
        except (OSError, TimeoutError):
            self.close()
            raise
        return out


class AsyncClient:
    """One connection for asyncio; requests from many tasks share it."""

    def __init__(self, path=None, timeout=30.0):
        self.path = path or default_socket()
        self.timeout = timeout
        self._ids = itertools.count(1)
        self._reader = self._writer = self._task = None
        self._waiting = {}
        self._lock = None  # made in the loop that first uses it

    async def _connect(self):
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # many tasks, one connection
            if self._writer is None:
                self._reader, self._writer = \
                    await asyncio.open_unix_connection(self.path,
                                                       limit=1 << 26)
                self._task = asyncio.ensure_future(self._read_loop())

    async def _read_loop(self):
        try:
            while True:
                line = await self._reader.readline()
                if not line:
                    raise ConnectionError("precisd closed the connection")
                reply = json.loads(line)
                fut = self._waiting.pop(reply.get("id"), None)
                if fut is not None and not fut.done():
                    fut.set_result(reply)
        except Exception as e:  # every waiter learns why
            for fut in self._waiting.values():
                if not fut.done():
                    fut.set_exception(e)
            self._waiting.clear()
            self._writer = None

    async def close(self):
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def request(self, req):
        await self._connect()
        rid = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._waiting[rid] = fut
        line = json.dumps(dict(req, id=rid), ensure_ascii=False)
        self._writer.write(line.encode("utf-8") + b"\n")
        await self._writer.drain()
        try:
            reply = await asyncio.wait_for(fut, self.timeout)
        finally:
            self._waiting.pop(rid, None)
        return _check(reply)

    async def summarize(self, text, **options):
        return await self.request(_request("summarize", text, **options))

    async def segment(self, text, **options):
        return await self.request(_request("segment", text, **options))

    async def ping(self):
        return await self.request({"op": "ping"})
