"""The Flask app: ``create_app(store, settings)``, one error handler, and ``serve(settings)``.

The app is read-only and safe to expose: queries run in separate processes with a time limit
and caps on size, depth and results; updates, SERVICE and remote graphs are refused.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable
from functools import partial
from multiprocessing.util import Finalize
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from flask_cors import CORS
from rdflib import Dataset
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from kg.errors import ConfigError, KgError, StoreError
from kg.settings import Settings, load_settings
from kg.web import export, pages, resources, sparql
from kg.web.services import EXTENSION, build, check_settings

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


def serve(settings: Settings) -> None:
    """Serve the store of ``settings`` with granian on ``settings.host:settings.port``.

    granian, an HTTP server written in Rust, answers small queries at about 1.4 times the rate
    waitress did with the same app (bench/README.md). Its one worker process builds
    the app, so the snapshot and the query processes belong to it; ``settings.threads`` threads
    run requests. The store is opened read-only (no lock is taken); serving from memory, it is
    released as soon as the snapshot is taken.

    A plain kill (SIGTERM, as service managers send) stops the server as Ctrl-C does: granian
    stops its worker, which stops the query processes and removes the snapshot on its way out.
    The worker also stops itself so when the main process is killed outright (SIGKILL).
    """
    from granian.constants import Interfaces
    from granian.server import Server

    if not (Path(settings.store) / "CURRENT").is_file():
        raise StoreError(
            f"no store at {settings.store}: ingest articles first (peacekg ingest PATH) "
            "or point --store / PEACEKG_STORE at one"
        )
    check_settings(settings)
    _check_port(settings.host, settings.port)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format=_LOG_FORMAT)
    # granian warns of more threads than twice the cores; most of ours wait on a query process
    logging.getLogger("_granian").addFilter(lambda record: "Python threads" not in record.getMessage())
    server = Server(
        "peacekg",
        address=settings.host,
        port=settings.port,
        interface=Interfaces.WSGI,
        workers=1,
        blocking_threads=settings.threads,
        websockets=False,
        log_dictconfig=_GRANIAN_LOGGING,
    )
    server.serve(target_loader=partial(_worker_app, settings), wrap_loader=False)


_LOG_FORMAT = "%(asctime)s %(name)s: %(message)s"
_GRANIAN_LOGGING = {  # granian's own lines in the same shape, on the same stream, as PeaceKG's
    "formatters": {
        "generic": {"()": "logging.Formatter", "fmt": _LOG_FORMAT},
        "access": {"()": "logging.Formatter", "fmt": "%(message)s"},
    },
    "handlers": {
        "console": {"formatter": "generic", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
        "access": {"formatter": "access", "class": "logging.StreamHandler", "stream": "ext://sys.stderr"},
    },
}


def _check_port(host: str, port: int) -> None:
    """Raise :class:`ConfigError` if ``host:port`` cannot be listened on. granian shares its
    socket with its workers, so it would share a port another server already listens on."""
    try:
        with socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET):
            pass
    except OSError as e:
        raise ConfigError(
            f"cannot listen on {host}:{port}: {os.strerror(e.errno) if e.errno else e}; "
            "stop what listens there, or choose another --port or --host"
        ) from None


def _worker_app(settings: Settings) -> Callable[..., Any]:
    """The app, built in granian's worker process; it stops its query processes when the worker ends."""
    from kg.store import open_store

    try:
        app = create_app(open_store(settings.store, read_only=True), settings)
    except KgError as e:
        log.error("%s", e.message)
        raise SystemExit(2) from None
    # the worker ends through multiprocessing, which runs its finalizers but not atexit's
    Finalize(app, app.extensions[EXTENSION].close, exitpriority=10)
    threading.Thread(target=_stop_when_orphaned, args=(os.getppid(),), name="peacekg-parent", daemon=True).start()
    # serving from memory, nothing refers to the on-disk store any more: it is closed here
    gc.collect()
    app.wsgi_app = _ServerHeader(app.wsgi_app)  # type: ignore[method-assign]
    return app


def _stop_when_orphaned(parent: int) -> None:
    """Stop this worker as Ctrl-C would once granian's main process is gone (killed with SIGKILL,
    which it cannot pass on): an orphan would go on answering on the port."""
    while os.getppid() == parent:
        time.sleep(1.0)
    log.warning("the server's main process %d is gone; stopping", parent)
    os.kill(os.getpid(), signal.SIGTERM)


class _ServerHeader:
    """WSGI middleware naming the server ``PeaceKG`` (granian would say ``granian``)."""

    def __init__(self, wsgi_app: Callable[..., Any]) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers.append(("Server", "PeaceKG"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)
