"""Meetings: talks, negotiation rounds, visits with discussions, summits, calls."""

from __future__ import annotations

from kg.extract.assemble import Context, build
from kg.extract.coref import Draft
from kg.records import Meeting


def meetings(drafts: list[Draft], ctx: Context) -> tuple[Meeting, ...]:
    """The meeting records among the grouped events."""
    return build(drafts, "meeting", Meeting, ctx)  # type: ignore[return-value]
