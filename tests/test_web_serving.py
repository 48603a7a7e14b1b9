"""Where served queries run (memory or disk), and the server started as a program."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from test_web_data import BASE, article_graphs, running_server

from bench.servers import descendants
from kg.rdf.validate import load_ontology
from kg.store import ONTOLOGY_GRAPH, close_store, open_store, replace_articles

ROOT = Path(__file__).resolve().parents[1]
NEW = URIRef("urn:added-while-serving")
ASK_NEW = f"ASK {{ <{NEW}> ?p ?o }}"
ASK_OLD = "ASK { ?m a <https://w3id.org/peacekg/ontology#Meeting> }"


@pytest.fixture()
def disk_store(tmp_path):
    path = tmp_path / "store"
    ds = open_store(path)
    replace_articles(ds, {ONTOLOGY_GRAPH: load_ontology(), **article_graphs()})
    close_store(ds)
    return path


def ask(url: str, query: str) -> bool:
    response = requests.get(url + "/sparql", params={"query": query, "format": "json"}, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def added_graph() -> dict[URIRef, Graph]:
    g = Graph()
    g.add((NEW, RDFS.label, Literal("added")))
    return {URIRef("urn:g:new"): g}


def test_memory_serves_the_snapshot_and_leaves_the_store_free_for_ingest(disk_store):
    served = open_store(disk_store, read_only=True)
    with running_server(served, store=str(disk_store), serve_from="memory") as server:
        assert ask(server.url, ASK_OLD)
        writer = open_store(disk_store)  # the server holds no lock: an ingest can run
        replace_articles(writer, added_graph())
        close_store(writer)
        assert not ask(server.url, ASK_NEW)  # the snapshot taken at start is what is served
        assert requests.get(server.url + "/id/actor/amina-rahimi.ttl", timeout=30).status_code == 200
    with running_server(open_store(disk_store, read_only=True), store=str(disk_store)) as restarted:
        assert ask(restarted.url, ASK_NEW)


def test_disk_serves_the_store_read_only(disk_store):
    served = open_store(disk_store, read_only=True)
    with running_server(served, store=str(disk_store), serve_from="disk") as server:
        assert ask(server.url, ASK_OLD)
        page = requests.get(server.url + "/id/actor/harbor-council", headers={"Accept": "text/html"}, timeout=30)
        assert page.status_code == 200 and "Harbor Council" in page.text
        close_store(open_store(disk_store))  # no write lock held


def test_disk_needs_a_store_on_disk(tmp_path):
    from kg.errors import ConfigError

    with (
        pytest.raises(ConfigError, match="serve_from"),
        running_server(open_store(), store=str(tmp_path / "none"), serve_from="disk"),
    ):
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            if requests.get(url + "/health", timeout=2).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # granian listens before its app is built
            time.sleep(0.2)
    raise AssertionError("the server did not come up in 60 s")


@pytest.mark.slow
@pytest.mark.parametrize("program", ["serve", "server.py"])
def test_the_server_as_a_program(disk_store, program, tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "TMPDIR": str(tmp_path),  # waitress-serve leaves the SIGTERM handling, and the snapshot, to us
        "PEACEKG_STORE": str(disk_store),
        "PEACEKG_BASE_IRI": BASE,
        "PEACEKG_PORT": str(port),
        "PEACEKG_QUERY_WORKERS": "1",
    }
    if program == "serve":
        command = [
            sys.executable,
            "-c",
            "from kg.settings import load_settings\nfrom kg.web import serve\nserve(load_settings())",
        ]
    else:
        command = [sys.executable, "-m", "waitress", f"--listen=127.0.0.1:{port}", "server:app"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, process)
        assert ask(url, ASK_OLD)
        assert requests.get(url + "/", timeout=30).headers["Server"] == (
            "PeaceKG" if program == "serve" else "waitress"
        )
    finally:
        process.terminate()
        process.communicate(timeout=30)


@pytest.mark.slow
def test_a_stopped_server_leaves_no_snapshot_behind(disk_store, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = scratch / f"peacekg-snapshot-{gone.stdout.strip()}-x"  # as a killed server leaves it
    left.mkdir()
    (left / "data.nq").write_text("")
    port = _free_port()
    env = {
        **os.environ,
        "TMPDIR": str(scratch),
        "PEACEKG_STORE": str(disk_store),
        "PEACEKG_PORT": str(port),
        "PEACEKG_QUERY_WORKERS": "1",
    }
    command = [
        sys.executable,
        "-c",
        "from kg.settings import load_settings\nfrom kg.web import serve\nserve(load_settings())",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}", process)
        served = list(scratch.iterdir())
        assert len(served) == 1 and served[0] != left  # the stale one is gone, the server's own is there
        below = descendants(process.pid)
        assert len(below) == 2  # the worker answering requests and its query process
    finally:
        process.terminate()  # SIGTERM, as a service manager stops it
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert list(scratch.iterdir()) == []
    assert not _still_running(below)


def _serve(store: Path, tmp_path: Path, host: str = "127.0.0.1") -> tuple[subprocess.Popen, int]:
    """``peacekg serve`` over ``store`` with one query process, its snapshot in ``tmp_path``."""
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), "PEACEKG_STORE": str(store), "PEACEKG_QUERY_WORKERS": "1"}
    command = [sys.executable, "-m", "kg", "serve", "--host", host, "--port", str(port)]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE), port


def _still_running(pids: list[int], seconds: float = 20) -> list[int]:
    """Those of ``pids`` still running after up to ``seconds`` (an orphan is reaped once it exits)."""
    deadline = time.monotonic() + seconds
    while any(Path(f"/proc/{pid}").exists() for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()]


@pytest.mark.slow
def test_a_server_killed_outright_takes_its_worker_along(disk_store, tmp_path):
    process, port = _serve(disk_store, tmp_path)
    try:
        _wait_until_up(f"http://127.0.0.1:{port}", process)
        below = descendants(process.pid)
        assert below
    finally:
        process.kill()  # SIGKILL: the main process cannot pass it on
        process.communicate(timeout=30)
    assert not _still_running(below)
    assert not list(tmp_path.glob("peacekg-snapshot-*"))


@pytest.mark.slow
def test_a_server_stopped_while_loading_leaves_nothing_behind(disk_store, tmp_path):
    process, _port = _serve(disk_store, tmp_path)
    deadline = time.monotonic() + 60
    while not descendants(process.pid) and time.monotonic() < deadline:
        time.sleep(0.01)  # the worker is forked: it starts loading now
    below = descendants(process.pid)
    process.terminate()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert not _still_running(below)
    assert not list(tmp_path.glob("peacekg-snapshot-*"))


@pytest.mark.slow
def test_a_host_name_is_resolved(disk_store, tmp_path):
    process, port = _serve(disk_store, tmp_path, host="localhost")
    try:
        address = socket.getaddrinfo("localhost", port, type=socket.SOCK_STREAM)[0][4][0]
        _wait_until_up(f"http://{f'[{address}]' if ':' in address else address}:{port}", process)
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_an_unknown_host_is_named(disk_store):
    env = {**os.environ, "PEACEKG_STORE": str(disk_store)}
    command = [sys.executable, "-m", "kg", "serve", "--host", "no-such-host.invalid", "--port", "8000"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "cannot listen on no-such-host.invalid:8000" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_port_in_use_is_named(disk_store):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = {**os.environ, "PEACEKG_STORE": str(disk_store)}
        command = [sys.executable, "-m", "kg", "serve", "--host", "127.0.0.1", "--port", str(port)]
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in done.stderr
    assert "Traceback" not in done.stderr


_FORK_SCRIPT = """
import os, signal, time
from kg.web import serving
serving._guard_forks()
read, write = os.pipe()
pid = os.fork()
if pid == 0:
    time.sleep(0.5)  # the stop signal arrives in the meantime, before any handler of the worker's own
    os.write(write, b"noted" if serving._stop_noted else b"lost")
    os._exit(0)
os.kill(pid, signal.SIGTERM)
print(os.read(read, 5).decode() or "killed")
os.waitpid(pid, 0)
"""


def test_a_stop_signal_sent_to_a_worker_just_forked_waits_for_it():
    # granian's main process passes SIGTERM on to a worker it has just forked: the worker must
    # not lose it (it would load and serve, and the main process would wait for it forever)
    done = subprocess.run([sys.executable, "-c", _FORK_SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "noted", done.stderr
