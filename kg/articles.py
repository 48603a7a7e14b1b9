"""Reading articles: ``.txt`` files with an optional JSON sidecar, JSON Lines corpora, folders, stdin.

Every problem with one input is reported as an :class:`~kg.errors.InputError` naming the file
and line, yielded in place of the article, so the rest of the batch still goes in.

>>> rows = list(read_jsonl_lines([b'{"id": "a1", "text": "Talks began."}', b'{"id": "a2"}'], "c.jsonl"))
>>> rows[0].id, str(rows[1])
('a1', "c.jsonl:2: missing 'text'")
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.records import Article

TEXT_SUFFIX, SIDECAR_SUFFIX, CORPUS_SUFFIXES = ".txt", ".json", (".jsonl", ".ndjson")
Item = Article | InputError


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Articles from files, folders (recursively) and ``-`` (JSON Lines on stdin)."""
    for raw in paths:
        if str(raw) == "-":
            yield from read_jsonl_lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path)
        elif path.is_file():
            yield from _read_file(path, explicit=True)
        else:
            yield InputError("no such file or folder", str(path))


def _read_folder(folder: Path) -> Iterator[Item]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    for path in files:
        yield from _read_file(path, explicit=False)


def _read_file(path: Path, explicit: bool) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix == TEXT_SUFFIX:
        yield read_text_article(path)
    elif suffix in CORPUS_SUFFIXES:
        try:
            with path.open("rb") as f:
                yield from read_jsonl_lines(f, str(path))
        except OSError as e:
            yield InputError(f"cannot read: {e.strerror}", str(path))
    elif suffix == SIDECAR_SUFFIX:
        if not path.with_suffix(TEXT_SUFFIX).is_file():
            yield InputError(f"sidecar without its text file {path.with_suffix(TEXT_SUFFIX).name}", str(path))
    elif explicit:
        yield InputError("not an article: expected .txt (with optional .json sidecar), .jsonl or a folder", str(path))


def read_text_article(path: Path) -> Item:
    """One ``.txt`` article and, when present, its sidecar ``.json`` with the same stem."""
    try:
        text = _decode(path.read_bytes(), str(path))
    except InputError as e:
        return e
    except OSError as e:
        return InputError(f"cannot read: {e.strerror}", str(path))
    meta: dict[str, Any] = {}
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if sidecar.is_file():
        try:
            meta = json.loads(_decode(sidecar.read_bytes(), str(sidecar)))
        except InputError as e:
            return e
        except json.JSONDecodeError as e:
            return InputError(f"invalid JSON in sidecar: {e.msg} (column {e.colno})", str(sidecar), e.lineno)
        except OSError as e:
            return InputError(f"cannot read: {e.strerror}", str(sidecar))
        if not isinstance(meta, dict):
            return InputError("sidecar must hold a JSON object", str(sidecar))
    return make_article({**meta, "text": text, "id": meta.get("id") or path.stem}, str(path))


def read_jsonl_lines(lines: Iterable[bytes], name: str) -> Iterator[Item]:
    """One article per non-blank line of a JSON Lines corpus."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            data = json.loads(_decode(raw, name, number))
        except InputError as e:
            yield e
            continue
        except json.JSONDecodeError as e:
            yield InputError(f"invalid JSON: {e.msg} (column {e.colno})", name, number)
            continue
        if not isinstance(data, dict):
            yield InputError("each line must be a JSON object", name, number)
            continue
        yield make_article(data, f"{name}:{number}", name, number)


def make_article(data: dict[str, Any], origin: str, path: str | None = None, line: int | None = None) -> Item:
    """Validate the contract's keys (others are ignored) and build the :class:`Article`."""
    path = path if path is not None else origin

    def bad(message: str) -> InputError:
        return InputError(message, path, line)

    text = data.get("text")
    if text is None:
        return bad("missing 'text'")
    if not isinstance(text, str):
        return bad(f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return bad("empty text")
    article_id = data.get("id")
    if isinstance(article_id, int | float) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        return bad("missing 'id' (a non-empty string)")
    published = data.get("published")
    if published is not None:
        try:
            published = parse_published(published)
        except ValueError:
            return bad(f"'published' is not an ISO date (YYYY-MM-DD): {published!r}")
    fields = {}
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return bad(f"{key!r} must be a string, got {type(value).__name__}")
        fields[key] = value.strip() if value and value.strip() else None
    return Article(id=article_id.strip(), text=text, published=published, origin=origin, **fields)


def parse_published(value: object) -> date:
    """An ISO date, or the date part of an ISO date-time.

    >>> parse_published("2020-04-13"), parse_published("2020-04-13T08:00:00Z")
    (datetime.date(2020, 4, 13), datetime.date(2020, 4, 13))
    """
    if not isinstance(value, str):
        raise ValueError(value)
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()


def _decode(data: bytes, name: str, line: int | None = None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        where = f"invalid UTF-8 at byte {e.start}"
        if line is None:
            line = data.count(b"\n", 0, e.start) + 1
        raise InputError(where, name, line) from None
