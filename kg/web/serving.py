"""Serving the app: ``serve(settings)`` runs it under granian, an HTTP server written in Rust.

granian's main process listens and forks one worker; the worker builds the app, so the snapshot
and the query processes belong to it, and ``settings.threads`` threads of it run requests.
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
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, KgError, StoreError
from kg.settings import Settings
from kg.web.app import create_app
from kg.web.services import check_settings

log = logging.getLogger(__name__)


def serve(settings: Settings) -> None:
    """Serve the store of ``settings`` with granian on ``settings.host:settings.port``.

    granian, an HTTP server written in Rust, answers small queries at about 1.4 times the rate
    waitress did with the same app (bench/README.md). Its one worker process builds
    the app, so the snapshot and the query processes belong to it; ``settings.threads`` threads
    run requests. The store is opened read-only (no lock is taken); serving from memory, it is
    released as soon as the snapshot is taken.

    A plain kill (SIGTERM, as service managers send) stops the server as Ctrl-C does: granian
    stops its worker, which stops the query processes and removes the snapshot on its way out,
    also while it is still loading the data. The worker stops itself so when the main process is
    killed outright (SIGKILL). SIGHUP reloads: a new worker loads the store as it is then, and
    the old one stops a few seconds later.
    """
    from granian.constants import Interfaces
    from granian.server import Server

    if not (Path(settings.store) / "CURRENT").is_file():
        raise StoreError(
            f"no store at {settings.store}: ingest articles first (peacekg ingest PATH) "
            "or point --store / PEACEKG_STORE at one"
        )
    check_settings(settings)
    address = _listen_address(settings.host, settings.port)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format=_LOG_FORMAT)
    # granian warns of more threads than twice the cores; most of ours wait on a query process
    logging.getLogger("_granian").addFilter(lambda record: "Python threads" not in record.getMessage())
    server = Server(
        "peacekg",
        address=address,
        port=settings.port,
        interface=Interfaces.WSGI,
        workers=1,
        blocking_threads=settings.threads,
        websockets=False,
        log_dictconfig=_GRANIAN_LOGGING,
    )
    _guard_forks()
    server.serve(target_loader=partial(_worker_app, settings, os.getpid()), wrap_loader=False)


_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}
_stop_noted = False  # in a worker: a stop signal came before it could act on one
_guarding = False


def _guard_forks() -> None:
    """Keep a stop signal from falling between fork and the worker's own handlers.

    granian's main process installs its handlers, then forks the worker, which inherits them:
    a SIGTERM that the main process passes on to a worker still starting would only set a flag
    in the worker's copy of the server, and the worker would load and serve while the main
    process waits for it forever. So the stop signals are blocked across the fork; the worker
    notes any that came in the meantime and acts on it once it is ready to (see
    :func:`_worker_app`).
    """
    global _guarding
    if _guarding:
        return
    _guarding = True
    os.register_at_fork(
        before=lambda: signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS),
        after_in_parent=lambda: signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS),
        after_in_child=_after_fork_in_worker,
    )


def _after_fork_in_worker() -> None:
    for signum in _STOP_SIGNALS:
        signal.signal(signum, _note_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _note_stop(signum: int, frame: object) -> None:
    global _stop_noted
    _stop_noted = True


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


def _listen_address(host: str, port: int) -> str:
    """The IP address to listen on for ``host`` (granian takes addresses only), once checked
    that ``port`` is free there: granian shares its socket with its workers, so it would share a
    port another server already listens on. :class:`ConfigError` says what is wrong."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise ConfigError(
            f"cannot listen on {host}:{port}: {e.strerror}; give --host an address or a name this machine resolves"
        ) from None
    family, *_rest, sockaddr = found[0]
    address = str(sockaddr[0])
    try:
        wildcard = family == socket.AF_INET6 and address == "::"
        with socket.create_server((address, port), family=family, dualstack_ipv6=wildcard):
            pass
    except OSError as e:
        raise ConfigError(
            f"cannot listen on {host}:{port}: {os.strerror(e.errno) if e.errno else e}; "
            "stop what listens there, or choose another --port or --host"
        ) from None
    return address


def _worker_app(settings: Settings, parent: int) -> Callable[..., Any]:
    """The app, built in granian's worker process (``parent``: granian's main process).

    granian sets its own signal handlers only once the app is built; until then SIGTERM and
    SIGINT stop the loading here, and the snapshot and query processes made so far go with it.
    """
    from kg.store import open_store

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _exit_on_signal)
    if _stop_noted:  # told to stop between the fork and now
        _exit_on_signal(signal.SIGTERM, None)
    threading.Thread(target=_stop_when_orphaned, args=(parent,), name="peacekg-parent", daemon=True).start()
    try:
        app = create_app(open_store(settings.store, read_only=True), settings)
    except (KgError, OSError, RuntimeError, ValueError) as e:
        log.error("peacekg: error: %s", e.message if isinstance(e, KgError) else f"cannot serve {settings.store}: {e}")
        raise SystemExit(2) from None
    # serving from memory, nothing refers to the on-disk store any more: it is closed here
    gc.collect()
    app.wsgi_app = _ServerHeader(app.wsgi_app)  # type: ignore[method-assign]
    return app


def _exit_on_signal(signum: int, frame: object) -> None:
    for other in (signal.SIGTERM, signal.SIGINT):  # Ctrl-C reaches the worker twice: let the first finish
        signal.signal(other, signal.SIG_IGN)
    log.info("stopping on signal %d while loading", signum)
    raise SystemExit(0)


def _stop_when_orphaned(parent: int) -> None:
    """Stop this worker as Ctrl-C would once granian's main process is gone (killed with SIGKILL,
    which it cannot pass on): an orphan would go on answering on the port. The signal is sent
    again each second, in case it came while neither handler was in place."""
    while os.getppid() == parent:
        time.sleep(1.0)
    log.warning("the server's main process %d is gone; stopping", parent)
    while True:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1.0)


class _ServerHeader:
    """WSGI middleware naming the server ``PeaceKG`` (granian would say ``granian``)."""

    def __init__(self, wsgi_app: Callable[..., Any]) -> None:
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            headers.append(("Server", "PeaceKG"))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)
