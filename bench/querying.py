"""Timing SPARQL queries on several engines, each in a child process that can be stopped.

No engine can cancel a query once it runs, so each engine answers in a child process
(``python -m bench.querying ENGINE SOURCE``) that loads its data once, then reads commands on
its standard input, one a line: a query file's path runs that query once as a warm-up and
reports the size of its answer; ``again`` runs the same query once more and reports its time.
:func:`measure` keeps one child per engine and interleaves the runs: each query is run once on
every engine, in alternating order, then again, and so on, so that a slow spell of a shared
machine falls on every engine alike (engine after engine, a whole query at a time, would
charge it to one). Every run has a time limit; past it the child is killed, the query recorded
as over the limit on that engine, and a new child started for the next query.

Engines, each answering in full (solutions as SPARQL JSON, graphs as Turtle):

``pyoxigraph-memory`` / ``pyoxigraph-disk``
    pyoxigraph on the N-Quads file loaded in memory / on the on-disk store, used directly.
``peacekg-memory`` / ``peacekg-disk``
    PeaceKG's store API: :func:`kg.query.run_query` and :func:`kg.query.render` over
    :func:`kg.store.snapshot` of the store / over the on-disk store.
``endpoint-memory``
    what a query process of the endpoint serving from memory does, in process: the N-Quads file
    loaded with the merge of its graphs as the default graph (:func:`kg.web.worker.open_source`),
    each answer serialised by :func:`kg.web.worker.execute` with the caps raised. Over HTTP the
    same work is done, plus the web layer: the difference is what HTTP adds.
``http``
    a PeaceKG (or any SPARQL protocol) endpoint; SOURCE is its ``/sparql`` URL. PeaceKG's
    ``Server-Timing`` header tells how long the server waited for its query process (``query``)
    and how long that process took to run the query and serialise the answer (``engine``), so
    each run also gives, for that very request, what HTTP adds to the engine's work (the time
    minus ``engine``: web layer, the hop to the query process and the transfer) and what the web
    layer alone adds (the time minus ``query``: HTTP server, Flask, the transfer).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from bench.measure import ROOT, child_env, emit, percentile

ENGINES = ("pyoxigraph-memory", "pyoxigraph-disk", "peacekg-memory", "peacekg-disk", "endpoint-memory", "http")


def _pyoxigraph(mode: str, source: str) -> Callable[[str], int]:
    import pyoxigraph as ox

    if mode == "memory":
        store = ox.Store()
        store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS)
    else:
        store = ox.Store.read_only(source)

    def answer(query: str) -> int:
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            return len(result.serialize(format=ox.RdfFormat.TURTLE) or b"")
        return len(result.serialize(format=ox.QueryResultsFormat.JSON) or b"")

    return answer


def _peacekg(mode: str, source: str) -> Callable[[str], int]:
    from kg.query import render, run_query
    from kg.store import open_store, snapshot

    ds = open_store(source, read_only=True)
    data = snapshot(ds) if mode == "memory" else ds

    def answer(query: str) -> int:
        return len(render(run_query(data, query), "json"))

    return answer


def _endpoint(source: str) -> Callable[[str], int]:
    from kg.rdf.namespaces import PREFIXES
    from kg.web.worker import Job, execute, open_source

    store, merged = open_source("memory", source)

    def answer(query: str) -> int:
        job = Job(query, max_results=10**9, max_bytes=2**31 - 1, prefixes=tuple(PREFIXES.items()))
        out = execute(store, job, merged)
        if out.status != "ok":
            raise RuntimeError(f"the query failed: {out.status} {out.message}")
        return len(out.body)

    return answer


class _Http:
    """A SPARQL protocol endpoint at ``url``. After each answer, ``server_ms`` is the time the
    server says it spent getting the answer (its ``Server-Timing: query;dur=``) and ``engine_ms``
    the time its query process took (``engine;dur=``), each if it says."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.path = parts.path
        self.conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=600)
        self.server_ms: float | None = None
        self.engine_ms: float | None = None

    def __call__(self, query: str) -> int:
        self.conn.request(
            "GET",
            f"{self.path}?query={quote(query)}",
            headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
        )
        response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}: {body[:300]!r}")
        timings = dict(_SERVER_TIMING.findall(response.getheader("Server-Timing") or ""))
        self.server_ms = float(timings["query"]) if "query" in timings else None
        self.engine_ms = float(timings["engine"]) if "engine" in timings else None
        return len(body)


_SERVER_TIMING = re.compile(r"\b(query|engine);dur=([0-9.]+)")


def engine(name: str, source: str) -> Callable[[str], int]:
    if name == "http":
        return _Http(source)
    if name == "endpoint-memory":
        return _endpoint(source)
    family, _, mode = name.partition("-")
    if family == "pyoxigraph":
        return _pyoxigraph(mode, source)
    if family == "peacekg":
        return _peacekg(mode, source)
    raise ValueError(f"Unexpected engine: {name!r}")


def child(argv: Sequence[str]) -> None:
    """``ENGINE SOURCE``, then commands on standard input, each answered by one JSON line: a
    query file's path (a warm-up run: its time and the size of the answer), or ``again`` (one
    more run of that query: its time)."""
    name, source = argv
    started = time.perf_counter()
    answer = engine(name, source)
    emit({"ready": time.perf_counter() - started})
    text = ""
    for line in sys.stdin:
        command = line.strip()
        if not command:
            continue
        if command != "again":
            text = Path(command).read_text(encoding="utf-8")
        began = time.perf_counter()
        size = answer(text)
        seconds = time.perf_counter() - began
        said = {key: getattr(answer, key, None) for key in ("server_ms", "engine_ms")}
        emit({"seconds": seconds, "bytes": size, **{k: v for k, v in said.items() if v is not None}})


class _Child:
    """One engine's child process, loaded and waiting for queries."""

    def __init__(self, name: str, source: str) -> None:
        self.name, self.source = name, source
        args = [sys.executable, "-m", "bench.querying", name, source]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            cwd=ROOT,
            start_new_session=True,
            bufsize=0,
        )  # unbuffered: select sees every line
        if _read_line(self.proc, 900.0) is None:
            raise RuntimeError(f"{name} did not load {source}: {_stderr(self.proc)}")

    def run(self, command: str, limit: float) -> dict[str, Any] | None:
        """Seconds and answer size of one run (``command``: a query file's path, or ``again``);
        ``None`` when it ran over ``limit`` (the child is then dead)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{command}\n".encode())
        self.proc.stdin.flush()
        line = _read_line(self.proc, limit)
        if line is None or line["seconds"] > limit:
            if self.proc.poll() not in (None, 0):
                raise RuntimeError(f"{self.name} failed on {command}: {_stderr(self.proc)}")
            self.close()
            return None
        return line

    def close(self) -> None:
        _kill(self.proc)


def measure(
    engines: Sequence[tuple[str, str, str]],
    files: Sequence[Path],
    limit: float,
    max_runs: int,
    budget: float,
    log: Callable[[str], None] = print,
    min_runs: int = 5,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per engine (``(key, engine, source)``) and query: p50 and p95 in ms, runs and answer size;
    or ``{"over": limit}`` when one run took longer than ``limit`` seconds.

    Each query is warmed up on every engine, then run on each in turn, in alternating order,
    round after round: at least ``min_runs`` rounds, at most ``max_runs``, stopping once the
    rounds have taken ``budget`` seconds per engine."""
    results: dict[str, dict[str, dict[str, Any]]] = {key: {} for key, _, _ in engines}
    children: dict[str, _Child] = {}
    flip = False
    try:
        for path in files:
            query, samples, sizes = path.stem, {}, {}
            web: dict[str, list[float]] = {}
            adds: dict[str, list[float]] = {}
            for key, name, source in _order(engines, flip := not flip):
                if key not in children:
                    children[key] = _Child(name, source)
                warm = children[key].run(str(path), limit)
                if warm is None:
                    del children[key]
                    results[key][query] = {"over": limit}
                    log(f"  {key:18s} {query:22s} over {limit:g} s")
                else:
                    samples[key], sizes[key] = [], warm["bytes"]
            started, rounds = time.perf_counter(), 0
            while samples and rounds < max_runs:
                if rounds >= min_runs and time.perf_counter() - started >= budget * len(samples):
                    break
                rounds += 1
                for key, _name, _source in _order(engines, flip := not flip):
                    if key not in samples:
                        continue
                    line = children[key].run("again", limit)
                    if line is None:
                        del children[key], samples[key]
                        results[key][query] = {"over": limit}
                        log(f"  {key:18s} {query:22s} over {limit:g} s")
                    else:
                        samples[key].append(line["seconds"])
                        if "server_ms" in line:  # what the web layer adds to what the server waited for
                            web.setdefault(key, []).append(line["seconds"] - line["server_ms"] / 1000)
                        if "engine_ms" in line:  # what HTTP adds to the query process's run, this request
                            adds.setdefault(key, []).append(line["seconds"] - line["engine_ms"] / 1000)
            for key, runs in samples.items():
                results[key][query] = {
                    "p50_ms": percentile(runs, 50) * 1000,
                    "p95_ms": percentile(runs, 95) * 1000,
                    "runs": len(runs),
                    "bytes": sizes[key],
                }
                if web.get(key):
                    results[key][query]["web_p50_ms"] = percentile(web[key], 50) * 1000
                if adds.get(key):
                    results[key][query]["adds_p50_ms"] = percentile(adds[key], 50) * 1000
                log(
                    f"  {key:18s} {query:22s} p50 {results[key][query]['p50_ms']:8.1f} ms  "
                    f"p95 {results[key][query]['p95_ms']:8.1f} ms  ({len(runs)} runs)"
                )
    finally:
        for child in children.values():
            child.close()
    return results


def _order(engines: Sequence[tuple[str, str, str]], flip: bool) -> list[tuple[str, str, str]]:
    """The engines, reversed every other round, so that none is always first after a pause."""
    return list(reversed(engines)) if flip else list(engines)


def _read_line(proc: subprocess.Popen[bytes], timeout: float) -> dict[str, Any] | None:
    """The next JSON line of the child, or ``None`` after ``timeout`` seconds or at its end."""
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if not sel.select(max(0.0, deadline - time.monotonic())):
                return None
            line = proc.stdout.readline()
            if not line:
                return None
            if line.startswith(b"{"):
                return json.loads(line)
    return None


def _stderr(proc: subprocess.Popen[bytes]) -> str:
    _kill(proc)
    return (proc.stderr.read().decode(errors="replace") if proc.stderr else "")[-1500:]


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


if __name__ == "__main__":
    child(sys.argv[1:])
