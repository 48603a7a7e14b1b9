"""Media types and formats: one table per kind of response, and negotiation with q-values.

A :class:`Format` names one serialisation: its short name (``?format=``), canonical media type,
file extension and the media types clients also use for it. Three tables cover what PeaceKG
serves: SPARQL results (SELECT, ASK), RDF graphs (CONSTRUCT, DESCRIBE, resource pages) and RDF
datasets (exports that keep the named graphs). Negotiation uses werkzeug's ``MIMEAccept``.

>>> from werkzeug.datastructures import MIMEAccept
>>> negotiate(MIMEAccept([("application/sparql-results+xml", 1), ("text/csv", 0.5)]), RESULTS).name
'xml'
>>> negotiate(MIMEAccept([("application/json", 0.9), ("text/csv", 0.5)]), RESULTS).name
'json'
>>> negotiate(MIMEAccept([("image/png", 1)]), GRAPHS) is None
True
>>> negotiate(MIMEAccept(), GRAPHS).name          # no Accept header: the table's default
'turtle'
>>> by_name("ttl", GRAPHS).media_type
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from werkzeug.datastructures import MIMEAccept


@dataclass(frozen=True)
class Format:
    """One serialisation: ``name`` for ``?format=``, the media type it is served as, its extension."""

    name: str
    media_type: str
    extension: str
    label: str
    aliases: tuple[str, ...] = ()
    text: bool = True

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value (UTF-8 stated for text types)."""
        return f"{self.media_type}; charset=utf-8" if self.text else self.media_type

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


JSON = Format("json", "application/sparql-results+json", "srj", "SPARQL JSON", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", "srx", "SPARQL XML", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv", "csv", "CSV")
TSV = Format("tsv", "text/tab-separated-values", "tsv", "TSV")

TURTLE = Format("turtle", "text/turtle", "ttl", "Turtle", ("application/x-turtle",))
JSONLD = Format("jsonld", "application/ld+json", "jsonld", "JSON-LD", ("application/json",))
NTRIPLES = Format("ntriples", "application/n-triples", "nt", "N-Triples", ("text/plain",))
RDFXML = Format("xml", "application/rdf+xml", "rdf", "RDF/XML", ("application/xml", "text/xml"))
TRIG = Format("trig", "application/trig", "trig", "TriG")
NQUADS = Format("nquads", "application/n-quads", "nq", "N-Quads")

HTML = Format("html", "text/html", "html", "HTML", ("application/xhtml+xml",))

RESULTS: tuple[Format, ...] = (JSON, XML, CSV, TSV)
"""SELECT and ASK results; the first is the default."""
GRAPHS: tuple[Format, ...] = (TURTLE, JSONLD, NTRIPLES, RDFXML)
"""RDF graphs: CONSTRUCT, DESCRIBE, one named graph, a resource's data."""
DATASETS: tuple[Format, ...] = (TRIG, NQUADS, *GRAPHS)
"""Whole-dataset exports: TriG and N-Quads keep the named graphs, the graph formats merge them."""

_OXIGRAPH: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
_OXIGRAPH_RESULTS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def negotiate(accept: MIMEAccept, offered: Sequence[Format], default: Format | None = None) -> Format | None:
    """The format the client prefers among ``offered``; ``None`` when it accepts none of them.

    Without an ``Accept`` header the client takes anything: ``default`` or the first offered.
    On equal quality the earlier format in ``offered`` wins.
    """
    if not accept:
        return default or offered[0]
    # aliases count only when named outright: a wildcard or an excluded canonical type
    # (``text/turtle;q=0, */*``) must not let them in through the back door
    named = {value.lower() for value, _ in accept}
    by_type = {fmt.media_type: fmt for fmt in offered}
    for fmt in offered:
        for alias in fmt.aliases:
            if alias in named:
                by_type.setdefault(alias, fmt)
    best = accept.best_match(list(by_type))
    return by_type[best] if best else None


def by_name(name: str, offered: Sequence[Format]) -> Format | None:
    """The offered format called ``name``: its short name, its extension or one of its media types.

    >>> by_name("application/n-triples", GRAPHS).name
    'ntriples'
    >>> by_name("yaml", GRAPHS) is None
    True
    """
    key = name.strip().lower()
    for fmt in offered:
        if key in (fmt.name, fmt.extension, *fmt.media_types):
            return fmt
    return None


def rdf_format(fmt: Format) -> ox.RdfFormat:
    """pyoxigraph's RDF format for an RDF ``fmt``.

    >>> rdf_format(TURTLE) == ox.RdfFormat.TURTLE
    True
    """
    if fmt.name not in _OXIGRAPH or fmt in RESULTS:
        raise ValueError(f"Unexpected RDF format: {fmt!r}")
    return _OXIGRAPH[fmt.name]


def results_format(fmt: Format) -> ox.QueryResultsFormat:
    """pyoxigraph's SPARQL results format for a results ``fmt``."""
    if fmt not in RESULTS:
        raise ValueError(f"Unexpected results format: {fmt!r}")
    return _OXIGRAPH_RESULTS[fmt.name]


def names(offered: Sequence[Format]) -> str:
    """The short names of ``offered``, for messages.

    >>> names(RESULTS)
    'json, xml, csv, tsv'
    """
    return ", ".join(fmt.name for fmt in offered)
