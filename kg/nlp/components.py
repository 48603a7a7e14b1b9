"""PeaceKG's spaCy components, registered under versioned factory names.

- ``peacekg_line_breaks_v1`` (before the parser): a line break always starts a sentence, so
  headlines, captions and one-line paragraphs are sentences of their own.
- ``peacekg_actor_ruler_v1`` (after the NER): matches the lexicon (actors, countries, demonyms)
  and merges the matches into ``doc.ents``; ``Span.kb_id_`` tells what each match is
  (``actor:<key>``, ``country:<ISO>``, ``demonym:<ISO>``). It also trims entities that run over
  a line break or into a title-case headline's verb ("Baradar Holds Talks"), drops those that
  are the start of a title ("US National Security" Adviser), and makes one entity of a name
  spelled out before its acronym ("the Movement for Democracy in Liberia (MODEL)"). A person's
  name cut at a lower-case particle is joined again ("Jose Eduardo dos Santos"), and a name the
  model took for a body or a place that ends with the surname of a person it tagged elsewhere is
  that person ("Savimbi" after "Jonas Savimbi"), as is one right after a title or beside one
  ("the EU's special envoy, Francois Leotard").
- ``peacekg_trigger_matcher_v1``: marks meeting and agreement trigger words in
  ``doc.spans["peacekg_triggers"]`` (span label = trigger id of the lexicon).

Each separates the pure ``match(doc)`` from setting the annotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import Trigger, lexicon, words

TRIGGER_KEY = "peacekg_triggers"
# a wire dateline opening a line: "KABUL --", "VIENNA (Reuters) -", "ISTANBUL, May 16 (AP) —",
# "RIMBO, Sweden, Dec 13 (Reuters) -", "KABUL (Pajhwok): ", or a city in small letters with the day and
# the agency: "Bogota, Nov 24 (Prensa Latina) "
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, ?[A-Z][\w.' -]*?){0,2}(?: ?\([^()\n]{1,40}\))? ?(?:—|–|--|-|:) "
    rf"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*, {_MONTH} \d{{1,2}}(?:, \d{{4}})? \([^()\n]{{1,40}}\)(?: ?(?:—|–|--|-|:))? "
)
_ENTITY_LABELS = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE"}
# what may be left of an NER entity once the lexicon matches inside it are taken out, for the
# entity to count as a run of several names ("Yemen Hans Grundberg", "U.S.-Houthi")
_GLUE = {"-", "–", "/", ",", "and", "the", "of", "'s", "’s", "&"}


class LineBreaks:
    """Sets ``is_sent_start`` on the first token after every line break (and forbids a sentence to
    start at the second word of a line, where the parser sometimes splits after a headline)."""

    def __init__(self, name: str = "peacekg_line_breaks") -> None:
        self.name = name

    def match(self, doc: Doc) -> list[int]:
        """Indices of the tokens that start a line."""
        spaces = numpy.flatnonzero(doc.to_array("IS_SPACE")) if len(doc) else ()
        return [0] * bool(len(doc)) + [int(i) + 1 for i in spaces if i + 1 < len(doc) and "\n" in doc[int(i)].text]

    def datelines(self, doc: Doc, starts: list[int]) -> list[tuple[int, int]]:
        """(first word, first word after it) of each dateline that opens a line."""
        out = []
        for i in starts:
            if not (doc[i].is_upper or doc[i].is_title):
                continue
            end = min(len(doc), i + 16)
            line = doc[i:end].text
            m = DATELINE.match(line)
            if m is not None:
                span = doc.char_span(doc[i].idx + m.end(), doc[i].idx + m.end() + 1, alignment_mode="expand")
                if span is not None and span.start > i:
                    out.append((i, span.start))
        return out

    def __call__(self, doc: Doc) -> Doc:
        starts = self.match(doc)
        for first, after in self.datelines(doc, starts):
            for j in range(first + 1, after):
                doc[j].is_sent_start = False  # one piece: not "PARIS, Oct. 23 | Kyodo -"
            doc[after].is_sent_start = True  # the dateline is parsed apart; the layout joins it back
            if after + 1 < len(doc) and doc[after].is_alpha and not doc[after + 1].is_space:
                doc[after + 1].is_sent_start = False  # nor "Kyodo - Ethiopian | and TPLF negotiators met"
        for i in starts:
            doc[i].is_sent_start = True
            # the second word of a line never starts a sentence ("Houthi | negotiators met ...")
            if i + 1 < len(doc) and doc[i].is_alpha and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False
        return doc


class ActorRuler:
    """Lexicon matches merged into the statistical entities (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "peacekg_actor_ruler") -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._kinds: dict[str, tuple[str, str]] = {}  # match key -> (entity label, kb id)
        seen: set[str] = set()
        for text, label, kb_id in self._patterns():
            text = text.removeprefix("the ")
            if not text or text in seen:
                continue
            seen.add(text)
            key = f"{label}|{kb_id}"
            self._kinds[key] = (label, kb_id)
            self.matcher.add(key, [nlp.make_doc(text)])

    @staticmethod
    def _patterns() -> Iterable[tuple[str, str, str]]:
        gaz = gazetteer()
        for a in lexicon().actors:
            if a.type == "Country" and a.iso:
                continue  # a country of today comes with the gazetteer's names below; a state of the past does not
            for text in a.names:
                yield text, _ENTITY_LABELS[a.type], f"actor:{a.key}"
                if " " in text and not text.istitle():
                    yield _title(text), _ENTITY_LABELS[a.type], f"actor:{a.key}"
        for text, iso in gaz.names():
            yield text, "GPE", f"country:{iso}"
        for text, iso in gaz.demonyms():
            yield text, "NORP", f"demonym:{iso}"

    def match(self, doc: Doc) -> list[Span]:
        """Lexicon spans, longest first where they overlap."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, kb_id = self._kinds[doc.vocab.strings[match_id]]
            span = Span(doc, start, end, label=label, kb_id=kb_id)
            if not (kb_id.startswith("country:") and _a_region_of_that_name(span)):
                spans.append(span)
        return filter_spans(spans)

    def __call__(self, doc: Doc) -> Doc:
        ents = _joined_left(_before_verbs(_persons_of_countries(_at_brackets(_trimmed(doc.ents)))))
        ents = _titled_people(_people_by_surname(_whole_names(_with_particles(list(ents)))))
        merged = merge_entities(list(_split_pairs([e for e in ents if not _starts_title(e)])), self.match(doc))
        doc.ents = _spelled_out(doc, _after_honorifics(doc, merged))
        return doc


_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "mme", "mme."}


def _after_honorifics(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name of one to three capitalised proper nouns after "Mr", "Mrs" or "Dr" that the model
    left out of every entity is a person's ("Mr Pasteur Bizimungu of the RPF")."""
    covered = {i for e in ents for i in range(e.start, e.end)}
    added = []
    for t in doc[:-1]:
        if t.lower_ not in _HONORIFICS or t.i in covered or t.i + 1 in covered:
            continue
        end = t.i + 1
        while end < len(doc) and end - t.i <= 3 and doc[end].tag_ == "NNP" and doc[end].is_title and doc[end].is_alpha:
            if end in covered:
                break
            end += 1
        if end > t.i + 1 and (end == len(doc) or end not in covered):
            added.append(Span(doc, t.i + 1, end, label="PERSON"))
    return sorted([*ents, *added], key=lambda s: s.start) if added else ents


_REGION_WORDS = words("region regions province provinces river valley state")


def _a_region_of_that_name(span: Span) -> bool:
    """Whether a country's name names a region here: followed by a region's word ("Greece's
    Macedonia region", "the Zaire River"), after "province of" ("the northern province of Zaire"),
    or after another country's demonym ("Greek Macedonia")."""
    doc, start, end = span.doc, span.start, span.end
    if end < len(doc) and doc[end].lower_ in _REGION_WORDS:
        return True
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _REGION_WORDS:
        return True
    if start >= 1 and doc[start - 1].is_title:
        other = gazetteer().country_of_demonym(doc[start - 1].text)
        own = span.kb_id_.removeprefix("country:")
        return other is not None and other.iso != own
    return False


_NAME_GLUE = frozenset({"for", "and", "of", "in", "the", "de", "del", "des", "la", "i", "e", "y", "-", "–"})
_LONGEST_NAME = 10


def _spelled_out(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name spelled out before its acronym in brackets is one organisation, whatever the NER cut
    it into: "Liberians United for Reconciliation and Democracy (LURD)", "the Movement for Democracy
    in Liberia (MODEL)", "the Tehreek-i-Taliban Pakistan (TTP)". The capitalised words' initials
    are the acronym, or (three words or more) run through it in order from its first letter to its
    last. A known acronym lends the name its dictionary actor; a name with a deal's, a gathering's
    or a process's word in it is a document's name (LAW), no organisation. An entity that ends at
    the bracket and starts at or before those words stays whole: a translated name whose first
    word the acronym does not spell ("the National Council for the Defence of Democracy (CNDD)")."""
    out = ents
    for b in (t.i for t in doc if t.text == "(" and t.i + 2 < len(doc) and doc[t.i + 2].text == ")"):
        acronym = doc[b + 1]
        if not (acronym.is_upper and acronym.is_alpha and 2 <= len(acronym) <= 7):
            continue
        start = _spelling_start(doc, b, acronym.text)
        if start is None or any(e.start <= start and e.end == b for e in out):
            continue
        known = next((e.kb_id_ for e in out if e.start == b + 1 and e.kb_id_.startswith("actor:")), "")
        if any(t.lower_ in _event_words() for t in doc[start:b]):
            name = Span(doc, start, b, label="LAW")  # "the Joint Comprehensive Plan of Action (JCPOA)": a deal
        else:
            name = Span(doc, start, b, label="ORG", kb_id=known)
        out = sorted([e for e in out if e.end <= start or e.start >= b] + [name], key=lambda e: e.start)
    return out


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """Words of a deal's, a gathering's or a process's name: no organisation's."""
    nouns = {f for t in lexicon().triggers if t.pos == "noun" and not t.anaphoric for f in t.forms}
    return frozenset(nouns | words("plan process programme program initiative framework roadmap charter protocol"))


def _spelling_start(doc: Doc, bracket: int, acronym: str) -> int | None:
    """Where the longest run of words before ``bracket`` whose initials spell ``acronym`` starts."""
    best, i = None, bracket - 1
    while i >= 0 and bracket - i <= _LONGEST_NAME:
        t = doc[i]
        if not (t.is_title or t.is_upper or t.lower_ in _NAME_GLUE) or (t.whitespace_ and t.text in "-–"):
            break
        if t.is_title and t.lower_ != "the":
            initials = "".join(w.text[0] for w in doc[i:bracket] if w.text[:1].isupper() and w.lower_ != "the")
            if initials == acronym or (len(initials) >= 3 and _runs_through(initials, acronym)):
                best = i
        i -= 1
    return best if best is not None and bracket - best >= 2 else None


def _runs_through(initials: str, acronym: str) -> bool:
    if initials[0] != acronym[0] or initials[-1] != acronym[-1]:
        return False
    rest = iter(acronym)
    return all(c in rest for c in initials)


def _title(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in text.split(" "))


def _trimmed(ents: Iterable[Span]) -> Iterable[Span]:
    """Entities cut at line breaks, without leading or trailing whitespace tokens."""
    for ent in ents:
        start = ent.start
        for i in range(ent.start, ent.end + 1):
            if i == ent.end or "\n" in ent.doc[i].text:
                piece = ent.doc[start:i]
                while len(piece) and piece[0].is_space:
                    piece = piece[1:]
                while len(piece) and piece[-1].is_space:
                    piece = piece[:-1]
                if len(piece):
                    yield Span(ent.doc, piece.start, piece.end, label=ent.label)
                start = i + 1


def _at_brackets(ents: Iterable[Span]) -> Iterable[Span]:
    """Entities cut at a bracket inside them: "the Chin National Front (CNF" is the name, then
    its acronym."""
    for ent in ents:
        cuts = [t.i for t in ent if t.text in ("(", ")")]
        if not cuts:
            yield ent
            continue
        start = ent.start
        for i in [*cuts, ent.end]:
            if i > start:
                yield Span(ent.doc, start, i, label=ent.label)
            start = i + 1


def _persons_of_countries(ents: Iterable[Span]) -> Iterable[Span]:
    """A person's name cut before "of" and a country: "presidents Blaise Compaore of Burkina Faso
    and Charles Taylor of Liberia" tags "Blaise Compaore of Burkina Faso", as a person or, after a
    title, as an organisation."""
    for ent in ents:
        doc = ent.doc
        word = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        titled = bool(word) and any(lexicon().role_of([w]) for w in (word, word.removesuffix("s")))
        person = ent.label_ == "PERSON" or (ent.label_ == "ORG" and titled)
        of = next((t.i for t in ent[1:] if t.lower_ == "of"), None) if person else None
        rest = doc[of + 1 : ent.end] if of is not None else None
        if rest is not None and len(rest) and rest[0].lower_ == "the":
            rest = rest[1:]
        if rest is not None and len(rest) and gazetteer().country(rest.text) is not None:
            yield Span(doc, ent.start, of, label="PERSON")
        else:
            yield ent


def _before_verbs(ents: Iterable[Span]) -> Iterable[Span]:
    """Entities cut before the verb of a title-case headline they ran into: "Baradar Holds Talks
    in Tehran" tags "Baradar Holds Talks". The verb is a capitalised word after the first, in the
    third person ("Holds", "Tells", "Urges") of a verb the lexicon lists; in a person's name, a
    meeting or agreement noun ("Khalilzad Talks") also ends the name."""
    verbs, nouns = _headline_words()
    for ent in ents:
        person = ent.label_ == "PERSON"
        for t in ent[1:] if ent.label_ in ("PERSON", "ORG") else ():
            low = t.lower_
            third = low.endswith("s") and low != "talks" and (low[:-1] in verbs or low[:-2] in verbs)
            if t.is_title and (third or (person and low in nouns)):
                ent = Span(ent.doc, ent.start, t.i, label=ent.label)
                break
        yield ent


@lru_cache(maxsize=1)
def _headline_words() -> tuple[frozenset[str], frozenset[str]]:
    """The verb forms the lexicon lists, and its meeting and agreement nouns."""
    lex = lexicon()
    verbs = {f for t in lex.triggers if t.pos == "verb" for f in t.forms} | lex.word_list(
        "support_verbs", "speech_verbs", "agree_verbs", "deal_verbs", "announce_verbs", "travel_verbs"
    )
    nouns = {f for t in lex.triggers if t.pos == "noun" for f in t.forms}
    return frozenset(verbs), frozenset(nouns)


# the last word of a body's name: an entity ending in one is no part of a title ("the Afghan
# Foreign Ministry spokesman" keeps the ministry)
_BODY_NOUNS = words(
    "ministry office department agency secretariat mission court parliament assembly bureau directorate "
    "service council committee commission movement party front union alliance coalition league congress"
)


def _starts_title(ent: Span) -> bool:
    """Whether the entity is the start of a title that the words after it finish: "US National
    Security" in "US National Security Adviser Jake Sullivan". The title must take in all of the
    entity but a leading country or demonym, and the entity must not end in a body's noun."""
    doc, lex = ent.doc, lexicon()
    if ent.label_ not in ("ORG", "PERSON") or ent[-1].lower_ in _BODY_NOUNS or ent.end >= len(doc):
        return False
    words_ = [t.text for t in ent]
    for end in range(ent.end + 1, min(ent.end + 3, len(doc)) + 1):
        if not doc[end - 1].is_title:
            break
        role = lex.role_of([*words_, *(t.text for t in doc[ent.end : end])])
        if role is not None:
            lead = len(words_) - (len(role.split()) - (end - ent.end))
            return lead >= 0 and all(_known(w) or gazetteer().is_demonym(w) for w in words_[:lead])
    return False


def _split_pairs(ents: list[Span]) -> Iterable[Span]:
    """Two names the model took for one entity, split at the "and" between them: "after Kiir and
    Machar met". Only short names on both sides (one or two proper nouns), so that "Ministry of
    Foreign Affairs and Trade" stays whole; places ("Bosnia and Herzegovina") are never split. A
    side that is a person's name elsewhere in the text is a person."""
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
    for ent in ents:
        pair = _pair(ent) if ent.label_ in ("PERSON", "ORG") else None
        if pair is None:
            yield ent
            continue
        for side in pair:
            person = ent.label_ == "PERSON" or side[-1].text in surnames
            yield Span(ent.doc, side.start, side.end, label="PERSON" if person else ent.label_)


def _joined_left(ents: Iterable[Span]) -> Iterable[Span]:
    """A body's name the model took only from the word after "and": "the Justice and Equality
    Movement" tagged as "Equality Movement". The capitalised word before the "and", itself in no
    entity and no name of its own, right after "the", is part of the name."""
    for ent in ents:
        doc, i = ent.doc, ent.start
        if (
            ent.label_ == "ORG"
            and ent[-1].lower_ in _BODY_ENDS
            and i >= 3
            and doc[i - 1].lower_ == "and"
            and doc[i - 2].tag_ == "NNP"
            and not doc[i - 2].ent_type_
            and doc[i - 3].lower_ == "the"
            and not _known(doc[i - 2].text)
        ):
            yield Span(doc, i - 2, ent.end, label=ent.label)
        else:
            yield ent


# not "do", an English word too ("as do Macron and Starmer")
_PARTICLES = frozenset({"dos", "das", "da", "de", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "ibn"})
_NAMEABLE = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"})


def _with_particles(ents: list[Span]) -> list[Span]:
    """A person's name with a lower-case particle in it, which the model cuts at the particle:
    "Jose Eduardo dos Santos" tagged as "Jose Eduardo" and "Santos", "dos Santos" as "Santos". The
    particle and the capitalised word after it join the name before it; a particle before a name
    joins it when no capitalised word precedes the particle."""
    if not ents:
        return ents
    doc = ents[0].doc
    by_start = {e.start: e for e in ents}
    taken: set[int] = set()
    out = []
    for ent in ents:
        if ent.start in taken:
            continue
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON":
            while (
                end + 1 < len(doc) and doc[end].text in _PARTICLES and doc[end + 1].is_title and doc[end + 1].is_alpha
            ):
                after = by_start.get(end + 1)
                if after is not None and after.label_ in _NAMEABLE and not _known(after.text):
                    taken.add(after.start)
                    end = after.end
                elif after is None and not doc[end + 1].ent_type_:
                    end += 2
                else:
                    break
            if start > 0 and doc[start - 1].text in _PARTICLES and not (start > 1 and doc[start - 2].is_title):
                start -= 1  # "dos Santos told the guests"
        out.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON"))
    return out


def _whole_names(ents: list[Span]) -> list[Span]:
    """A person's name the model cut in two or took only in part: "Mossa Ag Attaher" tagged as
    "Mossa Ag" and "Attaher", "Muse Bihi Abdi" as "Bihi Abdi". Two names side by side join, and
    a capitalised word in no entity, right before a name and hung on it, joins it, unless it is
    a title or a name of its own (a dictionary actor, a country, a city)."""
    if not ents:
        return ents
    doc, gaz, titles = ents[0].doc, gazetteer(), _title_words()
    out: list[Span] = []
    for ent in ents:
        start = ent.start
        last = out[-1] if out else None
        if (
            ent.label_ == "PERSON"
            and last is not None
            and last.label_ == "PERSON"
            and last.end == start
            and ent[0].is_title
            and not (_known(last.text) or _known(ent.text))
        ):
            out[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        before = doc[start - 1] if start else None
        if (
            ent.label_ == "PERSON"
            and before is not None
            and not before.ent_type_
            and before.tag_ == "NNP"
            and before.is_title
            and before.is_alpha
            and before.dep_ == "compound"
            and ent.start <= before.head.i < ent.end
            and before.lower_ not in titles
            and not _known(before.text)
            and gaz.city(before.text) is None
        ):
            start -= 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label="PERSON"))
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of every title or role ("gen.", "sheikh", "minister", ...)."""
    return frozenset(w for r in lexicon().roles for w in r.split())


def _people_by_surname(ents: list[Span]) -> list[Span]:
    """A name the model tagged as a body, a place or a thing that ends with the surname of a person
    it tagged elsewhere in the article is that person's: "Savimbi" (ORG) after "Jonas Savimbi",
    "Hashim Salamat" (ORG) before "met Salamat" (PERSON). Only capitalised words, no dictionary
    entry, no place the gazetteer knows."""
    gaz = gazetteer()
    surnames = {
        e[-1].text
        for e in ents
        if e.label_ == "PERSON"
        and e[-1].is_title
        and e[-1].tag_ != "NNPS"  # "Tamil Tigers" tagged as a person
        and not _known(e[-1].text)
    }
    out = []
    for ent in ents:
        if (
            ent.label_ != "PERSON"
            and ent.label_ in _NAMEABLE
            and not (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")  # "the West", "the Golan"
            and len(ent) <= 4
            and ent[-1].text in surnames
            and all((t.is_title and t.is_alpha) or t.text in _PARTICLES for t in ent)
            and gaz.country(ent.text) is None
            and gaz.city(ent.text) is None
            and not gaz.region(ent.text)
        ):
            out.append(Span(ent.doc, ent.start, ent.end, label="PERSON"))
        else:
            out.append(ent)
    return out


def _beside(t: Token, ent: Span) -> bool:
    """Whether a word hung from a name stands beside it as what it is: "X, the EU envoy", "the
    EU's special envoy, X"."""
    return t.dep_ == "appos" or (t.dep_ == "nmod" and t.i < ent.start)


_FOR_BODIES_TOO = words(
    "mediator mediators facilitator facilitators guarantor guarantors host hosts observer observers"
)
_MORE_BODY_ENDS = words(
    "services forces centre center centres centers group groups institute initiative army government foundation "
    "community society mission office agency bank fund network association federation trust"
)
_PERSON_NOUNS = words(
    "successor predecessor counterpart counterparts deputy aide adviser advisor scientist academic professor "
    "scholar lawyer researcher historian economist businessman businesswoman politician activist cleric"
)


def _titled_people(ents: list[Span]) -> list[Span]:
    """A name of two to four capitalised words that the model took for a body or a place, right
    after a title ("Foreign Minister Fernando de Trazegnies") or in apposition with one or with a
    word for a person ("the EU's special envoy, Francois Leotard"; "Francois Leotard, the EU envoy";
    "his successor, Fernando de Trazegnies"), is a person's. Not a name
    the dictionary or the gazetteer knows, nor one ending in a body's noun."""
    lex, gaz = lexicon(), gazetteer()

    def role(t: Token) -> bool:
        return t.lower_ in _PERSON_NOUNS or (t.lower_ not in _FOR_BODIES_TOO and lex.role_of([t.text]) is not None)

    out = []
    for ent in ents:
        doc, root = ent.doc, ent.root
        if (
            ent.label_ != "PERSON"
            and ent.label_ in _NAMEABLE
            and not ent.kb_id_
            and 2 <= len(ent) <= 4
            and all((t.is_title and t.is_alpha) or t.text in _PARTICLES or _inner_hyphen(t, ent) for t in ent)
            and ent[-1].lower_ not in _BODY_NOUNS | _BODY_ENDS | _MORE_BODY_ENDS
            and not _known(ent.text)
            and gaz.city(ent.text) is None
            and not gaz.region(ent.text)
            and (
                (ent.start > 0 and role(doc[ent.start - 1]))
                or (root.dep_ == "appos" and role(root.head))
                or any(_beside(c, ent) and role(c) for c in root.children)
            )
        ):
            out.append(Span(doc, ent.start, ent.end, label="PERSON"))
        else:
            out.append(ent)
    return out


def _inner_hyphen(t: Token, ent: Span) -> bool:
    """A hyphen inside a name, between two of its words ("Terje Roed-Larsen")."""
    return t.text == "-" and ent.start < t.i < ent.end - 1 and not t.whitespace_


def _pair(ent: Span) -> tuple[Span, Span] | None:
    joins = [t for t in ent if t.lower_ in ("and", "&")]
    if len(joins) != 1:
        return None
    left, right = ent.doc[ent.start : joins[0].i], ent.doc[joins[0].i + 1 : ent.end]
    generic = len(left) == 1 and left[0].lower_ in _GENERIC_BODIES
    if generic and right.root.head == left[0] and right.root.dep_ == "conj":
        return left, right  # "the Government and National Democratic Front": the government is no part of the name
    short = all(1 <= len(side) <= 2 and all(t.tag_ == "NNP" for t in side) for side in (left, right))
    if short and ent.label_ == "ORG" and right[-1].lower_ in _BODY_ENDS and not _known(left.text):
        return None  # one body's name: "the Justice and Equality Movement"; not "Hezbollah and Amal Movement"
    return (left, right) if short and left.text != right.text else None


_GENERIC_BODIES = words("government army military police junta regime")
_BODY_ENDS = words(
    "movement party front council organization organisation union army alliance coalition league congress "
    "committee commission forces"
)


def _known(name: str) -> bool:
    """Whether a name is an actor of the dictionary or a country."""
    return lexicon().actor(name) is not None or gazetteer().country(name) is not None


def _of_country(name: Span) -> bool:
    """Whether a dictionary name is a country named after "of" ("the Security Council of Russia")."""
    doc, i = name.doc, name.start - 1
    i -= i >= 0 and doc[i].lower_ == "the"
    return name.kb_id_.startswith("country:") and i >= 0 and doc[i].lower_ == "of"


def _foreign_body(body: Span, rest: list[Span]) -> bool:
    """Whether a dictionary body named before "of <country>" is not that country's own: an
    international body ("the Security Council of Russia" is no UN body) or another country's
    ("the National Security Council of Afghanistan"); "the Sovereign Council of Sudan" and "the
    National Liberation Army of Colombia" are the dictionary's."""
    if not body.kb_id_.startswith("actor:"):
        return True
    actor = lexicon().by_key[body.kb_id_[6:]]
    countries = {c.key for s in rest if _of_country(s) and (c := gazetteer().by_iso(s.kb_id_[8:])) is not None}
    return actor.kind == "intl" or (actor.affiliation is not None and actor.affiliation not in countries)


def merge_entities(ents: list[Span], found: list[Span]) -> list[Span]:
    """Statistical entities and lexicon spans combined without overlap.

    A lexicon span replaces every entity it overlaps, except an entity that is longer and
    says more than the names inside it ("Afghan Foreign Ministry" keeps its own entity even
    though "Afghan" is a demonym); an entity made only of lexicon names and glue is replaced
    by those names. A date the tagger ran into a country's name ("Last month South Africa
    reached ...") gives that name back.
    """
    out: list[Span] = []
    inside: dict[int, list[Span]] = {}
    for ent in ents:
        parts = [s for s in found if ent.start <= s.start < ent.end]  # may run past its end: a name cut short
        if any(_of_country(s) for s in parts[1:]) and _foreign_body(parts[0], parts[1:]):
            out.append(ent)  # "the Security Council of Russia" is Russia's own council, not the UN's
            continue
        last = parts[-1] if parts else None
        if (
            ent.label_ == "DATE"
            and last is not None
            and last.label_ == "GPE"
            and ent.start < last.start < ent.end == last.end
        ):
            out.append(Span(ent.doc, ent.start, last.start, label=ent.label_))  # "Last month South Africa": two names
            continue
        if (parts and len(parts[0]) < len(ent)) or len(parts) > 1:
            covered = {i for s in parts for i in range(s.start, min(s.end, ent.end))}
            rest = [t for t in ent if t.i not in covered and t.lower_ not in _GLUE and not t.is_punct]
            if rest:
                out.append(ent)
                inside[ent.start] = parts
                continue
        if not any(s.start < ent.end and ent.start < s.end for s in found):
            out.append(ent)
    kept_spans = {s.start for parts in inside.values() for s in parts}
    for s in found:
        if s.start in kept_spans:
            continue
        if not any(e.start < s.end and s.start < e.end for e in out):
            out.append(s)
    return sorted(out, key=lambda s: s.start)


class TriggerMatcher:
    """Meeting and agreement trigger words from the lexicon.

    A phrase matcher finds the word forms (lower case); the part of speech of the last word and
    the word required before it ("prisoner" exchange) are checked on the few matches only.
    """

    def __init__(self, vocab: Vocab, name: str = "peacekg_trigger_matcher") -> None:
        self.name = name
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self._triggers: dict[str, list[Trigger]] = {}  # form -> triggers with that form
        for trig in lexicon().triggers:
            for form in trig.forms:
                if form not in self._triggers:
                    words = [w for w in re.split(r"(\s+|-)", form) if w.strip()]  # as the tokenizer splits
                    self.matcher.add(form, [Doc(vocab, words=words)])
                self._triggers.setdefault(form, []).append(trig)

    def match(self, doc: Doc) -> list[Span]:
        """One trigger span per head word; a specific trigger wins over an anaphoric one."""
        best: dict[int, tuple[Trigger, int, int]] = {}
        for match_id, start, end in self.matcher(doc):
            head = doc[end - 1]
            tags = head.tag_
            for trig in self._triggers[doc.vocab.strings[match_id]]:
                if not tags.startswith("NN" if trig.pos == "noun" else "VB"):
                    continue
                first = start
                if trig.after and not completed(head, trig.after):
                    continue
                if trig.particle and not _particle(head, trig.particle):
                    continue
                if trig.spent and not _spent_with(head, trig.spent):
                    continue
                if trig.before or trig.object_of:  # "signed a plan": a plan only as what was signed
                    if start > 0 and doc[start - 1].lower_ in trig.before:
                        first = start - 1
                    elif not _licensed(head, trig):
                        continue
                old = best.get(head.i)
                if (
                    old is None
                    or (old[0].anaphoric and not trig.anaphoric)
                    or (end - first > old[2] - old[1] and old[0].anaphoric == trig.anaphoric)
                ):
                    best[head.i] = (trig, first, end)
        return [Span(doc, s, e, label=t.id) for t, s, e in (best[i] for i in sorted(best))]

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[TRIGGER_KEY] = self.match(doc)
        return doc


def gathers(verb: Token) -> bool:
    """Whether the verb brings people together ("brought the two sides together"): the subject
    convenes, the object meets."""
    after = _gathering_verbs().get(verb.lower_)
    return after is not None and completed(verb, after)


@lru_cache(maxsize=1)
def _gathering_verbs() -> dict[str, tuple[str, ...]]:
    """Form -> the words one of which must follow it, for the meeting verbs that need one."""
    return {
        form: trig.after
        for trig in lexicon().triggers
        if trig.kind == "meeting" and trig.pos == "verb" and trig.after
        for form in trig.forms
    }


def completed(verb: Token, words: tuple[str, ...]) -> bool:
    """Whether an adverb or particle among ``words`` follows the verb in its clause: "together" in
    "brought the two sides together in Jeddah" (which parsers may hang on the next phrase); not
    "together with" nor "closer together"."""
    doc = verb.doc
    return any(
        0 < t.i - verb.i < 8
        and t.dep_ in ("advmod", "prt")
        and t.lower_ in words
        and t.head.lower_ != "with"
        and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "with")
        and not any(c.dep_ == "advmod" for c in t.children)
        for t in verb.subtree
    )


def _particle(verb: Token, words: tuple[str, ...]) -> bool:
    """Whether the word after the verb is its particle and one of ``words``: "sat down with",
    "called on the prime minister" (parsed as a particle or as a preposition)."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return nxt is not None and nxt.head == verb and nxt.dep_ in ("prt", "advmod", "prep") and nxt.lower_ in words


def _spent_with(verb: Token, words: tuple[str, ...]) -> bool:
    """Whether the verb spends one of ``words`` (a length of time) with someone: "spent 90
    minutes with Chirac", "spent the evening with the envoys"; not "spent two days in Doha"."""
    spends = any(c.dep_ in ("dobj", "npadvmod") and c.lower_ in words for c in verb.children)
    return spends and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


_SIGNED = frozenset({"signed", "inked", "initialled", "initialed"})


def _licensed(head: Token, trig: Trigger) -> bool:
    """A trigger lacking its word before may stand as the object of a verb it names ("signed a
    declaration", "the protocols were signed", "the communique adopted in Geneva"), before "of"
    and that word or a people ("a swap of 230 Ukrainians"), or after a place name ("the Nairobi
    declaration", "the Lahore Declaration")."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.tag_ in ("JJ", "JJS", "CD", "NN"):
        head = head.head.head  # "the last of the protocols was signed": the protocol signed
    if head.dep_ == "dobj" and head.head.lower_ in trig.object_of:
        return True
    if head.dep_ == "nsubjpass" and any(
        v.lower_ in trig.object_of and v.lower_ in _SIGNED for v in (head.head, *head.head.conjuncts)
    ):
        return (
            True  # "the protocols were signed", "the text was read out and signed"; not "no declaration was produced"
        )
    for p in (o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children):
        if p.dep_ == "pobj" and (p.lower_ in trig.before or (p.ent_type_ == "NORP" and p.tag_ == "NNPS")):
            return True  # "an exchange of prisoners", "a swap of 230 Ukrainians for 248 Russians"
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in trig.object_of for c in head.children):
        return True  # "the communique adopted by world powers in Geneva", "a declaration signed in Tashkent"
    prev = head.doc[head.i - 1] if head.i > 0 else None
    if not trig.named or prev is None or prev.dep_ != "compound":
        return False
    if prev.ent_type_ in ("GPE", "LOC", "FAC"):
        return True  # "the Nairobi declaration"
    # a proper name the tagger took whole for a law or an event: "the Lahore Declaration"
    return prev.ent_type_ in ("LAW", "EVENT") and prev.tag_ == "NNP" and head.tag_ == "NNP"


@Language.factory("peacekg_line_breaks_v1")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(name)


@Language.factory("peacekg_actor_ruler_v1")
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


@Language.factory("peacekg_trigger_matcher_v1")
def make_trigger_matcher(nlp: Language, name: str) -> TriggerMatcher:
    return TriggerMatcher(nlp.vocab, name)


_MATCHERS: dict[int, TriggerMatcher] = {}


def trigger_spans(doc: Doc) -> list[Span]:
    """The trigger spans of a doc: those the pipeline set, else found now (a doc parsed by
    another pipeline of the same language)."""
    if TRIGGER_KEY in doc.spans:
        return list(doc.spans[TRIGGER_KEY])
    matcher = _MATCHERS.get(id(doc.vocab))
    if matcher is None:
        matcher = _MATCHERS[id(doc.vocab)] = TriggerMatcher(doc.vocab)
    return matcher.match(doc)
