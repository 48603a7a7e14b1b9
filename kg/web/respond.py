"""Building responses: choosing a format, serialising RDF, streaming, ``Link`` headers."""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import BinaryIO

import pyoxigraph as ox
from flask import Response, request

from kg.errors import NotAcceptable
from kg.formats import Format, by_name, names, negotiate, rdf_format
from kg.rdf.namespaces import PREFIXES

log = logging.getLogger(__name__)
CHUNK = 64 * 1024


def pick(offered: Sequence[Format], default: Format | None = None) -> Format:
    """The format of ``?format=`` if given, else the best one for ``Accept``; 406 when none fits."""
    asked = request.args.get("format")
    if asked:
        fmt = by_name(asked, offered)
        if fmt is None:
            raise NotAcceptable(f"format {asked!r} is not served here; ask for one of: {names(offered)}")
        return fmt
    fmt = negotiate(request.accept_mimetypes, offered, default)
    if fmt is None:
        types = ", ".join(f.media_type for f in offered)
        raise NotAcceptable(
            f"cannot answer in any media type of Accept: {request.headers.get('Accept')!r}; "
            f"this URL serves {types} (or add ?format= with one of: {names(offered)})"
        )
    return fmt


def rdf_bytes(triples: Iterable[ox.Triple | ox.Quad], fmt: Format) -> bytes:
    """Triples (or quads, for dataset formats) serialised by pyoxigraph."""
    return ox.serialize(triples, format=rdf_format(fmt), prefixes=PREFIXES) or b""


def link_header(links: Iterable[tuple[str, str, str]]) -> str:
    """A ``Link`` header from (url, rel, media type) triples.

    >>> link_header([("/id/x.ttl", "alternate", "text/turtle")])
    '</id/x.ttl>; rel="alternate"; type="text/turtle"'
    """
    return ", ".join(f'<{url}>; rel="{rel}"; type="{media_type}"' for url, rel, media_type in links)


def data_response(
    body: bytes | Iterator[bytes], fmt: Format, filename: str | None = None, links: Iterable[tuple[str, str, str]] = ()
) -> Response:
    response = Response(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    if filename:
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    header = link_header(links)
    if header:
        response.headers["Link"] = header
    return response


class _ClientGone(Exception):
    """The client stopped reading: stop writing."""


class _QueueWriter:
    """A binary writer whose chunks a response generator reads from a bounded queue."""

    def __init__(self) -> None:
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        self.gone = threading.Event()
        self.buffer = bytearray()

    def write(self, chunk: bytes) -> int:
        self.buffer += chunk
        if len(self.buffer) >= CHUNK:
            self._put(bytes(self.buffer))
            self.buffer.clear()
        return len(chunk)

    def flush(self) -> None:
        pass

    def _put(self, item: bytes | None) -> None:
        while not self.gone.is_set():
            try:
                self.queue.put(item, timeout=1)
                return
            except queue.Full:
                continue
        raise _ClientGone

    def finish(self) -> None:
        if self.buffer:
            self._put(bytes(self.buffer))
        self._put(None)


def stream(write: Callable[[BinaryIO], None]) -> Iterator[bytes]:
    """The bytes ``write(output)`` produces, as they come: it runs in a thread of its own, so a
    large export is never held in memory whole."""
    writer = _QueueWriter()

    def produce() -> None:
        try:
            write(writer)  # type: ignore[arg-type]
        except _ClientGone:
            return
        except Exception:  # the response has started: the client sees a cut, the log the reason
            log.exception("export stopped while writing")
        with contextlib.suppress(_ClientGone):
            writer.finish()

    threading.Thread(target=produce, name="peacekg-export", daemon=True).start()

    def chunks() -> Iterator[bytes]:
        try:
            while (chunk := writer.queue.get()) is not None:
                yield chunk
        finally:
            writer.gone.set()

    return chunks()
