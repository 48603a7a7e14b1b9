"""What the blueprints use, built once per app: the data, the query processes, the summary.

Where served queries run is the setting ``serve_from``:

``memory`` (default)
    At start the server writes one N-Quads snapshot of the store to a temporary file; it and
    each query process load it into memory. Queries never touch the on-disk store, so
    ``peacekg ingest`` can run while serving; the server shows the data as it was when it
    started (restart it to serve newer data). Each query process also writes the merge of the
    article graphs into its default graph, so the default graph holds each triple once
    however many articles state it. Memory: one copy of the data per query process (about 1.3
    times the quads, with the merge) plus one for the pages. The snapshot is removed when the
    server stops; one left by a server that was killed is removed when the next one starts.
``disk``
    The server and its query processes open the on-disk store read-only: nothing to load at
    start and no copies in memory. RocksDB gives no guarantee to a read-only reader while
    another process writes, so stop the server while ingesting, then start it again. The
    default graph is Oxigraph's union of the article graphs, which repeats a triple once per
    graph holding it (oxigraph/oxigraph#1919): use DISTINCT, or serve from memory.

Either way the server never holds the store's write lock.
"""

from __future__ import annotations

import atexit
import logging
import shutil
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from pathlib import Path

import pyoxigraph as ox
from flask import current_app
from rdflib import Dataset

from kg import scratch
from kg.errors import ConfigError
from kg.rdf.ids import Ids
from kg.settings import Settings
from kg.store import oxigraph
from kg.web import lookup
from kg.web.examples import Example, load_examples
from kg.web.links import Linker
from kg.web.results import ResultCache
from kg.web.runner import QueryRunner

log = logging.getLogger(__name__)
EXTENSION = "peacekg"


@dataclass
class Services:
    settings: Settings
    data: ox.Store
    runner: QueryRunner
    linker: Linker
    ids: Ids
    summary: lookup.Summary
    results: ResultCache
    examples: list[Example] = field(default_factory=list)
    snapshot_dir: str | None = None

    def close(self) -> None:
        """Stop the query processes and remove the snapshot."""
        self.runner.close()
        if self.snapshot_dir:
            shutil.rmtree(self.snapshot_dir, ignore_errors=True)
            self.snapshot_dir = None


def check_settings(settings: Settings) -> None:
    """Raise :class:`ConfigError` for settings the endpoint cannot run with."""
    if settings.query_workers < 1 or settings.query_timeout <= 0 or settings.max_results < 1:
        raise ConfigError(
            "settings query_workers, query_timeout and max_results must be positive, got "
            f"{settings.query_workers}, {settings.query_timeout} and {settings.max_results}"
        )
    if settings.threads < 1:
        raise ConfigError(f"setting threads must be positive, got {settings.threads}")


def build(ds: Dataset, settings: Settings) -> Services:
    """Prepare the data as ``settings.serve_from`` says and start the query processes."""
    check_settings(settings)
    snapshot_dir = None
    try:
        if settings.serve_from == "disk":
            folder = Path(settings.store)
            if not (folder / "CURRENT").is_file():
                raise ConfigError(
                    f"serve_from = 'disk' needs the on-disk store at {folder} (setting store); "
                    "ingest articles there first, or serve from memory"
                )
            data, mode, path = oxigraph(ds), "disk", str(folder.resolve())
        else:
            snapshot_dir = scratch.make_folder("peacekg-snapshot-")
            path, mode = str(Path(snapshot_dir) / "data.nq"), "memory"
            oxigraph(ds).dump(path, ox.RdfFormat.N_QUADS)
            data = ox.Store()
            data.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        runner = QueryRunner(mode, path, workers=settings.query_workers, timeout=settings.query_timeout)
        services = Services(
            settings=settings,
            data=data,
            runner=runner,
            linker=Linker(settings.base_iri),
            ids=Ids(settings.base_iri),
            summary=lookup.summarize(data),
            results=ResultCache(settings.result_cache_bytes),
            examples=load_examples(),
            snapshot_dir=snapshot_dir,
        )
    except BaseException:  # also a signal stopping a server that is still loading
        if snapshot_dir:
            shutil.rmtree(snapshot_dir, ignore_errors=True)
        raise
    atexit.register(services.close)
    # a process that ends through multiprocessing (granian's workers) runs finalizers, not atexit
    Finalize(services, services.close, exitpriority=10)
    try:
        runner.start()
    except BaseException:
        services.close()
        raise
    log.info("serving %d quads from %s with %d query processes", services.summary.quads, mode, settings.query_workers)
    return services


def services() -> Services:
    """The services of the app handling the current request."""
    return current_app.extensions[EXTENSION]
