"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: queries only, never updates.

GET ``?query=``, POST form-encoded or POST ``application/sparql-query``, with
``default-graph-uri`` / ``named-graph-uri`` choosing among the store's own graphs. Parameters
are decoded as strict UTF-8. Every query is checked (:mod:`kg.web.guard`) and then run in a
query process (:mod:`kg.web.runner`), which sends back the serialised result. Without a query,
GET answers with the service description.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Blueprint, Response, redirect, request, url_for
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.http import parse_accept_header

from kg.errors import Forbidden, NotAcceptable, QueryError, UnsupportedMediaType
from kg.formats import GRAPHS, HTML, RESULTS, by_name, names, negotiate
from kg.query import query_error
from kg.rdf.namespaces import PREFIXES
from kg.web import metadata
from kg.web.guard import check_size, inspect_query
from kg.web.respond import data_response, pick, rdf_bytes
from kg.web.services import services
from kg.web.worker import Job

bp = Blueprint("sparql", __name__)
FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
TRUNCATED_HEADER = "PeaceKG-Truncated"


@dataclass(frozen=True)
class ProtocolRequest:
    query: str | None
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format: str | None

    @property
    def names_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise QueryError(
            f"{where} is not valid UTF-8 (bad byte at offset {e.start}); send the query encoded as UTF-8"
        ) from None


def parse_form(raw: bytes, where: str) -> MultiDict[str, str]:
    """``application/x-www-form-urlencoded`` pairs, refusing what is not UTF-8.

    >>> parse_form(b"query=ASK%20%7B%7D&default-graph-uri=urn%3Ag", "the URL").to_dict(flat=False)
    {'query': ['ASK {}'], 'default-graph-uri': ['urn:g']}
    >>> parse_form(b"query=%FF", "the URL")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: the URL is not valid UTF-8 (bad byte at offset 0); send the query encoded as UTF-8
    """
    pairs: MultiDict[str, str] = MultiDict()
    for part in raw.split(b"&"):
        if not part:
            continue
        name, _, value = part.partition(b"=")
        pairs.add(
            _decode(unquote_to_bytes(name.replace(b"+", b" ")), where),
            _decode(unquote_to_bytes(value.replace(b"+", b" ")), where),
        )
    return pairs


def read_request() -> ProtocolRequest:
    """The query and dataset of a protocol request, or an error saying what is wrong with it."""
    params = parse_form(request.query_string, "the URL")
    body_query = None
    if request.method == "POST":
        if request.mimetype == FORM:
            params.update(parse_form(request.get_data(), "the form body"))
        elif request.mimetype == QUERY_TYPE:
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in {"utf-8", "utf8"}:
                raise UnsupportedMediaType(f"queries are read as UTF-8, not {charset}; re-encode the query")
            body_query = _decode(request.get_data(), "the query")
        elif request.mimetype == UPDATE_TYPE:
            raise Forbidden("this endpoint is read-only: SPARQL Update is not accepted")
        else:
            raise UnsupportedMediaType(
                f"cannot read a POST body of type {request.mimetype or 'none'!r}; send "
                f"{FORM} with a query parameter, or {QUERY_TYPE}"
            )
    if "update" in params:
        raise Forbidden("this endpoint is read-only: SPARQL Update is not accepted")
    queries = params.getlist("query") + ([body_query] if body_query is not None else [])
    if len(queries) > 1:
        raise QueryError("the request holds more than one query; send exactly one")
    graphs = {key: tuple(params.getlist(key)) for key in ("default-graph-uri", "named-graph-uri")}
    for iri in graphs["default-graph-uri"] + graphs["named-graph-uri"]:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise QueryError(f"graph {iri!r} is not an absolute IRI; name one of the store's graphs") from None
    return ProtocolRequest(
        queries[0] if queries else None, graphs["default-graph-uri"], graphs["named-graph-uri"], params.get("format")
    )


def _formats(asked: str | None) -> tuple[str | None, str | None]:
    """The results format and the graph format to answer in (``None``: the client takes none)."""
    if asked:
        results, graph = by_name(asked, RESULTS), by_name(asked, GRAPHS)
        if results is None and graph is None:
            raise NotAcceptable(f"format {asked!r} is not served; results: {names(RESULTS)}; graphs: {names(GRAPHS)}")
        return (results.name if results else None), (graph.name if graph else None)
    accept = request.headers.get("Accept", "")
    results_name, graph_name = _negotiated(accept)
    if results_name is None and graph_name is None:
        raise NotAcceptable(
            f"cannot answer in any media type of Accept: {accept!r}; "
            f"results are served as {', '.join(f.media_type for f in RESULTS)}, graphs as "
            f"{', '.join(f.media_type for f in GRAPHS)}"
        )
    return results_name, graph_name


@lru_cache(maxsize=256)
def _negotiated(accept: str) -> tuple[str | None, str | None]:
    """The formats an ``Accept`` header chooses; clients send the same few headers again and again."""
    parsed = parse_accept_header(accept, MIMEAccept)
    results, graph = negotiate(parsed, RESULTS), negotiate(parsed, GRAPHS)
    return (results.name if results else None), (graph.name if graph else None)


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    svc = services()
    settings = svc.settings
    protocol = read_request()
    if protocol.query is None:
        if request.method == "POST":
            raise QueryError(f"no query: send it as the query parameter, or as the body with Content-Type {QUERY_TYPE}")
        return service_description()
    check_size(protocol.query, settings.max_query_bytes)
    shape = inspect_query(protocol.query, settings.max_query_depth)
    results_format, graph_format = _formats(protocol.format)
    job = Job(
        query=protocol.query,
        union=not (shape.has_dataset or protocol.names_dataset),
        default_graphs=protocol.default_graphs if protocol.names_dataset else None,
        named_graphs=protocol.named_graphs if protocol.names_dataset else None,
        results_format=results_format,
        graph_format=graph_format,
        max_results=settings.max_results,
        max_bytes=settings.max_response_bytes,
        prefixes=tuple(PREFIXES.items()),
        direct=shape.form == "SELECT" and shape.limit is not None and shape.limit <= settings.max_results,
    )
    started = time.perf_counter()
    kept = svc.results.get(job)
    fresh = kept is None
    if fresh:
        outcome = svc.runner.run(job)
        kept = svc.results.put(job, outcome)
    else:
        outcome = kept.outcome
    elapsed = (time.perf_counter() - started) * 1000
    if outcome.status == "syntax":
        raise query_error(SyntaxError(outcome.message))
    if outcome.status == "error":
        raise QueryError(f"the query failed while running: {outcome.message}")
    if outcome.status == "not_acceptable":
        offered = RESULTS if outcome.kind != "graph" else GRAPHS
        raise NotAcceptable(
            f"this query gives {'a graph' if outcome.kind == 'graph' else 'results'}, served as "
            f"{', '.join(f.media_type for f in offered)}; none of them is in Accept"
        )
    fmt = by_name(outcome.format, GRAPHS if outcome.kind == "graph" else RESULTS)
    if fmt is None:
        raise ValueError(f"Unexpected format from a query process: {outcome.format!r}")
    response = data_response(outcome.body, fmt)
    if kept is None:
        response.headers["Cache-Control"] = "no-store"
    else:  # the same answer until the server restarts: clients may keep it and ask whether it changed
        response.headers["Cache-Control"] = "no-cache"
        response.set_etag(kept.etag.strip('"'))
        if "If-None-Match" in request.headers:
            response.make_conditional(request)
    # query: the whole wait for the answer; engine: the query process's own run of it (not when cached)
    timing = f"query;dur={elapsed:.2f}"
    response.headers["Server-Timing"] = f"{timing}, engine;dur={outcome.engine_ms:.2f}" if fresh else timing
    if outcome.truncated:
        limit = settings.max_results if outcome.truncated == "max_results" else settings.max_response_bytes
        response.headers[TRUNCATED_HEADER] = f'{outcome.count}; setting="{outcome.truncated}"; limit={limit}'
    return response


def service_description() -> Response:
    """The SPARQL service description; browsers go to the query page instead."""
    offered = [HTML.media_type, *(f.media_type for f in GRAPHS)]
    if "format" not in request.args and request.accept_mimetypes.best_match(offered) == HTML.media_type:
        return redirect(url_for("pages.query_page"), code=303)
    svc = services()
    fmt = pick(GRAPHS)
    graphs = sorted(g.value for g in svc.data.named_graphs() if isinstance(g, ox.NamedNode))
    triples = metadata.service_description(request.url_root, svc.summary, graphs)
    return data_response(rdf_bytes(triples, fmt), fmt)
