"""The layout of an article: its lines, which of them are boilerplate or photo captions, and its
sentences as exact character spans.

A line break always ends a sentence (the pipeline sees to that), so a headline or a one-line
paragraph is a sentence. Lines that are page furniture ("Join our channel", breadcrumbs, credits)
or photo captions are marked so that nothing is extracted from them.

>>> classify_line("Join our Telegram channel for updates")
'boilerplate'
>>> classify_line("The envoy speaks in Kabul. (Photo by AFP)")
'caption'
>>> classify_line("Talks resume in Doha")
'body'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.nlp.components import DATELINE
from kg.nlp.lexicon import boilerplate_patterns, related_links_pattern
from kg.records import Mention

Kind = str  # "body" | "boilerplate" | "caption"


_CASE_FREE_ESCAPE = re.compile(r"\\[bBsSdDwWAZ.()\[\]{}|^$*+?/\\\-]")
_INLINE_FLAGS = re.compile(r"\(\?[-a-zA-Z]")
_FOLDED_APART = re.compile("[\u0130\u0131\u017f]")
"""Letters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not turn into
it: İ and ı (i), ſ (s)."""


def _case_free(pattern: str) -> bool:
    """Whether ``pattern`` matches the lower-cased line, case-sensitively, wherever it matches the
    line with ``re.IGNORECASE``: no capital letter, and no escape or inline flag that could stand
    for one.

    >>> _case_free(r"\\bphoto\\s*:"), _case_free(r"^by [A-Z]\\w+"), _case_free(r"\\x41"), _case_free("(?-i:afp)")
    (True, False, False, False)
    """
    rest = _CASE_FREE_ESCAPE.sub("", pattern)
    # ASCII only: ``str.lower`` folds some letters by context (a word-final Σ becomes ς), the engine does not
    return rest.isascii() and "\\" not in rest and not _INLINE_FLAGS.search(rest) and not any(c.isupper() for c in rest)


def _joinable(pattern: str) -> bool:
    """Whether ``pattern`` keeps its meaning inside an alternation: no ``|`` outside a group (``^a|b``
    is not anchored as a whole) and no inline flag (a global one must open the whole regex).

    >>> _joinable(r"^\\s*(join|follow)\\b"), _joinable("^foo|bar"), _joinable(r"^[|]x"), _joinable("(?i)^x")
    (True, False, True, False)
    """
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 1 + (pattern[i + 1 : i + 2] == "^")
            i += pattern[i : i + 1] == "]"  # a "]" first in a class is a member
            continue
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return not _INLINE_FLAGS.search(pattern)


class _Patterns:
    """Case-insensitive patterns searched in a line, each run the way Python's engine runs it fast.

    - Patterns anchored at the line start are joined in one regex: the engine tries it at the
      start only. (An alternation mixing anchored and unanchored patterns runs at every position.)
      One that cannot be joined as it is (:func:`_joinable`) is searched alone, as the rest.
    - Unanchored patterns are searched one by one: alone, a pattern that opens with a literal is
      found by a fast scan for that literal, which an alternation of many patterns does not get.
      A leading ``\\b`` hides the literal from that scan, so such a pattern is first searched
      without it; only a line where that looser pattern matches is searched with the whole one.
    - A case-free pattern (:func:`_case_free`) is matched, case-sensitively, against the
      lower-cased line: the same match, found faster than with ``re.IGNORECASE``. A line holding
      one of the few letters that lower-casing does not fold as the regex engine does is searched
      the slow way, with every pattern under ``re.IGNORECASE``.
    """

    def __init__(self, patterns: tuple[str, ...]) -> None:
        anchored: dict[bool, list[str]] = {}
        # (lowered, a looser regex that must match first or None, the regex), each unanchored pattern
        self.loose: list[tuple[bool, re.Pattern[str] | None, re.Pattern[str]]] = []
        for pattern in patterns:
            lowered = _case_free(pattern)
            if pattern.startswith("^") and _joinable(pattern):
                anchored.setdefault(lowered, []).append(pattern.removeprefix("^"))
                continue
            flags = 0 if lowered else re.IGNORECASE
            looser = re.compile(pattern.removeprefix("\\b"), flags) if pattern.startswith("\\b") else None
            self.loose.append((lowered, looser, re.compile(pattern, flags)))
        self.anchored = [  # (lowered, the regex)
            (lowered, re.compile("^(?:" + "|".join(f"(?:{p})" for p in group) + ")", 0 if lowered else re.IGNORECASE))
            for lowered, group in sorted(anchored.items(), reverse=True)
        ]
        self.folded = [re.compile(p, re.IGNORECASE) for p in patterns]  # the slow way, for the rare line

    def search(self, line: str, lowered: str) -> bool:
        """Whether a pattern is found in ``line`` (``lowered``: the line in lower case)."""
        if _FOLDED_APART.search(line):
            return any(regex.search(line) for regex in self.folded)
        if any(regex.search(lowered if low else line) for low, regex in self.anchored):
            return True
        for low, looser, regex in self.loose:
            text = lowered if low else line
            if (looser is None or looser.search(text)) and regex.search(text):
                return True
        return False


@lru_cache(maxsize=1)
def _compiled() -> tuple[_Patterns, _Patterns]:
    boiler, captions = boilerplate_patterns()
    return _Patterns(boiler), _Patterns(captions)


def classify_line(line: str) -> Kind:
    """'boilerplate', 'caption' or 'body'."""
    boiler, captions = _compiled()
    line = " ".join(line.split())
    lowered = line.lower()
    if boiler.search(line, lowered):
        return "boilerplate"
    if captions.search(line, lowered):
        return "caption"
    return "body"


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the doc, its exact text offsets and the kind of line it is on."""

    index: int
    span: Span
    start: int
    end: int
    kind: Kind
    headline: bool = False  # a whole line without closing punctuation, near the top

    @property
    def usable(self) -> bool:
        return self.kind == "body"

    def mention(self, text: str, reported_by: str | None = None, trigger: str | None = None) -> Mention:
        return Mention(self.start, self.end, text[self.start : self.end], reported_by, trigger)


def _spans_all(doc: Doc, text: str) -> bool:
    """Whether ``text`` is as long as the text of ``doc`` (a cheap check that it is that text)."""
    if not len(doc):
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


class Layout:
    """Sentences of a doc with their kinds; ``of(token)`` finds a token's sentence."""

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        # ``text``: the text ``doc`` was parsed from, when the caller has it (doc.text joins every token)
        self.text = text = doc.text if text is None or not _spans_all(doc, text) else text
        kinds: dict[int, Kind] = {}
        pos = 0
        lines: dict[int, str] = {}
        related = related_links_pattern()
        in_links = False  # after "Related News": the titles of other stories
        for line in text.split("\n"):
            stripped = " ".join(line.split())
            if related.fullmatch(stripped):
                in_links = True
            elif in_links and stripped and stripped[-1] in '.!?"”':
                in_links = False
            kinds[pos] = ("boilerplate" if in_links else classify_line(line)) if stripped else "body"
            lines[pos] = line
            pos += len(line) + 1
        line_starts = sorted(kinds)
        self.sentences: list[Sentence] = []
        self.ents = list(doc.ents)  # read once: each read of doc.ents walks the whole doc
        pending = None  # a dateline waiting for the sentence it opens
        for sent in doc.sents:
            if pending is not None:
                sent, pending = doc[pending.start : sent.end], None
            elif DATELINE.fullmatch(text[sent.start_char : sent.end_char].strip() + " "):
                pending = sent
                continue
            raw = text[sent.start_char : sent.end_char]
            stripped = raw.strip()
            if not stripped:
                continue
            start = sent.start_char + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            line_start = line_starts[max(0, bisect_right(line_starts, start) - 1)]
            line = lines.get(line_start, "").strip()
            headline = (
                stripped in line  # the whole line, or a piece of it the parser split off ("Shastri Dies Hours ...")
                and line[-1:] not in '.!?"”:'
                and len(self.sentences) < 8
            )
            sentence = Sentence(len(self.sentences), sent, start, end, kinds.get(line_start, "body"), headline)
            self.sentences.append(sentence)
        self._starts = [s.span.start for s in self.sentences]
        self.named: list[tuple[Span, Span, Sentence]] | None = None  # kept by actors.named_spans

    def of(self, token_index: int) -> Sentence | None:
        """The sentence holding this token (None for the whitespace between sentences)."""
        i = bisect_right(self._starts, token_index) - 1
        if i < 0 or token_index >= self.sentences[i].span.end:
            return None
        return self.sentences[i]

    def usable(self, token_index: int) -> bool:
        s = self.of(token_index)
        return s is not None and s.usable

    def tells_the_news(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` is a headline or the lead: the first body sentence after them."""
        if sentence.headline:
            return True
        lead = next((s for s in self.sentences if s.usable and not s.headline), None)
        return lead is sentence

    def offsets(self) -> tuple[tuple[int, int], ...]:
        return tuple((s.start, s.end) for s in self.sentences)
