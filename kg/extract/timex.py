"""The time expression that governs an event mention, and its resolution to a date.

The expression is a DATE entity attached to the event word or to the verbs right above it
("held ... on March 3 last year", "Last week, X and Y agreed", "the summit two months
ago"), with its preposition ("on Tuesday"). Dates on a reporting verb ("said Saturday") do not
count; a date on a trip ("fly to Cairo on Monday ahead of talks") is only a weak hint.
Deadlines and spans ("by March 10", "since 2001") are not the event's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.dates import names_a_time_of_day, names_holiday, resolve_date
from kg.extract.scope import Scope, with_completions
from kg.extract.syntax import particles, pobjs, with_governors
from kg.nlp.lexicon import lexicon
from kg.records import DateValue, Precision

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DATE_PREPS = {"on", "in", "at", "during", "within", "from", "over", "around", "last", "this", "next", "of", "for"}
_DATE_DEPS = {"npadvmod", "tmod", "advmod", "nmod", "compound", "poss", "appos", "nummod", "amod", "pobj", "dobj"}
STRONG, WEAK = 2, 1
# "signed on Monday after years of negotiations": the verb's date is not the negotiations'
_TEMPORAL_VIA = {"after", "following", "since", "before", "ahead", "until", "pending"}


@dataclass(frozen=True)
class TimeRef:
    """A time expression as written, how surely it dates the event, and the tense around it."""

    expression: str
    strength: int
    tense: str | None  # "past" | "future" | None
    antecedent: str | None = None  # what "that month" refers back to: the date told before it


def _ent_of(token: Token) -> Span | None:
    """The DATE entity of ``token``; also an EVENT that names a holiday ("New Year's Eve") and a
    time of a named day ("Sunday night", "Monday morning", tagged TIME) or of the day of writing
    ("tonight", "last night")."""
    if token.ent_type_ not in ("DATE", "EVENT", "TIME"):
        return _untagged_back_reference(token)
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if token.ent_type_ == "TIME":
        day = next((c for c in token.children if c.dep_ == "compound" and c.ent_type_ == "DATE"), None)
        if day is not None and day.i < start and day.i == start - 1:
            start = day.i  # "Monday" (DATE) "morning" (TIME)
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
        span = doc[start:end]
        return span if _WEEKDAY.search(span.text) or names_a_time_of_day(span.text) else None
    span = doc[start:end]
    return span if token.ent_type_ == "DATE" or names_holiday(span.text) else None


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _untagged_back_reference(token: Token) -> Span | None:
    """ "That month" or "the same day" that the tagger did not take for a date."""
    if token.lower_ not in ("day", "month", "year"):
        return None
    span = token.doc[token.left_edge.i : token.i + 1]
    words = span.text.lower().split()
    if words and words[0] in ("later", "earlier"):
        words = words[1:]
    return span if _BACK_REFERENCE.fullmatch(" ".join(words)) else None


def expressions_at(node: Token) -> list[str]:
    """The DATE entities hanging off ``node``, with their preposition ("on Friday")."""
    out = []
    for c in node.children:
        if c.dep_ == "prep" and c.lower_ in _DATE_PREPS:
            for obj in c.children:
                ent = _ent_of(obj) if obj.dep_ == "pobj" else None
                if ent is not None and (ent.root.i == obj.i or obj.i in (ent.start, ent.end - 1)):
                    out.append(node.doc[c.i : ent.end].text)
                elif obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "LOC", "FAC") or obj.lower_ in _PLACE_NOUNS):
                    out += expressions_at(obj)  # a date the parser hung from the place: "met in Doha on Sunday"
                    for v in obj.children:  # "talks in the Chinese capital that began Monday"
                        if v.dep_ == "relcl" and v.lower_ in lexicon().word_list("support_verbs") and _of_the_noun(v):
                            out += expressions_at(v)
        elif c.dep_ in _DATE_DEPS:
            ent = _ent_of(c)
            if ent is not None and (ent.root.i == c.i or c.i == ent.end - 1):
                out.append(ent.text)
        elif c.dep_ in ("nsubj", "nsubjpass"):
            out += _fronted(c)
    return out


def _fronted(subject: Token) -> list[str]:
    """A date that opens the sentence with no comma, which the parser took for a modifier of the
    subject after it: "Last September Trump called off the meetings" dates the verb."""
    first = subject.sent.start
    for c in subject.children:
        if c.i < subject.i and c.dep_ in ("compound", "npadvmod", "nmod") and c.ent_type_ == "DATE":
            ent = _ent_of(c)
            if ent is not None and ent.start == first == subject.left_edge.i and c.i == ent.end - 1:
                return [ent.text]
    return []


def _of_the_noun(clause: Token) -> bool:
    """Whether a relative clause tells of the noun it hangs from ("that began Monday"), not of
    something else that happened there ("where the two sides signed a deal in 2020")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in clause.children)


_PLACE_NOUNS = {"sidelines", "sideline", "margins", "margin", "capital", "city", "town", "village"}

_DURATION = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)"
    r"[- ](?:hour|day|week|month|year)s?(?:[- ]long)?",
    re.IGNORECASE,
)


def find_times(scope: Scope) -> list[TimeRef]:
    """The candidate time expressions of an event mention, best first (see the module docstring).

    A duration ("a one-day conference", "two-week talks") says how long, not when: it is left out.
    """
    refs = [ref for ref in _times(scope) if not _DURATION.fullmatch(ref.expression.strip())]
    out = []
    for ref in refs:
        if _BACK_REFERENCE.search(ref.expression):
            ref = _with_antecedent(ref, scope.token)
        elif _LATER.search(ref.expression):
            ref = _with_antecedent(ref, scope.token, any_day=True)
        out.append(ref)
    return out


# "a day later", "two days later", "a week later", "the next day", "the following day": so many
# days after the date told before; "a week earlier", "the day before": so many days before it
_LATER = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|six|seven|\d+) (day|days|week|weeks) (later|earlier)"
    r"|the (?:next|following) day|the (previous) day|the day (before))\b",
    re.IGNORECASE,
)


def _day_told_before(token: Token) -> str | None:
    """The day "a day later" counts from, for an event at ``token``: a day told earlier in its own
    sentence ("after arriving on Monday, met Ghani the next day"), else the day of the main
    clause of the nearest of the three sentences before, or of what it reports ("said on Sunday
    that the delegation had met Chinese officials on Thursday": Thursday)."""

    def days(node: Token) -> list[str]:
        return [e for e in expressions_at(node) if (_YEAR_OR_MONTH.search(e) or _WEEKDAY.search(e))]

    doc, sent = token.doc, token.sent
    here = [e.text for e in sent.ents if e.label_ == "DATE" and e.end <= token.i and _dates_a_day(e.text)]
    if here:
        return here[-1]
    for back in range(3):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        root = sent.root
        reported = (
            [
                c
                for c in root.children
                if c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in _MODALS for a in c.children)
            ]
            if root.lower_ in lexicon().word_list("speech_verbs")
            else []
        )  # not what "would" be done: "said that he would visit Kampala in April"
        for node in (*reported, root):
            found = days(node)
            if found:
                return found[0]
        if back == 0:  # the sentence just before: a date in another clause of it ("told parliament in October")
            told = [e.text for e in sent.ents if e.label_ == "DATE" and _dates_a_day(e.text) and _dates_a_deed(e)]
            if told:
                return told[-1]
    return None


_MODALS = frozenset({"would", "will", "'ll", "could", "might", "may", "shall", "should", "must"})


def _dates_a_deed(date_ent: Span) -> bool:
    """Whether a date is told of something done: it hangs, alone or after a preposition, from a
    verb in the past tense in a clause that is not relative ("after he told parliament in
    October"; not "Guterres, who took office in January", "after the October 7 attacks", "would
    visit in April")."""
    root = date_ent.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    return (
        root.dep_ in ("pobj", "npadvmod")
        and verb.tag_ == "VBD"
        and verb.dep_ in ("ROOT", "advcl", "conj", "ccomp", "pcomp")
        and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
    )


def _dates_a_day(text: str) -> bool:
    return not _LATER.search(text) and bool(_YEAR_OR_MONTH.search(text) or _WEEKDAY.search(text))


_DAYS_IN_THE_MONTH = 7
_LATE_IN_THE_MONTH = re.compile(r"\b(?:late|end|close)\b", re.IGNORECASE)
"""How many days after a month told before ("in October ... two days later") still date by that month."""
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


# "that month", "later that year", "the same day": a date told before, at this precision
_BACK_REFERENCE = re.compile(r"\b(?:that|the same) (day|month|year)\b", re.IGNORECASE)
_PRECISION_LENGTH = {"day": 10, "month": 7, "year": 4}
_UNITS: dict[str, Precision] = {"day": "day", "month": "month", "year": "year"}


def _with_antecedent(ref: TimeRef, token: Token, any_day: bool = False) -> TimeRef:
    """``ref`` with the nearest date expression told before the sentence of ``token``: one that
    names a year or month; or (``any_day``, for "a day later") the date of the main clause of the
    sentences before, which moves the story's time ("Biden announced last Wednesday that the
    troops would leave by September 11. A day later, Blinken arrived in Kabul")."""
    start = token.sent.start
    if any_day:
        told = _day_told_before(token)
        return TimeRef(ref.expression, ref.strength, ref.tense, told) if told else ref
    earlier = [
        e
        for e in token.doc.ents
        if e.label_ == "DATE"
        and e.end <= start
        and not _BACK_REFERENCE.search(e.text)
        and not _LATER.search(e.text)
        and (_YEAR_OR_MONTH.search(e.text) or (any_day and _WEEKDAY.search(e.text)))
    ]
    if not earlier:
        return ref
    return TimeRef(ref.expression, ref.strength, ref.tense, earlier[-1].text)


_YEAR_OR_MONTH = re.compile(
    r"\b(?:(?:1[89]|20)\d\d|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.IGNORECASE,
)  # not "two decades"


def _times(scope: Scope) -> list[TimeRef]:
    out: list[TimeRef] = []
    effect: list[TimeRef] = []  # when the deal took effect: after any other date the mention gives
    # "left out in February, when envoys met ...", "stalled since February, when the summit ended":
    # the clause is told of February
    for v in (scope.token, *scope.verbs[:1]):
        when = _date_clause_head(v)
        if when is not None:
            out.append(TimeRef(when, STRONG, "past" if v.tag_ == "VBD" else None))
            break
    for n in [*scope.nodes, *with_completions(scope.clauses)]:
        if _takes_effect(n):  # "a ceasefire that took effect the next day": signed before, so a later clue
            effect += [TimeRef(e, STRONG, _tense_of(n)) for e in expressions_at(n)]
        else:
            out += [TimeRef(e, STRONG, _clause_tense(n, scope)) for e in expressions_at(n)]
    for v in (scope.token, *scope.verbs[:1]):
        if _when_clause(v) and (v == scope.token or _dates_event(v)):
            # "the round began last month, when a delegation met TTP leaders"; not "collapsed in
            # April when the rebels broke a truce agreed three months earlier"
            out += [TimeRef(e, STRONG, _tense_of(v)) for e in expressions_at(v.head)]
            break
    tail = _subject_tail(scope.token)
    if tail is not None:
        out.append(TimeRef(tail, STRONG, _tense_of(scope.token.head)))
    for v in scope.verbs if scope.via not in _TEMPORAL_VIA else ():
        if v == scope.travel:
            break
        if v == scope.token or _dates_event(v):
            out += [TimeRef(e, STRONG, _tense_of(v)) for e in expressions_at(v)]
            # "talks had been scheduled to begin on September 23", "are set to resume on Monday"
            for u in with_completions([v])[1:]:
                if not _dates_event(u) or any(c.dep_ == "dobj" and c.lower_ != "place" for c in u.children):
                    break
                out += [TimeRef(e, STRONG, _tense_of(v)) for e in expressions_at(u)]
    nxt = _adjacent(scope)
    if nxt is not None:
        out.append(nxt)
    for v in (scope.travel, scope.frame_verb, _announcement(scope), _relating(scope)):
        if v is not None:
            out += [TimeRef(e, WEAK, _tense_of(v)) for e in expressions_at(v)]
    if scope.via in ("at", "during") and scope.verbs:
        # "on Thursday urged the sides to talk, at a conference in Moscow": done there, that day
        verbs = with_governors(scope.verbs)  # "on Thursday urged them to reach a deal at a conference"
        tense = _tense_of(verbs[-1])  # the main verb's: "agreed to exchange prisoners during talks on Monday"
        if any(c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE for c in verbs[0].children):
            tense = "future"  # "said ... would be decided at a meeting on November 6"
        for v in verbs:
            out += [TimeRef(e, WEAK, tense) for e in expressions_at(v)]
    if not out and not effect and scope.verbs and scope.via == "dobj":
        verb = scope.verbs[0]  # "first met in May last year and signed a declaration": May
        own = any(c.dep_.startswith("nsubj") for c in verb.children)
        if verb.dep_ == "conj" and not own and _dates_event(verb) and not _later(verb):
            out += [TimeRef(e, STRONG, _tense_of(verb.head)) for e in expressions_at(verb.head)]
    if not out and not effect and _past_perfect(scope):
        # the sentence's DATE entities, read off its tokens (Span.ents walks the whole document)
        dates = [_ent_of(t) for t in scope.token.sent if t.ent_iob_ == "B" and t.ent_type_ == "DATE"]
        out += [TimeRef(e.text, STRONG, "past") for e in dates if e is not None and _YEAR.search(e.text)]
    return out + effect


def _subject_tail(token: Token) -> str | None:
    """A date ending the event's own subject phrase right before its verb, which the parser hung
    from a word inside the phrase: "a jirga of 3,200 elders on Sunday approved the release"."""
    verb, edge = token.head, token.right_edge
    if token.dep_ not in ("nsubj", "nsubjpass") or edge.i + 1 != verb.i or edge.i == token.i:
        return None
    ent = _ent_of(edge)
    if ent is None or ent.end != edge.i + 1 or ent.root.dep_ != "pobj":
        return None
    prep = ent.root.head
    if prep.lower_ not in _DATE_PREPS or prep.i != ent.start - 1:
        return None
    return token.doc[prep.i : ent.end].text


def _date_clause_head(token: Token) -> str | None:
    """The date a clause hangs from as a relative clause ("in February, when X met Y"), with its
    preposition."""
    if token.dep_ != "relcl":
        return None
    ent = _ent_of(token.head)
    if ent is None:
        return None
    prep = ent.root.head
    if ent.root.dep_ == "pobj" and prep.lower_ in _DATE_PREPS and prep.i == ent.start - 1:
        return token.doc[prep.i : ent.end].text
    return ent.text


def _when_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a "when" clause on another verb, told of that verb's time."""
    return verb.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def _past_perfect(scope: Scope) -> bool:
    """ "negotiations that had been taking place": told as before the story's time, so a year the
    sentence names elsewhere ("... in January 2019") is theirs."""
    verbs = [*scope.clauses, *scope.verbs[:1]]
    return any(c.dep_ == "aux" and c.lower_ == "had" for v in verbs for c in v.children)


def _announcement(scope: Scope) -> Token | None:
    """The announcing verb over a clause telling a done event: "on Sunday X announced that the
    sides had agreed a truce" dates the truce no later than Sunday, so weakly."""
    if not scope.verbs:
        return None
    top = scope.verbs[-1]
    done = top.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in top.children)
    head = top.head
    if top.dep_ == "ccomp" and done and head.lower_ in lexicon().word_list("announce_verbs") and head.tag_ == "VBD":
        return head
    return None


def _relating(scope: Scope) -> Token | None:
    """A verb that hosts, follows or keeps the event it takes as object: "Russia hosted a conference
    on March 18", "the initiative followed a conference on March 18", "the sides observed a truce
    in July". Its date is weakly the event's."""
    if not scope.verbs or scope.via != "dobj" or not scope.token.tag_.startswith("NN"):
        return None
    verb, lex = scope.verbs[0], lexicon()
    relating = lex.word_list("mediator_verbs", "sequence_verbs", "abide_verbs")
    return verb if verb.lower_ in relating else None


def _later(verb: Token) -> bool:
    """ "... and later agreed a truce": done after what the verb is joined to."""
    return any(c.dep_ == "advmod" and c.lower_ in ("later", "afterwards", "subsequently") for c in verb.children)


def _dates_event(verb: Token) -> bool:
    """Whether a date on this verb is the event's ("held on", "signed on", "collapsed in", "broke
    down at the end of August"), not a phase's ("takes effect on")."""
    if verb.lower_ in _TAKING:
        return any(c.dep_ == "dobj" and c.lower_ in ("place", "part") for c in verb.children)
    lex = lexicon()
    if verb.lower_ in lex.word_list("cancel_particle_verbs") and any(
        c.lower_ in lex.word_list("breakdown_particles") for c in particles(verb)
    ):
        return True  # "broke down", "fell apart": the talks end then (not "walked out of the talks")
    words = lex.word_list("support_verbs", "cancelled_cues", "planned_cues", "denied_cues", "end_verbs")
    return verb.lower_ in words


def _clause_tense(n: Token, scope: Scope) -> str | None:
    """The tense a date on the event's word or clause is read in. A date on an infinitive after
    an event told in the past may belong to either ("initialed an agreement to end the war here
    Tuesday": the parser hangs the day on "end"), so the nearer day is taken."""
    tense = _tense_of(n)
    if (
        tense == "future"
        and n.dep_ == "acl"
        and not any(c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE for c in n.children)
        and scope.verbs
        and _tense_of(scope.verbs[0]) == "past"
    ):
        return EITHER
    return tense


def _takes_effect(verb: Token) -> bool:
    """ "took effect", "came into force", "entered into force": when a deal starts to bind, not
    when it was made."""
    if verb.lower_ in _TAKING:
        return any(c.dep_ == "dobj" and c.lower_ == "effect" for c in verb.children)
    return verb.lower_ in _ENTERING and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(o.lower_ in ("force", "effect") for o in pobjs(c))
        for c in verb.children
    )


_TAKING = {"take", "takes", "took", "taken", "taking"}
_ENTERING = {"come", "comes", "came", "coming", "enter", "enters", "entered", "entering", "go", "goes", "went"}


def _adjacent(scope: Scope) -> TimeRef | None:
    """A date right after the event noun: "the summit three months ago"."""
    last = max(t.i for t in scope.nodes)
    doc = scope.token.doc
    if last + 1 < len(doc):
        ent = _ent_of(doc[last + 1])
        if ent is not None and ent.start == last + 1:
            return TimeRef(ent.text, STRONG, None)
    return None


EITHER = "either"
"""The tense of a verb that may point either way from the story's time."""
_FUTURE_AUX = {"will", "shall", "'ll", "to", "would", "wo"}
_MODAL_FUTURE = _FUTURE_AUX - {"to"}
_FUTURE_PARTICIPLES = {"set", "scheduled", "expected", "due"}  # "talks set for May"


def _tense_of(token: Token) -> str | None:
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.lower_ in _FUTURE_PARTICIPLES and "had" in aux:
        return EITHER  # "had been set for February 18": a day before the story or after it
    if aux & _FUTURE_AUX or token.lower_ in _FUTURE_PARTICIPLES:
        return "future"
    if token.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def months_before(when: DateValue, anchor: date) -> int:
    """How many calendar months ``when`` lies before ``anchor`` (a year counts as its December)."""
    year, month = int(when.iso[:4]), int(when.iso[5:7]) if len(when.iso) >= 7 else 12
    return (anchor.year - year) * 12 + anchor.month - month


def resolve(ref: TimeRef | None, anchor: date | None, status: str | None) -> DateValue | None:
    """The date of a time reference; the status decides the direction when the verb does not."""
    if ref is None:
        return None
    tense = ref.tense or {"Planned": "future", "Occurred": "past", "Cancelled": "past", "Denied": "past"}.get(
        status or ""
    )
    if status == "Planned":
        tense = "future" if ref.tense != "past" else tense
    if ref.antecedent is not None:
        return _back_reference(ref, anchor, None if tense == EITHER else tense)
    if tense == EITHER:
        return _nearest(ref.expression, anchor)
    found = resolve_date(ref.expression, anchor, tense)
    if found is None and "," in ref.expression:  # the tagger ran on: "September 19, the day (the offensive began)"
        found = resolve_date(ref.expression.split(",", 1)[0], anchor, tense)
    if found is None and " in " in ref.expression:  # an occasion and when: "the Eid holiday in June last year"
        found = resolve_date(ref.expression.rsplit(" in ", 1)[1], anchor, tense)
    return found


def _nearest(expression: str, anchor: date | None) -> DateValue | None:
    """Of the day before the story and the day after it that ``expression`` may name, the nearer
    ("had been scheduled for Thursday", "had been set for February 18")."""
    found = [d for t in ("past", "future") if (d := resolve_date(expression, anchor, t)) is not None]
    days = [d for d in found if d.iso and d.precision == "day"]
    if anchor is None or len(days) < 2:
        return found[0] if found else None
    return min(days, key=lambda d: abs((date.fromisoformat(d.iso or "") - anchor).days))


def _back_reference(ref: TimeRef, anchor: date | None, tense: str | None) -> DateValue | None:
    """ "That month" after "in April": April, at the precision the expression names; "a day
    later" after "on July 8": July 9."""
    later = _LATER.search(ref.expression)
    if later is not None:  # the day counted from lies the way the event does: "will ... the next day"
        told = resolve_date(ref.antecedent or "", anchor, "future" if tense == "future" else "past")
        count = _NUMBERS.get((later[1] or "").lower()) or int(later[1] or 1)
        days = count * (7 if (later[2] or "").lower().startswith("week") else 1)
        if (later[3] or "").lower() == "earlier" or later[4] or later[5]:
            days = -days
        early = _LATE_IN_THE_MONTH.search(ref.antecedent or "") is None  # not "late October ... a week later"
        if told is not None and told.precision == "month" and told.iso and days <= _DAYS_IN_THE_MONTH and early:
            return DateValue(told.iso, "month", ref.expression)  # "in October ... Two days later": October
        if told is None or told.precision != "day" or not told.iso:
            return None
        return DateValue((date.fromisoformat(told.iso) + timedelta(days=days)).isoformat(), "day", ref.expression)
    unit = _BACK_REFERENCE.search(ref.expression)
    told = resolve_date(ref.antecedent or "", anchor, tense)
    if unit is None or told is None or not told.iso or told.precision is None:
        return None
    wanted = _UNITS[unit[1].lower()]
    if _PRECISION_LENGTH[told.precision] < _PRECISION_LENGTH[wanted]:
        return None  # "that day" after "in April" names no day
    return DateValue(told.iso[: _PRECISION_LENGTH[wanted]], wanted, ref.expression)
