"""Exports: the whole dataset (``/export``), one article's graph (``/graph/<id>``), and VoID.

The dataset is streamed as pyoxigraph writes it. TriG and N-Quads keep the named graphs; the
graph formats give the union of the graphs (Turtle and N-Triples graph after graph, as
``peacekg export`` writes them).
"""

from __future__ import annotations

from typing import BinaryIO

import pyoxigraph as ox
from flask import Blueprint, Response, request

from kg.errors import NotFound
from kg.formats import DATASETS, GRAPHS, NQUADS, TRIG, TURTLE
from kg.store import dump
from kg.web import metadata
from kg.web.respond import data_response, pick, rdf_bytes, stream
from kg.web.services import services

bp = Blueprint("export", __name__)
GRAPH_FORMATS = (TURTLE, TRIG, NQUADS, *GRAPHS[1:])


def write_dataset(store: ox.Store, output: BinaryIO, fmt_name: str, graph: str | None = None) -> None:
    """Serialise ``store`` (or one named graph of it) into ``output`` as pyoxigraph writes it; see
    :func:`kg.store.dump`."""
    dump(store, output, fmt_name, graph)


@bp.route("/export")
def export_dataset() -> Response:
    """The whole dataset, streamed; TriG unless ``?format=`` or ``Accept`` say otherwise."""
    fmt = pick(DATASETS)
    data = services().data
    chunks = stream(lambda output: write_dataset(data, output, fmt.name))
    return data_response(chunks, fmt, filename=f"peacekg.{fmt.extension}")


@bp.route("/graph/<path:article_id>")
def article_graph(article_id: str) -> Response:
    """One article's named graph, Turtle unless asked otherwise."""
    svc = services()
    graph = str(svc.ids.graph(article_id))
    if not svc.data.contains_named_graph(ox.NamedNode(graph)):
        raise NotFound(f"no article {article_id!r} in the store; the home page lists the articles")
    fmt = pick(GRAPH_FORMATS)
    chunks = stream(lambda output: write_dataset(svc.data, output, fmt.name, graph))
    links = [(svc.linker.href(graph) or graph, "describes", "text/html")]
    return data_response(chunks, fmt, links=links)


@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description of the dataset."""
    svc = services()
    fmt = pick(GRAPHS)
    triples = metadata.void(request.url_root, svc.summary, svc.settings.base_iri)
    return data_response(rdf_bytes(triples, fmt), fmt)
