"""The store: an rdflib Dataset over Oxigraph, persistent on disk, one named graph per article.

``open_store(None)`` gives a temporary in-memory store (tests); a path gives a RocksDB store on
disk that survives the process. Writes go through :func:`replace_articles` and
:func:`remove_articles`, each a single Oxigraph transaction: a batch is stored whole or not at
all, even if the process is killed half-way.

>>> from rdflib import Graph, Literal, URIRef
>>> ds = open_store()
>>> g = Graph()
>>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
>>> replace_articles(ds, {URIRef("urn:g"): g})
>>> len(oxigraph(ds))
1
>>> replace_articles(ds, {URIRef("urn:g"): g})   # replacing, not adding
>>> len(oxigraph(ds))
1
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

from kg.errors import StoreError
from kg.rdf.namespaces import ONTOLOGY_IRI

ONTOLOGY_GRAPH = URIRef(ONTOLOGY_IRI)
FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
QUAD_FORMATS = {"trig", "nquads", "jsonld"}


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> Dataset:
    """Open (creating if needed) the store at ``path``; ``None`` is a temporary in-memory store."""
    try:
        if path is None:
            inner = ox.Store()
        else:
            Path(path).mkdir(parents=True, exist_ok=True)
            inner = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreError(
                f"the store at {path} is in use by another process (an ingest or a server "
                "serving from disk); wait for it to finish or stop it"
            ) from None
        raise StoreError(f"cannot open the store at {path}: {e}") from None
    store = OxigraphStore()
    store._store = inner  # adopt the opened pyoxigraph store (oxrdflib opens lazily otherwise)
    return Dataset(store=store, default_union=True)


def oxigraph(ds: Dataset) -> ox.Store:
    """The pyoxigraph store under ``ds``, for fast SPARQL and serialisation."""
    store = ds.store
    if not isinstance(store, OxigraphStore):
        raise ValueError(f"Unexpected rdflib store: {store!r}")
    return store._inner


def close_store(ds: Dataset) -> None:
    """Flush and release the on-disk lock (the store stays usable until garbage collected)."""
    inner = oxigraph(ds)
    with contextlib.suppress(OSError, RuntimeError):  # in-memory and read-only stores have nothing to flush
        inner.flush()
    ds.store._store = None
    del inner


def _nt(term: object) -> str:
    n3 = getattr(term, "n3", None)
    if n3 is None:
        raise ValueError(f"Unexpected rdflib term: {term!r}")
    return n3()


def ntriples(triples: Iterable[tuple]) -> str:
    """The body of a graph as N-Triples lines, the form :func:`replace_articles` writes."""
    return "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in triples)


def _graph_block(name: URIRef, triples: Graph | Iterable[tuple] | str) -> str:
    body = triples if isinstance(triples, str) else ntriples(triples)
    return f"GRAPH {_nt(name)} {{\n{body}\n}}"


def replace_articles(
    ds: Dataset, graphs: Mapping[URIRef, Graph | Iterable[tuple] | str], remove: Iterable[URIRef] = ()
) -> None:
    """Replace each named graph, and drop ``remove``, in ONE transaction.

    A graph is given as triples or as an N-Triples body (one ``s p o .`` per line).
    """
    drops = [f"DROP SILENT GRAPH {_nt(g)} ;" for g in [*graphs, *remove]]
    blocks = [_graph_block(name, triples) for name, triples in graphs.items()]
    update = "\n".join(drops)
    if blocks:
        update += "\nINSERT DATA {\n" + "\n".join(blocks) + "\n}"
    if not update:
        return
    try:
        oxigraph(ds).update(update)
    except (OSError, SyntaxError) as e:
        raise StoreError(f"the store refused the write, nothing was changed: {e}") from None


def remove_graphs(ds: Dataset, names: Iterable[URIRef]) -> None:
    replace_articles(ds, {}, remove=names)


def graph_names(ds: Dataset) -> list[str]:
    return sorted(str(g.value) for g in oxigraph(ds).named_graphs() if isinstance(g, ox.NamedNode))


def dump(ds: Dataset, output: BinaryIO, fmt: str, graph: str | None = None) -> None:
    """Serialise the store (or one named graph) with pyoxigraph, streaming into ``output``.

    Triple formats (turtle, ntriples, xml) get the union of all graphs.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    inner, rdf_format = oxigraph(ds), FORMATS[fmt]
    if graph is not None:
        inner.dump(output, rdf_format, from_graph=ox.NamedNode(graph), prefixes=_prefixes(fmt))
    elif fmt in QUAD_FORMATS:
        inner.dump(output, rdf_format, prefixes=_prefixes(fmt))
    else:
        union = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(union, output, rdf_format, prefixes=_prefixes(fmt))


def _prefixes(fmt: str) -> dict[str, str] | None:
    if fmt not in {"turtle", "trig", "xml"}:
        return None
    from kg.rdf.namespaces import PREFIXES

    return PREFIXES


def snapshot(ds: Dataset) -> ox.Store:
    """An in-memory copy of the whole store."""
    buffer = io.BytesIO()
    oxigraph(ds).dump(buffer, ox.RdfFormat.N_QUADS)
    copy = ox.Store()
    copy.bulk_load(buffer.getvalue(), ox.RdfFormat.N_QUADS)
    return copy
