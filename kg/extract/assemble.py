"""From grouped mentions to Meeting and Agreement records: label, key, evidence, provenance."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.args import Resolver
from kg.extract.coref import Draft
from kg.extract.places import PlaceTable
from kg.extract.provenance import reported_by
from kg.extract.table import ActorTable
from kg.records import Event, Mention

KEY_FAMILIES = {
    "talks": "meeting",
    "visit": "meeting",
    "call": "call",
    "agreement": "agreement",
    "ceasefire": "ceasefire",
    "exchange": "exchange",
}


@dataclass(frozen=True)
class Context:
    text: str
    actors: ActorTable
    places: PlaceTable
    resolver: Resolver


def build(drafts: list[Draft], kind: str, cls: type[Event], ctx: Context) -> tuple[Event, ...]:
    """Records of one kind; keys made unique within the article."""
    out, seen = [], set()
    for d in drafts:
        if d.kind != kind:
            continue
        key = event_key(d, ctx.actors)
        if key is not None:
            n = 2
            while key in seen:
                key, n = f"{event_key(d, ctx.actors)} #{n}", n + 1
            seen.add(key)
        out.append(
            cls(
                label=label(d, ctx.actors),
                participants=tuple(d.participants),
                place=d.place,
                date=d.date,
                status=d.status,
                evidence=evidence(d, ctx),  # type: ignore[arg-type]
                category=d.category,
                key=key,
            )
        )
    return tuple(out)


def evidence(d: Draft, ctx: Context) -> tuple[Mention, ...]:
    """One mention per sentence, with its trigger word and the source the sentence cites."""
    out: dict[int, Mention] = {}
    for f in d.frames:
        s = f.sentence
        if s.index not in out:
            out[s.index] = s.mention(ctx.text, reported_by(f.trigger, ctx.resolver, ctx.text), f.trigger.text)
    return tuple(out[i] for i in sorted(out))


def label(d: Draft, actors: ActorTable) -> str:
    """ "talks between Taliban and United States" """
    names = [actors.actors[k].label for k in d.participants if k in actors.actors]
    if len(names) >= 2:
        return f"{d.category} between {', '.join(names[:-1])} and {names[-1]}"
    if names:
        return f"{d.category} of {names[0]}"
    return d.category


def event_key(d: Draft, actors: ActorTable) -> str | None:
    """Cross-article identity: kind, family, the parties (countries and groups), year-month. A
    conference with a place and a day is keyed by those instead: reports of one conference name
    different delegations ("a one-day conference in Moscow on March 18"). Not a summit: two
    leaders may hold one beside a larger one, in the same city on the same day.

    None without a date: the mapping then keys the event per article.
    """
    when = d.date
    if when is not None and when.iso and d.category == "conference" and d.place and len(when.iso) == 10:
        return f"{d.kind}|{KEY_FAMILIES.get(d.family, d.family)}|at {d.place}|{when.iso}"
    if when is None or not when.iso or not d.participants:
        return None
    groups = sorted(k for k in d.participants if (a := actors.get(k)) is not None and a.type != "Person")
    parties = groups or sorted(d.participants)
    return f"{d.kind}|{KEY_FAMILIES.get(d.family, d.family)}|{'+'.join(parties)}|{when.iso[:7]}"
