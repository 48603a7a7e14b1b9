"""The Flask app: ``create_app(store, settings)`` and its one error handler (``kg.web.serving``
serves it).

The app is read-only and safe to expose: queries run in separate processes with a time limit
and caps on size, depth and results; updates, SERVICE and remote graphs are refused.
"""

from __future__ import annotations

import gc
import logging

from flask import Flask, Response, jsonify, render_template, request
from flask_cors import CORS
from rdflib import Dataset
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from kg.errors import KgError
from kg.settings import Settings, load_settings
from kg.web import export, pages, resources, sparql
from kg.web.services import EXTENSION, build

log = logging.getLogger(__name__)
_HTTP_CODES = {406: "not_acceptable", 413: "payload_too_large", 415: "unsupported_media_type"}
# what cross-origin scripts may read: every surface is read-only
CORS_RESOURCES = {
    path: {}
    for path in (r"/sparql", r"/export", r"/graph/*", r"/id/*", r"/ontology*", r"/.well-known/void", r"/health")
}


def create_app(store: Dataset, settings: Settings | None = None) -> Flask:
    """The app serving ``store``; it starts its query processes before returning."""
    settings = settings or load_settings()
    _no_remote_graphs()
    app = Flask(__name__)
    # form-encoding can triple a query's size; the exact limit is checked on the decoded query
    app.config["MAX_CONTENT_LENGTH"] = 3 * settings.max_query_bytes + 4096
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions[EXTENSION] = build(store, settings)
    for blueprint in (pages.bp, sparql.bp, export.bp, resources.bp):
        app.register_blueprint(blueprint)
    resources.add_base_route(app, settings.base_iri)
    CORS(
        app,
        resources=CORS_RESOURCES,
        methods=["GET", "HEAD", "POST", "OPTIONS"],
        expose_headers=["Link", "Content-Disposition", sparql.TRUNCATED_HEADER],
    )
    app.register_error_handler(Exception, handle_error)
    # pyoxigraph results may only be dropped by the thread that made them: collect what start-up
    # left behind here, on this thread, before server threads can trigger the collector
    gc.collect()
    return app


def _no_remote_graphs() -> None:
    """rdflib must never fetch a graph named in a query (FROM <http://...>)."""
    import rdflib.plugins.sparql as rdflib_sparql

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False


class _HttpError(KgError):
    """A routing or protocol error raised by werkzeug, in the shape of every other error."""

    def __init__(self, error: HTTPException) -> None:
        super().__init__(error.description or error.name)
        self.status = error.code or 500
        self.code = _HTTP_CODES.get(self.status, error.name.lower().replace(" ", "_"))


def handle_error(error: Exception) -> Response:
    """The one error handler: a :class:`KgError`'s dict as JSON, or as a page for browsers."""
    if isinstance(error, KgError):
        problem = error
    elif isinstance(error, HTTPException):
        problem = _HttpError(error)
    else:
        log.exception("unexpected error on %s %s", request.method, request.path)
        problem = KgError(
            "something went wrong on the server; it has been logged. Try again, and report it if it keeps happening"
        )
    payload = problem.to_dict()
    if request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html":
        response = Response(
            render_template("error.html", error=payload), status=problem.status, content_type="text/html; charset=utf-8"
        )
    else:
        response = jsonify(payload)
        response.status_code = problem.status
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    response.vary.add("Accept")
    return response
