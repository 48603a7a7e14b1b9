"""Who was at the table, told in a sentence of its own after the one that tells the talks.

Reports of talks name who led each side: "Vladimir Medinsky, who led the Russian side, said ...",
"Rustem Umerov, head of Kyiv's delegation, confirmed ...", "The government delegation was led by
X", "The head of the government delegation, X, shook hands with ...". Each such sentence becomes
a mention (:attr:`Frame.leads`) that coreference joins to the latest meeting told before it that
the side takes part in (:meth:`kg.extract.coref.Grouper.group`), so the meeting has the person and
the sentence that says so. A sentence that lists who took part ("Taking part were X, Y and
representatives of Z", "Attending were ...") joins the meeting told just before it
(:attr:`Frame.attends`).
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
_ATTENDANCE = re.compile(
    r"(?:also |among )?(?:taking part|attending|present|those (?:present|attending|taking part)"
    r"|the participants|participants) (?:were|included|was)\b"
)


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
    """Who leads ``team``, by the way the sentence tells it."""
    head = team.head
    if head.lower_ in _LEADING and not _as_fact(head):
        return []  # "X would lead the US side", "X, who has led the US side since last year"
    if team.dep_ == "dobj" and head.lower_ in _LEADING and head.tag_.startswith("VB"):
        return subjects(head)  # "X led the Russian side", "X, who led his country's delegation"
    if team.dep_ == "nsubjpass" and head.lower_ in _LEADING:
        return _agents(head)  # "The government delegation was led by X"
    if team.dep_ == "pobj" and head.lower_ == "on" and head.head.lower_ in _LEADING:
        return _agents(head.head)  # "talks led on the American side by X"
    if team.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _HEADS:
        title = head.head
        if title.dep_ == "appos":
            return [title.head]  # "X, head of Kyiv's delegation"
        if title.dep_ == "attr":
            return subjects(title.head)  # "X was the head of the delegation"
        return [c for c in title.children if c.dep_ == "appos"]  # "The head of the delegation, X,"
    return [o for c in team.children if c.dep_ == "acl" and c.lower_ in _LEADING for o in _agents(c)]


def _as_fact(verb: Token) -> bool:
    """Whether a verb of leading tells who led at one time, not a plan or a standing role."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return not aux & _NOT_AT_ONE_TIME and verb.dep_ != "xcomp" and verb.tag_ != "VBG"


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


def attendance(layout: Layout, resolver: Resolver) -> list[Frame]:
    """A mention for each usable body sentence that lists who took part in a meeting ("Taking part
    were X, Y and representatives of Z"), with the actors it names as participants, those of its
    relative clauses aside ("..., which hosted the talks")."""
    out = []
    for sentence in layout.sentences:
        if not sentence.usable or sentence.headline:
            continue
        span = sentence.span
        opener = _ATTENDANCE.match(span.text.lstrip('"“ ').lower())
        if opener is None:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip('"“ '))) + opener.end()
        aside = {t.i for t in span if t.dep_ == "relcl" for t in t.subtree}
        keys = [
            k for t in span if t.idx >= start and t.i not in aside and (k := resolver.actors.key_at(t.i)) is not None
        ]
        if keys:
            out.append(
                Frame(
                    "meeting", "talks", "talks", span[0], sentence, participants=list(dict.fromkeys(keys)), attends=True
                )
            )
    return out
