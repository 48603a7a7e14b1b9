"""Starting and stopping the servers the bench talks to, all on 127.0.0.1.

- PeaceKG: ``python -m kg serve`` (granian, its query processes), serving an on-disk store
  from memory or from disk (setting ``serve_from``).
- Oxigraph: ``oxigraph serve`` in memory (the data POSTed to ``/store`` once it listens) or
  ``oxigraph serve-read-only`` over an on-disk store; both with the union default graph.
- A bare WSGI app, and the smallest Flask app, under granian answering ``/ping``: the most any
  app served as PeaceKG is can answer here.

Each is a context manager yielding a :class:`Server`; stopping ends the process and its children.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bench.measure import ROOT, child_env, free_port, status_kb, wait_until

ACCEPT = "application/sparql-results+json, text/turtle;q=0.9"
START_TIMEOUT = 600.0


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    started_in: float = 0.0

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def memory_mb(self) -> dict[str, float]:
        """Resident and peak memory (MiB) of the server and of all its child processes, summed."""
        pids = [self.process.pid, *descendants(self.process.pid)]
        return {
            "processes": len(pids),
            "rss_mb": sum(status_kb("VmRSS", p) for p in pids) / 1024,
            "peak_rss_mb": sum(status_kb("VmHWM", p) for p in pids) / 1024,
        }


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, read from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def get(port: int, path: str, accept: str = ACCEPT, timeout: float = 60.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept": accept})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _answers(port: int, path: str) -> bool:
    try:
        return get(port, path, timeout=5)[0] == 200
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@contextlib.contextmanager
def _running(
    name: str,
    args: list[str],
    log: Path,
    ready_path: str,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    port = free_port()
    args = [a.replace("{port}", str(port)) for a in args]
    started = time.perf_counter()
    with open(log, "ab") as out:
        process = subprocess.Popen(
            args,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(env or child_env()),
            cwd=ROOT,
            start_new_session=True,
        )
    server = Server(name, port, process)
    try:
        wait_until(lambda: process.poll() is None and _answers(port, ready_path), START_TIMEOUT, name)
        server.started_in = time.perf_counter() - started
        yield server
    finally:
        _stop(process)


@contextlib.contextmanager
def peacekg(store: Path, mode: str, log: Path, **settings: object) -> Iterator[Server]:
    """``peacekg serve`` over ``store``, serving from ``mode`` (memory or disk)."""
    env = child_env()
    env["PEACEKG_SERVE_FROM"] = mode
    env.pop("PEACEKG_CONFIG", None)
    for name, value in settings.items():
        env[f"PEACEKG_{name.upper()}"] = str(value)
    args = [sys.executable, "-m", "kg", "--store", str(store), "serve", "--host", "127.0.0.1", "--port", "{port}"]
    with _running(f"peacekg ({mode})", args, log, "/health", env) as server:
        yield server


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command of this environment (the PyPI package ``oxigraph``), if installed."""
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@contextlib.contextmanager
def oxigraph(source: Path, mode: str, log: Path, timeout_s: float | None = 10.0) -> Iterator[Server]:
    """``oxigraph serve`` in memory loaded with the N-Quads file ``source``, or
    ``oxigraph serve-read-only`` over the on-disk store folder ``source``.

    With a query timeout oxigraph 0.5 starts a thread per query, and under thousands of
    requests a second it runs out of threads and stops: load tests run it without one."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("the oxigraph server is not installed: pip install oxigraph")
    common = ["--bind", "127.0.0.1:{port}", "--union-default-graph"]
    if timeout_s:
        common += ["--timeout-s", str(int(timeout_s))]
    if mode == "disk":
        args = [binary, "serve-read-only", "--location", str(source), *common]
    else:
        args = [binary, "serve", *common]
    probe = "/query?query=ASK%7B%7D"
    with _running(f"oxigraph ({mode})", args, log, probe) as server:
        if mode == "memory":
            started = time.perf_counter()
            _post_nquads(server.port, source)
            server.started_in += time.perf_counter() - started
        yield server


def _post_nquads(port: int, path: Path) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=START_TIMEOUT)
    try:
        with open(path, "rb") as body:
            conn.request(
                "POST",
                "/store",
                body=body,
                headers={"Content-Type": "application/n-quads", "Content-Length": str(path.stat().st_size)},
            )
        response = conn.getresponse()
        response.read()
        if response.status >= 300:
            raise RuntimeError(f"oxigraph refused the data: HTTP {response.status}")
    finally:
        conn.close()


@contextlib.contextmanager
def ping(log: Path, threads: int = 8, app: str = "app") -> Iterator[Server]:
    """An app of :mod:`bench.ping` (``app``, bare WSGI, or ``flask_app``) under granian, as
    PeaceKG is served: one worker process, ``threads`` threads."""
    args = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--no-ws",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        "--workers",
        "1",
        "--blocking-threads",
        str(threads),
        f"bench.ping:{app}",
    ]
    with _running(f"granian /ping ({app})", args, log, "/ping") as server:
        yield server
