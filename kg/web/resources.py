"""Linked data: every minted IRI dereferences at ``/id/<path after the base IRI>``, and the
ontology at ``/ontology``.

Browsers get an HTML page; RDF clients get Turtle, JSON-LD, N-Triples or RDF/XML by ``Accept``
or by the ``.ttl`` / ``.jsonld`` / ``.nt`` / ``.rdf`` twins. Pages and data name each other
with ``<link rel="alternate">`` and a ``Link`` header. When the base IRI is served by this
server under another path, that path works too.
"""

from __future__ import annotations

import io
from collections import defaultdict
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
from flask import Blueprint, Flask, Response, render_template, request

from kg.errors import NotFound
from kg.formats import GRAPHS, HTML, JSONLD, NTRIPLES, RDFXML, TURTLE, Format
from kg.rdf.namespaces import DCTERMS, ONTOLOGY_IRI, PK, RDF, RDFS, SKOS
from kg.web import lookup
from kg.web.export import write_dataset
from kg.web.links import Linker, TermView
from kg.web.respond import data_response, pick, rdf_bytes
from kg.web.services import Services, services

bp = Blueprint("resources", __name__)
PAGE_FORMATS: tuple[Format, ...] = (HTML, *GRAPHS)
TWINS: dict[str, Format] = {"ttl": TURTLE, "jsonld": JSONLD, "nt": NTRIPLES, "rdf": RDFXML}
ACTOR_TYPES = {str(PK.Person), str(PK.Organization), str(PK.Country), str(PK.Actor)}
LABELS = (str(RDFS.label), str(DCTERMS.title), str(SKOS.prefLabel))
MENTION_TEXT = str(PK.text)


def _raw_rest(prefix: str) -> str:
    """The request path after ``prefix`` as the client sent it (percent-escapes kept)."""
    raw = request.environ.get("REQUEST_URI") or request.environ.get("RAW_URI") or ""
    path = urlsplit(raw).path if raw else ""
    prefix = request.script_root + prefix
    if not path.startswith(prefix):
        path = quote(request.script_root + request.path, safe="/%:@!$&'()*+,;=~-._")
    return path[len(prefix) :]


@bp.route("/id/<path:rest>")
def resource(rest: str) -> Response:
    return describe_resource(_raw_rest("/id/"))


def add_base_route(app: Flask, base_iri: str) -> None:
    """Serve resources under the base IRI's own path as well, for a base on this server."""
    path = urlsplit(base_iri).path
    if "#" in base_iri or not path.endswith("/") or path == "/id/":
        return
    app.add_url_rule(
        f"{path}<path:rest>", endpoint="base_alias", view_func=lambda rest: describe_resource(_raw_rest(path))
    )


def _find(svc: Services, rest: str) -> str | None:
    for iri in svc.linker.iris(rest):
        try:
            if lookup.exists(svc.data, iri):
                return iri
        except ValueError:  # not an IRI at all
            continue
    return None


def describe_resource(rest: str) -> Response:
    svc = services()
    iri, fmt = _find(svc, rest), None
    if iri is None:
        stem, dot, extension = rest.rpartition(".")
        if dot and extension in TWINS:
            iri, fmt = _find(svc, stem), TWINS[extension]
    if iri is None:
        raise NotFound(f"nothing is known about <{svc.linker.base}{rest}>; the home page lists what is here")
    page = svc.linker.href(iri) or ""
    links = [(page, "alternate", HTML.media_type)]
    links += [(f"{page}.{extension}", "alternate", twin.media_type) for extension, twin in TWINS.items()]
    fmt = fmt or pick(PAGE_FORMATS)
    if fmt is not HTML:
        if lookup.is_graph(svc.data, iri):
            buffer = io.BytesIO()
            write_dataset(svc.data, buffer, fmt.name, iri)
            body = buffer.getvalue()
        else:
            body = rdf_bytes(lookup.describe(svc.data, iri), fmt)
        return data_response(body, fmt, links=links)
    html = render_template("resource.html", **_page(svc, iri), alternates=links[1:])
    return data_response(html, HTML, links=links[1:])


def _label(rows: list[lookup.Row], linker: Linker, iri: str) -> str:
    by_property = {row["p"].value: row["o"].value for row in reversed(rows)}
    for prop in LABELS:
        if prop in by_property:
            return by_property[prop]
    if MENTION_TEXT in by_property:
        text = by_property[MENTION_TEXT]
        return text if len(text) <= 90 else text[:87] + "..."
    return linker.short(iri).rsplit("/", 1)[-1]


def _page(svc: Services, iri: str) -> dict[str, object]:
    """Everything the resource page shows."""
    store, linker = svc.data, svc.linker
    rows = lookup.outgoing(store, iri)
    incoming = lookup.incoming(store, iri)
    types = lookup.types(store, iri)
    is_graph = lookup.is_graph(store, iri)
    graph_rows = lookup.graph_triples(store, iri) if is_graph else []
    mentioned = [row["o"].value for row in rows if isinstance(row["o"], ox.NamedNode)]
    mentioned += [row["s"].value for row in incoming if isinstance(row["s"], ox.NamedNode)]
    mentioned += [row[k].value for row in graph_rows for k in "so" if isinstance(row[k], ox.NamedNode)]
    article_of = {row["g"].value: _article_of(svc, row["g"].value) for row in rows}
    names = lookup.labels(store, [*mentioned, *types, *(a for a in article_of.values() if a)])

    def view(term: object) -> TermView:
        return linker.view(term, names.get(term.value) if isinstance(term, ox.NamedNode) else None)

    properties: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for row in rows:
        prop = row["p"].value
        if prop == str(RDF.type):
            continue
        key = str(row["o"])
        entry = properties[prop].setdefault(key, {"value": view(row["o"]), "sources": []})
        article = article_of.get(row["g"].value)
        if article and article not in (iri, row["o"].value) and len(entry["sources"]) < 5:  # type: ignore[arg-type]
            entry["sources"].append(view(ox.NamedNode(article)))  # type: ignore[union-attr]
    referenced: dict[str, list[TermView]] = defaultdict(list)
    for row in incoming:
        referenced[row["p"].value].append(view(row["s"]))
    is_actor = bool(ACTOR_TYPES.intersection(types))
    events = lookup.events_of(store, iri) if is_actor else []
    return {
        "iri": iri,
        "label": _label(rows, linker, iri),
        "types": [view(ox.NamedNode(t)) for t in types],
        "properties": [(view(ox.NamedNode(p)), list(values.values())) for p, values in properties.items()],
        "evidence": lookup.evidence(store, iri),
        "events": [
            {
                **event,
                "view": view(event["event"]),
                "type_view": view(event["type"]),
                "status_views": [view(ox.NamedNode(s)) for s in sorted(event["statuses"])],
            }
            for event in events
        ],
        "referenced": [(view(ox.NamedNode(p)), subjects) for p, subjects in referenced.items()],
        "graph_rows": [(view(r["s"]), view(r["p"]), view(r["o"])) for r in graph_rows],
        "is_graph": is_graph,
        "graph_export": _graph_export(svc, iri),
        "linker": linker,
        "view": view,
    }


def _article_of(svc: Services, graph: str) -> str | None:
    article_id = svc.ids.article_id_of_graph(graph)
    return str(svc.ids.article(article_id)) if article_id is not None else None


def _graph_export(svc: Services, iri: str) -> str | None:
    """The export URL of the named graph an article or graph IRI stands for."""
    for prefix in ("article/", "graph/"):
        if iri.startswith(svc.linker.base + prefix):
            return "/graph/" + iri[len(svc.linker.base + prefix) :]
    return None


@bp.route("/ontology")
@bp.route("/ontology.<extension>")
def ontology(extension: str | None = None) -> Response:
    """The ontology: a page of its classes and properties, or its graph as RDF."""
    svc = services()
    if not svc.data.contains_named_graph(ox.NamedNode(ONTOLOGY_IRI)):
        raise NotFound("the ontology is not in the store yet; it is stored by the first ingest")
    if extension is not None and extension not in TWINS:
        raise NotFound(f"no /ontology.{extension}; try one of: {', '.join(TWINS)}")
    fmt = TWINS[extension] if extension else pick(PAGE_FORMATS)
    links = [("/ontology", "alternate", HTML.media_type)]
    links += [(f"/ontology.{ext}", "alternate", twin.media_type) for ext, twin in TWINS.items()]
    if fmt is not HTML:
        buffer = io.BytesIO()
        write_dataset(svc.data, buffer, fmt.name, ONTOLOGY_IRI)
        return data_response(buffer.getvalue(), fmt, links=links)
    header = lookup.outgoing(svc.data, ONTOLOGY_IRI)
    terms = lookup.ontology_terms(svc.data, ONTOLOGY_IRI)
    names = lookup.labels(svc.data, [v.value for t in terms for _, v in t["links"] if isinstance(v, ox.NamedNode)])
    for t in terms:
        t["views"] = [
            (svc.linker.short(prop), svc.linker.view(value, names.get(getattr(value, "value", ""))))
            for prop, value in t["links"]
        ]  # type: ignore[union-attr]
    page = render_template(
        "ontology.html",
        iri=ONTOLOGY_IRI,
        header=header,
        terms=terms,
        linker=svc.linker,
        alternates=links[1:],
        label=_label(header, svc.linker, ONTOLOGY_IRI),
    )
    return data_response(page, HTML, links=links)
