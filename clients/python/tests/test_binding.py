# SPDX-License-Identifier: BSD-2-Clause
"""precis_client.binding (libprecis through ctypes) gives what precisd gives.

PRECIS_LIB names the libprecis.so under test, PRECIS_CLI the precis
program whose --batch replies it is compared with, PRECIS_DATA the data.
"""

import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import precis_client  # noqa: E402
from precis_client.binding import Engine  # noqa: E402

DOCS = [
    "The council approved the transit budget on Tuesday after a long "
    "debate. \u201cThis is a good day for the city,\u201d Mayor Jane Doe said. "
    "The plan adds forty buses. Opponents said the cost had doubled.",
    "Le gouvernement a annonc\u00e9 lundi une r\u00e9forme des retraites. Les "
    "syndicats ont appel\u00e9 \u00e0 la gr\u00e8ve. Le texte sera examin\u00e9 "
    "en mars.",
    "Share on Facebook\nScientists have found water ice near the lunar "
    "south pole. The discovery could support future missions. Samples "
    "will be returned next year, the agency said.\nRead more: Moon news",
]


def batch(requests):
    cli = os.environ.get("PRECIS_CLI", "build/default/cli/precis")
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    out = subprocess.run([cli, "--data", os.environ.get("PRECIS_DATA", "data"),
                          "--batch", "-"], input=lines.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    replies = [json.loads(l) for l in out.decode().splitlines()]
    for r in replies:
        r.pop("id", None)
        r.pop("timing", None)
    return replies


def rounded(v):
    """Scores compared at the precision the JSON carries."""
    if isinstance(v, float):
        return round(v, 5)
    if isinstance(v, dict):
        return {k: rounded(x) for k, x in v.items()}
    if isinstance(v, list):
        return [rounded(x) for x in v]
    return v


class BindingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = Engine(os.environ.get("PRECIS_DATA", "data"))

    @classmethod
    def tearDownClass(cls):
        cls.engine.close()

    def test_summaries_equal_the_protocols(self):
        opts = {"sentences": 2, "quotes": 2, "keywords": 5, "excluded": True}
        want = batch([dict(opts, text=d) for d in DOCS])
        got = [self.engine.summarize(d, **opts) for d in DOCS]
        self.assertEqual(rounded(got), rounded(want))
        self.assertTrue(any(q["speaker"] for q in got[0]["quotes"]))

    def test_segments_equal_the_protocols(self):
        want = batch([{"op": "segment", "text": d} for d in DOCS])
        got = [self.engine.segment(d) for d in DOCS]
        self.assertEqual(got, want)

    def test_errors_raise_their_class(self):
        with self.assertRaises(precis_client.UnknownLanguage):
            self.engine.summarize("Some text.", lang="xx")
        with self.assertRaises(precis_client.InvalidUTF8):
            self.engine.summarize(b"caf\xe9 au lait.")
        # And read as such when asked.
        r = self.engine.summarize(b"caf\xe9 au lait. It was fine.",
                                  utf8="replace", sentences=1)
        self.assertEqual(len(r["summary"]), 1)


if __name__ == "__main__":
    unittest.main()
