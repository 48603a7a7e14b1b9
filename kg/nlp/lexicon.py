"""The hand-kept lexicon under ``ontology/lexicon/``: actors, outlets, roles, triggers and the rest.

Every file is read once and cached. Names are compared through :func:`norm`, the same
normalisation the identity keys use (case, dots, possessive 's, punctuation and a leading
"the" aside).

>>> lex = lexicon()
>>> lex.actor("the U.N.").name
'United Nations'
>>> lex.actor("Khalilzad").affiliation
'united states'
>>> lex.is_outlet("Reuters"), lex.is_outlet("Taliban")
(True, False)
>>> lex.role_of(["Taliban", "spokesman"])
'spokesman'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError
from kg.records import key_of
from kg.resources import ontology_dir

LEXICON_DIR = ontology_dir() / "lexicon"
PATTERNS_DIR = Path(__file__).resolve().parent / "patterns"


def words(text: str) -> frozenset[str]:
    """A set of words written as one string.

    >>> sorted(words("talks  truce"))
    ['talks', 'truce']
    """
    return frozenset(text.split())


def norm(name: str) -> str:
    """The comparison form of a name (the identity key).

    >>> norm("the U.S.") == norm("US")
    True
    """
    return key_of(name)


@dataclass(frozen=True)
class LexActor:
    """One actor of the dictionary (or a country assembled from package data)."""

    key: str
    name: str
    type: str  # Person | Organization | Country
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    role: str | None = None
    affiliation: str | None = None  # actor key
    kind: str | None = None  # armed, gov, intl, military, party, ngo
    iso: str | None = None  # ISO 3166-1 alpha-2, countries only
    geonames: int | None = None
    seat: bool = False  # a body named after the building it sits in ("the White House"), a venue there

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Trigger:
    """A word that signals a meeting or an agreement, with the forms it takes in text."""

    id: str
    kind: str  # meeting | agreement
    category: str
    pos: str  # noun | verb
    forms: tuple[str, ...]
    before: tuple[str, ...] = ()  # words that must precede it ("prisoner" exchange), any one of them
    object_of: tuple[str, ...] = ()  # or verbs it may be the object of instead ("signed a declaration")
    named: bool = False  # or a place name before it will do instead ("the Nairobi declaration")
    after: tuple[str, ...] = ()  # words one of which must modify the verb after it ("brought ... together")
    particle: tuple[str, ...] = ()  # words one of which must be the verb's particle, next to it ("sat down")
    spent: tuple[str, ...] = ()  # lengths of time one of which the verb takes, with "with" ("spent an hour with")
    status: str | None = None  # the status the word itself states ("invite": Planned)
    needs_actor: bool = False  # a verb that is an event only with an actor argument ("meet targets" is not)
    anaphoric: bool = False  # alone it only refers back ("the exchange")
    family: str = ""


@dataclass(frozen=True)
class Lexicon:
    actors: tuple[LexActor, ...]
    outlets: frozenset[str]
    nonactors: frozenset[str]
    roles: frozenset[str]
    triggers: tuple[Trigger, ...]
    words: dict[str, frozenset[str]]  # named word lists from triggers.json ("support_verbs", ...)
    by_name: dict[str, LexActor] = field(default_factory=dict, repr=False)
    by_key: dict[str, LexActor] = field(default_factory=dict, repr=False)
    unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def actor(self, name: str) -> LexActor | None:
        """The dictionary actor with this name or alias."""
        return self.by_name.get(norm(name))

    def is_outlet(self, name: str) -> bool:
        """A news outlet, also with a medium word after it ("Al Masirah TV")."""
        key = norm(name)
        if key in self.outlets:
            return True
        for medium in (" tv", " television", " news", " radio", " news agency", " agency", " channel", " daily"):
            if key.endswith(medium) and key[: -len(medium)] in self.outlets:
                return True
        return False

    def is_nonactor(self, name: str) -> bool:
        return norm(name) in self.nonactors

    def role_of(self, words: Sequence[str]) -> str | None:
        """The longest role phrase ending at the last of ``words`` ("Foreign Minister")."""
        low = [w.lower() for w in words]
        for n in range(min(7, len(low)), 0, -1):
            phrase = " ".join(low[-n:]).replace(" - ", "-")
            if phrase in self.roles and not phrase.startswith("-"):
                return phrase
        return None

    def word_list(self, *names: str) -> frozenset[str]:
        """A named word list, or the union of several (made once: the rules ask for it per word)."""
        if len(names) == 1:
            return self.words.get(names[0], frozenset())
        found = self.unions.get(names)
        if found is None:
            found = self.unions[names] = frozenset().union(*(self.words.get(n, frozenset()) for n in names))
        return found


def read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read lexicon file {path}: {e.strerror}; reinstall PeaceKG") from None
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _read_actor_lines(path: Path) -> Iterable[LexActor]:
    for n, line in enumerate(read_lines(path), 1):
        try:
            row = json.loads(line)
            yield LexActor(
                key=norm(row["name"]),
                name=row["name"],
                type=row["type"],
                aliases=tuple(row.get("aliases", ())),
                wikidata=row.get("wikidata"),
                role=row.get("role"),
                affiliation=norm(row["affiliation"]) if row.get("affiliation") else None,
                kind=row.get("kind"),
                iso=row.get("iso"),
                seat=bool(row.get("seat")),
            )
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise ConfigError(f"{path}:{n}: not an actor line ({e}); expected JSON with name and type") from None


def _read_triggers(path: Path) -> tuple[tuple[Trigger, ...], dict[str, frozenset[str]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read trigger lexicon {path}: {e}") from None
    triggers = []
    for kind in ("meeting", "agreement"):
        for tid, spec in data[kind].items():
            triggers.append(
                Trigger(
                    id=tid,
                    kind=kind,
                    category=spec["category"],
                    pos=spec["pos"],
                    forms=tuple(spec.get("forms") or [tid]),
                    before=tuple(spec.get("before", ())),
                    object_of=tuple(spec.get("object_of", ())),
                    named=bool(spec.get("named")),
                    after=tuple(spec.get("after", ())),
                    particle=tuple(spec.get("particle", ())),
                    spent=tuple(spec.get("spent", ())),
                    status=spec.get("status"),
                    needs_actor=bool(spec.get("needs_actor")),
                    anaphoric=bool(spec.get("anaphoric")),
                    family=spec.get("family", spec["category"]),
                )
            )
    words = {name: frozenset(w.lower() for w in values) for name, values in data["words"].items()}
    return tuple(triggers), words


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, read once."""
    actors = tuple(_read_actor_lines(LEXICON_DIR / "actors.jsonl"))
    triggers, words = _read_triggers(LEXICON_DIR / "triggers.json")
    lex = Lexicon(
        actors=actors,
        outlets=frozenset(norm(x) for x in read_lines(LEXICON_DIR / "outlets.txt")),
        nonactors=frozenset(norm(x) for x in read_lines(LEXICON_DIR / "nonactors.txt")),
        roles=frozenset(x.lower() for x in read_lines(LEXICON_DIR / "roles.txt")),
        triggers=triggers,
        words=words,
    )
    for a in actors:
        lex.by_key.setdefault(a.key, a)
        for name in a.names:
            lex.by_name.setdefault(norm(name), a)
    return lex


@lru_cache(maxsize=1)
def related_links_pattern() -> re.Pattern[str]:
    """The line that opens a list of links to other stories ("Related News", "Read more")."""
    return re.compile("|".join(f"(?:{p})" for p in read_lines(PATTERNS_DIR / "related.txt")), re.IGNORECASE)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Regular expressions (as text) that mark page boilerplate lines and photo captions."""
    return (tuple(read_lines(PATTERNS_DIR / "boilerplate.txt")), tuple(read_lines(PATTERNS_DIR / "captions.txt")))
