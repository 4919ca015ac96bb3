# SPDX-License-Identifier: BSD-2-Clause
"""Summaries of a JSONL batch on a local Dask cluster (two worker
processes), each process with one libprecis Engine (precis_client.binding).

    python3 dask_summaries.py IN.jsonl OUT.jsonl

Writes one reply per input line, in order, in precis --batch's shape
(without id and timing), so the two can be compared line for line.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "clients", "python"))

_engine = None


def summarize_partition(lines):
    """One Engine per worker process, made on first use."""
    global _engine
    from precis_client.binding import Engine
    if _engine is None:
        _engine = Engine(os.environ.get("PRECIS_DATA", "data"))
    out = []
    for line in lines:
        req = json.loads(line)
        text = req.pop("text")
        req.pop("id", None)
        out.append(json.dumps(_engine.summarize(text, **req), sort_keys=True))
    return out


def main(src, dst):
    import dask.bag as db
    from distributed import Client, LocalCluster
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        bag = db.from_sequence(lines, npartitions=8)
        replies = bag.map_partitions(summarize_partition).compute()
    with open(dst, "w", encoding="utf-8") as f:
        for r in replies:
            f.write(r + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
