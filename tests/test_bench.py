"""The benchmarks: generators in the product's shape, the helpers, the store's bulk write path,
and the whole bench at a tiny scale (no timing is asserted)."""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.articles import read_paths
from kg.errors import StoreError
from kg.rdf.namespaces import PK, RDF, RDFS
from kg.store import close_store, graph_names, open_store, oxigraph, replace_articles

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ sits beside the package, as `python -m bench` finds it
    sys.path.insert(0, str(ROOT))

from bench import load, report  # noqa: E402
from bench.corpus import articles, write_corpus  # noqa: E402
from bench.graph import write_graph_file  # noqa: E402
from bench.measure import percentile, ratio  # noqa: E402


def test_corpus_is_readable_varied_and_reproducible(tmp_path):
    path = tmp_path / "corpus.jsonl"
    words = write_corpus(path, 40, seed=3)
    items = list(read_paths([path]))
    assert all(not isinstance(i, Exception) for i in items)
    assert len({a.id for a in items}) == 40
    assert words == sum(len(a.text.split()) for a in items)
    paragraphs = [p for a in items for p in a.text.split("\n") if p]
    assert len(set(paragraphs)) > 0.9 * len(paragraphs)  # recombined, not repeated
    assert [r["text"] for r in articles(5, seed=3)] == [a.text for a in items[:5]]
    assert [r["text"] for r in articles(5, seed=4)] != [a.text for a in items[:5]]


def test_graph_has_the_product_shape(tmp_path):
    path = tmp_path / "g.nq"
    stats = write_graph_file(path, 20_000, seed=2)
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    assert len(store) == stats.quads <= 20_000
    graphs = [g.value for g in store.named_graphs()]
    assert sum(g.startswith("https://w3id.org/peacekg/id/graph/") for g in graphs) == stats.articles

    def count(query: str) -> int:
        return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)

    # one article per graph, holding its identifier
    assert count(f"SELECT (COUNT(*) AS ?n) {{ GRAPH ?g {{ ?a a <{PK.Article}> }} }}") == stats.articles
    # actors are shared: the most mentioned is named in many articles, most in few (Zipf)
    rows = store.query(
        f"SELECT ?x (COUNT(?a) AS ?n) {{ ?x <{PK.mentionedIn}> ?a ; a <{PK.Person}> }} GROUP BY ?x ORDER BY DESC(?n)",
        use_default_graph_as_union=True,
    )
    mentions = [int(r["n"].value) for r in rows]
    assert mentions[0] > 5 * mentions[len(mentions) // 2]
    assert bool(
        store.query(
            f"ASK {{ GRAPH ?g {{ ?m a <{PK.Meeting}> ; <{PK.participant}> ?x ; <{PK.evidence}> ?e . "
            f"?e a <{PK.Mention}> ; <{PK.inArticle}> ?a ; <{PK.start}> ?s }} }}"
        )
    )
    assert bool(store.query(f"ASK {{ GRAPH ?g {{ ?x <{RDFS.label}> 'Taliban' ; <{RDF.type}> <{PK.Organization}> }} }}"))
    # a later article reports an event seen before
    assert bool(
        store.query(
            f"ASK {{ GRAPH ?g1 {{ ?e a <{PK.Meeting}> }} GRAPH ?g2 {{ ?e a <{PK.Meeting}> }} FILTER (?g1 != ?g2) }}"
        )
    )


@pytest.mark.parametrize("name", sorted(p.stem for p in (ROOT / "bench").glob("*.py") if p.stem != "__main__"))
def test_examples_in_docstrings(name):
    module = importlib.import_module(f"bench.{name}" if name != "__init__" else "bench")
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert failed == 0


def test_percentiles_and_ratios():
    assert percentile([1.0], 95) == 1.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert ratio(None, 2.0) is None


WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8000/sparql?query=x
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.00ms  20.00ms   90.00%
  Latency Distribution
     50%    1.90ms
     75%    2.40ms
     90%    3.10ms
     99%   12.50ms
  11385 requests in 3.00s, 20.1MB read
  Non-2xx or 3xx responses: 7
Requests/sec:   3795.00
Transfer/sec:      6.70MB
"""


def test_wrk_output_is_read():
    got = load.parse_wrk(WRK_OUTPUT, 8)
    assert (got.requests, got.rps, got.errors) == (11385, 3795.0, 7)
    assert got.p50 == pytest.approx(0.0019) and got.p99 == pytest.approx(0.0125)


def test_report_marks_missed_targets():
    rows = report.targets(
        {
            "export": {
                "rows": [
                    {"where": "memory", "format": "turtle", "ratio": 0.5},
                    {"where": "memory", "format": "nquads", "ratio": 1.1},
                ]
            }
        }
    )
    assert [r[2] for r in rows] == ["**missed**", "met"]


def _graph(n: int, tag: str) -> str:
    return "\n".join(f'<urn:s{i}> <urn:p> "{tag}{i}" .' for i in range(n))


def test_bulk_write_on_disk_is_all_or_nothing(tmp_path):
    ds = open_store(tmp_path / "store")
    replace_articles(ds, {URIRef("urn:g1"): _graph(3, "a")})
    with pytest.raises(StoreError, match="nothing was changed"):
        replace_articles(
            ds, {URIRef(f"urn:h{n}"): _graph(50, "b") for n in range(200)} | {URIRef("urn:bad"): "not n-triples at all"}
        )
    assert graph_names(ds) == ["urn:g1"]
    replace_articles(ds, {URIRef("urn:g2"): _graph(2, "c")})  # new graphs: the bulk path
    replace_articles(ds, {URIRef("urn:g1"): _graph(1, "d")})  # an existing graph: replaced, not added to
    assert graph_names(ds) == ["urn:g1", "urn:g2"]
    assert len(oxigraph(ds)) == 3
    close_store(ds)


@pytest.mark.slow
def test_smoke_run_produces_every_section(tmp_path):
    out = tmp_path / "RESULTS.md"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads(out.with_suffix(".json").read_text())
    for section in ("ingest", "scale", "queries", "export", "endpoint"):
        assert section in results
    text = out.read_text()
    for title in ("1. Ingest", "2. Graph scale", "3. Queries", "4. Export", "5. Endpoint under load", "## Targets"):
        assert title in text
    assert results["ingest"]["tokens"] > 0 and results["ingest"]["ingest_2"]["articles_per_s"] > 0
    queries = {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert set(results["queries"]["engines"]["pyoxigraph-memory"]) == queries | {"trivial", "event-lookup"}
    assert set(results["endpoint"]["modes"]["memory"]["probes"]) == queries | {"trivial", "event-lookup"}
    cell = results["endpoint"]["modes"]["memory"]["cells"][0]
    assert cell["query"] == "trivial" and cell["peacekg"]["requests"] > 0 and cell["oxigraph"]["requests"] > 0
