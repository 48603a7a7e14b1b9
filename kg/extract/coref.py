"""Grouping event mentions into events: several sentences about one meeting are one meeting.

Mentions are read in document order; headlines last, since they sum up what the body tells. A
mention joins the best compatible event of its kind (same ordinal, same kind of word, nearest):
compatible when statuses do not clash (announced vs. held), dates agree at their common
precision, places agree (a city lies in the country), ordinals agree ("first" vs. "second
round") and the parties agree. A definite or anaphoric mention ("the talks", "that meeting",
"the swap") or one that names at most one party only needs its parties to be a subset of the
event's; a mention naming two or more parties needs the same parties (persons standing for the
country or group they serve); an indefinite or dated mention must also share a party, a date or
a place with the event. A mention that joins nothing starts an event when it is specific: it
names a party, a place or a date and is not talk of talks in general. A sentence that tells a
signing ceremony again (:mod:`kg.extract.ceremonies`) joins the signing it tells.

Finally talks, ceasefires and deals with no party, or with one side only, get the two sides the
article is about, and a person taking part brings the country or group they serve when the
article names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from kg.extract.args import Resolver
from kg.extract.events import Frame
from kg.extract.places import PlaceTable
from kg.extract.syntax import pobjs
from kg.extract.table import ActorTable
from kg.extract.timex import STRONG, WEAK, months_before, resolve
from kg.nlp.lexicon import lexicon, words
from kg.records import DateValue

_GATHERINGS = ("meeting", "summit", "conference")
_BACKGROUND_MONTHS = 6  # dated this long before the article, an event is background
_LED_WINDOW = 6  # sentences after the talks within which a head of delegation is told
_ATTENDANCE_WINDOW = 1  # and a list of who took part
_VISIT_WINDOW = 2  # sentences apart within which a visit and talks with no place in common may be one
_SIGNED = words("signed inked")  # "the deal was signed on May 17"
STATUS_RANK = {"Cancelled": 4, "Denied": 3, "Occurred": 2, "Planned": 1}


@dataclass
class Draft:
    """An event being assembled from its mentions."""

    kind: str
    category: str
    family: str
    frames: list[Frame] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dates: list[tuple[DateValue, int]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    ordinal: str | None = None
    opened: DateValue | None = None  # the first day, told by its opening: it dates the event

    @property
    def last(self) -> int:
        return self.frames[-1].index

    @property
    def status(self) -> str:
        return max(self.statuses, key=STATUS_RANK.__getitem__) if self.statuses else "Occurred"

    @property
    def place(self) -> str | None:
        return self.places[0] if self.places else None

    @property
    def date(self) -> DateValue | None:
        if self.opened is not None:
            return self.opened  # a round of several days is dated by its first
        strong = [d for d, s in self.dates if s == STRONG and d.iso]
        pool = strong or [d for d, _ in self.dates if d.iso] or [d for d, _ in self.dates]
        return max(pool, key=lambda d: len(d.iso or "")) if pool else None

    def _add_place(self, place: str | None, places: PlaceTable) -> None:
        if not place:
            return
        if self.places and places.contains(place, self.places[0]):
            return  # a city is more specific than the country it lies in
        if self.places and places.contains(self.places[0], place):
            self.places.insert(0, place)
        elif place not in self.places:
            self.places.append(place)

    def _named_by(self, frame: Frame) -> bool:
        """Whether a bare reference names the parties of a deal that has none yet: "the text was
        signed by the Lebanese leaders, among them X, Y and Z"."""
        return self.kind == "agreement" and not self.participants and frame.explicit_parties >= 2

    def add(self, frame: Frame, when: DateValue | None, strength: int, places: PlaceTable) -> None:
        self.frames.append(frame)
        if frame.generic or (frame.anaphoric and not self._named_by(frame)):
            return  # talk of the event, or a bare reference to it, adds evidence, not facts
        if frame.definite and not frame.participants and when is None:  # "the talks collapsed"
            if frame.status in ("Cancelled", "Denied"):
                self.statuses.append(frame.status)
            elif frame.status and self.kind == "meeting" and not self.statuses:
                self.statuses.append(frame.status)  # "the negotiations are expected to be held in Doha"
            self._add_place(frame.place, places)
            return
        for p in frame.participants:
            if p not in self.participants:
                self.participants.append(p)
        self._add_place(frame.place, places)
        if when is not None:
            self.dates.append((when, strength))
            if frame.opens and strength == STRONG and when.iso and len(when.iso) == 10:
                self.opened = min(self.opened or when, when, key=lambda d: d.iso or "")
        if frame.status and not frame.generic:
            self.statuses.append(frame.status)
        self.ordinal = self.ordinal or frame.ordinal


def _signed_here(d: Draft, retelling: Frame) -> bool:
    """Whether a draft's first mention is the definite deal a retelling of a signing signed ("The
    agreement was signed by ... in the presence of ...")."""
    first = d.frames[0]
    return first.definite and not first.generic and first.trigger.head.i == retelling.trigger.i


class Grouper:
    """Groups frames into drafts (see the module docstring)."""

    def __init__(self, actors: ActorTable, places: PlaceTable, resolver: Resolver, anchor: date | None) -> None:
        self.actors, self.places, self.resolver, self.anchor = actors, places, resolver, anchor
        self.drafts: list[Draft] = []

    def group(self, frames: list[Frame]) -> list[Draft]:
        frames, heads = [f for f in frames if not (f.leads or f.attends)], [f for f in frames if f.leads or f.attends]
        for f in frames:
            if f.initialled:  # the time and place of the initialling (its ceremony's), not of the deal
                f.times, f.place = [], None
        owners = {f.index: f for f in frames}
        for f in frames:
            owner = owners.get(f.part_of) if f.part_of is not None else None
            if owner is not None:
                _absorb(owner, f)
        mains = [f for f in frames if not (f.part_of is not None and f.part_of in owners) and f.retells is None]
        headlines = [f for f in mains if f.sentence.headline]
        waiting = [f for f in mains if not f.sentence.headline and not self._place_frame(f)]
        for f in waiting:  # an early definite mention may refer to an event told later
            if f.definite:
                self._attach_anywhere(f)
        for f in headlines:  # a headline sums up the story: its event is told below
            if not self._attach_anywhere(f):
                self._place_frame(f)
        for f in frames:
            if f.retells is not None:
                self._retold(f)
        for d in self.drafts:
            if d.kind == "meeting" and d.category == "signing":
                self._signing_told(d)
        for d in self.drafts:
            if d.kind == "agreement":
                _inherit(d, self.drafts)
                if not d.participants:
                    self._from_talks(d)
        for d in self.drafts:
            self._complete_sides(d)
            d.participants += [k for f in d.frames for k in f.chairs if k not in d.participants]
            self._add_represented(d)
        for f in heads:
            self._led(f)
        for d in self.drafts:
            if d.kind == "agreement" and not d.places:
                d.places = _venue(d, self.drafts)
            elif d.kind == "meeting" and not d.places:
                _beside(d, self.drafts)
        return self.drafts

    def _retold(self, f: Frame) -> None:
        """A sentence telling a signing ceremony again joins the signing it tells; those it tells
        signed are parties to the deal signed ("A signed for the government and B for the
        rebels")."""
        told = next((d for d in self.drafts if any(x.index == f.retells for x in d.frames)), None)
        if told is None:
            return
        told.add(f, None, 0, self.places)
        held_at = next((d for d in self.drafts if d is not told and any(x.index == f.source for x in d.frames)), None)
        if held_at is not None and held_at.kind == "meeting":  # signed at the conference: one event
            self.drafts.remove(held_at)
            for x in held_at.frames:
                told.add(x, *self._when(x), self.places)
        told.frames.sort(key=lambda x: x.index)
        deal = None
        for d in self.drafts:
            if d.kind == "agreement" and any(x.trigger.head.i == f.retells for x in d.frames):
                d.participants += [k for k in f.participants if k not in d.participants]
                deal = deal or d
        here = next((d for d in self.drafts if d.kind == "agreement" and _signed_here(d, f)), None)
        if deal is not None and here is not None and here is not deal:
            self.drafts.remove(here)  # "The agreement was signed by A and B": the deal that signing signed
            for x in here.frames:
                deal.add(x, *self._when(x), self.places)
            deal.frames.sort(key=lambda x: x.index)

    def _signing_told(self, signing: Draft) -> None:
        """A signing is when and where the deal it signed was signed, which a later sentence on
        the deal may tell ("A and B have signed a deal. The deal was signed on May 17 at the
        palace"), where the signing names neither."""
        verbs = {x.trigger.i for x in signing.frames}
        for d in self.drafts:
            if d.kind != "agreement" or not any(x.trigger.head.i in verbs for x in d.frames):
                continue
            for x in d.frames:
                told = x.trigger.dep_ == "nsubjpass" and x.trigger.head.lower_ in _SIGNED
                if not told or x.trigger.head.i in verbs or x.generic:
                    continue
                when, strength = self._when(x)
                if when is not None and not signing.dates:
                    signing.dates.append((when, strength))
                if not signing.places:
                    signing._add_place(x.place, self.places)

    def _led(self, f: Frame) -> None:
        """A head of delegation joins the latest meeting held (not a call), told before them, that
        their side takes part in, through one of its people or itself, a few sentences back at
        most; a list of who took part joins the meeting held told in the sentence before it."""
        best, at = None, -1
        for d in self.drafts:
            if d.kind != "meeting" or d.category == "call" or d.status != "Occurred":
                continue
            if not (f.attends or set(f.leads) & self._sides(d)):
                continue
            told = [
                x.sentence.index
                for x in d.frames
                if x.sentence.index <= f.sentence.index and not (x.generic or x.leads or x.attends)
            ]
            if told and max(told) > at:
                best, at = d, max(told)
        window = _ATTENDANCE_WINDOW if f.attends else _LED_WINDOW
        if best is not None and f.sentence.index - at <= window:
            best.add(f, None, 0, self.places)

    def _sides(self, d: Draft) -> set[str]:
        """The participants of a draft and the groups or countries its people serve."""
        out = set(d.participants)
        for key in d.participants:
            info = self.actors.get(key)
            if info is not None and info.type == "Person" and info.affiliation:
                out.add(info.affiliation)
        return out

    def _add_represented(self, d: Draft) -> None:
        """A person takes part for the country or group they serve, when the article names it
        ("U.S. envoy Zalmay Khalilzad met ..." has the United States take part too); not when two
        people of one country meet each other, with at most a host ("Kiir met Machar in Juba")."""
        served: dict[str, int] = {}
        for key in d.participants:
            info = self.actors.get(key)
            serving = info is not None and info.type == "Person" and not (info.role or "").startswith("former ")
            side = self.actors.get(info.affiliation) if serving and info.affiliation else None
            if side is not None and side.type != "Person":
                served[side.key] = served.get(side.key, 0) + 1
        hosts = {s for s in served if any(self.places.contains(s, place) for place in d.places)}
        groups = [p for p in d.participants if (a := self.actors.get(p)) is not None and a.type != "Person"]
        for side, people in served.items():
            others = [s for s in [*served, *groups] if s != side and s not in hosts]
            if side not in d.participants and (people == 1 or others):
                d.participants.append(side)
            # else: two people of one country meeting each other (with at most a host), as rivals
            # or partners: the country is not a side ("Kiir and Machar met in Entebbe")

    def _complete_sides(self, d: Draft) -> None:
        """Talks or a ceasefire with no party, or with one side only ("talks with the group
        collapsed"), are between the two sides the article is about."""
        if d.kind == "agreement" and not d.participants:
            pair = self.resolver.main_pair("agreement")  # "the original accord was signed ..."
            areas = {f.area for f in d.frames if f.area}
            if not areas or areas & set(pair):  # not "a truce in Yemen" in a story of Saudi Arabia and Iran
                d.participants = pair
            return
        if d.family not in ("talks", "ceasefire") or d.category in _GATHERINGS:
            return  # a meeting or summit may well be of one body only
        groups = [p for p in d.participants if (a := self.actors.get(p)) is not None and a.type != "Person"]
        if len(d.participants) > 1 or len(groups) != len(d.participants):
            return
        if groups and any(f.sides > 1 for f in d.frames):
            return  # the other side is named, only not as an actor ("Taliban and Afghan politicians met")
        pair = self.resolver.main_pair(d.kind)
        inside = {f.within for f in d.frames if f.within}
        if inside:  # "the intra-Afghan dialogue": not a foreign country of the pair
            pair = [p for p in pair if (a := self.actors.get(p)) is None or a.type != "Country" or a.iso in inside]
        if not d.participants or (len(pair) == 2 and groups[0] in pair):
            d.participants = list(dict.fromkeys([*d.participants, *pair]))

    def _when(self, f: Frame) -> tuple[DateValue | None, int]:
        if f.generic:
            return None, 0
        for ref in f.times:
            when = resolve(ref, self.anchor, f.status)
            if when is not None and (when.iso or self.anchor is None):
                return when, ref.strength
        return None, 0

    def _place_frame(self, f: Frame) -> bool:
        """Join the best earlier event or start one; False when the frame found no place yet."""
        when, strength = self._when(f)
        loose = f.definite or f.anaphoric or f.generic or f.explicit_parties <= 1
        best = None if f.ordinal == "separate" else self._best(f, when, strength, loose, self.drafts)
        if best is not None:
            best.add(f, when, strength, self.places)
            return True
        if f.generic or f.anaphoric:
            return False
        if (
            f.participants
            or f.place
            or f.area
            or f.named
            or f.source is not None
            or (when is not None and strength == STRONG)
        ):
            specific = f.definite or f.named or f.source is not None
            if f.kind == "agreement" and not f.participants and not specific and when is None:
                return False
            d = Draft(f.kind, f.category, f.family)
            d.add(f, when, strength, self.places)
            if f.kind == "meeting" and not d.statuses and f.status and not f.generic:
                d.statuses.append(f.status)  # "the negotiations are expected to be held in Doha" starts one
                # (not a deal: "the deal is set to take effect on Sunday" tells of its taking effect)
            self.drafts.append(d)
            return True
        return False

    def _best(
        self, f: Frame, when: DateValue | None, strength: int, loose: bool, drafts: list[Draft], anywhere: bool = False
    ) -> Draft | None:
        """The compatible event this frame most likely speaks of: same ordinal, same kind of word,
        then the nearest."""
        fits = [d for d in drafts if self._compatible(d, f, when, strength, loose)]
        if not fits:
            return None

        def rank(d: Draft) -> tuple[int, ...]:
            ordinal = int(bool(f.ordinal) and d.ordinal == f.ordinal)
            same_word = int(_word_class(d.category) == _word_class(f.category))
            distance = min(abs(x.index - f.index) for x in d.frames) if anywhere else f.index - d.last
            if not anywhere:
                return (-ordinal, -same_word, distance)
            place = int(
                bool(f.place)
                and any(self.places.contains(p, f.place) or self.places.contains(f.place, p) for p in d.places)
            )
            sides = int(bool(f.participants) and self._parties(f.participants) == self._parties(d.participants))
            return (-ordinal, -place, -sides, -same_word, distance)

        return min(fits, key=rank)

    def _attach_anywhere(self, f: Frame) -> bool:
        if f.generic:
            return False
        when, strength = self._when(f)
        best = self._best(f, when, strength, True, self.drafts, anywhere=True)
        if best is not None:
            best.add(f, when, strength, self.places)
            best.frames.sort(key=lambda x: x.index)
        return best is not None

    def _compatible(self, d: Draft, f: Frame, when: DateValue | None, strength: int, loose: bool) -> bool:
        if d.kind != f.kind:
            return False
        if not f.participants and (when is None or strength != STRONG) and self._background(d) and not self._near(d, f):
            return False  # "a truce in November 2023 collapsed" is not "the ceasefire" of the lead
        if f.named and _name(f) not in {_name(x) for x in d.frames if x.named} and not _names_the_lead(d, f, when):
            return False  # "the Minsk Agreement" is no other deal
        if not _families(d.family, f.family) and not (
            (f.definite and "agreement" in (f.family, d.family)) or _headline_topic(d, f)
        ):
            return False  # a headline's "ceasefire" is the lead's "agreement" on a ceasefire
        told_as = {x.family for x in d.frames}
        if f.family not in told_as and {d.family, f.family} == {"talks", "visit"} and not self._close(d, f):
            return False  # "undertook to open negotiations" is not "his first official visit to Cairo" told later
        lenient = f.kind == "agreement" and f.definite  # "to sign the accord" reached earlier
        statuses = {f.status, *d.statuses}
        if f.status and not f.generic and not lenient and statuses >= {"Planned", "Occurred"}:
            return False
        if f.kind == "meeting" and not f.definite and not f.generic and statuses >= {"Denied", "Occurred"}:
            return False  # a meeting told as held is not "a private meeting" whose holding is denied; a
            # deal announced and then denied is one deal, disputed
        if f.kind == "meeting" and (
            (f.status == "Denied" and f.trigger.tag_.startswith("VB") and f.participants and "Denied" not in d.statuses)
            or (f.definite and f.status != "Denied" and set(d.statuses) == {"Denied"})
        ):
            return False  # "denied reports that X and Y had met alone" is no part of "the talks", nor they of
            # it; "denied any talks with the US" is the talks the US was accused of holding
        going_on = when is not None and (
            (
                _word_class(d.category) == _word_class(f.category)  # the talks, not a meeting about them
                and any(s == STRONG and _goes_on(f, other, when) for other, s in d.dates)
            )
            or any(s == STRONG and _opened(f, when, other) for other, s in d.dates)
        )
        if when is not None and when.iso and strength == STRONG and not going_on:
            for other, s in d.dates:
                if s == STRONG and other.iso and not _same_time(other.iso, when.iso):
                    return False
        if (
            when is not None
            and strength == WEAK
            and not f.definite
            and any(s == STRONG and abs(_days(other, when) or 0) > _GOING_ON_DAYS for other, s in d.dates)
        ):
            return False  # "flew to Khartoum on Tuesday to meet Bashir" is not the talks held there weeks before
        if (
            when is not None
            and strength == STRONG
            and not f.definite
            and d.dates
            and when.iso
            and all(
                s == WEAK and other.iso and (not _same_time(other.iso, when.iso) or (_days(other, when) or 0) > 31)
                for other, s in d.dates
            )
        ):
            return False  # "an international conference in Tashkent in March" is not the talks of "a trip last week"
        if (
            f.place
            and d.places
            and not any(self.places.contains(p, f.place) or self.places.contains(f.place, p) for p in d.places)
        ):
            return False
        if f.ordinal and d.ordinal and f.ordinal != d.ordinal:
            return False
        dated = when is not None and strength == STRONG
        if (
            (dated or not f.definite)
            and not f.anaphoric
            and not f.generic
            and not going_on
            and not self._shares(d, f, when)
            and not self._dates_it(d, f, when)
        ):
            return False  # an indefinite or dated mention must share something with the event
        if not f.participants or not d.participants:
            return True
        if (
            f.definite
            and not f.explicit_parties  # not "the meeting between Lavrov and Blinken on the sidelines"
            and f.category in _GATHERINGS
            and (d.category in _GATHERINGS or d.family == "talks")
            and (_told_just_before(d, f) or (d.category == f.category and self._last_told(f) is d))
        ):
            return True  # "... at a conference in Moscow. The one-day meeting brought together X and Y"
        persons = [p for p in f.participants if (a := self.actors.get(p)) is not None and a.type == "Person"]
        if (
            f.kind == "meeting"
            and loose
            and persons
            and len(persons) == len(f.participants)
            and not set(persons) <= set(d.participants)
        ):
            return False  # "his visit" is about that person, not about the country he serves
        if f.sentence.headline and self._their_country(f, d):
            return True  # "Lebanese leaders sign Doha accord" over "signed by Berri, Siniora, Hariri ..."
        mine, theirs = self._parties(f.participants), self._parties(d.participants)
        if f.kind == "agreement" and f.explicit_parties >= 2 and len(mine) >= 2 and mine < theirs and len(theirs) > 2:
            return False  # "Russia and Turkey had struck the deal" is not the three powers' declaration
        if loose:
            return mine <= theirs or theirs <= mine or bool(set(persons) & set(d.participants))
        return mine == theirs

    def _their_country(self, f: Frame, d: Draft) -> bool:
        """Whether ``f`` names only a country, and every participant of ``d`` is a person who
        serves it or no other country."""
        country = self.actors.get(f.participants[0]) if len(f.participants) == 1 else None
        if country is None or country.type != "Country":
            return False
        people = [self.actors.get(p) for p in d.participants]
        return all(
            a is not None
            and a.type == "Person"
            and (a.affiliation in (None, country.key) or (self.actors.get(a.affiliation) or a).type != "Country")
            for a in people
        )

    def _last_told(self, f: Frame) -> Draft | None:
        """The event of the same word told last before ``f``: what "the summit" refers to, a
        quotation or two later."""
        before = [d for d in self.drafts if d.category == f.category and d.frames[0].index < f.index]
        return max(before, key=lambda d: max(x.index for x in d.frames if x.index < f.index), default=None)

    def _from_talks(self, agreement: Draft) -> None:
        """A deal that names no party, told in the same or the next sentence as talks, is between
        the sides of those talks: countries and groups, persons counting for the side they serve,
        and not the host of the talks ("mediators met both teams in Doha before announcing the deal")."""
        mine = {f.sentence.index for f in agreement.frames if not f.generic}
        for d in self.drafts:
            if d.kind != "meeting" or not d.participants:
                continue
            if not any(0 <= i - f.sentence.index <= 1 for f in d.frames for i in mine):
                continue
            sides = [p for p in dict.fromkeys(self._side(k) for k in d.participants) if p in self.actors.actors]
            hosts = {p for p in sides if any(self.places.contains(p, place) for place in d.places)}
            sides = [p for p in sides if p not in hosts and (a := self.actors.get(p)) and a.type != "Person"]
            if len(sides) == 2:
                agreement.participants = sides
                agreement.dates = agreement.dates or list(d.dates)
                return

    def _background(self, d: Draft) -> bool:
        """An event dated well before the article: background, not the story."""
        when = d.date
        if self.anchor is None or when is None or not when.iso or not any(s == STRONG for _, s in d.dates):
            return False
        return months_before(when, self.anchor) > _BACKGROUND_MONTHS

    def _close(self, d: Draft, f: Frame) -> bool:
        """Whether a visit and talks may be one event: told within a few sentences of each
        other, or where the other is, and not in two clauses side by side."""
        if any(_side_by_side(x, f) for x in d.frames):
            return False
        if any(abs(f.sentence.index - x.sentence.index) <= _VISIT_WINDOW for x in d.frames):
            return True
        return bool(f.place) and any(
            self.places.contains(p, f.place) or self.places.contains(f.place, p) for p in d.places
        )

    @staticmethod
    def _near(d: Draft, f: Frame) -> bool:
        """Told right after the event's own mention (the same or the next sentence)."""
        return any(0 <= f.sentence.index - x.sentence.index <= 1 for x in d.frames)

    def _shares(self, d: Draft, f: Frame, when: DateValue | None) -> bool:
        """Positive evidence that an indefinite mention is about this event."""
        if f.participants and d.participants and self._parties(f.participants) & self._parties(d.participants):
            return True
        if when is not None and when.iso and any(o.iso and _same_time(o.iso, when.iso) for o, _ in d.dates):
            return True
        return bool(
            f.place
            and d.places
            and any(self.places.contains(p, f.place) or self.places.contains(f.place, p) for p in d.places)
        )

    def _dates_it(self, d: Draft, f: Frame, when: DateValue | None) -> bool:
        """Whether a definite mention naming no party dates an undated event told just before
        ("X and Y have signed a power-sharing deal. The deal was signed on May 17 ..."), on a
        day of the story's time, not of its background."""
        if not f.definite or f.participants or d.dates or not self._near(d, f):
            return False
        if f.sentence.index == d.frames[-1].sentence.index:
            return False  # "talked by phone during the G7 summit on Sunday": another event, that day
        if f.kind == "meeting" and _word_class(d.category) != _word_class(f.category):
            return False
        return when is not None and not self._background(Draft(d.kind, d.category, d.family, dates=[(when, STRONG)]))

    def _parties(self, keys: list[str]) -> set[str]:
        """Persons and bodies stand for the country or group they serve."""
        return {self._side(k) for k in keys}

    def _side(self, key: str) -> str:
        info = self.actors.get(key)
        return info.affiliation if info and info.type != "Country" and info.affiliation else key


def _inherit(agreement: Draft, drafts: list[Draft]) -> None:
    """A deal the talks produced takes their parties, place and date where it names none."""
    sources = {f.source for f in agreement.frames if f.source is not None}
    meeting = next((d for d in drafts if d.kind == "meeting" and sources & {f.index for f in d.frames}), None)
    if meeting is None:
        return
    if not agreement.participants:
        agreement.participants = list(meeting.participants)
    if not agreement.places:
        agreement.places = list(meeting.places[:1])
    if not agreement.dates:
        agreement.dates = list(meeting.dates)


_GOING_ON_DAYS = 7
"""How many days an event may go on and still be told of as the same one."""


def _venue(agreement: Draft, drafts: list[Draft]) -> list[str]:
    """Where a deal was made when the text says so only of the talks that made it: the place of a
    meeting told in the same sentence ("the talks in Doha ended with a deal")."""
    sentences = {f.sentence.index for f in agreement.frames if not f.generic}
    for d in drafts:
        if d.kind == "meeting" and d.places and sentences & {f.sentence.index for f in d.frames if f.place}:
            return d.places[:1]
    return []


def _beside(meeting: Draft, drafts: list[Draft]) -> None:
    """A meeting held on the sidelines of a gathering is where the gathering is and, undated, on
    its day: the gathering named ("met X on the sidelines of the conference"), else one told in
    the same sentence ("said after the conference that they met on the sidelines"), else the last
    one told before it that was held as this one was."""
    f = meeting.frames[0]
    edge = _sidelines(f)
    if edge is None:
        return
    named = {o.i for c in edge.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)}
    hosts = [d for d in drafts if d is not meeting and d.kind == "meeting" and d.places and d.status == meeting.status]
    host = next((d for d in hosts if any(x.index in named for x in d.frames)), None)
    if host is None and not named:
        gatherings = [d for d in hosts if d.category in _GATHERINGS]
        host = next((d for d in gatherings if any(x.sentence is f.sentence for x in d.frames)), None)
        if host is None:
            earlier = [d for d in gatherings if d.frames[0].index < f.index]
            host = max(earlier, key=lambda d: d.frames[0].index, default=None)
    if host is None:
        return
    meeting.places = list(host.places)
    if not meeting.dates and host.date is not None and host.date.iso and len(host.date.iso) == 10:
        meeting.dates.append((host.date, WEAK))


def _sidelines(f: Frame) -> Token | None:
    """The "sidelines" the event of ``f`` was held on ("met X on the sidelines", "held talks on the
    sidelines of the summit")."""
    for t in f.sentence.span:
        if t.lower_ == "sidelines" and t.dep_ == "pobj" and t.head.lower_ in ("on", "at"):
            governor = t.head.head
            if governor.i in (f.trigger.i, f.trigger.head.i):
                return t
    return None


def _told_just_before(d: Draft, f: Frame) -> bool:
    return 0 <= f.sentence.index - d.frames[-1].sentence.index <= 1


def _names_the_lead(d: Draft, f: Frame, when: DateValue | None) -> bool:
    """Whether a named deal, undated and told right after an unnamed one with the same parties, is
    that deal getting its name ("X and Y signed a peace agreement on Thursday. The Comprehensive
    Agreement on the Bangsamoro was signed by ...")."""
    return (
        f.signed  # told as signed or reached, not "the Minsk agreements ... were never implemented"
        and not any(x.named for x in d.frames)
        and when is None
        and bool(f.participants)
        and set(f.participants) == set(d.participants)
        and _told_just_before(d, f)
        and f.status in (None, d.status)
    )


def _name(f: Frame) -> str:
    return " ".join(c.lower_ for c in f.trigger.children if c.dep_ == "compound" and c.i < f.trigger.i)


def _absorb(owner: Frame, part: Frame) -> None:
    for p in part.participants:
        if p not in owner.participants:
            owner.participants.append(p)
    owner.place = owner.place or part.place
    owner.times = owner.times + part.times
    owner.status = owner.status or part.status
    if owner.family == "agreement" and part.family != "agreement":
        owner.family, owner.category = part.family, part.category  # "agreed to exchange prisoners"


_WORD_CLASSES = {
    "talks": "talks",
    "negotiations": "talks",
    "consultations": "talks",
    "dialogue": "talks",
    "visit": "visit",
    "trip": "visit",
}


def _word_class(category: str) -> str:
    return _WORD_CLASSES.get(category, category)


_TOPIC_PREPS = {"on", "over", "about", "regarding", "for"}
_REFINED = {"ceasefire": "ceasefire", "exchange": "prisoner exchange"}
_TRUCE_WORDS = words(
    "ceasefire cease-fire truce guns prisoners detainees hostages attacks arms weapons offensive offensives "
    "operations shooting firing shelling bombardment bombing"
)


def _headline_topic(d: Draft, f: Frame) -> bool:
    """Whether a headline's truce or swap ``f`` may be the lead's agreement ``d``: one that is a
    ceasefire ("signed a bilateral ceasefire agreement") or says not what it is about ("signed an
    agreement in Pretoria"); not "an agreement to include civil society in the talks", nor a
    headline's "ceasefire call"."""
    if not f.sentence.headline or f.generic or d.family != "agreement" or f.family not in _REFINED:
        return False
    if any(x.category == _REFINED[f.family] for x in d.frames):
        return True
    topics = [
        c
        for x in d.frames
        if x.kind == "agreement" and x.trigger.tag_.startswith("NN")
        for holder in (x.trigger, x.trigger.head)
        if x.trigger.dep_ == "dobj" or holder is x.trigger
        for c in holder.children
        if (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and holder is x.trigger and not _dated(c))
        or (
            c.dep_ in ("acl", "relcl", "advcl", "xcomp")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        )
    ]  # what the agreement is about: "on the rules of the talks", "(signed a deal) to end the war"
    conflict = lexicon().word_list("conflict_nouns") | _TRUCE_WORDS
    return all(any(w.lower_ in conflict for w in c.subtree) for c in topics)


def _dated(prep: Token) -> bool:
    """Whether a preposition only dates what it hangs from ("signed an agreement on Tuesday")."""
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _clause_of(t: Token) -> Token:
    """The verb of the clause a word is in that has a subject of its own."""
    for _ in range(8):
        if t.tag_.startswith("VB") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return t
        if t.head.i == t.i:
            break
        t = t.head
    return t


def _side_by_side(a: Frame, b: Frame) -> bool:
    """Whether two mentions are told in two clauses joined side by side, each with its own
    subject ("Moon will visit Pyongyang this fall, and the two sides' generals will hold talks")."""
    if a.sentence is not b.sentence:
        return False
    x, y = _clause_of(a.trigger), _clause_of(b.trigger)
    return x.i != y.i and (x.head.i == y.i or y.head.i == x.i) and "conj" in (x.dep_, y.dep_)


def _families(a: str, b: str) -> bool:
    if a == b:
        return True
    return {a, b} <= {"talks", "visit"}


def _goes_on(f: Frame, began: DateValue, when: DateValue) -> bool:
    """Whether ``f`` tells of the event that began on ``began`` going on, days later, on ``when``
    ("The talks, which continued behind closed doors on Tuesday")."""
    return f.goes_on and f.definite and _days(began, when) in range(1, _GOING_ON_DAYS + 1)


def _opened(f: Frame, when: DateValue, later: DateValue) -> bool:
    """Whether ``f`` tells of the opening, days before, of the event told on ``later``
    ("ended two days of talks on Sunday ... The meeting, which opened on Saturday")."""
    return f.opens and f.definite and _days(when, later) in range(1, _GOING_ON_DAYS + 1)


def _days(a: DateValue, b: DateValue) -> int | None:
    """Days from ``a`` to ``b``, both days; else ``None``."""
    if not (a.iso and b.iso and len(a.iso) == len(b.iso) == 10):
        return None
    return (date.fromisoformat(b.iso) - date.fromisoformat(a.iso)).days


def _same_time(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]
