"""Checks a SPARQL query passes before any parser sees it: size, nesting depth, updates, SERVICE.

The query is scanned once, lexically, the way the SPARQL grammar splits it: strings, IRIs and
comments are skipped, so brackets or keywords inside them do not count. What is left is checked:

- nesting of ``(`` ``{`` ``[`` deeper than the limit is refused (a parser recurses once per
  level, and a deep enough query overflows its stack);
- ``SERVICE`` is refused: the endpoint never calls another endpoint;
- a SPARQL Update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ...) is refused: the endpoint
  is read-only.

Brackets inside something that only looks like an IRI still count, because ``?a<(1)>?b`` is a
comparison to the parser, not an IRI.

>>> shape = inspect_query("PREFIX ex: <http://e/> SELECT * FROM <http://e/g> { ?s ex:p '{(' }")
>>> shape.form, shape.has_dataset, shape.limit
('SELECT', True, None)
>>> inspect_query("SELECT * { { SELECT * {} LIMIT 5 } } LIMIT 20 OFFSET 3").limit
20
>>> inspect_query("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.errors.QueryError: line 1, column 12: SERVICE is not allowed: this endpoint never queries other endpoints...
>>> inspect_query("SELECT * { { { ?s ?p ?o } } }", max_depth=2)
Traceback (most recent call last):
...
kg.errors.QueryError: line 1, column 14: the query nests brackets 3 deep; at most 2 are allowed...
>>> inspect_query("INSERT DATA { <a> <b> <c> }")
Traceback (most recent call last):
...
kg.errors.Forbidden: this endpoint is read-only: SPARQL Update (INSERT) is not accepted
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import Forbidden, PayloadTooLarge, QueryError

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

# The tokens that matter, tried in this order at each position; whatever matches none of them
# (spaces, punctuation, a stray quote) is skipped, so is read as query text. Long strings before short ones;
# short strings stop at a line end, as in the grammar. IRIs: anything but the characters the
# grammar excludes (a backslash is let in, so that no IRI a parser accepts is missed).
_TOKEN = re.compile(
    r"""
      (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                 |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri><[^<>"{}|^`\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<var>[?$]\w+)
    | (?P<word>[A-Za-z_][\w\-.]*(?::[\w\-.:%\\]*)?|:[\w\-.:%\\]*)
    | (?P<number>\d+)
    | (?P<open>[({\[])
    | (?P<close>[)}\]])
    """,
    re.VERBOSE | re.DOTALL,
)
_BRACKETS_IN = re.compile(r"[({\[]|[)}\]]")
_SEGMENTS = re.compile(r"[.:]")


@dataclass(frozen=True)
class QueryShape:
    """What the scan learnt: the query form keyword, whether it names its own dataset (FROM), and
    its outermost LIMIT."""

    form: str | None
    has_dataset: bool
    limit: int | None = None


def check_size(text: str, max_bytes: int) -> None:
    """Refuse a query longer than ``max_bytes`` UTF-8 bytes (413).

    >>> check_size("SELECT * {}", 4)
    Traceback (most recent call last):
    ...
    kg.errors.PayloadTooLarge: the query is 11 bytes; at most 4 are accepted (setting max_query_bytes)
    """
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise PayloadTooLarge(f"the query is {size} bytes; at most {max_bytes} are accepted (setting max_query_bytes)")


def inspect_query(text: str, max_depth: int = 64) -> QueryShape:
    """Scan ``text``; refuse deep nesting, SERVICE and updates; tell the query form."""
    depth = 0
    first_keyword: str | None = None
    has_dataset = False
    limit: int | None = None
    after_limit = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if after_limit and kind == "number":
            limit = int(match.group())
        after_limit = False
        if kind == "open" or kind == "close" or kind == "iri":
            base = match.start()
            for bracket in _BRACKETS_IN.finditer(match.group()):
                if bracket.group() in "({[":
                    depth += 1
                    if depth > max_depth:
                        raise QueryError(
                            f"the query nests brackets {depth} deep; at most {max_depth} are "
                            "allowed (setting max_query_depth). Flatten the query.",
                            _position(text, base + bracket.start()),
                        )
                else:
                    depth = max(0, depth - 1)
        elif kind == "word":
            word = match.group()
            # a name that ends in "service" is refused too, should a parser split it at a dot or colon
            if "SERVICE" in _SEGMENTS.split(word.upper()):
                raise QueryError(
                    "SERVICE is not allowed: this endpoint never queries other endpoints. "
                    "Query the data served here, or run federated queries from your own client.",
                    _position(text, match.start()),
                )
            if ":" in word or "." in word:
                continue  # a prefixed name, never a keyword
            keyword = word.upper()
            if first_keyword is None and keyword not in {"PREFIX", "BASE"}:
                first_keyword = keyword
                if keyword in UPDATE_KEYWORDS:
                    raise Forbidden(f"this endpoint is read-only: SPARQL Update ({keyword}) is not accepted")
            if depth == 0:
                has_dataset = has_dataset or keyword == "FROM"
                after_limit = keyword == "LIMIT"
    form = first_keyword if first_keyword in QUERY_FORMS else None
    return QueryShape(form, has_dataset, limit)


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of ``offset`` in ``text``.

    >>> _position("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
