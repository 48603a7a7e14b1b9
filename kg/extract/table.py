"""The actors found in one article, with the tokens that name them.

:class:`ActorTable` is filled by :mod:`kg.extract.actors` and read by the event extractors,
which ask which actor a token names and which actor was mentioned last before a point.

>>> t = ActorTable()
>>> t.add("taliban", "Taliban", "Organization", alias="the Taliban", tokens=(3, 4), sentence=0)
'taliban'
>>> t.key_at(3), t.get("taliban").aliases
('taliban', ['the Taliban'])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import LexActor, norm
from kg.records import Actor, Mention


@dataclass
class ActorInfo:
    key: str
    label: str
    type: str
    wikidata: str | None = None
    geonames: int | None = None
    role: str | None = None
    affiliation: str | None = None
    kind: str | None = None
    iso: str | None = None
    alias_set: dict[str, None] = field(default_factory=dict)
    sentences: dict[int, None] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)  # token index of every mention
    stated_role: bool = False

    @property
    def aliases(self) -> list[str]:
        return [a for a in self.alias_set if norm(a) != norm(self.label) or a != self.label]


class ActorTable:
    """Actors by key, plus which token names which actor."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorInfo] = {}
        self._token_key: dict[int, str] = {}

    def add(
        self,
        key: str,
        label: str,
        type_: str,
        alias: str | None = None,
        tokens: tuple[int, int] | None = None,
        sentence: int | None = None,
        **attrs: object,
    ) -> str:
        """Add (or extend) an actor; returns its key."""
        info = self.actors.get(key)
        if info is None:
            info = self.actors[key] = ActorInfo(key, label, type_)
        for name, value in attrs.items():
            if value is not None and getattr(info, name) is None:
                setattr(info, name, value)
        if alias and alias != info.label:
            info.alias_set.setdefault(alias, None)
        if sentence is not None:
            info.sentences.setdefault(sentence, None)
        if tokens is not None:
            info.positions.append(tokens[0])
            for i in range(*tokens):
                self._token_key[i] = key
        return key

    def add_known(
        self,
        known: LexActor,
        alias: str | None = None,
        tokens: tuple[int, int] | None = None,
        sentence: int | None = None,
    ) -> str:
        """Add a dictionary actor or a country from the gazetteer."""
        return self.add(
            known.key,
            known.name,
            known.type,
            alias,
            tokens,
            sentence,
            wikidata=known.wikidata,
            geonames=known.geonames,
            role=known.role,
            affiliation=known.affiliation,
            kind=known.kind,
            iso=known.iso,
        )

    def add_country(
        self, iso: str, alias: str | None = None, tokens: tuple[int, int] | None = None, sentence: int | None = None
    ) -> str | None:
        country = gazetteer().by_iso(iso)
        return self.add_known(country, alias, tokens, sentence) if country else None

    def get(self, key: str) -> ActorInfo | None:
        return self.actors.get(key)

    def key_at(self, token_index: int) -> str | None:
        return self._token_key.get(token_index)

    def mark(self, start: int, end: int, key: str) -> None:
        """Record that tokens [start, end) name ``key`` without counting a new mention."""
        for i in range(start, end):
            self._token_key.setdefault(i, key)

    def last_before(self, token_index: int, accept: Callable[[ActorInfo], bool] | None = None) -> str | None:
        """The actor mentioned last before ``token_index`` for which ``accept(info)`` holds."""
        best, best_pos = None, -1
        for info in self.actors.values():
            if accept is not None and not accept(info):
                continue
            for pos in info.positions:
                if best_pos < pos < token_index:
                    best, best_pos = info.key, pos
        return best

    def records(self, text: str, sentences: list[tuple[int, int]]) -> tuple[Actor, ...]:
        """Actor records, each with the sentences that mention it."""
        out = []
        for info in self.actors.values():
            mentions = tuple(
                Mention(sentences[i][0], sentences[i][1], text[sentences[i][0] : sentences[i][1]])
                for i in sorted(info.sentences)
            )
            affiliation = info.affiliation if info.affiliation != info.key else None
            out.append(
                Actor(
                    key=info.key,
                    label=info.label,
                    type=info.type,  # type: ignore[arg-type]
                    aliases=tuple(info.aliases),
                    wikidata=info.wikidata,
                    geonames=info.geonames,
                    role=info.role if info.type == "Person" else None,
                    affiliation=affiliation if info.type == "Person" else None,
                    mentions=mentions,
                )
            )
        return tuple(out)
