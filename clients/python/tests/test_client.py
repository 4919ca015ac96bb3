# SPDX-License-Identifier: BSD-2-Clause
"""precis_client against the real precisd (started here on a scratch socket).

Run by `make check` (tests/python_client.sh); PRECISD names the binary and
PRECIS_DATA the engine data.  Readiness is precisd's own READY=1 on a
NOTIFY_SOCKET bound here: no sleeping.
"""

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import precis_client  # noqa: E402
from precis_client import AsyncClient, Client  # noqa: E402

DOC = ("Caf\u00e9 owners in Z\u00fcrich met on Monday \U0001F600 and voted "
       "to close the bridge. \u201cIt is over,\u201d said Mayor Ana Kov\u00e1\u010d. "
       "The bridge carries 40,000 cars a day \u2014 most of them commuters.")


class Daemon:
    def __init__(self, *args):
        self.dir = tempfile.mkdtemp(prefix="precis-py-")
        self.sock = os.path.join(self.dir, "p.sock")
        notify = os.path.join(self.dir, "notify")
        ready = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        ready.bind(notify)
        ready.settimeout(60)
        env = dict(os.environ, NOTIFY_SOCKET=notify)
        cmd = [os.environ.get("PRECISD", "build/default/daemon/precisd"),
               "--socket", self.sock, "--data",
               os.environ.get("PRECIS_DATA", "data"), "--log-level", "warn"]
        if os.geteuid() == 0:
            cmd += ["--allow-root", "true"]
        self.proc = subprocess.Popen(cmd + list(args), env=env)
        while b"READY=1" not in ready.recv(4096):
            pass
        ready.close()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(60)
        subprocess.run(["rm", "-rf", self.dir], check=True)


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = Daemon()

    @classmethod
    def tearDownClass(cls):
        cls.d.stop()

    def test_summary_and_string_offsets(self):
        with Client(self.d.sock) as c:
            self.assertTrue(c.ping()["ok"])
            r = c.summarize(DOC, sentences=2, offsets="codepoints")
            self.assertEqual(len(r["summary"]), 2)
            for s in r["summary"]:
                # Code point offsets index the str; byte ones, converted.
                self.assertEqual(DOC[s["start_codepoints"]:s["end_codepoints"]],
                                 s["text"])
                self.assertEqual(
                    DOC[precis_client.str_index(DOC, s["start"]):
                        precis_client.str_index(DOC, s["end"])], s["text"])
            self.assertIn("en", [l["code"] for l in c.languages()])

    def test_errors_raise_their_class(self):
        with Client(self.d.sock) as c:
            with self.assertRaises(precis_client.UnknownLanguage) as e:
                c.summarize("Some text here.", lang="xx")
            self.assertEqual(e.exception.code, "unknown_language")
            with self.assertRaises(precis_client.BadRequest):
                c.summarize("Some text here.", sentences=0)
            # The connection is still good after error replies.
            self.assertTrue(c.ping()["ok"])

    def test_pipelined_replies_come_back_in_order(self):
        texts = ["Story %d. The council met on day %d. It voted." % (i, i)
                 for i in range(40)]
        with Client(self.d.sock) as c:
            out = c.summarize_many(texts, depth=8, sentences=1)
        self.assertEqual(len(out), 40)
        for i, r in enumerate(out):
            self.assertIn("day %d." % i, " ".join(s["text"] for s in r["summary"])
                          + " ".join(k["text"] for k in r["keywords"]) + texts[i])
            self.assertEqual(r["words"], len(texts[i].split()))

    def test_timeout_raises(self):
        with Client(self.d.sock, timeout=0.000001) as c:
            with self.assertRaises((TimeoutError, socket.timeout)):
                c.summarize(DOC * 2000)

    def test_async_client_shares_one_connection(self):
        async def run():
            async with AsyncClient(self.d.sock) as c:
                replies = await asyncio.gather(
                    *[c.summarize("Item %d happened. Then more of it." % i,
                                  sentences=1) for i in range(30)],
                    c.ping())
                with self.assertRaises(precis_client.UnknownLanguage):
                    await c.summarize("Text.", lang="xx")
                return replies
        replies = asyncio.run(run())
        self.assertEqual(len(replies), 31)
        for i in range(30):
            self.assertIn("Item %d" % i, replies[i]["summary"][0]["text"])
        self.assertTrue(replies[30]["ok"])


if __name__ == "__main__":
    unittest.main()
