"""Section 5: the endpoint under load, against ``oxigraph serve`` over the same data in the same
storage mode (in memory against in memory, on disk against ``serve-read-only``).

Both servers run side by side; each cell (a query at a number of concurrent clients) is measured
on one, then on the other, and after each cell the server is left to finish what it still had
in hand. PeaceKG runs with its result cache off, so that every request is answered by the
engine as on ``oxigraph serve``; afterwards each load-tested query is measured once more at the
first number of clients on PeaceKG with the cache on (its default), every request after the
first answered from the cache. Each query is first sent once to each server: a query that takes longer than the probe
limit on ``oxigraph serve`` is not load-tested (its single-request latency is reported), and a
query is loaded only with as many clients as let each request complete several times in a
cell; the smoke run load-tests only the first few queries. Besides the trivial query and the
example queries, a typical event query (what one article reports) is measured. The
ceilings of any app served by granian, as PeaceKG is, are measured too: granian answering
``/ping`` bare, and through the smallest Flask app.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench import load, servers
from bench.query_times import EVENT_LOOKUP, TRIVIAL, query_files
from bench.scale import prepare

CORES = 2
PATHS = {"peacekg": "/sparql?query=", "oxigraph": "/query?query="}


def _probe(server: servers.Server, path: str, limit: float) -> dict[str, Any]:
    """Seconds of one request (the better of two when the first is under ``limit``)."""
    best, status = None, 0
    for _ in range(2):
        began = time.perf_counter()
        try:
            status, _body = servers.get(server.port, path, timeout=120)
        except OSError as e:
            return {"error": str(e)}
        took = time.perf_counter() - began
        best = took if best is None else min(best, took)
        if took > limit:
            break
    _quiesce(server)
    return {"seconds": best, "status": status}


def _quiesce(server: servers.Server, timeout: float = 60.0) -> None:
    """Wait until the server has finished what it still had in hand (abandoned requests)."""
    deadline = time.monotonic() + timeout
    if server.name.startswith("peacekg"):  # every query process idle again
        while time.monotonic() < deadline:
            try:
                status, body = servers.get(server.port, "/health", accept="application/json", timeout=timeout)
                health = json.loads(body) if status == 200 else {}
                if health.get("idle") == health.get("query_processes"):
                    return
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        return
    trivial = PATHS["oxigraph"] + quote(TRIVIAL)
    while time.monotonic() < deadline:  # a trivial query answered at once again
        began = time.perf_counter()
        with contextlib.suppress(OSError):
            servers.get(server.port, trivial, timeout=timeout)
        if time.perf_counter() - began < 0.05:
            return
        time.sleep(0.2)


def _clients_for(seconds: float, clients: list[int], duration: float) -> list[int]:
    """The numbers of clients at which a request of ``seconds`` still completes many times in a
    cell: a slow query at 32 clients would only measure the queue.

    >>> _clients_for(0.3, [4, 8, 32], 3.0), _clients_for(0.01, [4, 8, 32], 3.0)
    ([4], [4, 8, 32])
    """
    fitting = [c for c in clients if c * seconds / CORES <= duration / 5]
    return fitting or clients[:1]


def _cell(
    running: dict[str, servers.Server], query: str, text: str, clients: int, n: int, duration: float, tool: str
) -> dict[str, Any]:
    """One query at one number of clients on both servers, alternating which goes first."""
    order = ("peacekg", "oxigraph") if n % 2 == 0 else ("oxigraph", "peacekg")
    cell: dict[str, Any] = {"query": query, "clients": clients}
    for name in order:
        server = running[name]
        cell[name] = asdict(
            load.measure(f"{server.address}{PATHS[name]}{quote(text)}", servers.ACCEPT, clients, duration, tool)
        )
        _quiesce(server)
    cell["ratio"] = (cell["peacekg"]["rps"] / cell["oxigraph"]["rps"]) if cell["oxigraph"]["rps"] else None
    return cell


def _cached(
    store: Path,
    mode: str,
    log_file: Path,
    texts: dict[str, str],
    queries: list[str],
    clients: int,
    duration: float,
    tool: str,
    log: Any,
) -> list[dict[str, Any]]:
    """Each query under load on PeaceKG with its result cache on (the default setting)."""
    cells = []
    with servers.peacekg(store, mode, log_file) as kg:
        for q in queries:
            url = f"{kg.address}{PATHS['peacekg']}{quote(texts[q])}"
            measured = load.measure(url, servers.ACCEPT, clients, duration, tool)
            cells.append({"query": q, "clients": clients, **asdict(measured)})
            log(f"  {mode:6s} {q:20s} {clients:3d} clients, result cache on: {cells[-1]['rps']:9,.0f} req/s")
            _quiesce(kg)
    return cells


def run(
    folder: Path,
    quads: int,
    clients: list[int],
    duration: float,
    modes: dict[str, list[int]],
    probe_limit: float,
    tool: str = "auto",
    max_queries: int | None = None,
    log: Any = print,
) -> dict[str, Any]:
    graph = prepare(folder, quads)
    texts = {
        "trivial": TRIVIAL,
        "event-lookup": EVENT_LOOKUP,
        **{f.stem: f.read_text(encoding="utf-8") for f in query_files()},
    }
    used = "wrk" if tool == "wrk" or (tool == "auto" and load.have_wrk()) else "python"
    out: dict[str, Any] = {
        "quads": graph["quads"],
        "tool": used,
        "duration_s": duration,
        "clients": clients,
        "probe_limit_s": probe_limit,
        "modes": {},
    }
    log_file = folder / "servers.log"
    out["ping_server"] = "granian"
    for key, app in (("ping", "app"), ("flask_ping", "flask_app")):
        with servers.ping(log_file, app=app) as ping:
            out[key] = [asdict(load.measure(f"{ping.address}/ping", "*/*", c, duration, tool)) for c in clients]
        log(f"  granian /ping ({app}): " + ", ".join(f"{c['clients']} clients {c['rps']:,.0f} req/s" for c in out[key]))
    for mode, mode_clients in modes.items():
        source = graph["nquads"] if mode == "memory" else graph["store"]
        with servers.peacekg(Path(graph["store"]), mode, log_file, result_cache_bytes=0) as kg:
            # probes with the same 10 s query timeout on both; the load runs oxigraph without one
            with servers.oxigraph(Path(source), mode, log_file) as oxs:
                running = {"peacekg": kg, "oxigraph": oxs}
                probes = {
                    q: {name: _probe(s, PATHS[name] + quote(text), probe_limit) for name, s in running.items()}
                    for q, text in texts.items()
                }
            loaded = [
                q
                for q in texts
                if probes[q]["oxigraph"].get("seconds", 1e9) <= probe_limit
                and probes[q]["oxigraph"].get("status") == 200
            ][:max_queries]
            with servers.oxigraph(Path(source), mode, log_file, timeout_s=None) as oxs:
                running = {"peacekg": kg, "oxigraph": oxs}
                cells = []
                for n, q in enumerate(loaded):
                    for c in _clients_for(probes[q]["oxigraph"]["seconds"], mode_clients, duration):
                        cell = _cell(running, q, texts[q], c, n, duration, tool)
                        cells.append(cell)
                        log(
                            f"  {mode:6s} {q:20s} {c:3d} clients: peacekg {cell['peacekg']['rps']:9,.0f} req/s, "
                            f"oxigraph {cell['oxigraph']['rps']:9,.0f} req/s, ratio {cell['ratio'] or 0:.2f}"
                        )
        cached = _cached(Path(graph["store"]), mode, log_file, texts, loaded, mode_clients[0], duration, tool, log)
        out["modes"][mode] = {"probes": probes, "load_tested": loaded, "cells": cells, "cached": cached}
    return out
