"""Helpers for the extraction tests: one shared pipeline per test session, and short cuts from a
text written for the test to the records PeaceKG extracts from it."""

from __future__ import annotations

from datetime import date

from kg.extract import extract
from kg.nlp.pipeline import shared_pipeline
from kg.records import Article, Event, Extraction


def run(text: str, published: date | None = date(2024, 3, 15), article_id: str = "t") -> Extraction:
    """Parse and extract ``text`` as an article published on ``published``."""
    return extract(shared_pipeline()(text), Article(id=article_id, text=text, published=published))


def labels(x: Extraction) -> dict[str, str]:
    """Actor label -> type."""
    return {a.label: a.type for a in x.actors}


def names(x: Extraction, keys: tuple[str, ...] | list[str]) -> set[str]:
    """The labels of the actors with these keys."""
    by_key = {a.key: a.label for a in x.actors}
    return {by_key.get(k, k) for k in keys}


def only(events: tuple[Event, ...]) -> Event:
    assert len(events) == 1, [e.label for e in events]
    return events[0]


def the_meeting(text: str) -> tuple[Event, set[str]]:
    """The one meeting ``text`` tells, and the labels of who took part in it."""
    x = run(text)
    m = only(x.meetings)
    return m, names(x, m.participants)
