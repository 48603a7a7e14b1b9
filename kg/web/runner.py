"""A pool of query processes that can be stopped: the endpoint's time limit.

Neither pyoxigraph nor rdflib can cancel a query once it runs, so every endpoint query runs in
one of ``query_workers`` processes (:mod:`kg.web.worker`). A request takes an idle process,
hands it the query and waits at most ``query_timeout`` seconds for the serialised answer. A
process that does not answer in time is killed and a fresh one started in the background,
while the other processes keep answering; the request gets a 503. A process that dies (a
query that crashes the engine) is replaced the same way.

Each process is a fresh interpreter running ``python -m kg.web.worker`` (never a ``fork`` of
the threaded server, and never a re-import of the server's main module); it loads its data once
and then serves one job at a time over a socket pair. Only the serialised result comes back: the
outcome, then the answer's bytes as they are.
"""

from __future__ import annotations

import logging
import os
import queue
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import kg
from kg.errors import KgError, QueryTimeout, StoreError
from kg.web.worker import Job, Outcome

log = logging.getLogger(__name__)
START_TIMEOUT = 600.0
"""Seconds a new process may take to load its data."""


class WorkerCrashed(KgError):
    status = 500
    code = "query_process_crashed"


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection


def _environment() -> dict[str, str]:
    """The server's environment, with the folder holding ``kg`` first on the module path."""
    env = dict(os.environ)
    root = str(Path(kg.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
    return env


class QueryRunner:
    """``workers`` query processes, each answering from ``path``: an N-Quads snapshot it loads into
    memory (``mode`` "memory") or the on-disk store it opens read-only (``mode`` "disk")."""

    def __init__(self, mode: str, path: str, workers: int = 2, timeout: float = 10.0) -> None:
        if workers < 1:
            raise ValueError(f"Unexpected number of query workers: {workers!r}")
        self.mode, self.path = mode, path
        self.size, self.timeout = workers, timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.restarts = 0

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Start every process and wait until each has loaded its data."""
        starting = [self._spawn() for _ in range(self.size)]
        for worker in starting:
            self._await_ready(worker, raise_errors=True)

    def close(self) -> None:
        """Stop every process."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            self._stop(worker)

    @property
    def ready(self) -> int:
        """Processes idle right now."""
        return self._idle.qsize()

    def _spawn(self) -> _Worker:
        parent, child = socket.socketpair()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "kg.web.worker", str(child.fileno()), self.mode, self.path],
                pass_fds=[child.fileno()],
                stdin=subprocess.DEVNULL,
                env=_environment(),
                close_fds=True,
            )
        finally:
            child.close()
        worker = _Worker(process, Connection(parent.detach()))
        with self._lock:
            self._all.add(worker)
        return worker

    def _await_ready(self, worker: _Worker, raise_errors: bool = False) -> None:
        try:
            if not worker.conn.poll(START_TIMEOUT):
                raise StoreError(f"a query process did not load the data within {START_TIMEOUT:.0f} s")
            status, detail = worker.conn.recv()
            if status != "ready":
                raise StoreError(str(detail))
        except (EOFError, OSError, StoreError) as e:
            self._stop(worker)
            message = e.message if isinstance(e, StoreError) else "a query process stopped while loading"
            if raise_errors:
                self.close()
                raise StoreError(message) from None
            log.error("%s; the endpoint runs with one query process fewer", message)
            return
        if self._closed:
            self._stop(worker)
        else:
            self._idle.put(worker)

    def _stop(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        if worker.process.poll() is None:
            worker.process.kill()
        try:
            worker.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            log.error("query process %d did not stop when killed", worker.process.pid)
        worker.conn.close()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start a new one; it joins the idle ones once its data is loaded."""
        with self._lock:
            if worker not in self._all:
                return  # already replaced
        self._stop(worker)
        if self._closed:
            return
        self.restarts += 1
        fresh = self._spawn()
        threading.Thread(target=self._await_ready, args=(fresh,), name="peacekg-query-start", daemon=True).start()

    # -- running ----------------------------------------------------------------------------

    def run(self, job: Job) -> Outcome:
        """The answer to ``job``; :class:`QueryTimeout` (503) when it takes too long."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"all {self.size} query processes stayed busy for {self.timeout:g} s; try again in a moment"
            ) from None
        try:
            worker.conn.send(job)
            answered = worker.conn.poll(self.timeout)
            outcome = worker.conn.recv() if answered else None
            if outcome is not None:  # the answer follows as raw bytes (see kg.web.worker.serve_jobs)
                outcome = outcome._replace(body=worker.conn.recv_bytes())
        except (EOFError, OSError):
            self._replace(worker)
            raise WorkerCrashed(
                "the query stopped the process running it; the process was restarted. Simplify the query and try again"
            ) from None
        except BaseException:
            self._replace(worker)
            raise
        if outcome is None:
            self._replace(worker)
            raise QueryTimeout(
                f"the query ran longer than {self.timeout:g} s and was stopped "
                "(setting query_timeout); make it more selective or add a LIMIT"
            )
        self._idle.put(worker)
        return outcome
