"""What runs inside a query process: load the data once, then answer jobs until told to stop.

A job is a query with its dataset and the formats the client accepts; the answer is the
serialised result, ready to send. Results are capped without a Python loop over rows.
Solutions are first serialised straight in the format asked for, into a sink that counts an
upper bound of the rows as the bytes pass (a mark that opens or separates rows, such as
``},{`` in SPARQL JSON: a literal may hold one too, never fewer) and stops once that bound or
the bytes pass their cap; most answers are done then. An answer stopped there is cut from
what was written, at the last whole row that fits (JSON is parsed back to check the cut). What
cannot be cut so (CSV, where a quoted field may hold a line end), and every graph, is serialised
to a line-per-row format (TSV for solutions, N-Triples for triples) into a sink that stops it
once it holds one row more than the cap (or too many bytes); the rows kept are then parsed and
serialised again, natively, in the format asked for.

This module imports nothing heavy, so that a new process is ready quickly.

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x"),
...                   ox.NamedNode("http://e/g")))
>>> out = execute(store, Job("SELECT ?s { ?s ?p ?o }", results_format="csv"))
>>> out.status, out.kind, out.body, out.count, out.truncated
('ok', 'solutions', b's\\r\\nhttp://e/a\\r\\n', -1, '')
>>> execute(store, Job("SELECT ?s { ?s ?p }")).message
'error at 1:20: expected one of LATERAL, SERVICE, [_]'
"""

from __future__ import annotations

import contextlib
import json
import signal
import sys
import time
from multiprocessing.connection import Connection
from typing import NamedTuple

import pyoxigraph as ox

from kg.formats import GRAPHS, NTRIPLES, RESULTS, TSV, Format, by_name, rdf_format, results_format

TSV_FORMAT = ox.QueryResultsFormat.TSV


class Job(NamedTuple):
    """One query to run. A format of ``None`` means the client accepts no format of that kind."""

    query: str
    union: bool = True
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    results_format: str | None = "json"
    graph_format: str | None = "turtle"
    max_results: int = 10_000
    max_bytes: int = 16 * 1024 * 1024
    prefixes: tuple[tuple[str, str], ...] = ()
    direct: bool = False
    """The result cannot have more rows than ``max_results`` (an outer LIMIT says so): serialise
    it straight in the format asked for, with only the byte cap."""


class Outcome(NamedTuple):
    """``status`` is ok, syntax (the query does not parse), error (it failed while running) or
    not_acceptable (no format of its result kind was accepted). ``truncated`` names the setting
    that cut the result, if one did. ``count`` is the rows or triples sent (-1: not counted).
    ``engine_ms``: how long the query process took to run the query and serialise the answer."""

    status: str
    kind: str = ""
    format: str = ""
    body: bytes = b""
    count: int = 0
    truncated: str = ""
    message: str = ""
    engine_ms: float = 0.0


class _Enough(Exception):
    """The sink holds all it needs: stop serialising."""


class _LineSink:
    """A binary writer that keeps what it is given and stops the writer after ``max_lines`` lines
    or ``max_bytes`` bytes."""

    def __init__(self, max_lines: int, max_bytes: int) -> None:
        self.parts: list[bytes] = []
        self.lines = self.size = 0
        self.max_lines, self.max_bytes = max_lines, max_bytes
        self.full = False

    def write(self, chunk: bytes) -> int:
        if self.full:  # the writer retries what it buffered: it is not wanted
            raise _Enough
        data = bytes(chunk)
        self.parts.append(data)
        self.size += len(data)
        self.lines += data.count(b"\n")
        if self.lines >= self.max_lines or self.size > self.max_bytes:
            self.full = True
            raise _Enough
        return len(data)

    def flush(self) -> None:
        pass

    def complete_lines(self) -> bytes:
        data = b"".join(self.parts)
        return data[: data.rfind(b"\n") + 1]


ROW_MARKS = {"json": (b"},{", 1), "xml": (b"<result>", 0), "csv": (b"\n", -1), "tsv": (b"\n", -1)}
"""Per results format, a mark and an offset: a serialisation of n rows holds at least
``n - offset`` marks (JSON: one between each two bindings; CSV and TSV: a line end after the
header and after each row)."""


class _RowSink(_LineSink):
    """A binary writer that keeps what it is given and stops the writer once ``max_bytes`` bytes
    or more than ``max_rows`` rows may have come, counting rows by ``mark`` (see :data:`ROW_MARKS`).

    >>> sink = _RowSink(b"},{", 1, max_rows=2, max_bytes=100)
    >>> sink.write(b'[{"a":1}'), sink.write(b',{"a":2}'), sink.full
    (8, 8, False)
    >>> sink.write(b',{"a":3}]')
    Traceback (most recent call last):
    ...
    kg.web.worker._Enough
    """

    def __init__(self, mark: bytes, offset: int, max_rows: int, max_bytes: int) -> None:
        super().__init__(sys.maxsize, max_bytes)
        self.mark, self.marks, self.limit = mark, 0, max_rows - offset
        self.tail = b""  # the last bytes, in which a mark may begin that the next chunk ends
        self.over_rows = False  # stopped for the rows, not the bytes

    def write(self, chunk: bytes) -> int:
        if self.full:
            raise _Enough
        data = bytes(chunk)
        self.marks += (self.tail + data).count(self.mark)
        self.tail = (self.tail + data)[-(len(self.mark) - 1) :] if len(self.mark) > 1 else b""
        self.over_rows = self.marks > self.limit
        written = super().write(data)  # kept, so that the answer can be cut from it; stops past the bytes
        if self.over_rows:
            self.full = True
            raise _Enough
        return written


def _head(data: bytes, lines: int) -> bytes:
    """The first ``lines`` lines of ``data`` (all complete)."""
    parts = data.split(b"\n", lines)
    if len(parts) <= lines:
        return data
    return b"\n".join(parts[:lines]) + b"\n"


def execute(store: ox.Store, job: Job, merged: bool = False, capped: bool = False) -> Outcome:
    """Run ``job`` on ``store`` and serialise its result; errors become an :class:`Outcome` too.

    ``merged``: the store's default graph already holds the merge of its named graphs
    (:func:`open_source`), so a job over the union queries that graph. ``capped``: the answer
    is known to need cutting, so it goes the line-per-row way at once."""
    options: dict[str, object] = {"use_default_graph_as_union": job.union and not merged}
    if job.default_graphs is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **options)
    except SyntaxError as e:
        return Outcome("syntax", message=str(e))
    except (ValueError, OSError, RuntimeError) as e:
        return Outcome("error", message=str(e))
    try:
        if isinstance(result, ox.QueryBoolean):
            fmt = by_name(job.results_format or "", RESULTS)
            if fmt is None:
                return Outcome("not_acceptable", "boolean")
            return Outcome("ok", "boolean", fmt.name, result.serialize(format=results_format(fmt)), 1)
        if isinstance(result, ox.QuerySolutions):
            fmt = by_name(job.results_format or "", RESULTS)
            if fmt is None:
                return Outcome("not_acceptable", "solutions")
            if not capped and (job.direct or fmt.name in ROW_MARKS):
                # direct: an outer LIMIT keeps the rows within the cap, so only the bytes are counted
                sink = (
                    _LineSink(sys.maxsize, job.max_bytes)
                    if job.direct
                    else _RowSink(*ROW_MARKS[fmt.name], job.max_results, job.max_bytes)
                )
                with contextlib.suppress(_Enough):
                    result.serialize(sink, results_format(fmt))
                if not sink.full:
                    return Outcome("ok", "solutions", fmt.name, b"".join(sink.parts), -1)
                cut = _cut(b"".join(sink.parts), fmt.name, job.max_results, job.max_bytes)
                if cut is None:  # not safely cut here: run again, the line-per-row way
                    return execute(store, job, merged, capped=True)
                body, rows = cut
                over_rows = getattr(sink, "over_rows", False) and rows == job.max_results
                truncated = "max_results" if over_rows else "max_response_bytes"
                body = _with_note(body, rows, truncated) if fmt.name == "json" else body
                return Outcome("ok", "solutions", fmt.name, body, rows, truncated)
            return _capped(result, "solutions", fmt, job)
        fmt = by_name(job.graph_format or "", GRAPHS)
        return _capped(result, "graph", fmt, job) if fmt else Outcome("not_acceptable", "graph")
    except (SyntaxError, ValueError, OSError, RuntimeError) as e:  # raised while the query runs
        return Outcome("error", message=str(e))


_CLOSINGS = {"json": b"]}}", "xml": b"</results></sparql>"}


def _cut(data: bytes, fmt: str, max_rows: int, max_bytes: int) -> tuple[bytes, int] | None:
    """The first whole rows of ``data``, solutions serialised in ``fmt`` and stopped part-way, as
    a complete answer of at most ``max_rows`` rows and ``max_bytes`` bytes, with its number of
    rows. ``None`` when that cannot be done from the bytes alone: CSV (a quoted field may hold a
    line end), JSON whose cut does not parse back to that many rows (a literal held a row mark),
    or no whole row.

    >>> _cut(b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":1},{"a":2},{"a', "json", 5, 1000)
    (b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":1},{"a":2}]}}', 2)
    >>> _cut(b"?a\\n1\\n2\\n3", "tsv", 1, 1000)
    (b'?a\\n1\\n', 1)
    """
    if fmt == "tsv":
        body = _head(data[: data.rfind(b"\n", 0, max_bytes) + 1], 1 + max_rows)
        rows = body.count(b"\n") - 1
        return (body, rows) if rows > 0 else None
    if fmt not in _CLOSINGS:
        return None
    mark, _offset = ROW_MARKS[fmt]
    closing = _CLOSINGS[fmt]
    ends: list[int] = []  # where each whole row ends: JSON at the "}" before "},{"; XML where the next row opens
    at = data.find(mark) if fmt == "json" else data.find(mark, data.find(mark) + 1)
    while at != -1 and len(ends) < max_rows:
        end = at + 1 if fmt == "json" else at
        if end + len(closing) > max_bytes:
            break
        ends.append(end)
        at = data.find(mark, at + 1)
    if not ends:
        return None
    body = data[: ends[-1]] + closing
    if fmt == "json":
        try:
            if len(json.loads(body)["results"]["bindings"]) != len(ends):
                return None
        except (ValueError, KeyError, TypeError):
            return None
    return body, len(ends)


def _capped(result: ox.QuerySolutions | ox.QueryTriples, kind: str, fmt: Format, job: Job) -> Outcome:
    header = 1 if kind == "solutions" else 0
    sink = _LineSink(header + job.max_results + 1, job.max_bytes)
    with contextlib.suppress(_Enough):
        result.serialize(sink, TSV_FORMAT if kind == "solutions" else ox.RdfFormat.N_TRIPLES)
    lines = sink.complete_lines()
    rows = lines.count(b"\n") - header
    truncated = ""
    if rows > job.max_results:
        rows, truncated = job.max_results, "max_results"
    elif sink.full:
        truncated = "max_response_bytes"
    native = fmt in (TSV, NTRIPLES)
    body = lines if native and not truncated else _render(_head(lines, header + rows), kind, fmt, job)
    while len(body) > job.max_bytes and rows > 0:  # the format asked for is larger: keep fewer rows
        rows = min(rows - 1, int(rows * job.max_bytes / len(body) * 0.95))
        truncated = "max_response_bytes"
        body = _render(_head(lines, header + rows), kind, fmt, job)
    if truncated and fmt.name == "json" and kind == "solutions":
        body = _with_note(body, rows, truncated)
    return Outcome("ok", kind, fmt.name, body, rows, truncated)


def _render(lines: bytes, kind: str, fmt: Format, job: Job) -> bytes:
    """Serialise line-per-row ``lines`` (TSV or N-Triples) in ``fmt``, natively."""
    if kind == "solutions":
        if fmt is TSV:
            return lines
        return ox.parse_query_results(lines, TSV_FORMAT).serialize(format=results_format(fmt)) or b""
    triples = ox.parse(lines, ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=rdf_format(fmt), prefixes=dict(job.prefixes)) or b""


def _with_note(body: bytes, rows: int, setting: str) -> bytes:
    """A top-level ``truncated`` member in SPARQL JSON results, which clients skip. It goes
    right after ``head``: a streaming reader such as Oxigraph's skips members it does not know
    before ``results`` but refuses anything after it.

    >>> _with_note(b'{"head":{"vars":[]},"results":{"bindings":[]}}', 0, "max_results")[:76]
    b'{"head":{"vars":[]},"truncated":{"rows":0,"setting":"max_results","message":'
    """
    at = body.find(b',"results":')  # the head holds variable names and links only: no such text
    if at == -1:
        return body
    note = (
        f',"truncated":{{"rows":{rows},"setting":"{setting}","message":"only the first {rows} rows '
        f'are returned; there are more (setting {setting})"}}'
    )
    return body[:at] + note.encode() + body[at:]


MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
"""Fills the default graph with the RDF merge of the named graphs: each triple once, however
many articles state it."""


def open_source(mode: str, path: str) -> tuple[ox.Store, bool]:
    """The data a query process answers from, and whether its default graph holds the merge of
    the named graphs.

    ``memory``: the N-Quads snapshot is loaded and the merge is written into the default graph,
    so the union default graph has set semantics (Oxigraph 0.5's union repeats a triple once per
    graph holding it, oxigraph/oxigraph#1919) and queries over it join fewer rows. ``disk``: the
    on-disk store opened read-only, queried with Oxigraph's union.
    """
    if mode == "disk":
        return ox.Store.read_only(path), False
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
    store.update(MERGE)
    return store, True


def serve_jobs(conn: Connection, mode: str, path: str) -> None:
    """The body of a query process: announce readiness, then answer each job on ``conn``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    try:
        store, merged = open_source(mode, path)
    except (OSError, ValueError, SyntaxError) as e:
        conn.send(("failed", f"cannot load the data to query from {path}: {e}"))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        started = time.perf_counter()
        outcome = execute(store, job, merged)
        took = (time.perf_counter() - started) * 1000
        # the answer goes as raw bytes after the rest: pickling it would copy it twice on each side
        conn.send(outcome._replace(body=b"", engine_ms=took))
        conn.send_bytes(outcome.body)


def main(argv: list[str]) -> None:
    """``python -m kg.web.worker FD MODE PATH``: serve jobs on the socket inherited as ``FD``."""
    fd, mode, path = argv
    serve_jobs(Connection(int(fd)), mode, path)


if __name__ == "__main__":
    # run the module's own copy, so that what is sent back pickles as kg.web.worker classes
    from kg.web.worker import main as run_worker

    run_worker(sys.argv[1:])
