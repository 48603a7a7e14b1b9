"""The records that extraction produces and the RDF mapping consumes.

Frozen dataclasses, no rdflib: this module is the contract between ``kg.extract`` and
``kg.rdf``. Actors, places and events refer to each other by ``key`` (a stable, normalised
identity string); :mod:`kg.rdf.ids` turns keys into IRIs.

>>> m = Mention(start=0, end=11, text="Talks began")
>>> Meeting(label="talks", participants=("taliban", "united states"), evidence=(m,)).status
'Occurred'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

ActorType = Literal["Person", "Organization", "Country"]
Status = Literal["Planned", "Occurred", "Denied", "Cancelled"]
Precision = Literal["day", "month", "year"]


_POSSESSIVE_S = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]|_")


def key_of(name: str) -> str:
    """Identity key of a name: case, dots, possessive 's, punctuation, spacing and a leading 'the' aside.

    Names recur across the sentences and articles of a batch, so keys are remembered.

    >>> key_of("the U.S.") == key_of("US")
    True
    >>> key_of("Karzai’s")
    'karzai'
    """
    return _key(str(name))


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    s = _POSSESSIVE_S.sub("", s).replace(".", "")
    s = " ".join(_NOT_WORD.sub(" ", s).split())
    return s.removeprefix("the ")


ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country")
STATUSES: tuple[str, ...] = ("Planned", "Occurred", "Denied", "Cancelled")


@dataclass(frozen=True)
class Article:
    """One news article as read from disk or a JSONL corpus."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # where it was read: "path" or "path:line", for messages


@dataclass(frozen=True)
class Mention:
    """A sentence of the article that states a fact; offsets index ``Article.text``."""

    start: int
    end: int
    text: str
    reported_by: str | None = None  # actor key of who the text says reports it
    trigger: str | None = None  # the word that signalled the event, if any


@dataclass(frozen=True)
class DateValue:
    """A date at the precision the text supports, or an unresolved expression.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; it is ``None`` when the expression is
    relative and no publication date anchors it (``text`` keeps the expression then).
    """

    iso: str | None
    precision: Precision | None
    text: str


@dataclass(frozen=True)
class Actor:
    key: str
    label: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None  # "Q123"
    geonames: int | None = None
    role: str | None = None  # "special envoy", "spokesman"
    affiliation: str | None = None  # actor key
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Place:
    """A location that is not acting: a city, province or region (countries are actors)."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    geonames: int | None = None
    country: str | None = None  # actor key of the country it lies in
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Event:
    label: str
    participants: tuple[str, ...] = ()  # actor keys
    place: str | None = None  # a Place key, or a country's actor key
    date: DateValue | None = None
    status: Status = "Occurred"
    evidence: tuple[Mention, ...] = ()
    category: str | None = None  # finer kind: "talks", "visit", "call", "ceasefire", ...
    key: str | None = None  # cross-article identity; None lets the mapping derive one


@dataclass(frozen=True)
class Meeting(Event):
    pass


@dataclass(frozen=True)
class Agreement(Event):
    pass


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)
