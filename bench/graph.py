"""A synthetic graph in PeaceKG's own shape, at any size, written as N-Quads.

One named graph per article holding what the article says: the article itself, the actors it
names (drawn from a Zipf-distributed pool, so a few are in most articles), the places, the
meetings and agreements with participants, place, date and status, and one ``pk:Mention`` per
evidence sentence. Some events are reported again by later articles, with another status, as
real coverage does. IRIs are minted by :class:`kg.rdf.ids.Ids`, as ingest mints them; the
ontology is included in its own graph.

>>> import io
>>> out = io.StringIO()
>>> stats = write_graph(out, 3000, seed=1)
>>> 2800 < stats.quads <= 3000, stats.articles > 5
(True, True)
>>> import pyoxigraph as ox
>>> len(list(ox.parse(out.getvalue().encode(), ox.RdfFormat.N_QUADS))) == stats.quads
True
"""

from __future__ import annotations

import random
from collections import deque
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox

from bench.vocab import (
    AGREEMENT_NOUNS,
    CITIES,
    COUNTRIES,
    MEETING_NOUNS,
    ORGANIZATIONS,
    OUTLETS,
    ROLES,
    TOPICS,
    Zipf,
    person_names,
)
from kg.rdf.ids import Ids, key_of
from kg.rdf.namespaces import DCTERMS, OWL, PK, RDF, RDFS, SCHEMA, SKOS, XSD
from kg.resources import ontology_dir
from kg.settings import DEFAULT_BASE_IRI
from kg.store import ONTOLOGY_GRAPH

STATUSES = ("Occurred", "Occurred", "Occurred", "Planned", "Planned", "Denied", "Cancelled")
EPOCH = date(2012, 1, 1)


@dataclass
class GraphStats:
    articles: int = 0
    quads: int = 0


def literal(text: str, datatype: str | None = None) -> str:
    """An N-Quads literal.

    >>> literal('say "hi"\\n'), literal("2020", str(XSD.gYear))
    ('"say \\\\"hi\\\\"\\\\n"', '"2020"^^<http://www.w3.org/2001/XMLSchema#gYear>')
    """
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{body}"^^<{datatype}>' if datatype else f'"{body}"'


def iri(value: str) -> str:
    return f"<{value}>"


@dataclass(frozen=True)
class _Actor:
    iri: str
    label: str
    type: str
    aliases: tuple[str, ...]
    same_as: str | None
    role: str | None


def _actor_pool(ids: Ids, size: int, rng: random.Random) -> list[_Actor]:
    """The actors, most popular first: the main parties, then countries, groups and people."""
    people = person_names()
    pool: list[_Actor] = []

    def add(label: str, kind: str, aliases: tuple[str, ...] = (), same_as: str | None = None) -> None:
        role = rng.choice(ROLES) if kind == "Person" and rng.random() < 0.6 else None
        pool.append(_Actor(iri(str(ids.actor(key_of(label)))), label, kind, aliases, same_as, role))

    add("Taliban", "Organization", ("the Taliban", "the group"), "http://www.wikidata.org/entity/Q42418")
    add("United States", "Country", ("US", "U.S.", "Washington"), "https://sws.geonames.org/6252001/")
    for n, (name, demonym, _capital) in enumerate(COUNTRIES[1:]):
        add(name, "Country", (f"the {demonym} government",), f"https://sws.geonames.org/{1000000 + n}/")
    for name in ORGANIZATIONS[1:]:
        add(name, "Organization", (f"the {name}",))
    for name in people:
        if len(pool) >= size:
            break
        add(name, "Person", (name.split()[-1],))
    # interleave so that the popular ranks mix kinds, with the two main parties first
    head, rest = pool[:2], pool[2:]
    rng.shuffle(rest)
    return head + rest[: max(0, size - 2)]


class _Writer:
    def __init__(self, out: TextIO, stats: GraphStats) -> None:
        self.out, self.stats, self.graph = out, stats, ""
        self.lines: dict[str, None] = {}  # a graph is a set: a statement made twice is written once

    def add(self, s: str, p: object, o: str) -> None:
        self.lines[f"{s} <{p}> {o} {self.graph} .\n"] = None

    def flush(self) -> None:
        self.out.write("".join(self.lines))
        self.stats.quads += len(self.lines)
        self.lines.clear()


def write_graph(out: TextIO, target_quads: int, seed: int = 0, base_iri: str = DEFAULT_BASE_IRI) -> GraphStats:
    """Write articles' graphs while the total stays within ``target_quads`` quads (ontology included)."""
    rng, ids, stats = random.Random(seed), Ids(base_iri), GraphStats()
    writer = _Writer(out, stats)
    for quad in ox.parse(path=str(ontology_dir() / "peacekg.ttl"), format=ox.RdfFormat.TURTLE):
        writer.lines[f"{quad.subject} {quad.predicate} {quad.object} <{ONTOLOGY_GRAPH}> .\n"] = None
    writer.flush()
    pool_size = max(60, min(len(person_names()), target_quads // 400))
    actors = _actor_pool(ids, pool_size, rng)
    actor_rank = Zipf(len(actors), 1.05, rng)
    place_rank = Zipf(len(CITIES), 1.0, rng)
    recent: deque[tuple[str, str, str, tuple[str, ...]]] = deque(maxlen=300)
    while True:
        _article(writer, ids, rng, stats.articles, actors, actor_rank, place_rank, recent)
        if stats.quads + len(writer.lines) > target_quads and stats.articles:
            return stats
        writer.flush()
        stats.articles += 1


def write_graph_file(path: str | Path, target_quads: int, seed: int = 0) -> GraphStats:
    with open(path, "w", encoding="utf-8") as f:
        return write_graph(f, target_quads, seed)


def _article(
    w: _Writer,
    ids: Ids,
    rng: random.Random,
    n: int,
    actors: list[_Actor],
    actor_rank: Zipf,
    place_rank: Zipf,
    recent: deque[tuple[str, str, str, tuple[str, ...]]],
) -> None:
    article_id = f"synthetic-{n:07d}"
    w.graph = iri(str(ids.graph(article_id)))
    a = iri(str(ids.article(article_id)))
    published = EPOCH + timedelta(days=n * 3650 // 40000 + rng.randrange(30))
    w.add(a, RDF.type, iri(str(PK.Article)))
    w.add(a, DCTERMS.identifier, literal(article_id))
    w.add(a, SCHEMA.datePublished, literal(published.isoformat(), str(XSD.date)))
    w.add(a, DCTERMS.title, literal(f"Envoys discuss {rng.choice(TOPICS)} ({n})"))
    w.add(a, DCTERMS.source, literal(rng.choice(OUTLETS)))
    w.add(a, SCHEMA.url, iri(f"https://news.example.org/{published.year}/{article_id}"))
    named = [actors[i] for i in actor_rank.sample(rng.randint(3, 9))]
    for actor in named:
        w.add(actor.iri, RDF.type, iri(str(PK[actor.type])))
        w.add(actor.iri, RDFS.label, literal(actor.label))
        for alias in actor.aliases[: rng.randint(0, len(actor.aliases))]:
            w.add(actor.iri, SKOS.altLabel, literal(alias))
        w.add(actor.iri, PK.mentionedIn, a)
        if actor.same_as:
            w.add(actor.iri, OWL.sameAs, iri(actor.same_as))
        if actor.role and rng.random() < 0.5:
            w.add(actor.iri, PK.role, literal(actor.role))
    countries = [x for x in named if x.type == "Country"]
    places = []
    for i in place_rank.sample(rng.randint(0, 2)):
        city, country = CITIES[i]
        p = iri(str(ids.place(key_of(city))))
        places.append((p, city))
        w.add(p, RDF.type, iri(str(PK.Place)))
        w.add(p, RDFS.label, literal(city))
        w.add(p, PK.mentionedIn, a)
        w.add(p, OWL.sameAs, iri(f"https://sws.geonames.org/{2000000 + i}/"))
        for c in countries:
            if c.label == country:
                w.add(p, PK.locatedIn, c.iri)
    offset = rng.randrange(40, 200)
    for kind in ("meeting", "agreement"):
        count = rng.randint(1, 4) if kind == "meeting" else rng.choice((0, 0, 1, 1, 2))
        for k in range(count):
            offset = _event(
                w,
                ids,
                rng,
                a,
                article_id,
                kind,
                k,
                named,
                places + [(c.iri, c.label) for c in countries],
                published,
                offset,
                recent,
            )


def _event(
    w: _Writer,
    ids: Ids,
    rng: random.Random,
    a: str,
    article_id: str,
    kind: str,
    k: int,
    named: list[_Actor],
    places: list[tuple[str, str]],
    published: date,
    offset: int,
    recent: deque[tuple[str, str, str, tuple[str, ...]]],
) -> int:
    earlier = [r for r in recent if r[0] == kind]
    if earlier and rng.random() < 0.25:  # a later report of an event seen before
        _, e, label, participants = rng.choice(earlier)
    else:
        chosen = rng.sample(named, min(len(named), rng.randint(2, 3)))
        noun = rng.choice(MEETING_NOUNS if kind == "meeting" else AGREEMENT_NOUNS)
        label = f"{noun} between {' and '.join(x.label for x in chosen)}"
        e = iri(str(ids.event(kind, f"{article_id} {kind} {k + 1}")))
        participants = tuple(x.iri for x in chosen)
        recent.append((kind, e, label, participants))
    w.add(e, RDF.type, iri(str(PK.Meeting if kind == "meeting" else PK.Agreement)))
    w.add(e, RDFS.label, literal(label))
    w.add(e, PK.mentionedIn, a)
    w.add(e, PK.status, iri(str(PK[rng.choice(STATUSES)])))
    w.add(e, PK.category, literal(label.split(" between ")[0]))
    for p in participants:
        w.add(e, PK.participant if kind == "meeting" else PK.party, p)
    if places and rng.random() < 0.7:
        w.add(e, PK.place, rng.choice(places)[0])
    if rng.random() < 0.6:
        when = published - timedelta(days=rng.randrange(0, 120))
        precision = rng.random()
        if precision < 0.6:
            value, datatype, text = when.isoformat(), XSD.date, f"on {when:%B} {when.day}"
        elif precision < 0.85:
            value, datatype, text = f"{when:%Y-%m}", XSD.gYearMonth, f"in {when:%B}"
        else:
            value, datatype, text = f"{when:%Y}", XSD.gYear, "last year"
        w.add(e, PK.date, literal(value, str(datatype)))
        w.add(e, PK.dateText, literal(text))
    for _ in range(rng.choice((1, 1, 2))):
        sentence = (
            f"The {label} {rng.choice(('took place', 'will resume', 'was confirmed'))} to discuss "
            f"{rng.choice(TOPICS)}, officials said."
        )
        start, end = offset, offset + len(sentence)
        offset = end + rng.randrange(1, 400)
        m = iri(str(ids.mention(article_id, start, end)))
        w.add(e, PK.evidence, m)
        w.add(m, RDF.type, iri(str(PK.Mention)))
        w.add(m, PK.inArticle, a)
        w.add(m, PK.text, literal(sentence))
        w.add(m, PK.start, literal(str(start), str(XSD.integer)))
        w.add(m, PK.end, literal(str(end), str(XSD.integer)))
        w.add(m, PK.trigger, literal(label.split()[0]))
        if rng.random() < 0.3:
            w.add(m, PK.reportedBy, rng.choice(named).iri)
    return offset
