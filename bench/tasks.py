"""Measurements that run in a child process of their own, so that its peak memory is theirs alone.

``python -m bench.tasks TASK ARGS...`` prints one JSON object with the figures and the
process's peak resident memory (``peak_rss_mb``).

``kg-write NQUADS STORE``
    PeaceKG's write path: every article graph of the file in one :func:`kg.store.replace_articles`
    into a new on-disk store (what one ingest of all those articles writes).
``ox-write NQUADS STORE``
    pyoxigraph's bulk loader into a new on-disk store.
``kg-snapshot STORE`` / ``ox-memory NQUADS``
    PeaceKG's in-memory copy of an on-disk store (:func:`kg.store.snapshot`) / pyoxigraph loading
    the N-Quads file in memory (what each of the endpoint's query processes does).
``export NQUADS STORE REPEATS``
    Turtle and N-Quads through :func:`kg.store.dump` and through pyoxigraph's serialiser, from
    memory and from disk; seconds per run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.measure import emit, median, peak_rss_mb


def _batch(nquads: Path) -> Any:
    """The N-Quads file as one N-Triples body per named graph, added to a store batch as ingest
    adds each article's graph (the file holds each graph's quads together)."""
    from kg.store import Batch

    batch = Batch()
    graph, body = None, []
    with open(nquads, encoding="utf-8") as f:
        for line in f:
            triple, name, _dot = line.rstrip("\n").rsplit(" ", 2)
            if name != graph:
                if body:
                    batch.add(graph[1:-1], "\n".join(body))
                graph, body = name, []
            body.append(triple + " .")
    if body:
        batch.add(graph[1:-1], "\n".join(body))
    return batch


def kg_write(nquads: str, store: str) -> dict[str, Any]:
    from kg.store import close_store, open_store, replace_articles

    started = time.perf_counter()
    with _batch(Path(nquads)) as batch:
        ds = open_store(store)
        began = time.perf_counter()
        replace_articles(ds, batch)
        close_store(ds)
    return {
        "seconds": time.perf_counter() - began,
        "with_reading": time.perf_counter() - started,
        "graphs": len(set(batch.names)),
    }


def ox_write(nquads: str, store: str) -> dict[str, Any]:
    data = ox.Store(store)
    started = time.perf_counter()
    data.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    data.flush()
    return {"seconds": time.perf_counter() - started, "quads": len(data)}


def kg_snapshot(store: str) -> dict[str, Any]:
    from kg.store import open_store, snapshot

    started = time.perf_counter()
    copy = snapshot(open_store(store, read_only=True))
    return {"seconds": time.perf_counter() - started, "quads": len(copy)}


def ox_memory(nquads: str) -> dict[str, Any]:
    started = time.perf_counter()
    data = ox.Store()
    data.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    return {"seconds": time.perf_counter() - started, "quads": len(data)}


class _Sink:
    """A binary writer that keeps nothing: the serialiser is timed, not the disk or the copy."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def export(nquads: str, store: str, repeats: str) -> dict[str, Any]:
    from kg.rdf.namespaces import PREFIXES
    from kg.store import dump, open_store

    memory = ox.Store()
    memory.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    union = ox.Store()  # the union of the graphs as triples, the most favourable input for pyoxigraph's Turtle
    union.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in memory)
    disk = open_store(store, read_only=True)

    def timed(write: Callable[[_Sink], None]) -> dict[str, float]:
        runs = []
        for _ in range(int(repeats)):
            sink = _Sink()
            began = time.perf_counter()
            write(sink)
            runs.append(time.perf_counter() - began)
        return {"seconds": median(runs), "bytes": sink.size}

    nq, ttl = ox.RdfFormat.N_QUADS, ox.RdfFormat.TURTLE
    return {
        "quads": len(memory),
        "union_triples": len(union),
        "memory": {
            "nquads": {
                "peacekg": timed(lambda s: dump(memory, s, "nquads")),
                "pyoxigraph": timed(lambda s: memory.dump(s, nq)),
            },
            "turtle": {
                "peacekg": timed(lambda s: dump(memory, s, "turtle")),
                "pyoxigraph": timed(lambda s: union.dump(s, ttl, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)),
            },
        },
        "disk": {
            "nquads": {
                "peacekg": timed(lambda s: dump(disk, s, "nquads")),
                "pyoxigraph": timed(lambda s: ox.Store.read_only(store).dump(s, nq)),
            },
            "turtle": {"peacekg": timed(lambda s: dump(disk, s, "turtle"))},
        },
    }


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "kg-write": kg_write,
    "ox-write": ox_write,
    "kg-snapshot": kg_snapshot,
    "ox-memory": ox_memory,
    "export": export,
}


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    result = TASKS[name](*args)
    result["peak_rss_mb"] = peak_rss_mb()
    emit(result)
