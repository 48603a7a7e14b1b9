"""Extraction records to RDF: one function per record type, all IRIs from :mod:`kg.rdf.ids`.

Everything one article says goes into that article's named graph, including what it says
about actors shared with other articles, so replacing or removing an article touches its
graph only.

The mapper writes N-Triples lines directly, the form the store loads, instead of building an
rdflib graph first: an rdflib ``Graph.add`` costs more than the rest of the mapping together.
Literals are escaped by pyoxigraph, so every line is canonical N-Triples.

>>> from kg.records import Article
>>> body, count = map_ntriples(Ids("http://e/"), Extraction(Article("a1", "Text.")))
>>> print(body)
<http://e/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/peacekg/ontology#Article> .
<http://e/article/a1> <http://purl.org/dc/terms/identifier> "a1" .
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.rdf import namespaces
from kg.rdf.ids import Ids
from kg.records import Actor, Agreement, Article, DateValue, Event, Extraction, Meeting, Mention, Place


class _Terms:
    """The terms of a namespace as plain strings, each built once: an rdflib ``Namespace`` makes
    and checks a new ``URIRef`` on every attribute read, a cost paid per triple here.

    >>> _Terms(namespaces.PK).Meeting
    'https://w3id.org/peacekg/ontology#Meeting'
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):  # not a term: a probe such as copy's or doctest's
            raise AttributeError(name)
        term = str(self._namespace[name])  # type: ignore[index]
        setattr(self, name, term)  # later reads find it without calling here
        return term

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


DCTERMS, GEONAMES, OWL, PK, RDF, RDFS, SCHEMA, SKOS, WD, XSD = (
    _Terms(getattr(namespaces, name))
    for name in ("DCTERMS", "GEONAMES", "OWL", "PK", "RDF", "RDFS", "SCHEMA", "SKOS", "WD", "XSD")
)
DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_OX_TYPES = {t: ox.NamedNode(t) for t in DATE_TYPES.values()}
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


class Mapper:
    """Maps the records of one article into that article's graph."""

    def __init__(self, ids: Ids, extraction: Extraction) -> None:
        self.ids, self.x = ids, extraction
        self.article = extraction.article
        self.article_iri = ids.article(self.article.id)
        self.lines: dict[str, None] = {}  # an ordered set: a graph holds each triple once
        self.actor_keys = {a.key for a in extraction.actors}
        self.place_keys = {p.key for p in extraction.places}

    def add(self, s: str, p: str, o: str) -> None:
        """Add the triple ``s p o``, each term an IRI (``str``) or a literal made by :func:`literal`."""
        self.lines[f"<{s}> <{p}> {o if type(o) is _Lit else f'<{o}>'} ."] = None

    def run(self) -> list[str]:
        """The N-Triples lines of the article's graph."""
        self.map_article(self.article)
        for actor in self.x.actors:
            self.map_actor(actor)
        for place in self.x.places:
            self.map_place(place)
        for n, meeting in enumerate(self.x.meetings):
            self.map_event(meeting, n)
        for n, agreement in enumerate(self.x.agreements):
            self.map_event(agreement, n)
        return list(self.lines)

    def map_article(self, article: Article) -> None:
        a = self.article_iri
        self.add(a, RDF.type, PK.Article)
        self.add(a, DCTERMS.identifier, literal(article.id))
        if article.published:
            self.add(a, SCHEMA.datePublished, literal(article.published.isoformat(), datatype=XSD.date))
        if article.title:
            self.add(a, DCTERMS.title, literal(article.title))
        if article.source:
            self.add(a, DCTERMS.source, literal(article.source))
        if article.url and _URL.fullmatch(article.url):
            self.add(a, SCHEMA.url, URIRef(article.url))

    def _names(self, iri: URIRef, label: str, aliases: Iterable[str]) -> None:
        self.add(iri, RDFS.label, literal(label))
        for alias in sorted(set(aliases) - {label}):
            self.add(iri, SKOS.altLabel, literal(alias))
        self.add(iri, PK.mentionedIn, self.article_iri)

    def map_actor(self, actor: Actor) -> None:
        iri = self.ids.actor(actor.key)
        self.add(iri, RDF.type, PK[actor.type])
        self._names(iri, actor.label, actor.aliases)
        if actor.wikidata:
            self.add(iri, OWL.sameAs, WD[actor.wikidata])
        if actor.geonames:
            self.add(iri, OWL.sameAs, GEONAMES[f"{actor.geonames}/"])
        if actor.role:
            self.add(iri, PK.role, literal(actor.role))
        if actor.affiliation and actor.affiliation in self.actor_keys:
            self.add(iri, PK.affiliation, self.ids.actor(actor.affiliation))

    def map_place(self, place: Place) -> None:
        iri = self.ids.place(place.key)
        self.add(iri, RDF.type, PK.Place)
        self._names(iri, place.label, place.aliases)
        if place.geonames:
            self.add(iri, OWL.sameAs, GEONAMES[f"{place.geonames}/"])
        if place.country and place.country in self.actor_keys:
            self.add(iri, PK.locatedIn, self.ids.actor(place.country))

    def place_iri(self, key: str) -> URIRef | None:
        if key in self.place_keys:
            return self.ids.place(key)
        if key in self.actor_keys:
            return self.ids.actor(key)
        return None

    def map_event(self, event: Event, n: int) -> None:
        kind, cls, role = (
            ("meeting", PK.Meeting, PK.participant)
            if isinstance(event, Meeting)
            else ("agreement", PK.Agreement, PK.party)
        )
        if not isinstance(event, Meeting | Agreement):
            raise ValueError(f"Unexpected event record: {event!r}")
        key = event.key or f"{self.article.id} {kind} {n + 1}"
        iri = self.ids.event(kind, key)
        self.add(iri, RDF.type, cls)
        self.add(iri, RDFS.label, literal(event.label))
        self.add(iri, PK.mentionedIn, self.article_iri)
        self.add(iri, PK.status, PK[event.status])
        if event.category:
            self.add(iri, PK.category, literal(event.category))
        for key_ in event.participants:
            if key_ in self.actor_keys:
                self.add(iri, role, self.ids.actor(key_))
        place = self.place_iri(event.place) if event.place else None
        if place is not None:
            self.add(iri, PK.place, place)
        if event.date:
            self.map_date(iri, event.date)
        for mention in event.evidence:
            self.add(iri, PK.evidence, self.map_mention(mention))

    def map_date(self, iri: URIRef, value: DateValue) -> None:
        if value.iso and value.precision:
            self.add(iri, PK.date, literal(value.iso, datatype=DATE_TYPES[value.precision]))
        if value.text:
            self.add(iri, PK.dateText, literal(value.text))

    def map_mention(self, mention: Mention) -> URIRef:
        iri = self.ids.mention(self.article.id, mention.start, mention.end)
        self.add(iri, RDF.type, PK.Mention)
        self.add(iri, PK.inArticle, self.article_iri)
        self.add(iri, PK.text, literal(mention.text))
        self.add(iri, PK.start, literal(mention.start))
        self.add(iri, PK.end, literal(mention.end))
        if mention.reported_by and mention.reported_by in self.actor_keys:
            self.add(iri, PK.reportedBy, self.ids.actor(mention.reported_by))
        if mention.trigger:
            self.add(iri, PK.trigger, literal(mention.trigger))
        return iri


class _Lit(str):
    """A literal already written as N-Triples."""


@lru_cache(maxsize=4096)
def _typed(value: str, datatype: str) -> _Lit:
    return _Lit(ox.Literal(value, datatype=_OX_TYPES[datatype]))


def literal(value: str | int, datatype: str | None = None) -> _Lit:
    """A literal term: a plain string, an integer, or a date with one of :data:`DATE_TYPES`.

    >>> print(literal('say "hi"'), literal(7), literal("2020-02", str(XSD.gYearMonth)))
    "say \\"hi\\"" "7"^^<http://www.w3.org/2001/XMLSchema#integer> "2020-02"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>
    """
    if datatype is not None:
        return _typed(value, str(datatype))
    return _Lit(ox.Literal(value))


def map_ntriples(ids: Ids, extraction: Extraction) -> tuple[str, int]:
    """The named graph of one article as an N-Triples body, and its number of triples."""
    lines = Mapper(ids, extraction).run()
    return "\n".join(lines), len(lines)


def map_extraction(ids: Ids, extraction: Extraction) -> Graph:
    """The named graph of one article as an rdflib graph (for inspection; ingest writes
    :func:`map_ntriples`)."""
    body, _count = map_ntriples(ids, extraction)
    return Graph().parse(data=body, format="nt")
