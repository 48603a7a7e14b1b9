"""Extraction records to RDF: one function per record type, all IRIs from :mod:`kg.rdf.ids`.

Everything one article says goes into that article's named graph, including what it says
about actors shared with other articles, so replacing or removing an article touches its
graph only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from kg.rdf.ids import Ids
from kg.rdf.namespaces import DCTERMS, GEONAMES, OWL, PK, RDF, RDFS, SCHEMA, SKOS, WD, XSD
from kg.records import Actor, Agreement, Article, DateValue, Event, Extraction, Meeting, Mention, Place

DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


class Mapper:
    """Maps the records of one article into that article's graph."""

    def __init__(self, ids: Ids, extraction: Extraction) -> None:
        self.ids, self.x = ids, extraction
        self.article = extraction.article
        self.article_iri = ids.article(self.article.id)
        self.graph = Graph()
        self.actor_keys = {a.key for a in extraction.actors}
        self.place_keys = {p.key for p in extraction.places}

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self.graph.add((s, p, o))

    def run(self) -> Graph:
        self.map_article(self.article)
        for actor in self.x.actors:
            self.map_actor(actor)
        for place in self.x.places:
            self.map_place(place)
        for n, meeting in enumerate(self.x.meetings):
            self.map_event(meeting, n)
        for n, agreement in enumerate(self.x.agreements):
            self.map_event(agreement, n)
        return self.graph

    def map_article(self, article: Article) -> None:
        a = self.article_iri
        self.add(a, RDF.type, PK.Article)
        self.add(a, DCTERMS.identifier, Literal(article.id))
        if article.published:
            self.add(a, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date))
        if article.title:
            self.add(a, DCTERMS.title, Literal(article.title))
        if article.source:
            self.add(a, DCTERMS.source, Literal(article.source))
        if article.url and _URL.fullmatch(article.url):
            self.add(a, SCHEMA.url, URIRef(article.url))

    def _names(self, iri: URIRef, label: str, aliases: Iterable[str]) -> None:
        self.add(iri, RDFS.label, Literal(label))
        for alias in sorted(set(aliases) - {label}):
            self.add(iri, SKOS.altLabel, Literal(alias))
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
            self.add(iri, PK.role, Literal(actor.role))
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
        self.add(iri, RDFS.label, Literal(event.label))
        self.add(iri, PK.mentionedIn, self.article_iri)
        self.add(iri, PK.status, PK[event.status])
        if event.category:
            self.add(iri, PK.category, Literal(event.category))
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
            self.add(iri, PK.date, Literal(value.iso, datatype=DATE_TYPES[value.precision]))
        if value.text:
            self.add(iri, PK.dateText, Literal(value.text))

    def map_mention(self, mention: Mention) -> URIRef:
        iri = self.ids.mention(self.article.id, mention.start, mention.end)
        self.add(iri, RDF.type, PK.Mention)
        self.add(iri, PK.inArticle, self.article_iri)
        self.add(iri, PK.text, Literal(mention.text))
        self.add(iri, PK.start, Literal(mention.start))
        self.add(iri, PK.end, Literal(mention.end))
        if mention.reported_by and mention.reported_by in self.actor_keys:
            self.add(iri, PK.reportedBy, self.ids.actor(mention.reported_by))
        if mention.trigger:
            self.add(iri, PK.trigger, Literal(mention.trigger))
        return iri


def map_extraction(ids: Ids, extraction: Extraction) -> Graph:
    """The named graph of one article."""
    return Mapper(ids, extraction).run()
