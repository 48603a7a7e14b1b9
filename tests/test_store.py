"""The store: one transaction per write, persistence across processes, clean errors."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.store import dump, graph_names, open_store, oxigraph, remove_graphs, replace_articles, snapshot

P = URIRef("urn:p")


def triples(n: int, tag: str = "x") -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"urn:s{i}"), P, Literal(f"{tag}{i}")))
    return g


def test_replace_is_idempotent_and_replaces():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(3), URIRef("urn:g2"): triples(2)})
    replace_articles(ds, {URIRef("urn:g1"): triples(3)})
    assert len(oxigraph(ds)) == 5
    replace_articles(ds, {URIRef("urn:g1"): triples(1, "y")})
    assert len(oxigraph(ds)) == 3
    assert (URIRef("urn:s0"), P, Literal("y0")) in ds


def test_remove_graphs():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(3), URIRef("urn:g2"): triples(2)})
    remove_graphs(ds, [URIRef("urn:g1")])
    assert graph_names(ds) == ["urn:g2"]
    assert len(oxigraph(ds)) == 2


def test_a_failing_write_changes_nothing():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(3)})
    with pytest.raises(StoreError, match="nothing was changed"):
        replace_articles(ds, {URIRef("urn:g2"): triples(2), URIRef("urn:g3"): "not n-triples at all"})
    assert graph_names(ds) == ["urn:g1"]
    assert len(oxigraph(ds)) == 3


def test_data_persists_across_processes(tmp_path):
    path = tmp_path / "store"
    code = textwrap.dedent(f"""
        from rdflib import Graph, Literal, URIRef
        from kg.store import open_store, replace_articles
        g = Graph(); g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("kept")))
        replace_articles(open_store({str(path)!r}), {{URIRef("urn:g"): g}})
    """)
    subprocess.run([sys.executable, "-c", code], check=True)
    ds = open_store(path)
    assert (URIRef("urn:a"), P, Literal("kept")) in ds


def test_store_in_use_is_a_clear_error(tmp_path):
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="in use by another process"):
        open_store(tmp_path / "s")
    del first


def test_dump_keeps_named_graphs_in_quad_formats():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(2), URIRef("urn:g2"): triples(2)})
    out = io.BytesIO()
    dump(ds, out, "trig")
    back = Dataset()
    back.parse(data=out.getvalue(), format="trig")
    assert {str(g.identifier) for g in back.graphs() if len(g)} == {"urn:g1", "urn:g2"}
    out = io.BytesIO()
    dump(ds, out, "turtle")
    assert len(Graph().parse(data=out.getvalue(), format="turtle")) == 2  # the union, deduplicated


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_the_union_written_in_runs_of_graphs_by_several_threads_is_whole(monkeypatch, fmt):
    monkeypatch.setattr("kg.store.UNION_RUN", 3)
    monkeypatch.setattr("kg.store.UNION_THREADS", 2)
    ds = open_store()
    graphs = {URIRef(f"urn:g{i}"): triples(i % 4 + 1, tag=f"g{i}-") for i in range(40)}
    replace_articles(ds, graphs)
    expected = {t for g in graphs.values() for t in g}
    out = io.BytesIO()
    dump(ds, out, fmt)
    assert out.getvalue().count(b"@prefix rdf:") == (fmt == "turtle")  # declared once
    assert set(Graph().parse(data=out.getvalue(), format=fmt)) == expected


def test_one_graph_in_a_dataset_format_keeps_its_name():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(2), URIRef("urn:g2"): triples(3)})
    out = io.BytesIO()
    dump(ds, out, "nquads", graph="urn:g2")
    lines = out.getvalue().decode().splitlines()
    assert len(lines) == 3 and all(line.endswith("<urn:g2> .") for line in lines)


def test_snapshot_is_an_independent_copy():
    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): triples(2)})
    copy = snapshot(ds)
    remove_graphs(ds, [URIRef("urn:g1")])
    assert len(copy) == 2 and len(oxigraph(ds)) == 0


@pytest.mark.parametrize("existing", [False, True], ids=["bulk load", "update"])
def test_a_spooled_batch_is_written_whole_and_its_file_removed(existing):
    from pathlib import Path

    from kg.store import Batch

    ds = open_store()
    if existing:
        replace_articles(ds, {URIRef("urn:g1"): "<urn:old> <urn:p> <urn:o> ."})
    with Batch() as batch:
        for n in range(1, 4):
            batch.add(URIRef(f"urn:g{n}"), f"<urn:s{n}> <urn:p> <urn:o> .\n<urn:s{n}> <urn:q> {n} .")
        spool = Path(batch.path)
        assert spool.is_file() and batch.quads == 6
        replace_articles(ds, batch)
    assert not spool.exists()
    assert len(oxigraph(ds)) == 6 and graph_names(ds) == ["urn:g1", "urn:g2", "urn:g3"]


def test_a_refused_batch_changes_nothing_and_leaves_no_file():
    from pathlib import Path

    from kg.store import Batch

    ds = open_store()
    replace_articles(ds, {URIRef("urn:g1"): "<urn:a> <urn:p> <urn:b> ."})
    with Batch() as batch:
        batch.add(URIRef("urn:g2"), "<urn:a> <urn:p> <urn:b> .")
        batch.add(URIRef("urn:g3"), "<urn:a> <urn:p> this is not RDF")
        with pytest.raises(StoreError, match="nothing was changed"):
            replace_articles(ds, batch)
    assert not Path(batch.path).exists()
    assert graph_names(ds) == ["urn:g1"] and len(oxigraph(ds)) == 1
