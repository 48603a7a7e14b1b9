"""Event mentions: what one trigger word in one sentence says about a meeting or an agreement.

For every trigger the pipeline marked (see :mod:`kg.nlp.components`) this module builds a
:class:`Frame`: the participants read off the parse (subject, object, "with", "between ... and
...", compound and possessive modifiers, the subject of a support verb such as "held talks" or
"reached a deal", the traveller in "flew to Muscat to resume talks"), the place, the time
expression, the status cue, and whether the mention is specific at all ("called for talks",
"might lead to a truce" are not). :mod:`kg.extract.coref` then groups frames into events.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.args import Resolver
from kg.extract.layout import Layout, Sentence
from kg.extract.parties import (
    PARTY_PREPS,
    chairs,
    closers,
    enough_parties,
    governor_parties,
    is_destination,
    noun_parties,
    ratified_by_legislature,
    verb_parties,
)
from kg.extract.places import PlaceTable, covered_place, event_place
from kg.extract.scope import Scope, scope_of
from kg.extract.status import is_generic, mention_status
from kg.extract.syntax import clause_above, pobjs, subjects, tokens_in, with_governors
from kg.extract.timex import TimeRef, expressions_at, find_times
from kg.nlp.components import TRIGGER_KEY, gathers, trigger_spans
from kg.nlp.lexicon import Trigger, lexicon, words

_PRISONER_WORDS = words("prisoners prisoner detainees hostages captives pows bodies inmates detainee hostage captive")
_PHONE_WORDS = {"phone", "telephone", "video", "telephonic", "hotline"}
_PHONING = words("phoned phoning telephoned telephoning")
_NON_ACTOR_OBJECTS = words(
    "targets target demands demand deadline needs expectations criteria goals goal requirements "
    "obligations standards conditions challenges"
)
_SIGNING = words(
    "sign signed signs signing reach reached reaches conclude concluded seal sealed ink inked "
    "initial initialled initialed"
)
_INITIALLING = words("initial initials initialled initialed initialling initialing")
_PREMISES = words("office offices embassy embassies headquarters base bases consulate camp camps")
_PARTY_VERBS_VIA = {"dobj", "nsubjpass", "attr", "on", "in", "to", "into", "from", "of", "self"}
_AFTER = {"after", "following", "during", "at"}  # "X and Y agreed ... after talks": the talks were theirs
_TEMPORAL = {"during", "after", "before", "ahead", "following", "since", "until", "at"}


@dataclass
class Frame:
    """One mention of an event."""

    kind: str
    category: str
    family: str
    trigger: Token
    sentence: Sentence
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    area: str | None = None  # the place a ceasefire covers ("the ceasefire in Hodeidah"), not where it was made
    within: str | None = None  # the country an "intra-Afghan" event is inside of (its ISO code)
    times: list[TimeRef] = field(default_factory=list)
    status: str | None = None
    definite: bool = False
    anaphoric: bool = False
    generic: bool = False
    ordinal: str | None = None  # "old" (first, previous), "new" (second, next) or "separate"
    explicit_parties: int = 0
    sides: int = 0  # how many parties the sentence names, found or not ("Afghan politicians")
    part_of: int | None = None  # token index of the frame this one belongs to (a purpose clause)
    named: bool = False  # a proper name ("the Minsk Agreement"): specific without parties or date
    source: int | None = None  # token index of the meeting that made this deal ("the summit produced a statement")
    chairs: list[str] = field(default_factory=list)  # who chairs it: at the table, not a side
    signed: bool = False  # told as being signed or reached ("the accord was signed by ...")
    goes_on: bool = False  # told as going on ("the talks, which continued on Tuesday"): a later day of it
    opens: bool = False  # told as opening ("the meeting, which opened on Saturday"): its first day
    retells: int | None = None  # token index of the signing whose ceremony this sentence tells again
    # (its ``source`` then is the meeting the signing was held at: "signed at the closing session of the conference")
    leads: list[str] = field(default_factory=list)  # the sides its participant led (a head of delegation)
    attends: bool = False  # a list of who took part in the meeting told just before
    initialled: bool = False  # "the agreement had been initialled in Dayton on November 21": a step before its signing

    @property
    def index(self) -> int:
        return self.trigger.i


def find_frames(doc: Doc, layout: Layout, resolver: Resolver, places: PlaceTable) -> list[Frame]:
    """Frames for every usable trigger, in document order."""
    by_id = {t.id: t for t in lexicon().triggers}
    frames: list[Frame] = []
    spans = trigger_spans(doc)
    _note_conflicts(doc, layout, resolver, {layout.of(s[-1].i) for s in spans})
    for span in spans:
        sentence = layout.of(span[-1].i)
        if sentence is None or not sentence.usable:
            continue
        frame = _frame(span, by_id[span.label_], sentence, resolver, places)
        for f in _apart(frame, resolver) if frame is not None else ():
            frames.append(f)
            if not f.generic:
                resolver.note_event(f.index, f.participants, _focus_kind(f))
    _link_purposes(frames)
    _link_sources(frames)
    return frames


def _apart(frame: Frame, resolver: Resolver) -> list[Frame]:
    """ "Held talks with X and, separately, with Y": two meetings, the subject's with X and with Y.
    The second is a frame of its own, never merged with the first."""
    token = frame.trigger
    verb = token.head if token.tag_.startswith("NN") and token.dep_ == "dobj" else token
    if frame.kind != "meeting" or not verb.tag_.startswith("VB"):
        return [frame]
    withs = [
        c
        for h in {token.i: token, verb.i: verb}.values()
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
    ]
    apart = [w for w in withs if _after_separately(w)]
    hosts = [k for s in subjects(verb) for k in resolver.resolve(s)]
    if not apart and hosts and token is verb:
        return _each_apart(frame, verb, hosts, resolver)
    if not apart or not hosts or len(apart) == len(withs):
        return [frame]
    out = [frame]
    for w in apart:
        guests = [k for o in pobjs(w) for k in resolver.resolve(o) if k not in hosts]
        if not guests:
            continue
        frame.participants = [k for k in frame.participants if k not in guests]
        out.append(replace(frame, participants=[*hosts, *guests], ordinal="separate", explicit_parties=len(guests) + 1))
    frame.explicit_parties = len(frame.participants)
    return out


def _each_apart(frame: Frame, verb: Token, hosts: list[str], resolver: Resolver) -> list[Frame]:
    """ "Met the minister and the special representative separately", "had met each delegation":
    a meeting of the subject with each of those met, the later ones frames of their own."""
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    each = any(c.dep_ == "det" and c.lower_ == "each" for o in objects for c in o.children)
    if not each and not any(c.dep_ == "advmod" and c.lower_ in _APART for c in verb.children):
        return [frame]
    guests = list(dict.fromkeys(k for o in objects for k in resolver.resolve(o, conjuncts=False) if k not in hosts))
    if len(guests) < 2:
        return [frame]
    kept = [k for k in frame.participants if k not in guests]
    first = replace(frame, participants=[*kept, guests[0]], explicit_parties=len(hosts) + 1)
    rest = [
        replace(frame, participants=[*hosts, g], ordinal="separate", explicit_parties=len(hosts) + 1)
        for g in guests[1:]
    ]
    return [first, *rest]


_APART = {"separately", "individually"}


def _after_separately(prep: Token) -> bool:
    """Whether "separately" (or "also separately") comes right before ``prep``, commas aside."""
    doc, i = prep.doc, prep.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return i >= 0 and doc[i].lower_ == "separately"


_CEREMONIES = frozenset({"ceremony", "ceremonies", "signing"})


def _focus_kind(frame: Frame) -> str:
    """How an event puts its parties in focus: a call or a denied meeting does not make them the
    sides the article is about (see :meth:`Resolver.main_pair`), nor does hosting a gathering."""
    if frame.category == "call":
        return "call"
    verb, hosted = frame.trigger, _gathering_nouns() | _CEREMONIES
    if (
        verb.tag_.startswith("VB")
        and verb.lower_ in lexicon().word_list("mediator_verbs")
        and any(c.dep_ == "dobj" and c.lower_ in hosted for c in verb.children)
    ):
        return "hosting"  # "Mwinyi, who hosted the ceremony": the host of an event told as such
    return "denied" if frame.status == "Denied" else frame.kind


def _note_conflicts(doc: Doc, layout: Layout, resolver: Resolver, eventful: set[Sentence | None]) -> None:
    """The sides of a conflict the article names ("the war between X and Y", "tensions between
    X and Y exploded"): whom "the two sides" may mean after it. Not a conflict told as the topic
    of an event ("met in Vienna to discuss the war between Russia and Ukraine")."""
    for t in tokens_in(doc, lexicon().word_list("conflict_nouns")):
        if not t.tag_.startswith("NN"):
            continue
        sentence = layout.of(t.i)
        if sentence is None or not sentence.usable or sentence in eventful:
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "between":
                keys = [k for o in pobjs(prep) for k in resolver.resolve(o)]
                if len(set(keys)) >= 2:
                    resolver.note_event(t.i, list(dict.fromkeys(keys)), "conflict")


def _link_sources(frames: list[Frame]) -> None:
    """A deal the talks produced or ended with is theirs: "the summit produced a joint statement",
    "the round ended with an accord"."""
    meetings = {f.trigger.i: f for f in frames if f.kind == "meeting" and f.trigger.tag_.startswith("NN")}
    lex = lexicon()
    verbs = lex.word_list("support_verbs", "end_verbs")
    for f in frames:
        t = f.trigger
        if f.kind != "agreement" or not t.tag_.startswith("NN"):
            continue
        verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "with" else t.head if t.dep_ == "dobj" else None
        if verb is None or verb.lower_ not in verbs:
            continue
        source = next((meetings[s.i] for s in subjects(verb) if s.i in meetings), None)
        if source is not None:
            f.source = source.index


_GOING_ON = {"continue", "continued", "continues", "continuing"}
_OPENING = {"open", "opened", "opens", "begin", "began", "begins", "begun", "start", "started", "starts"}


def _frame(span: Span, trig: Trigger, sentence: Sentence, resolver: Resolver, places: PlaceTable) -> Frame | None:
    token = span[-1]
    noun = trig.pos == "noun"
    if _excluded(token, trig, noun):
        return None
    scope = scope_of(token, noun)
    frame = Frame(trig.kind, trig.category, trig.family, token, sentence, anaphoric=trig.anaphoric)
    talk_of_talks = is_generic(scope)
    if trig.kind == "agreement":
        scope.travel = None  # a trip to discuss a deal says nothing of the deal
    parties = _parties(scope, trig, resolver, talk_of_talks)
    if noun:
        _read_noun_phrase(frame, scope, trig)
        frame.named = (trig.kind == "agreement" and not sentence.headline and token.text[:1].isupper()) and any(
            c.dep_ == "compound" and c.tag_ in ("NNP", "NNPS") and c.i < token.i for c in token.children
        )
    keys: list[str] = []
    for p in parties:
        for k in resolver.resolve(p):
            if k not in keys:
                keys.append(k)
    if noun:
        frame.within = _within(token)
    if noun and len(keys) == 1 and _only_demonym(parties, resolver):
        keys = []  # "intra-Afghan talks", "Afghan peace talks": a demonym alone names no party
    frame.explicit_parties = len(keys)
    frame.sides = len({t.i for p in parties for t in (p, *p.conjuncts)})
    frame.participants = keys
    frame.signed = bool(scope.verbs) and scope.verbs[0].lower_ in _SIGNING and scope.via in ("nsubjpass", "dobj")
    if trig.kind == "meeting" and not talk_of_talks:
        found = [k for p in chairs(scope) for k in resolver.resolve(p)]
        frame.chairs = [k for k in dict.fromkeys(found) if k not in keys]
    if not noun and trig.needs_actor and not enough_parties(trig, token, keys, parties, resolver):
        return None
    if trig.after and not all(_convenes(s, resolver) for s in subjects(token)[:1]):
        return None  # "the attack brought Iran and Saudi Arabia together"
    # a clause that dates or places the event makes it specific: "talks that opened in Geneva on Monday"
    support = lexicon().word_list("support_verbs")
    frame.generic = (
        talk_of_talks
        and not frame.named  # "must rest on the 1972 Simla Agreement": a deal with a name is one deal
        and not any(expressions_at(c) or (c.tag_ == "VBD" and c.lower_ in support) for c in scope.clauses)
    )  # "honour the agreement it signed with the insurgents" is one agreement
    if noun and trig.kind == "agreement" and _unmade(scope):
        frame.generic = True  # "failed to reach a deal", "did not sign an agreement": no deal was made
    frame.status = mention_status(scope, frame.kind)
    if frame.named and frame.status == "Planned" and not (scope.verbs and scope.verbs[0].lower_ in _SIGNING):
        frame.status = None  # "would respect the Tashkent Declaration": the deal stands, the respect is to come
    if frame.status == "Denied" and any(c.lower_ == "such" for n in scope.nodes for c in n.children):
        frame.definite = True  # "denied that any such meeting took place" refers back
    if trig.status and frame.status not in ("Cancelled", "Denied"):
        frame.status = trig.status  # "intends to invite them": the meeting is yet to be
    frame.times = [] if trig.kind == "agreement" and ratified_by_legislature(scope) else find_times(scope)
    frame.initialled = bool(
        frame.definite and trig.kind == "agreement" and scope.verbs and scope.verbs[0].lower_ in _INITIALLING
    )
    told = (*scope.clauses, *scope.verbs[:1], *(c for c in token.children if c.dep_ in ("relcl", "acl")))
    frame.goes_on = noun and any(v.lower_ in _GOING_ON for v in told)
    frame.opens = noun and any(v.lower_ in _OPENING for v in told)
    frame.place = event_place(
        scope,
        [t for p in parties for t in (p, *p.conjuncts) if resolver.resolve(t, conjuncts=False)],
        places,
        visit=noun and frame.category == "visit",
        covers=frame.category == "ceasefire",
        deal=frame.kind == "agreement",
    )
    if noun and not keys and not frame.times and _demonstrative(scope.nodes) and not _placed_in_phrase(scope):
        frame.place = None  # "That visit drew criticism in Kabul": the visit told before, not one there
    if frame.category == "ceasefire":
        frame.area = covered_place(token, places)
    if not noun and frame.kind == "meeting" and scope.travel is not None:
        frame.category = "visit"
    if not noun and frame.kind == "meeting" and any(c.dep_ == "advmod" and c.lower_ == "again" for c in token.children):
        frame.ordinal = "separate"  # "met again in Moscow on December 23": another meeting
    if not noun and frame.ordinal is None and _first_time(token):
        frame.ordinal = "old"  # "Lebed first met Maskhadov in mid-August": not "their second meeting"
    return frame


def _first_time(verb: Token) -> bool:
    """ "first met", "first visited": the verb tells the first of its kind."""
    before = verb.doc[verb.i - 1] if verb.i else None
    return before is not None and before.dep_ == "advmod" and before.head.i == verb.i and before.lower_ == "first"


def _convenes(subject: Token, resolver: Resolver) -> bool:
    """Whether the subject of "brought ... together" can convene a meeting: an actor, people
    ("mediators", "Qatar's emir, Sheikh Tamim"), an effort ("an attempt to bring ...") or a
    gathering ("the talks")."""
    low, lex = subject.lower_, lexicon()
    return (
        any(resolver.resolve(t) for t in (subject, *(c for c in subject.children if c.dep_ == "appos")))
        or low in lex.word_list("agent_nouns", "effort_nouns")
        or lex.role_of([subject.text]) is not None
        or low in _gathering_nouns()
    )


@lru_cache(maxsize=1)
def _gathering_nouns() -> frozenset[str]:
    return frozenset(f for t in lexicon().triggers if t.kind == "meeting" and t.pos == "noun" for f in t.forms)


def _parties(scope: Scope, trig: Trigger, resolver: Resolver, talk_of_talks: bool) -> list[Token]:
    """The words that name the parties of a mention (resolved to actors by the caller)."""
    token, noun = scope.token, trig.pos == "noun"
    gathering = trig.category in ("meeting", "summit", "conference", "visit")
    parties = noun_parties(scope, resolver, gathering) if noun else verb_parties(token, trig)
    if (
        scope.verbs
        and ((noun and scope.via in _PARTY_VERBS_VIA) or not noun)
        and not talk_of_talks
        and not (noun and _between(scope))
    ):
        parties += governor_parties(scope, trig)  # not "the army refused to attend talks"
        if noun and trig.kind == "meeting" and scope.via == "in":
            parties += _present(scope, parties)
    elif noun and trig.kind == "meeting" and scope.via in ("during", "at") and (present := _present(scope, parties)):
        parties += present
    elif (
        noun
        and trig.kind == "meeting"
        and scope.verbs
        and scope.via in _AFTER
        and scope.verbs[0].lower_ in lexicon().word_list("support_verbs")
    ):
        parties += subjects(scope.verbs[0])  # "X and Y agreed ... after talks"
    if noun and trig.kind == "meeting":
        parties += closers(scope)
    if noun and trig.kind == "meeting" and scope.verbs and scope.via in ("in", "during", "over"):
        parties += _with_after_time(token, scope.verbs[0])
    if noun and trig.category == "visit" and token.dep_ == "pobj" and token.head.lower_ == "with":
        verb = token.head.head  # "Isaias returned the gesture with a visit to Ethiopia": he made it
        tasked = [c for c in verb.children if c.dep_ == "dobj" and resolver.resolve(c)]
        if verb.tag_.startswith("VB") and not parties:  # "tasked the council with a visit": the council
            parties += tasked or subjects(verb)
    if noun and trig.kind == "meeting" and (verb := _deal_verb(token)) is not None:
        parties += subjects(verb)  # "X and Y agreed to a ceasefire at talks in Doha": the talks were theirs
    if noun and scope.verbs and scope.via == "nsubj" and scope.verbs[0].lower_ in _COPULA:
        # "the hotline conversation was between X and Y"
        parties += [o for c in scope.verbs[0].children if c.dep_ == "prep" and c.lower_ == "between" for o in pobjs(c)]
    if noun and trig.id == "delegation" and scope.verbs and scope.via in ("dobj", "nsubjpass"):
        parties += subjects(scope.verbs[0])  # "the Taliban recalled its team"
    if noun and trig.id == "meal" and scope.verbs and scope.via == "dobj":
        # "Macron will host a working dinner for Zelensky and Scholz": the host eats with the guests
        parties += subjects(scope.verbs[0]) + [
            o for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for o in pobjs(c)
        ]
    if scope.travel is not None and (noun or scope.travel != token):
        parties += [s for s in subjects(scope.travel) if not is_destination(s)]
    return parties


def _with_after_time(noun: Token, verb: Token) -> list[Token]:
    """The "with" phrase of an event noun that a time expression parted from it, so that the
    parser hung both on the verb: "sealed the arrangement in a telephone call last week with the
    Emir of Qatar" (the call was with the Emir)."""
    doc, start = noun.doc, noun.right_edge.i + 1
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "with" or c.i <= start:
            continue
        between = doc[start : c.i]
        if all(_timely(t) for t in between if not t.is_punct):
            return pobjs(c)
    return []


def _timely(t: Token) -> bool:
    """A word of a time expression: "last week", "on Monday"."""
    if t.ent_type_ in ("DATE", "TIME"):
        return True
    objects = pobjs(t) if t.dep_ == "prep" else []
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _between(scope: Scope) -> bool:
    """Whether an event noun names its two sides ("talks between Kabul and the Taliban"): then
    whoever starts, wants or hosts the talks is not one of them."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("between", "among") and sum(1 + len(o.conjuncts) for o in pobjs(c)) > 1
        for n in scope.nodes
        for c in n.children
    )


def _present(scope: Scope, parties: list[Token]) -> list[Token]:
    """Who was at a meeting that a verb of telling, saying or meeting happened "during", "at" or
    "in": "the envoy briefed Ghani during a visit to Kabul", "told his counterpart in a phone
    call", "said at a meeting with Y", "urged X to talk at a conference", "discussed the plan
    with Y during a meeting". Those told or urged were there too, unless the event names its own
    ("urged Israel to allow aid at a meeting with Jordan's king": Israel was not at it)."""
    lex = lexicon()
    briefing, saying = lex.word_list("brief_verbs"), lex.word_list("report_verbs")
    for verb in with_governors(scope.verbs):
        meeting = _is_trigger_verb(verb, "meeting")
        if meeting and _own_setting(verb, scope.token):
            return []  # "hosted Modi in Moscow during the NATO summit": a meeting of its own, at that time
        if verb.lower_ in briefing or meeting:
            told = [c for c in verb.children if c.dep_ in ("dobj", "dative")] if not parties else []
            met = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for o in pobjs(c)]
            return subjects(verb) + told + met
        if verb.lower_ in saying:
            # "said during a meeting with Y" was there; "said during the talks in Doha" only tells when
            mine = scope.via != "during" or any(c.dep_ == "prep" and c.lower_ == "with" for c in scope.token.children)
            return subjects(verb) if mine else []
    return []


_MEDIA = words("phone telephone video videolink hotline telegram twitter x letter")


def _own_setting(verb: Token, event: Token) -> bool:
    """Whether a verb tells where or how it happened before the event it happened "during": a place
    ("in Moscow"), or a medium ("by phone")."""
    for c in verb.children:
        if c.dep_ != "prep" or c.i > event.i or c.lower_ not in ("in", "at", "on", "by", "over"):
            continue
        if any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.lower_ in _MEDIA for o in pobjs(c)):
            return True
    return False


_FAIL = {"fail", "failed", "fails", "failing"}
_COPULA = words("is are was were be been")


def _unmade(scope: Scope) -> bool:
    """Whether the verb that would make a deal says it was not made: "failed to reach a deal",
    "did not sign an agreement", "could not agree on a truce"."""
    if (
        not scope.verbs
        or scope.via not in ("dobj", "on", "to")
        or scope.verbs[0].lower_ not in lexicon().word_list("deal_verbs")
    ):
        return False
    verb = scope.verbs[0]
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ in _FAIL


def _deal_verb(token: Token) -> Token | None:
    """The verb that makes a deal an event noun is "at" or "during": "agreed to a ceasefire at
    talks", "signed a deal during a visit" (the parser hangs the event from the deal)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("at", "during") or not prep.head.tag_.startswith("NN"):
        return None
    deal = prep.head
    verb = deal.head.head if deal.dep_ == "pobj" else deal.head if deal.dep_ == "dobj" else None
    making = lexicon().word_list("deal_verbs")  # not "announced a ceasefire during Ghani's visit"
    return verb if verb is not None and verb.tag_.startswith("VB") and verb.lower_ in making else None


def _read_noun_phrase(frame: Frame, scope: Scope, trig: Trigger) -> None:
    """Definiteness, ordinal and category of an event noun, and whether it only refers back."""
    frame.definite = _definite(scope.nodes)
    frame.ordinal = _ordinal(scope.nodes)
    frame.category = _refine_category(scope.nodes[0], frame.category)
    if (
        scope.noun_head is not None
        and scope.via not in PARTY_PREPS
        and scope.via not in _TEMPORAL
        and not _made_in_clause(scope.token)
        and not closers(scope)  # "bringing a close to a summit" tells that summit
    ):
        frame.anaphoric = True  # "hopes for a deal", "a milestone for the negotiations"
    if trig.id == "delegation":
        frame.anaphoric = not _delegation_moves(scope)
    topic = scope.verbs and scope.via == "dobj" and scope.verbs[0].lower_ in lexicon().word_list("topic_verbs")
    if trig.kind == "agreement" and topic and not frame.definite:
        frame.anaphoric = True  # "to discuss a permanent ceasefire": a subject of talks, not a deal


def _made_in_clause(token: Token) -> bool:
    """Whether a relative clause on the event noun tells it was made ("talks under the agreement
    it signed with the militants in Doha"): the mention tells of the deal, not only refers to it."""
    making = lexicon().word_list("deal_verbs")
    return any(c.dep_ == "relcl" and c.lower_ in making and c.tag_ in ("VBD", "VBN") for c in token.children)


def _rings_someone(verb: Token) -> bool:
    """Whether a verb of telephoning has someone named at the other end (its object, or the object
    of "with" or "to"), not a news outlet, or someone by their title ("his counterpart"); not
    "telephoned residents" or "phoned in to a rally"."""
    ends = [c for c in verb.children if c.dep_ == "dobj"]
    ends += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for o in pobjs(c)]
    lex = lexicon()
    for t in ends:
        named = t.tag_ in ("NNP", "NNPS") or t.ent_kb_id_.startswith(("actor:", "country:"))
        if (named and not lex.is_outlet(t.text)) or lex.role_of([t.text]) is not None or t.lower_ == "counterpart":
            return True
    return False


_CALL_PARTICLES = words("on upon off for in up out back into")


def _rings_up(verb: Token) -> bool:
    """Whether "called" is a telephone call: a person at the other end, as its object, and
    nothing said of them ("called the Indian DGMO", "called Karzai to congratulate him"); not
    "called the accord a betrayal", "called Ghani a puppet", "called for talks", "called off the
    meeting", "a group called Hamas"."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if verb.tag_ == "VBN" or (nxt is not None and nxt.lower_ in _CALL_PARTICLES):
        return False
    deps = [c.dep_ for c in verb.children]
    if any(d in ("prt", "ccomp", "attr", "nsubjpass", "auxpass", "dative") for d in deps) or deps.count("oprd") > 1:
        return False
    if any(c.dep_ == "xcomp" and not any(t.tag_ == "TO" for t in c.children) for c in verb.children):
        return False  # "called him naive"
    # the person called, which the parser may take for a name given ("called Recep Tayyip Erdogan")
    ends = [c for c in verb.children if c.dep_ == "dobj"] or [c for c in verb.children if c.dep_ == "oprd"]
    if "dobj" in deps and "oprd" in deps:
        return False  # "called the accord a betrayal"
    lex = lexicon()
    for t in ends:
        if any(c.dep_ in ("appos", "amod") and c.i > t.i for c in t.children):
            return False  # "called Kim a rocket man" parsed with the name in apposition
        if lex.is_outlet(t.text):
            return False
        if t.ent_type_ == "PERSON" or lex.role_of([t.text]) is not None or t.lower_ == "counterpart":
            return True
    return False


def _speaks_with_someone(verb: Token) -> bool:
    """Whether "spoke with" or "spoke to" has a person named at the other end ("had spoken with
    Hun Manet", "spoke to his counterpart"), not reporters, an audience or a news outlet ("speaking
    to Reuters", "told CNN's Christiane Amanpour")."""
    lex = lexicon()
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("with", "to"):
            continue
        for end in pobjs(c):
            for t in (end, *end.conjuncts):
                outlet = any(lex.is_outlet(p.text) for p in t.children if p.dep_ == "poss")
                if (t.ent_type_ == "PERSON" and not lex.is_outlet(t.text) and not outlet) or t.lower_ == "counterpart":
                    return True
    return False


def _calls_on_someone(verb: Token) -> bool:
    """ "called on Prime Minister Imran Khan" pays a person a visit; "called on the Taliban to
    release prisoners", "called on Ghani to resign", "called on both sides for restraint" urge
    someone. A purpose told by a meeting verb keeps the visit ("called on Ghani to discuss the
    peace process")."""
    on = verb.doc[verb.i + 1]
    ends = [*pobjs(on), *(c for c in verb.children if c.dep_ == "dobj")]
    if not any(t.ent_type_ == "PERSON" for t in ends):
        return False
    for t in verb.subtree:
        if t.i == verb.i:
            continue
        if t.dep_ == "prep" and t.head.i == verb.i and t.lower_ in ("for", "to"):
            return False  # "for restraint", "to the government"
        clause = any(c.tag_ == "TO" for c in t.children) or (t.dep_ == "ccomp" and t.head.i == verb.i)
        if t.tag_.startswith("VB") and clause and not _is_trigger_verb(t, "meeting"):
            return False
    return True


def _excluded(token: Token, trig: Trigger, noun: bool) -> bool:
    """Words that look like triggers but are not events here."""
    if noun:
        if token.dep_ == "compound" and token.head.lower_ not in lexicon().word_list("container_nouns"):
            return True  # "meeting room", "deal maker", "negotiation team"
        if trig.id == "conference" and any(c.lower_ in ("press", "news") for c in token.children):
            return True
        if trig.id == "round" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return True  # "a round of talks" is the talks; "a round of fighting" is none
        if trig.id == "understanding" and any(
            (c.dep_ == "prep" and c.lower_ == "of") or c.tag_ in ("JJR", "RBR") for c in token.children
        ):
            return True  # "a better understanding of each other's positions" is no agreement
        # "in exchange for"
        return (
            token.lower_ in ("exchange", "swap")
            and token.head.lower_ == "in"
            and not any(c.dep_ == "det" for c in token.children)
        )
    if token.dep_ in ("amod", "compound") or (token.tag_ == "VBG" and token.dep_ in ("amod", "compound", "pobj")):
        return True  # "the negotiating team"
    objs = [c for c in token.children if c.dep_ == "dobj"]
    if trig.needs_actor and any(o.lower_ in _NON_ACTOR_OBJECTS for o in objs):
        return True  # "meet targets"
    if trig.id == "call_on":
        return not _calls_on_someone(token)  # "called on Prime Minister Imran Khan", not "called on X to stop"
    if trig.id == "ring":
        return not _rings_up(token)  # "called the Indian DGMO"; not "called the accord a betrayal"
    if trig.id == "speak" and token.lower_ in _PHONING:
        return not _rings_someone(token)  # "telephoned Karzai"; not "telephoned residents", "phoned in"
    if trig.id == "speak" and not any(t.lower_ in _PHONE_WORDS for t in token.subtree):
        return not _speaks_with_someone(token)  # "spoke" is a call by phone, or with a person named
    if trig.id in ("exchange_verb", "release_verb") and not any(o.lower_ in _PRISONER_WORDS for o in objs):
        return True
    if trig.id == "release_verb" and not (token.dep_ == "xcomp" and token.head.lower_ in ("agree", "agreed", "agrees")):
        return True  # one side freeing prisoners is no exchange; both agreeing to release them is
    if trig.id == "host" and any(o.lower_ in _PREMISES for o in objs):
        return True  # "Qatar, which hosts the Taliban's political office": houses it, meets no one
    if trig.id in ("negotiate", "agree", "host") and any(_is_trigger_noun(o) for o in objs):
        return True  # "negotiated the deal": the noun carries the event
    if token.dep_ == "acl" and token.tag_ == "VBN" and _is_trigger_noun(token.head):
        return True  # "the talks, hosted by Qatar": a clause of the noun's event
    if trig.id == "host" and token.tag_ == "VBN" and any(_is_trigger_noun(s) for s in subjects(token)):
        return True  # "the talks were chaired by X and hosted by Sweden"
    if trig.id == "agree" and _agree_to_trigger(token):
        return True
    if trig.id == "agree":  # "agreed to continue meetings" is no agreement; "agreed to exchange prisoners" is
        xcomps = [c for c in token.children if c.dep_ == "xcomp"]
        # "have yet to agree on how ...", "failed to agree on how ...", "could not agree on how ..."
        unmet = any(c.dep_ == "neg" for c in token.children) or (
            token.dep_ == "xcomp"
            and (
                token.head.lower_ in ("fail", "failed", "fails") or any(c.lower_ == "yet" for c in token.head.children)
            )
        )
        objects = [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("on", "to", "upon")
            for o in [*pobjs(c), *(x for x in c.children if x.dep_ == "pcomp" and c.lower_ != "to" and not unmet)]
            if o.ent_type_ not in ("DATE", "TIME")
        ]  # "agreed on a plan", "agreed on how to implement the plan"
        return not objects and not any(_is_trigger_verb(x, "agreement") for x in xcomps) and not _agreed_there(token)
    return False


def _agreed_there(verb: Token) -> bool:
    """Whether "agreed to do X" is told as an agreement made at a time and place of its own:
    "Kerry and Lavrov agreed in Paris on Monday to press the sides" (the day and the city hang
    on "agreed"); not "the sides agreed to continue meetings"."""
    done = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)]
    if not done or not any(s.conjuncts for s in subjects(verb)):
        return False
    where = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in pobjs(c)]
    dated = any(
        c.ent_type_ == "DATE" or (c.dep_ == "prep" and any(o.ent_type_ == "DATE" for o in pobjs(c)))
        for c in verb.children
    )
    return dated and any(o.ent_type_ == "GPE" for o in where)


def _is_trigger_verb(t: Token, kind: str | None = None) -> bool:
    """Whether ``t`` is a trigger verb (of that kind); "called on" only when it pays a visit."""
    kinds = {tr.id: tr.kind for tr in lexicon().triggers}
    return any(
        s[-1].i == t.i and kind in (None, kinds[s.label_]) and (s.label_ != "call_on" or _calls_on_someone(t))
        for s in t.doc.spans.get(TRIGGER_KEY, [])
    )


def _is_trigger_noun(t: Token) -> bool:
    spans = t.doc.spans.get(TRIGGER_KEY, [])
    return any(s[-1].i == t.i or (s[-1].dep_ == "conj" and s[-1].head.i == t.i) for s in spans)


def _agree_to_trigger(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prep" and any(
            _is_trigger_noun(o) or any(_is_trigger_noun(x) for x in o.conjuncts) for o in pobjs(c)
        ):
            return True
    return False


def _only_demonym(parties: list[Token], resolver: Resolver) -> bool:
    named = [p for p in parties if resolver.resolve(p, conjuncts=False)]
    return bool(named) and all(p.ent_kb_id_.startswith("demonym:") for p in named)


_SENT = words(
    "send sent sends sending dispatch dispatched dispatches recall recalled recalls withdraw "
    "withdrew withdrawn pull pulled"
)
_ARRIVE = words(
    "arrive arrived arrives arriving land landed travel traveled travelled traveling travelling "
    "left leave leaves depart departed visit visited visiting fly flew"
)


def _within(noun: Token) -> str | None:
    """The country of an "intra-Afghan dialogue": its sides are all of that country."""
    doc = noun.doc
    for c in noun.children:
        kb = c.ent_kb_id_
        if c.i < noun.i and kb.startswith("demonym:") and c.i >= 2 and doc[c.i - 2].lower_ == "intra":
            return kb[8:]
    return None


def _delegation_moves(scope: Scope) -> bool:
    """A delegation is a visit when it is sent or recalled, or arrives or leaves."""
    if scope.verbs and not any(c.dep_ == "agent" for c in scope.verbs[0].children):
        verb, via = scope.verbs[0].lower_, scope.via
        if (via in ("dobj", "nsubjpass") and verb in _SENT) or (via == "nsubj" and verb in _ARRIVE):
            return True
    return any(c.lower_ in _SENT for c in scope.clauses)


def _placed_in_phrase(scope: Scope) -> bool:
    """Whether the event noun's own phrase names a place ("that meeting in Doha")."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "at") for n in scope.nodes for c in n.children)


def _demonstrative(nodes: list[Token]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("that", "this", "these", "those") for n in nodes for c in n.children)


def _definite(nodes: list[Token]) -> bool:
    dets = lexicon().word_list("definite_dets")
    return any(
        (c.dep_ in ("det", "poss") and (c.lower_ in dets or c.dep_ == "poss"))
        or (c.dep_ == "amod" and c.lower_ == "such")
        for n in nodes
        for c in n.children
    )  # "any such meeting" points back like "that meeting"


def _ordinal(nodes: list[Token]) -> str | None:
    lex = lexicon()
    for n in nodes:
        for c in n.children:
            if c.dep_ == "amod" and c.lower_ in lex.word_list("ordinal_separate") and not _definite([n]):
                return "separate"  # "a separate meeting with X": not one told before; "the separate talks" are
            if c.dep_ in ("amod", "advmod", "nummod", "compound") and c.lower_ in lex.word_list("ordinal_new"):
                return "new"
            if c.dep_ in ("amod", "advmod", "nummod", "compound") and c.lower_ in lex.word_list("ordinal_old"):
                return "old"
    return None


def _refine_category(anchor: Token, category: str) -> str:
    mods = [c.lower_ for c in anchor.children if c.dep_ in ("compound", "amod") and c.i < anchor.i]
    if category in ("deal", "agreement", "accord", "pact") and mods:
        if any(m.startswith(("prisoner", "hostage", "detainee")) for m in mods):
            return "prisoner exchange"
        if any(m in ("ceasefire", "truce") for m in mods):
            return "ceasefire"
        if "peace" in mods:
            return f"peace {category}"
    return category


_GATHERING_FAMILIES = ("talks", "assembly")  # not "a delegation met": the delegation is who meets
_AT_WHICH = words("at during in")


def _signed_for(f: Frame, by_token: dict[int, Frame]) -> Frame | None:
    """The plain agreement a ceasefire or swap is what: "signed an agreement in Jeddah on Saturday
    for a seven-day ceasefire", the "for" hung from the verb."""
    x = f.trigger
    if f.kind != "agreement" or f.family == "agreement" or x.dep_ != "pobj" or x.head.lower_ not in ("for", "on"):
        return None
    verb = x.head.head
    if not verb.tag_.startswith("VB"):
        return None
    deal = next((by_token[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in by_token), None)
    return deal if deal is not None and deal.kind == "agreement" and deal.family == "agreement" else None


def _own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is joined to when it has none: "the summit is
    co-chaired by X and brings together a dozen heads of state"."""
    subs = [s for s in verb.children if s.dep_ == "nsubj"]
    if not subs and verb.dep_ == "conj":
        subs = [s for s in verb.head.children if s.dep_ in ("nsubj", "nsubjpass")]
    return subs


def _held_at(f: Frame, frames: list[Frame]) -> Frame | None:
    """The gathering a meeting verb tells of in a clause opening "at which" ("a meeting in Moscow
    in February at which members of the group sat down with opposition politicians"): the noun
    told last before the clause, in its sentence (the parser may hang the clause elsewhere)."""
    verb = f.trigger
    if verb.dep_ != "relcl" or f.kind != "meeting":
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _AT_WHICH and c.i < verb.i), None)
    if prep is None or not any(o.lower_ == "which" for o in pobjs(prep)):
        return None
    before = [
        g
        for g in frames
        if g.kind == "meeting"
        and g.sentence is f.sentence
        and g.trigger.i < prep.i
        and not g.trigger.tag_.startswith("VB")
    ]
    return max(before, key=lambda g: g.trigger.i) if before else None


def _link_purposes(frames: list[Frame]) -> None:
    """A meeting verb in the purpose clause of another event word belongs to that event: "met ... to
    discuss", "flew ... to discuss", "use the visit to meet"; so does the noun in "meet for talks",
    a verb whose subject is the event ("the talks brought together X and Y"), and a participle
    beside it ("at a meeting in Entebbe, hosted by Museveni, the rivals agreed")."""
    by_token = {f.trigger.i: f for f in frames}
    for f in frames:
        x = f.trigger
        if not x.tag_.startswith("VB"):
            head = x.head.head if x.dep_ == "pobj" and x.head.lower_ == "for" else None
            owner = by_token.get(head.i) if head is not None else None
            if owner is not None and owner.kind == f.kind and owner.trigger.tag_.startswith("VB"):
                f.part_of = owner.trigger.i
            owner = _signed_for(f, by_token)
            if owner is not None:
                f.part_of = owner.trigger.i  # "signed an agreement in Jeddah for a seven-day ceasefire"
            continue
        told = next((by_token[s.i] for s in _own_subjects(x) if s.i in by_token), None)
        told = told or _held_at(f, frames)
        if x.tag_ == "VBN" and x.dep_ in ("advcl", "acl"):  # "at a meeting in Entebbe, hosted by X, ..."
            told = told or next(
                (by_token[o.i] for p in x.head.children if p.dep_ == "prep" for o in pobjs(p) if o.i in by_token), None
            )
        if told is not None and told.family in _GATHERING_FAMILIES and not told.trigger.tag_.startswith("VB"):
            f.part_of = told.trigger.i
            continue
        above = clause_above(x) if gathers(x) else None
        if above is not None and above.i in by_token and by_token[above.i].kind == f.kind:
            f.part_of = above.i  # "X and Y first met on Jan. 24, when Annan brought them together"
            continue
        if f.ordinal == "separate":
            continue  # "met in December, and on December 23 they met again in Moscow"
        if x.dep_ == "advcl" and {"nsubj", "mark"} <= {c.dep_ for c in x.children}:
            continue  # "X had spoken to Y, while Z spoke to W": a clause with its own subject is no purpose
        travel = lexicon().word_list("travel_verbs")
        for _ in range(3):
            if x.dep_ not in ("xcomp", "advcl", "conj") or x.head == x or x.head.lower_ in travel:
                break  # "traveled to Israel to meet Netanyahu" is a trip of its own
            x = x.head
            owner = by_token.get(x.i) or next(
                (by_token[c.i] for c in x.children if c.dep_ == "dobj" and c.i in by_token), None
            )
            if owner is not None and owner is not f and owner.kind == f.kind:
                f.part_of = owner.trigger.i
                break
