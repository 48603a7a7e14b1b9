"""Pages for people: the home page, the query page, and a cheap health check."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, url_for

from kg.formats import GRAPHS, RESULTS, TURTLE
from kg.web import lookup
from kg.web.services import services

bp = Blueprint("pages", __name__)


@bp.route("/")
def home() -> Response:
    """What the dataset holds, and where to go from here."""
    svc = services()
    return render_template(
        "home.html",
        summary=svc.summary,
        articles=lookup.articles(svc.data),
        actors=lookup.actors(svc.data),
        linker=svc.linker,
        list_limit=lookup.LIST_LIMIT,
        settings=svc.settings,
        alternates=[(url_for("export.void", format="ttl"), "alternate", TURTLE.media_type)],
    )


@bp.route("/query")
def query_page() -> Response:
    """The query editor, prefilled with the example queries."""
    svc = services()
    examples = [
        {"name": e.name, "title": e.title, "description": e.description, "query": e.query} for e in svc.examples
    ]
    return render_template(
        "query.html",
        examples=examples,
        base=svc.settings.base_iri,
        settings=svc.settings,
        result_formats=RESULTS,
        graph_formats=GRAPHS,
        alternates=[(url_for("sparql.endpoint", format="ttl"), "alternate", TURTLE.media_type)],
    )


@bp.route("/health")
def health() -> Response:
    """Whether the server answers, how many query processes are idle, and what the result cache holds."""
    svc = services()
    runner, results = svc.runner, svc.results
    return jsonify(
        {
            "status": "ok",
            "query_processes": runner.size,
            "idle": runner.ready,
            "restarts": runner.restarts,
            "result_cache": {"bytes": results.size, "hits": results.hits, "misses": results.misses},
        }
    )
