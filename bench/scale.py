"""Section 2: the graph at scale. A synthetic graph in PeaceKG's shape (:mod:`bench.graph`) at
each size: how long it takes to store and to load, and the peak memory of each process doing it.

Each load runs in a process of its own (:mod:`bench.tasks`), and each server is started and
measured once it answers; its memory is summed over its processes.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench import servers
from bench.graph import write_graph_file
from bench.measure import run_child


def prepare(folder: Path, quads: int) -> dict[str, Any]:
    """The N-Quads file and an on-disk store (pyoxigraph's bulk loader) of a graph of ``quads``, made
    once per run folder."""
    sub = folder / f"graph-{quads}"
    meta = sub / "graph.json"
    if meta.is_file():
        return json.loads(meta.read_text())
    sub.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    stats = write_graph_file(sub / "data.nq", quads)
    generated = time.perf_counter() - started
    store = ox.Store(str(sub / "store"))
    store.bulk_load(path=str(sub / "data.nq"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    info = {
        "quads": stats.quads,
        "articles": stats.articles,
        "generate_s": generated,
        "nquads": str(sub / "data.nq"),
        "store": str(sub / "store"),
        "folder": str(sub),
    }
    meta.write_text(json.dumps(info))
    return info


def _server(start: Any) -> dict[str, Any]:
    with start as server:
        return {"seconds": server.started_in, **server.memory_mb()}


def run(folder: Path, sizes: list[int], log: Any = print) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for quads in sizes:
        graph = prepare(folder, quads)
        nq, store, sub = graph["nquads"], graph["store"], Path(graph["folder"])
        log(
            f"  graph of {graph['quads']:,} quads, {graph['articles']:,} articles, "
            f"generated in {graph['generate_s']:.1f} s"
        )
        row: dict[str, Any] = {
            "quads": graph["quads"],
            "articles": graph["articles"],
            "generate_s": graph["generate_s"],
        }
        timeout = 1800
        for written in ("kg-store", "ox-store"):  # a store left by an earlier run would be replaced, not written
            shutil.rmtree(sub / written, ignore_errors=True)
        row["kg_write"] = run_child("bench.tasks", ["kg-write", nq, str(sub / "kg-store")], timeout)
        row["ox_write"] = run_child("bench.tasks", ["ox-write", nq, str(sub / "ox-store")], timeout)
        row["kg_snapshot"] = run_child("bench.tasks", ["kg-snapshot", store], timeout)
        row["ox_memory"] = run_child("bench.tasks", ["ox-memory", nq], timeout)
        log_file = folder / "servers.log"
        row["kg_serve_memory"] = _server(servers.peacekg(Path(store), "memory", log_file))
        row["ox_serve_memory"] = _server(servers.oxigraph(Path(nq), "memory", log_file))
        row["kg_serve_disk"] = _server(servers.peacekg(Path(store), "disk", log_file))
        row["ox_serve_disk"] = _server(servers.oxigraph(Path(store), "disk", log_file))
        for key in ("kg_write", "ox_write", "kg_snapshot", "ox_memory"):
            log(f"  {key:16s} {row[key]['seconds']:7.2f} s   peak {row[key]['peak_rss_mb']:7.0f} MiB")
        for key in ("kg_serve_memory", "ox_serve_memory", "kg_serve_disk", "ox_serve_disk"):
            log(
                f"  {key:16s} {row[key]['seconds']:7.2f} s   {row[key]['rss_mb']:7.0f} MiB in "
                f"{row[key]['processes']} process(es)"
            )
        results[str(quads)] = row
    return results
