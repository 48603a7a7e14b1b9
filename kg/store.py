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
import os
import re
import shutil
from collections import deque
from collections.abc import Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph, URIRef

from kg import scratch
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
UNION_BY_GRAPH = {"turtle", "ntriples"}  # triple formats written graph by graph (see dump)


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
    """The body of a graph as N-Triples lines, the form :func:`replace_articles` writes.

    >>> print(ntriples([(URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b"))]))
    <urn:a> <urn:p> <urn:b> .
    """
    written: dict[URIRef, str] = {}  # IRIs repeat (predicates, the article, its actors): write each once

    def nt(term: object) -> str:
        if type(term) is not URIRef:
            return _nt(term)
        text = written.get(term)
        if text is None:
            text = written[term] = _nt(term)
        return text

    return "\n".join(f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in triples)


BULK_LIMIT = 1_000_000
"""Quads that pyoxigraph's bulk loader parses in full and then adds in one atomic step (its batch)."""


def _body(triples: Graph | Iterable[tuple] | str) -> str:
    return triples if isinstance(triples, str) else ntriples(triples)


def _lines(body: str) -> int:
    return body.count("\n") + 1 if body.strip() else 0


class Batch:
    """Graphs to write in one transaction, spooled to a temporary file as they are added, so that
    a large ingest does not hold every article's graph in memory until the write.

    The file holds ``GRAPH <name> { ... }`` blocks: TriG for the bulk loader, and the body of an
    ``INSERT DATA`` for a SPARQL update.

    >>> with Batch() as batch:
    ...     batch.add(URIRef("urn:g"), "<urn:a> <urn:p> <urn:b> .")
    ...     batch.names, batch.quads
    (['urn:g'], 1)
    """

    def __init__(self) -> None:
        self._file = scratch.make_file("peacekg-batch-", ".trig")  # removed by close() or the with block
        self.path = self._file.name
        self.names: list[str] = []
        self.quads = 0

    def add(self, name: URIRef | str, triples: Graph | Iterable[tuple] | str) -> None:
        """Add one named graph: triples, or an N-Triples body (one ``s p o .`` per line)."""
        body = _body(triples)
        self._file.write(f"GRAPH <{name}> {{\n{body}\n}}\n".encode())
        self.names.append(str(name))
        self.quads += _lines(body)

    def close(self) -> None:
        """Remove the file."""
        self._file.close()
        with contextlib.suppress(FileNotFoundError):
            Path(self.path).unlink()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def replace_articles(
    ds: Dataset, graphs: Mapping[URIRef, Graph | Iterable[tuple] | str] | Batch, remove: Iterable[URIRef] = ()
) -> None:
    """Replace each named graph, and drop ``remove``, in ONE transaction.

    ``graphs`` is a :class:`Batch`, or a mapping of graph names to triples or N-Triples bodies.

    When none of the graphs named is in the store yet (a first ingest) and the batch holds fewer
    than :data:`BULK_LIMIT` quads, it goes through pyoxigraph's bulk loader, which parses the
    whole batch before it writes anything and then adds it in one atomic step (on disk, one
    ingestion of index files); on disk that is several times faster than a transaction and
    needs far less memory. Otherwise the batch is one SPARQL update.
    """
    if isinstance(graphs, Batch):
        _write(oxigraph(ds), graphs, [str(name) for name in remove])
        return
    with Batch() as batch:
        for name, triples in graphs.items():
            batch.add(name, triples)
        _write(oxigraph(ds), batch, [str(name) for name in remove])


def _write(inner: ox.Store, batch: Batch, remove: list[str]) -> None:
    batch._file.flush()
    names = [*batch.names, *remove]
    try:
        if (
            batch.names
            and batch.quads < BULK_LIMIT
            and not any(inner.contains_named_graph(ox.NamedNode(name)) for name in names)
        ):
            inner.bulk_load(path=batch.path, format=ox.RdfFormat.TRIG)
            return
        update = "\n".join(f"DROP SILENT GRAPH <{name}> ;" for name in names)
        if batch.names:
            update += "\nINSERT DATA {\n" + Path(batch.path).read_text(encoding="utf-8") + "}"
        if update:
            inner.update(update)
    except (OSError, SyntaxError, ValueError) as e:
        raise StoreError(f"the store refused the write, nothing was changed: {e}") from None


def remove_graphs(ds: Dataset, names: Iterable[URIRef]) -> None:
    replace_articles(ds, {}, remove=names)


def graph_names(ds: Dataset) -> list[str]:
    return sorted(str(g.value) for g in oxigraph(ds).named_graphs() if isinstance(g, ox.NamedNode))


def dump(ds: Dataset | ox.Store, output: BinaryIO, fmt: str, graph: str | None = None) -> None:
    """Serialise the store (or one named graph) with pyoxigraph, streaming into ``output``.

    ``ds`` may also be a pyoxigraph store, such as a :func:`snapshot`. One graph in a dataset
    format (TriG, N-Quads, JSON-LD) keeps its name.
    Triple formats (turtle, ntriples, xml) get the union of all graphs. Turtle and N-Triples
    write it graph after graph, each with pyoxigraph's own serialiser, so a triple that several
    graphs hold (an actor's label) is written once per graph; parsers merge them into one.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    inner, rdf_format = (ds if isinstance(ds, ox.Store) else oxigraph(ds)), FORMATS[fmt]
    prefixes = _prefixes(fmt)
    if graph is not None and fmt in QUAD_FORMATS:
        ox.serialize(
            inner.quads_for_pattern(None, None, None, ox.NamedNode(graph)), output, rdf_format, prefixes=prefixes
        )
    elif graph is not None:
        inner.dump(output, rdf_format, from_graph=ox.NamedNode(graph), prefixes=prefixes)
    elif fmt in QUAD_FORMATS:
        inner.dump(output, rdf_format, prefixes=prefixes)
    elif fmt in UNION_BY_GRAPH:
        _dump_union(inner, output, rdf_format, prefixes)
    else:
        union = inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        ox.serialize(union, output, rdf_format, prefixes=prefixes)


_PREFIX_LINES = re.compile(rb"(?:@prefix [^\n]*\n)*")
UNION_THREADS = min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
"""Threads serialising the union's graphs; pyoxigraph releases the GIL while it writes."""
UNION_RUN = 256
"""Graphs per unit of work in :func:`_dump_union`."""


def _dump_union(inner: ox.Store, output: BinaryIO, rdf_format: ox.RdfFormat, prefixes: dict[str, str] | None) -> None:
    """The union of every graph, one graph after the other, the prefixes declared once.

    Several times faster than serialising a CONSTRUCT over all graphs, which decodes and
    de-duplicates every triple first. Runs of graphs are serialised in :data:`UNION_THREADS`
    threads, a few runs ahead of the writer, and written in order.
    """
    if prefixes:
        output.write("".join(f"@prefix {name}: <{iri}> .\n" for name, iri in prefixes.items()).encode())

    def serialise(graphs: list[ox.DefaultGraph | ox.NamedNode]) -> list[memoryview]:
        bodies = []
        for name in graphs:
            chunk = inner.dump(None, rdf_format, from_graph=name, prefixes=prefixes) or b""
            header = _PREFIX_LINES.match(chunk) if prefixes else None
            bodies.append(memoryview(chunk)[header.end() if header else 0 :])
        return bodies

    def write(bodies: list[memoryview]) -> None:
        for body in bodies:
            output.write(body)

    names = [ox.DefaultGraph(), *inner.named_graphs()]
    with ThreadPoolExecutor(UNION_THREADS, thread_name_prefix="peacekg-dump") as pool:
        ahead: deque[Future[list[memoryview]]] = deque()
        try:
            for start in range(0, len(names), UNION_RUN):
                ahead.append(pool.submit(serialise, names[start : start + UNION_RUN]))
                if len(ahead) > 2 * UNION_THREADS:
                    write(ahead.popleft().result())
            while ahead:
                write(ahead.popleft().result())
        except BaseException:  # the reader is gone: start no more runs
            for future in ahead:
                future.cancel()
            raise


def _prefixes(fmt: str) -> dict[str, str] | None:
    if fmt not in {"turtle", "trig", "xml"}:
        return None
    from kg.rdf.namespaces import PREFIXES

    return PREFIXES


def snapshot(ds: Dataset) -> ox.Store:
    """An in-memory copy of the whole store (through a temporary N-Quads file, so that the copy is
    the only thing held in memory)."""
    copy = ox.Store()
    folder = scratch.make_folder("peacekg-snapshot-")
    try:
        path = str(Path(folder) / "data.nq")
        oxigraph(ds).dump(path, ox.RdfFormat.N_QUADS)
        copy.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return copy
