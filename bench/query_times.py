"""Section 3: p50 and p95 of every ``queries/*.rq``, in process through PeaceKG's store API and
over HTTP, against pyoxigraph on the same data, in memory and on disk.

Every engine answers in full (see :mod:`bench.querying`); the endpoint is started with its
result caps raised so that it, too, sends every row. The engines in memory and over HTTP take
each query in turn, then the two on disk; a query over the time limit on pyoxigraph in memory
is not run on disk. The trivial query and a typical event
query (what one article reports) are measured too: their answers are small, so that what HTTP
adds to a request shows apart from the size of the answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import servers
from bench.measure import ROOT
from bench.querying import measure
from bench.scale import prepare

TRIVIAL = "SELECT * WHERE { ?s ?p ?o } LIMIT 10"
EVENT_LOOKUP = """PREFIX pk: <https://w3id.org/peacekg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label ?status ?date ?participant WHERE {
  GRAPH <https://w3id.org/peacekg/id/graph/synthetic-0000010> {
    ?event a ?class ; rdfs:label ?label ; pk:status ?status ; pk:participant|pk:party ?who .
    OPTIONAL { ?event pk:date ?date }
    ?who rdfs:label ?participant .
  }
}"""
"""A typical event query: what one article reports, with who took part (a page of the site)."""


def query_files() -> list[Path]:
    return sorted((ROOT / "queries").glob("*.rq"))


def bench_queries(folder: Path) -> list[Path]:
    """The trivial query and the typical event query, as files, to measure them like the others."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trivial.rq").write_text(TRIVIAL, encoding="utf-8")
    (folder / "event-lookup.rq").write_text(EVENT_LOOKUP, encoding="utf-8")
    return [folder / "trivial.rq", folder / "event-lookup.rq"]


def run(folder: Path, quads: int, limit: float, max_runs: int, budget: float, log: Any = print) -> dict[str, Any]:
    graph = prepare(folder, quads)
    files = bench_queries(folder / "bench-queries") + query_files()
    with servers.peacekg(
        Path(graph["store"]),
        "memory",
        folder / "servers.log",
        max_results=10**9,
        max_response_bytes=2**31 - 1,
        query_timeout=limit,
        result_cache_bytes=0,  # every request answered by the engine, as in process
    ) as server:
        engines = measure(
            [
                ("pyoxigraph-memory", "pyoxigraph-memory", graph["nquads"]),
                ("peacekg-memory", "peacekg-memory", graph["store"]),
                ("endpoint-memory", "endpoint-memory", graph["nquads"]),
                ("http-memory", "http", f"{server.address}/sparql"),
            ],
            files,
            limit,
            max_runs,
            budget,
            log,
        )
    ok = [f for f in files if "p50_ms" in engines["pyoxigraph-memory"].get(f.stem, {})]
    engines |= measure(
        [
            ("pyoxigraph-disk", "pyoxigraph-disk", graph["store"]),
            ("peacekg-disk", "peacekg-disk", graph["store"]),
        ],
        ok,
        limit,
        max_runs,
        budget,
        log,
    )
    return {
        "quads": graph["quads"],
        "articles": graph["articles"],
        "limit_s": limit,
        "queries": [f.stem for f in files],
        "engines": engines,
    }
