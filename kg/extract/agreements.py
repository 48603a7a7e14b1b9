"""Agreements: deals, ceasefires, prisoner exchanges, agreed rules and procedures."""

from __future__ import annotations

from kg.extract.assemble import Context, build
from kg.extract.coref import Draft
from kg.records import Agreement


def agreements(drafts: list[Draft], ctx: Context) -> tuple[Agreement, ...]:
    """The agreement records among the grouped events."""
    return build(drafts, "agreement", Agreement, ctx)  # type: ignore[return-value]
