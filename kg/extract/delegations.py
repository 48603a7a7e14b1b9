"""Who was at the table, told in a sentence of its own after the one that tells the talks.

Reports of talks name who led each side: "Vladimir Medinsky, who led the Russian side, said ...",
"Rustem Umerov, head of Kyiv's delegation, confirmed ...", "The government delegation was led by
X", "The head of the government delegation, X, shook hands with ...". Each such sentence becomes
a mention (:attr:`Frame.leads`) that coreference joins to the latest meeting told before it that
the side takes part in (:meth:`kg.extract.coref.Grouper.group`), so the meeting has the person and
the sentence that says so. A sentence that lists who took part ("Taking part were X, Y and
representatives of Z", "Attending were ...") or who represented whom ("Washington was represented
by its special envoy, Thomas West, and Islamabad by Hina Rabbani Khar") joins the meeting told
just before it (:attr:`Frame.attends`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.extract.args import Resolver
from kg.extract.events import Frame
from kg.extract.layout import Layout
from kg.extract.syntax import pobjs, subjects, tokens_in
from kg.nlp.lexicon import words

_TEAMS = words("delegation delegations side team negotiators")
_LEADING = words("lead leads led leading head heads headed heading")
_NOT_AT_ONE_TIME = words("will would 'll shall should could may might can has have 's 've to")
_HEADS = words("head leader chief")  # "head of the government delegation"
_FORMER = words("former ex then onetime erstwhile")
_PLANNED = words("expected due scheduled set slated")  # "is expected in Doha next week"
_HABITUAL = words("usually often normally generally traditionally always never")
_ATTENDANCE = re.compile(
    r"(?:also )?(?:taking part|attending|present) (?:were|was)\b"
    r"|among (?:those )?(?:present|attending|taking part|the participants) (?:were|was)\b"
    r"|(?:those (?:present|attending|taking part)|(?:the )?participants) included\b"
)
_LIST_ENDS = words("but while except although though whereas not")  # "..., but not the EU"


def delegation_heads(frames: list[Frame], layout: Layout, resolver: Resolver) -> list[Frame]:
    """A mention for each person a usable body sentence tells as leading a side's delegation, in
    document order; its ``leads`` are the sides. Not when a meeting the sentence tells has them
    already ("a delegation led by X held talks in Islamabad"): that meeting is theirs."""
    out = []
    told: dict[int, set[str]] = {}  # sentence index -> who the meetings it tells have
    for f in frames:
        if f.kind == "meeting" and not (f.anaphoric or f.generic):
            told.setdefault(f.sentence.index, set()).update(f.participants)
    for team in tokens_in(resolver.doc, _TEAMS):
        sentence = layout.of(team.i)
        if sentence is None or not sentence.usable or sentence.headline:
            continue
        leaders = _leaders(team)
        if not leaders:
            continue
        people = [k for k in _keys(leaders, resolver) if (a := resolver.actors.get(k)) and a.type == "Person"]
        sides = [k for k in _sides(team, resolver) if k not in people]
        if sides and people and not set(people) & told.get(sentence.index, set()):
            out.append(Frame("meeting", "talks", "talks", team, sentence, participants=people, leads=sides))
    return out


def _leaders(team: Token) -> list[Token]:
    """Who leads ``team``, by the way the sentence tells it; none when the sentence tells it as a
    plan, a habit, a standing or former role, a denial, or of another time, place or body ("X,
    who led Russia's delegation in 2022", "head of Russia's delegation to the OSCE")."""
    head = team.head
    if _elsewhere(team) or not _at_one_time(_clause_verb(team)):
        return []
    if team.dep_ == "dobj" and head.lower_ in _LEADING and head.tag_.startswith("VB"):
        return subjects(head)  # "X led the Russian side", "X, who led his country's delegation"
    if team.dep_ == "nsubjpass" and head.lower_ in _LEADING:
        return _agents(head)  # "The government delegation was led by X"
    if team.dep_ == "pobj" and head.lower_ == "on" and head.head.lower_ in _LEADING:
        return _agents(head.head)  # "talks led on the American side by X"
    if team.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _HEADS:
        title = head.head
        if any(c.lower_ in _FORMER for c in title.children):
            return []  # "a former head of the Armenian delegation"
        if title.dep_ == "appos":
            return [title.head]  # "X, head of Kyiv's delegation"
        if title.dep_ == "attr":
            return subjects(title.head)  # "X was the head of the delegation"
        return [c for c in title.children if c.dep_ == "appos"]  # "The head of the delegation, X,"
    return [
        o for c in team.children if c.dep_ == "acl" and c.lower_ in _LEADING and _at_one_time(c) for o in _agents(c)
    ]


def _clause_verb(t: Token) -> Token:
    """The verb of the clause ``t`` is in (``t`` itself when there is none)."""
    x = t
    for _ in range(6):
        if x.tag_.startswith("VB") or x.head.i == x.i:
            return x
        x = x.head
    return x


def _at_one_time(verb: Token) -> bool:
    """Whether a verb tells what happened at one time: not a plan ("would lead", "is expected"), a
    standing role or a habit ("has led ... since", "is usually led"), or a denial ("did not lead")."""
    if not verb.tag_.startswith("VB"):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return not (
        aux & _NOT_AT_ONE_TIME
        or verb.dep_ == "xcomp"
        or verb.tag_ == "VBG"
        or verb.lower_ in _PLANNED
        or any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _HABITUAL) for c in verb.children)
    )


def _elsewhere(team: Token) -> bool:
    """Whether the sentence places the leading at another time, place or body: a phrase on the
    delegation ("to the OSCE", "at the climate conference"; not "in Doha", where it is) or on the
    verb of leading ("in Riyadh", "in 2022", "last year")."""
    verb = team.head if team.head.lower_ in _LEADING else None
    phrases = [c for c in team.children if c.dep_ == "prep" and c.lower_ not in ("of", "from", "in")]
    if verb is not None:
        phrases += [c for c in verb.children if c.dep_ in ("prep", "npadvmod") and c.lower_ not in ("by", "on")]
        phrases += [
            p for a in verb.children if a.dep_ == "agent" for o in pobjs(a) for p in o.children if p.dep_ == "prep"
        ]
    return bool(phrases)


def _agents(verb: Token) -> list[Token]:
    return [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]


def _keys(tokens: list[Token], resolver: Resolver) -> list[str]:
    return list(dict.fromkeys(k for t in tokens for x in (t, *t.conjuncts) for k in resolver.resolve(x, False)))


def _sides(team: Token, resolver: Resolver) -> list[str]:
    """Whose delegation it is: its owners, or the country of a capital named as its owner
    ("Kyiv's delegation")."""
    found = resolver.resolve(team, False)
    if found:
        return found
    owners = [c for c in team.children if c.dep_ in ("poss", "compound")]
    return [k for c in owners if (k := resolver.country_of_capital(c)) is not None]


def representation(layout: Layout, resolver: Resolver) -> list[Frame]:
    """A mention for each usable body sentence that tells, in the past, who represented a side
    ("Washington was represented by its special envoy, Thomas West, and Islamabad by Hina Rabbani
    Khar"), with the people it names from the agent on as participants."""
    out = []
    for sentence in layout.sentences:
        if not sentence.usable or sentence.headline:
            continue
        span = sentence.span
        verb = next((t for t in span if t.lower_ == "represented" and _told_as_past_passive(t)), None)
        if verb is None:
            continue
        aside = {x.i for t in span if t.dep_ in ("relcl", "acl") for x in t.subtree}
        keys = [
            k
            for t in span
            if t.i > verb.i
            and t.i not in aside
            and (k := resolver.actors.key_at(t.i)) is not None
            and resolver.actors.actors[k].type == "Person"
        ]
        if keys:
            out.append(
                Frame("meeting", "talks", "talks", verb, sentence, participants=list(dict.fromkeys(keys)), attends=True)
            )
    return out


def _told_as_past_passive(verb: Token) -> bool:
    """ "was represented by ...": a past passive with its agent."""
    passive = any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    return passive and any(c.dep_ == "agent" for c in verb.children)


def attendance(layout: Layout, resolver: Resolver) -> list[Frame]:
    """A mention for each usable body sentence that lists who took part in a meeting ("Taking part
    were X, Y and representatives of Z"), with the actors the list names as participants: not
    those of its relative clauses ("..., which hosted the talks", "relatives of hostages held by
    Hamas") or after a "but" or "while" ("but not the EU", "while Russia was absent")."""
    out = []
    for sentence in layout.sentences:
        if not sentence.usable or sentence.headline:
            continue
        text = layout.text[sentence.start : sentence.end]
        opener = _ATTENDANCE.match(text.lstrip('"“').lower())
        if opener is None:
            continue
        span = sentence.span
        start = sentence.start + (len(text) - len(text.lstrip('"“'))) + opener.end()
        aside = {x.i for t in span if t.dep_ in ("relcl", "acl") for x in t.subtree}
        end = next((t.i for t in span if t.idx >= start and t.lower_ in _LIST_ENDS), span.end)
        keys = [
            k
            for t in span
            if t.idx >= start and t.i < end and t.i not in aside and (k := resolver.actors.key_at(t.i)) is not None
        ]
        if keys:
            out.append(
                Frame(
                    "meeting", "talks", "talks", span[0], sentence, participants=list(dict.fromkeys(keys)), attends=True
                )
            )
    return out
