"""Places: cities, provinces and regions that are not acting, with GeoNames ids where known.

A country named as a location ("in Qatar") is not a place record: its actor key stands for it
(the mapping then uses the country's actor IRI). "The Omani capital" is the capital of Oman,
found in the gazetteer; "the Omani capital, Muscat" is Muscat.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.actors import PARTS_OF_SITES, is_seat_venue, is_venue, named_spans
from kg.extract.layout import Layout
from kg.extract.parties import is_destination
from kg.extract.scope import Scope, with_completions
from kg.extract.syntax import pobjs
from kg.extract.table import ActorTable
from kg.nlp.components import DATELINE
from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import lexicon, norm, words
from kg.records import Mention, Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
CAPITAL_WORDS = ("capital",)
_OCCASIONS = {"ceremony", "meeting", "summit", "talks", "conference", "event", "gathering", "signing"}
_PLACE_HEADS = {"city", "town", "capital", "province", "region", "port", "village", "district", "state"}
_DATELINE_NOUNS = words("city town capital port village resort")  # "in this ... town": the dateline's


@dataclass
class PlaceInfo:
    key: str
    label: str
    geonames: int | None = None
    country: str | None = None
    alias_set: dict[str, None] = field(default_factory=dict)
    sentences: dict[int, None] = field(default_factory=dict)


class PlaceTable:
    """Places by key, and the place (or country actor key) each token stands for."""

    def __init__(self) -> None:
        self.places: dict[str, PlaceInfo] = {}
        self._token: dict[int, str] = {}
        self.countries: set[str] = set()  # keys that are country actors
        self.dateline: str | None = None  # the place the story is filed from ("ADDIS ABABA, Feb 28 (Reuter) -")

    def at(self, token_index: int) -> str | None:
        return self._token.get(token_index)

    def is_country(self, key: str) -> bool:
        return key in self.countries

    def contains(self, outer: str, inner: str) -> bool:
        """Whether place ``inner`` lies in ``outer`` (a city in its country), or is it."""
        info = self.places.get(inner)
        return inner == outer or (info is not None and info.country == outer)

    def add(
        self,
        label: str,
        alias: str,
        tokens: tuple[int, int],
        sentence: int,
        geonames: int | None = None,
        country: str | None = None,
    ) -> str:
        key = norm(label)
        info = self.places.setdefault(key, PlaceInfo(key, label, geonames, country))
        if alias != label:
            info.alias_set.setdefault(alias, None)
        info.sentences.setdefault(sentence, None)
        for i in range(*tokens):
            self._token[i] = key
        return key

    def mark_country(self, start: int, end: int, key: str) -> None:
        self.countries.add(key)
        for i in range(start, end):
            self._token[i] = key

    def records(self, text: str, sentences: list[tuple[int, int]]) -> tuple[Place, ...]:
        return tuple(
            Place(
                key=p.key,
                label=p.label,
                aliases=tuple(p.alias_set),
                geonames=p.geonames,
                country=p.country,
                mentions=tuple(
                    Mention(sentences[i][0], sentences[i][1], text[sentences[i][0] : sentences[i][1]])
                    for i in sorted(p.sentences)
                ),
            )
            for p in self.places.values()
        )


def resolve_places(doc: Doc, layout: Layout, actors: ActorTable) -> PlaceTable:
    """Every place the usable sentences name, and which tokens stand for which place."""
    table, gaz = PlaceTable(), gazetteer()
    demonyms: list[tuple[Span, str, int]] = []
    person_words = {w for a in actors.actors.values() if a.type == "Person" for w in a.key.split()}
    for ent, span, sent in named_spans(layout):
        key = actors.key_at(span.start)
        info = actors.get(key) if key else None
        if info is not None and info.type == "Country":
            if ent.kb_id_.startswith("country:") or ent.label_ == "GPE":
                table.mark_country(span.start, span.end, key)
            if ent.kb_id_.startswith("country:") and span.root.dep_ == "poss":  # "Qatar's capital"
                demonyms.append((span, ent.kb_id_[8:], sent.index))
            continue
        if ent.kb_id_.startswith("demonym:"):
            demonyms.append((span, ent.kb_id_[8:], sent.index))
            continue
        region = gaz.region(span.text) if not ent.kb_id_ and gaz.city(span.text) is None else None
        venue = ent.label_ == "ORG" and (
            (not ent.kb_id_ and is_venue(span)) or (_seat(ent.kb_id_) and is_seat_venue(span))
        )
        # "the desert town of Ghadames", whatever the tagger took it for
        named = span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _PLACE_HEADS
        city_like = (  # "Abu Dhabi" tagged ORG, "Yerevan" tagged PERSON: no actor of that name
            ent.label_ in ("ORG", "PERSON")
            and not ent.kb_id_
            and (ent.label_ == "ORG" or (len(span) == 1 and info is None))
            and gaz.city(span.text) is not None
        )
        if (ent.label_ not in PLACE_LABELS and region is None and not venue and not named and not city_like) or (
            info is not None
        ):
            continue
        text = span.text.title() if span.text.isupper() and len(span.text) > 3 else span.text
        if not text[:1].isupper() or any(c.isdigit() for c in text) or norm(text) in person_words:
            continue
        if region is not None:
            table.add(region, text, (span.start, span.end), sent.index)
            continue
        city = gaz.city(text)
        if city is not None:
            country = gaz.by_iso(city.iso)
            table.add(
                city.name, text, (span.start, span.end), sent.index, city.geonames, country.key if country else None
            )
        else:
            table.add(text, text, (span.start, span.end), sent.index)
    for span, iso, sentence in demonyms:
        _demonym_capital(doc, span, iso, table, sentence)
    table.dateline = _dateline_place(layout, table)
    return table


def _dateline_place(layout: Layout, table: PlaceTable) -> str | None:
    """The city of the dateline that opens the first body sentence, when it is a place."""
    first = next((s for s in layout.sentences if s.usable and not s.headline), None)
    if first is None:
        return None
    opening = DATELINE.match(layout.text[first.start : first.end])
    if opening is None:
        return None
    end = first.start + opening.end()
    found = next((k for t in first.span if t.idx < end and (k := table.at(t.i)) is not None), None)
    if found is not None:
        return None if table.is_country(found) else found
    words = []  # "ADDIS ABABA", which the tagger mostly leaves out of every entity
    for t in first.span:
        if t.idx >= end or not t.is_alpha or not t.is_upper:
            break
        words.append(t)
    city = gazetteer().city(" ".join(t.text for t in words).title()) if words else None
    if city is None:
        return None
    country = gazetteer().by_iso(city.iso)
    tokens = (words[0].i, words[-1].i + 1)
    alias = " ".join(t.text for t in words)
    return table.add(city.name, alias, tokens, first.index, city.geonames, country.key if country else None)


def _site_of(part: Token, places: PlaceTable) -> str | None:
    """The place a part of a site belongs to: "the White House lawn", "the steps of Harambee House"."""
    if part.lower_ not in PARTS_OF_SITES:
        return None
    owners = [c for c in part.children if c.dep_ in ("compound", "poss")]
    owners += [o for c in part.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
    return next((places.at(o.i) for o in owners if places.at(o.i)), None)


def _seat(kb: str) -> bool:
    """Whether a dictionary body is named after the building it sits in."""
    known = lexicon().by_key.get(kb[6:]) if kb.startswith("actor:") else None
    return known is not None and known.seat


def _demonym_capital(doc: Doc, span: Span, iso: str, table: PlaceTable, sentence: int) -> None:
    """ "the Omani capital" or "Oman's capital" -> Muscat; with an apposition ("the Omani capital,
    Muscat") the named city wins."""
    head: Token = span.root.head
    if head.lower_ not in CAPITAL_WORDS or head.i <= span.root.i:
        return
    if any(c.dep_ == "amod" and not span.start <= c.i < span.end for c in head.children):
        return  # "Yemen's temporary capital", "Pakistan's commercial capital": not the capital
    named = [c for c in head.children if c.dep_ == "appos" and table.at(c.i)]
    if named:
        key = table.at(named[0].i)
        for i in range(span.start, head.i + 1):
            table._token[i] = key
        return
    capital = gazetteer().capital(iso)
    country = gazetteer().by_iso(iso)
    if capital is not None:
        table.add(
            capital.name,
            doc[span.start : head.i + 1].text,
            (span.start, head.i + 1),
            sentence,
            capital.geonames,
            country.key if country else None,
        )


def event_place(
    scope: Scope,
    parties: list[Token],
    places: PlaceTable,
    visit: bool = False,
    covers: bool = False,
    deal: bool = False,
) -> str | None:
    """Where an event mention happens: "in Geneva", "in the Omani capital", the destination of a
    trip ("flew to Muscat to resume talks"), "Ankara, where he met ...", "the Doha talks".

    ``deal``: the event is an agreement, made only by the verbs that make one ("signed", "agreed").
    ``covers``: a region named before the event's noun, or "in" one after it, says what the event
    covers, not where it happens ("signed a Gaza ceasefire in Doha", "the Hodeidah truce", "agreed
    to a ceasefire in Hodeidah"); a city may be either, and is taken for the venue ("agreed to a
    ceasefire in Moscow")."""

    def at(obj: Token) -> str | None:
        """The place a noun names: itself, its apposition ("the Omani capital, Muscat"), or
        "the (Saudi) city of Jeddah"."""
        if places.at(obj.i):
            return places.at(obj.i)
        if places.dateline and obj.lower_ in _DATELINE_NOUNS and any(c.lower_ == "this" for c in obj.children):
            return places.dateline  # "signed documents in this Dagestani border town", filed from there
        for a in obj.children:
            if a.dep_ == "appos" and places.at(a.i):
                return places.at(a.i)
            if a.dep_ == "prep" and a.lower_ == "of" and obj.lower_ in _PLACE_HEADS:
                found = next((places.at(o.i) for o in pobjs(a) if places.at(o.i)), None)
                if found:
                    return found
        if obj.head.lower_ == "at" and obj.lower_ not in _OCCASIONS and done_at(obj):  # "at the UN in Geneva"
            held = [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "in" for o in pobjs(p)]
            named = next((places.at(o.i) for o in held if places.at(o.i)), None)
            if named:
                return named
        if obj.lower_ in _OCCASIONS:  # "at a Havana ceremony", "at a gathering hosted by Russia in Moscow"
            named = next((places.at(c.i) for c in obj.children if c.dep_ == "compound" and places.at(c.i)), None)
            if named:
                return named
            held = [o for p in obj.children if p.dep_ == "prep" and p.lower_ in ("in", "at") for o in pobjs(p)]
            named = next((at(o) for o in held if at(o)), None) if done_at(obj) else None  # "at a ceremony in Havana"
            if named:
                return named
            clauses = [c for c in obj.children if c.dep_ in ("acl", "relcl")]
            return next(
                (
                    places.at(o.i)
                    for v in clauses
                    for p in v.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "at")
                    for o in pobjs(p)
                    if places.at(o.i)
                ),
                None,
            )
        return None

    def done_at(obj: Token) -> bool:
        """Whether the event itself, not a reaction to it, is told at ``obj``: "signed a truce at a
        ceremony in Havana", not "hailed the agreement at a ceremony in Kabul" or "endorsed it at
        the United Nations in New York", nor "took effect at 2 a.m. in Gaza"."""
        if obj.ent_type_ in ("TIME", "DATE"):
            return False
        governor = obj.head.head
        making = lexicon().word_list("deal_verbs" if deal else "support_verbs")
        if governor in scope.nodes:  # "at" hung from the event's own noun: the verb telling it decides
            return not deal or not scope.verbs or scope.verbs[0].lower_ in making
        return governor.lower_ in making

    def area(key: str | None) -> bool:
        """Whether a place a ceasefire names is a region it covers ("the Hodeidah truce", "a
        ceasefire in Gaza"), not a city it may have been made in ("a ceasefire in Moscow")."""
        info = places.places.get(key or "")
        return info is not None and gazetteer().region(info.label) is not None

    travel = lexicon().word_list("travel_verbs")
    arguments = [t for p in parties for t in (p, *p.conjuncts)]
    arguments.sort(key=lambda t: t.dep_ in ("nsubj", "nsubjpass"))  # "X in Karabakh met Y in Yevlakh"
    # "hosted by Mexico in Mexico City": the place is often parsed as the host's
    agents = [o for v in scope.clauses for c in v.children if c.dep_ == "agent" for o in pobjs(c)]
    # "talks are scheduled to take place in Cairo": the place hangs from the verb completing it
    for n in [*scope.nodes, *with_completions(scope.clauses), *agents, *with_completions(scope.verbs[:1]), *arguments]:
        destination = (n in scope.clauses and n.lower_ in travel) or (visit and n in scope.nodes)
        preps = ("in", "at", "to", "into") if destination else ("in", "at")
        for c in n.children:
            if covers and n in scope.nodes and c.lower_ == "in" and any(area(at(o)) for o in pobjs(c)):
                continue  # "a ceasefire in the port city of Hodeidah": where the fighting stops
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                for obj in pobjs(c):
                    if at(obj):
                        return at(obj)
            if c.dep_ == "prep" and c.lower_ == "on":  # "signed on the White House lawn"
                for obj in pobjs(c):
                    if site := _site_of(obj, places):
                        return site
            if c.dep_ in ("compound", "nmod") and c.i < n.i and n in scope.nodes and places.at(c.i):
                key = places.at(c.i)
                if key and not places.is_country(key) and not (covers and area(key)):
                    return key  # "the Doha talks"; not "the Gaza ceasefire"
            if c.dep_ == "dobj" and n.lower_ in ("visit", "visited", "visits", "visiting") and places.at(c.i):
                return places.at(c.i)
    if scope.where is not None and places.at(scope.where.i):
        return places.at(scope.where.i)
    if places.dateline and any(
        c.lower_ == "here" and c.dep_ == "advmod"
        for v in (*scope.nodes, *scope.verbs[:1], *scope.clauses)
        for c in v.children
    ):
        return places.dateline  # "ADDIS ABABA, Feb 28 (Reuter) - ... signed an agreement here last night"
    for v in (scope.token, *scope.verbs[:1]):  # "Jeddah, where the two sides signed a declaration"
        if v.dep_ == "relcl" and any(c.lower_ == "where" for c in v.children) and at(v.head):
            return at(v.head)
    if scope.travel is not None:
        for c in scope.travel.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for", "into", "in"):
                for obj in pobjs(c):
                    if at(obj):
                        return at(obj)
        for v in (scope.token, *scope.verbs):
            for s in v.children:
                if s.dep_ == "nsubj" and is_destination(s) and places.at(s.i):
                    return places.at(s.i)
    # "hosted the ministers of the neighbours and Russia in Tehran", "in Tehran" hung from an "of"
    # object: a city there is where they met; a country may only say where those people are from
    for o in (x for t in arguments for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for x in pobjs(c)):
        for t in (o, *o.conjuncts):
            found = [at(x) for c in t.children if c.dep_ == "prep" and c.lower_ == "in" for x in pobjs(c)]
            city = next((k for k in found if k and not places.is_country(k)), None)
            if city:
                return city
    return _host(scope, places)


def covered_place(token: Token, places: PlaceTable) -> str | None:
    """The region or country an event noun says it covers: "the Hodeidah truce", "a ceasefire in
    Yemen"; not a city, which may be where it was made ("a ceasefire in Moscow")."""
    named = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i]
    named += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for o in pobjs(c)]
    for t in named:
        key = places.at(t.i)
        info = places.places.get(key or "")
        if key and (places.is_country(key) or (info is not None and gazetteer().region(info.label))):
            return key
    return None


def _host(scope: Scope, places: PlaceTable) -> str | None:
    """Failing a stated place, the country that hosts the event: "talks hosted by Kuwait",
    "Kuwait hosted the talks"."""
    hosting = lexicon().word_list("mediator_verbs") & {"host", "hosted", "hosts", "hosting"}
    hosts = [o for v in scope.clauses if v.lower_ in hosting for c in v.children if c.dep_ == "agent" for o in pobjs(c)]
    if scope.verbs and scope.via == "dobj" and scope.verbs[0].lower_ in hosting:
        hosts += [s for s in scope.verbs[0].children if s.dep_ == "nsubj"]
    return next((places.at(h.i) for h in hosts if places.at(h.i) and places.is_country(places.at(h.i))), None)
