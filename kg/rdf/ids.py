"""Every IRI PeaceKG mints, minted here.

IRIs are stable (the same key gives the same IRI in every run) and safe for any input: a
slug keeps only ``[a-z0-9-]``, and a short hash of the exact key is appended whenever the
slug lost information (non-ASCII letters, punctuation that matters, truncation), so two
different keys never share an IRI by accident.

>>> ids = Ids("https://w3id.org/peacekg/id/")
>>> ids.actor("Zalmay Khalilzad")
rdflib.term.URIRef('https://w3id.org/peacekg/id/actor/zalmay-khalilzad')
>>> ids.article("000_ceacec5d2c510505")
rdflib.term.URIRef('https://w3id.org/peacekg/id/article/000_ceacec5d2c510505')
>>> str(ids.actor("<x>\\n")).split("/")[-1]
'x-6393258e'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.records import key_of

__all__ = ["Ids", "key_of", "safe_segment", "slug"]

MAX_SLUG = 80
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_SAFE_ID = re.compile(r"[A-Za-z0-9._~-]{1,200}")


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """A readable ASCII slug; a hash suffix whenever the slug alone would not be faithful.
    Cached: an article names the same actors and events again and again.

    >>> slug("Zalmay Khalilzad")
    'zalmay-khalilzad'
    >>> slug("O'Brien") != slug("OBrien")
    True
    >>> len(slug("x" * 300)) <= MAX_SLUG + 9
    True
    >>> slug("")
    'x-e3b0c442'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = _NON_SLUG.sub("-", folded).strip("-")
    # case is not identity (keys are lower case); spaces becoming hyphens loses nothing
    faithful = bool(out) and len(out) <= MAX_SLUG and out.replace("-", " ") == text.lower()
    out = out[:MAX_SLUG].strip("-") or "x"
    if not faithful:
        out += "-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return out


def safe_segment(text: str) -> str:
    """An article id as one path segment: kept as it is when already safe, else percent-encoded.

    >>> safe_segment("a b/c")
    'a%20b%2Fc'
    """
    return text if _SAFE_ID.fullmatch(text) else quote(text, safe="")[:600]


@lru_cache(maxsize=1 << 16)
def _mint(base: str, kind: str, segment: str) -> URIRef:
    """An IRI under ``base``; the same actors, places and articles come back again and again, and
    rdflib checks every IRI it makes."""
    return URIRef(f"{base}{kind}/{segment}")


class Ids:
    """Mints the IRIs of one dataset under ``base``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def _iri(self, kind: str, segment: str) -> URIRef:
        return _mint(self.base, kind, segment)

    def article(self, article_id: str) -> URIRef:
        return self._iri("article", safe_segment(article_id))

    def graph(self, article_id: str) -> URIRef:
        """The named graph holding one article's facts."""
        return self._iri("graph", safe_segment(article_id))

    def actor(self, key: str) -> URIRef:
        return self._iri("actor", slug(key))

    def place(self, key: str) -> URIRef:
        return self._iri("place", slug(key))

    def event(self, kind: str, key: str) -> URIRef:
        """``kind`` is 'meeting' or 'agreement'; ``key`` its cross-article identity."""
        return self._iri(kind, slug(key))

    def mention(self, article_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}mention/{safe_segment(article_id)}/{start}-{end}")  # each one once: not kept

    def article_id_of_graph(self, graph: str) -> str | None:
        """The article id a named graph IRI belongs to, or ``None`` when it is not one of ours."""
        prefix = self.base + "graph/"
        if not str(graph).startswith(prefix):
            return None
        return unquote(str(graph)[len(prefix) :])
