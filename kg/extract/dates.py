"""Resolving time expressions from news sentences to ISO dates.

:func:`resolve_date` turns an expression such as "on Sunday", "September 12 last year" or
"three months ago" into a :class:`~kg.records.DateValue` at the precision the text supports,
anchored on the article's publication date. Rules for how news writes dates come first
(compiled regular expressions over a lower-case canonical form); absolute forms they do not
cover fall back to ``dateparser``.

- Direction. A bare weekday, month-day or month goes the way the governing verb's ``tense``
  points: ``"past"`` gives the latest one on or before the anchor (the anchor itself may be
  it), ``"future"`` the earliest one on or after it. Without a tense a weekday counts as past
  (news mostly reports what happened) and a month-day or month takes the anchor's year
  ("since" implies past). "last"/"next" with a weekday or month mean strictly before/after
  the anchor: "last February" said in February is a year back.
- Precision. A weekday, a full date, "yesterday", "N days ago" give a day; a month, "late
  February", "mid-January", a week ("last week", "two weeks ago": the month of the resolved
  day), a few days ("within days", "in the coming days": the anchor's month) give a month;
  "2001", "last year", "later this year", "N years ago" give a year; "N years ago this month" a
  month. A numeric date whose day
  and month could be swapped ("04/05/2020") gives only its year.
- Refusals (``None``): durations and spans ("17 years", "the 18-year conflict", "over the past
  month", "the last year", "in the coming months", "a few weeks ago"), decades ("the 1980s"),
  expressions that need the sentence's context rather than the publication date ("the same
  day", "the following day", "two days later"), and text that is not a time expression.
- Without an anchor absolute expressions still resolve and relative ones come back as
  ``DateValue(None, None, text)``. Nothing here reads today's date.

>>> from datetime import date
>>> resolve_date("on Sunday", date(2019, 6, 12), "past")
DateValue(iso='2019-06-09', precision='day', text='on Sunday')
>>> resolve_date("in December last year", date(2019, 6, 12)).iso
'2018-12'
>>> resolve_date("three months ago", None)
DateValue(iso=None, precision=None, text='three months ago')
>>> resolve_date("the 18-year conflict", date(2019, 6, 12)) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, TypeVar, cast

from dateutil.relativedelta import relativedelta, weekdays

from kg.records import DateValue, Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Tense = Literal["past", "future"]
_T = TypeVar("_T", date, tuple[int, int])

_MONTHS = {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
           "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
           "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
           "dec": 12}  # fmt: skip
_WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "eighteen": 18, "twenty": 20}  # fmt: skip
_VAGUE = ("a few", "few", "several", "some", "a couple of", "couple of")
_ISO_LENGTH = {"day": 10, "month": 7, "year": 4}
_REL = {"last": -1, "this": 0, "next": 1}


def _alt(words: Sequence[str] | dict[str, int]) -> str:
    """A regex alternation, longest words first so "sept" wins over "sep"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MON = rf"(?P<mon>{_alt(_MONTHS)})\.?"
_WD = rf"(?P<wd>{_alt(_WEEKDAYS)})"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[12]\d{3})"
_NUM = rf"(?P<n>\d{{1,3}}|{_alt(_NUMBERS)})"
_REL_YEAR = r"(?: (?:of )?(?P<rel>last|this|next) year)"
_YEAR_OR_REL = rf"(?: (?:of )?{_YEAR}|{_REL_YEAR})?"
_BEFORE = r"(?:last|this past|past)"
_AFTER = r"(?:next|this coming|coming)"

_LEAD = re.compile(r"(on|in|for|by|since|at|the|during|over(?=\s+the\b)|from|until|till|as of)\s+", re.IGNORECASE)
_EDGES = re.compile(r"^[\s\"'“‘(\[]+|[\s.,;:!?\"'”’)\]]+$")
_SPACES = re.compile(r"\s+")
_COMMA_OR_POSSESSIVE = re.compile(r",|'s?(?=\s|$)")
_CLOCK = re.compile(
    r"\b(?:at |around |about )?\d{1,2}(?:[:.]\d{2})? ?[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b|"
    r"\b(?:local time|gmt|utc)\b"
)
_MODIFIER = re.compile(
    r"^(?:(?:very )?(?:early|earlier|late|later|mid|middle of|end of|end|beginning of|start of|"
    r"(?:first|second) half of|about|around|nearly|almost|roughly|approximately|some)(?:-|\s+|$))+"
)
_PHRASES = {"last night": "yesterday", "tonight": "today", "this morning": "today",
            "this afternoon": "today", "this evening": "today"}  # fmt: skip
_TIME_OF_DAY = re.compile(
    r"\b(?:(?:early |late )?(?:in the )?(?:morning|afternoon|evening|night|noon|midday|midnight)|"
    r"(?:early|small) hours)(?: of)?\b"
)
_SPAN = re.compile(r"\bthe (?:last|past) (?:\w+ )?(?:week|month|year)s?\b", re.IGNORECASE)
_HAS_MONTH = re.compile(rf"\b(?:{_alt(_MONTHS)})\b")
_NOT_A_POINT = re.compile(
    r"\b(?:and|or|to|through|between|before|after|later|earlier|ago|since|past|last|next|this|that|"
    r"coming|recent|same|following|previous|weeks?|days?|months?|years?)\b|\ds\b"
)
_HAS_YEAR = re.compile(r"\b[12]\d{3}\b")


def normalize_expression(text: str) -> str:
    """Strip leading prepositions and determiners and trailing punctuation.

    >>> normalize_expression("  on the 12th of September, ")
    '12th of September'
    >>> normalize_expression("since April 8.")
    'April 8'
    """
    return _split_lead(_trim(text))[1]


def _trim(text: str) -> str:
    return _EDGES.sub("", _SPACES.sub(" ", text))


def _split_lead(text: str) -> tuple[tuple[str, ...], str]:
    words: list[str] = []
    while match := _LEAD.match(text):
        words.append(match.group(1).lower())
        text = text[match.end() :]
    return tuple(words), text


def _canonical(core: str) -> str:
    """Lower case, no commas, possessives, clock times, time of day or leading modifiers."""
    s = _CLOCK.sub(" ", _COMMA_OR_POSSESSIVE.sub(" ", core.lower().replace("’", "'")))
    s = _strip_front(_SPACES.sub(" ", s).strip())
    s = _PHRASES.get(s, s)
    return _strip_front(_SPACES.sub(" ", _TIME_OF_DAY.sub(" ", s)).strip())


def _strip_front(s: str) -> str:
    """Drop leading prepositions and modifiers ("early", "end of"): they change no value."""
    previous = None
    while s != previous:
        previous = s
        s = _MODIFIER.sub("", _split_lead(s)[1])
        if s != previous and s in ("year", "month", "week", "the year", "the month", "the week"):
            s = "this " + s.removeprefix("the ")  # "by the end of the year"
    return s


class _Unanchored(Exception):
    """A relative expression met without a publication date to anchor it."""


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    anchor: date | None
    tense: Tense | None
    lead: tuple[str, ...]  # the words normalisation stripped: "in", "the", "since", ...

    @property
    def at(self) -> date:
        """The anchor; handlers that read it make the expression relative."""
        if self.anchor is None:
            raise _Unanchored
        return self.anchor


_Handler = Callable[[re.Match[str], _Context], DateValue | None]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str) -> Callable[[_Handler], _Handler]:
    """Register a handler for expressions that fully match ``pattern``; the first match wins."""

    def register(handler: _Handler) -> _Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


def resolve_date(expression: str, anchor: date | None, tense: str | None = None) -> DateValue | None:
    """Resolve a time expression against the publication date ``anchor``.

    ``tense`` is that of the governing verb (``"past"``, ``"future"`` or ``None``); it decides
    which way a bare weekday, month-day or month goes. Returns ``None`` when the expression
    names no point in time.

    >>> from datetime import date
    >>> resolve_date("in July", date(2019, 6, 12), "past")
    DateValue(iso='2018-07', precision='month', text='in July')
    >>> resolve_date("by May 2022", None).iso
    '2022-05'
    """
    if tense not in (None, "past", "future"):
        raise ValueError(f"tense must be 'past', 'future' or None, not {tense!r}")
    lead, core = _split_lead(_trim(expression))
    if tense is None and "since" in lead:
        tense = "past"
    if isinstance(anchor, datetime):
        anchor = anchor.date()
    ctx = _Context(expression, anchor, cast("Tense | None", tense), lead)
    s = _canonical(core)
    if not s or _SPAN.search(expression):  # "the last year", "over the past two months"
        return None
    try:
        for pattern, handler in _RULES:
            if match := pattern.fullmatch(s):
                return handler(match, ctx)
        return _library_fallback(s, ctx)
    except _Unanchored:
        return DateValue(None, None, expression)
    except (ValueError, OverflowError):  # a date outside what datetime can hold
        return None


def _value(ctx: _Context, when: date, precision: Precision) -> DateValue:
    return DateValue(when.isoformat()[: _ISO_LENGTH[precision]], precision, ctx.text)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: Sequence[_T], anchor: _T, tense: Tense | None, default: _T) -> _T:
    """The candidate the tense points to: the latest on or before, or earliest on or after, the anchor."""
    if tense == "past":
        return max((c for c in candidates if c <= anchor), default=default)
    if tense == "future":
        return min((c for c in candidates if c >= anchor), default=default)
    return default


def _month_day(ctx: _Context, month: int, day: int, weekday: int | None = None) -> date:
    """The year of a month-day written without one: by tense, else the anchor's year."""
    anchor = ctx.at
    candidates = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _safe_date(y, month, day))]
    named = [d for d in candidates if d.weekday() == weekday and abs(d.year - anchor.year) <= 1]
    candidates = named or candidates  # "Friday, December 18" picks the year where it is a Friday
    latest = _pick(candidates, anchor, "past", candidates[0])
    default = next((d for d in candidates if d.year == anchor.year), latest)
    return _pick(candidates, anchor, ctx.tense, default)


def _month_only(ctx: _Context, month: int, which: str | None = None) -> DateValue:
    anchor = ctx.at
    now = (anchor.year, anchor.month)
    candidates = [(y, month) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if which == "last":
        year, _ = max(c for c in candidates if c < now)
    elif which == "next":
        year, _ = min(c for c in candidates if c > now)
    else:
        year, _ = _pick(candidates, now, None if which else ctx.tense, (anchor.year, month))
    return _value(ctx, date(year, month, 1), "month")


@_rule(r"today|yesterday|tomorrow|day before yesterday|day after tomorrow")
def _named_day(m: re.Match[str], ctx: _Context) -> DateValue:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "day before yesterday": -2}
    return _value(ctx, ctx.at + timedelta(days=offsets.get(m[0], 2)), "day")


@_rule(rf"(?:(?P<q>{_BEFORE}|{_AFTER}|this) )?(?:{_WD}|(?P<weekend>weekend))")
def _weekday(m: re.Match[str], ctx: _Context) -> DateValue:
    """A weekday (day precision) or a weekend (its Saturday's month)."""
    anchor = ctx.at
    target = weekdays[5 if m["weekend"] else _WEEKDAYS[m["wd"]]]
    if m["q"] in ("last", "this past", "past"):
        when = anchor - timedelta(days=1) + relativedelta(weekday=target(-1))
    elif m["q"] in ("next", "this coming", "coming"):
        when = anchor + timedelta(days=1) + relativedelta(weekday=target(+1))
    else:
        when = anchor + relativedelta(weekday=target(+1 if ctx.tense == "future" else -1))
    return _value(ctx, when, "month" if m["weekend"] else "day")


def _shift(anchor: date, n: int, unit: str) -> tuple[date, Precision]:
    if unit == "day":
        return anchor + timedelta(days=n), "day"
    if unit == "week":
        return anchor + timedelta(weeks=n), "month"
    if unit == "month":
        return anchor + relativedelta(months=n), "month"
    return anchor + relativedelta(years=n), "year"


@_rule(rf"(?:{_NUM}|(?P<vague>{_alt(_VAGUE)})) (?P<unit>day|week|month|year)s? ago(?P<month> this month)?")
def _ago(m: re.Match[str], ctx: _Context) -> DateValue | None:
    if m["vague"] and m["unit"] != "day":
        return None  # "a few weeks ago" could be any of several months
    if m["vague"]:
        return _value(ctx, ctx.at, "month")
    if m["month"]:  # "a year ago this month", "two years ago this month": that month, so many years back
        return _value(ctx, _shift(ctx.at, -_number(m["n"]), "year")[0], "month") if m["unit"] == "year" else None
    if m["unit"] == "year" and _number(m["n"]) == 1:
        return _value(ctx, _shift(ctx.at, -1, "year")[0], "month")  # "a year ago": that month, a year back
    return _value(ctx, *_shift(ctx.at, -_number(m["n"]), m["unit"]))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


@_rule(rf"within (?:the (?:next|coming) )?(?:(?:{_alt(_VAGUE)}|{_NUM}) )?(?P<unit>hour|day|week|month|year)s?")
def _within(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """Within hours, days or a week, yet to come: the anchor's month; longer limits are spans, and
    in the past ("the truce collapsed within days") it counts from the event told, not the story."""
    short = m["unit"] in ("hour", "day") or (m["unit"] == "week" and m["n"] in ("a", "one", "1"))
    return _value(ctx, ctx.at, "month") if short and ctx.tense != "past" else None


@_rule(
    rf"(?:(?P<w>(?:coming|next|recent|past|last)(?: few| several| two| three| 2| 3)?)|{_alt(_VAGUE)}) "
    r"(?:days|hours)(?: ahead)?|(?P<ahead>days|hours) ahead"
)
def _few_days(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """ "in the coming days", "in recent days", "in a few days": the anchor's month."""
    if not (m["w"] or m["ahead"] or "in" in ctx.lead):
        return None  # "several days" alone is a duration
    return _value(ctx, ctx.at, "month")


@_rule(rf"{_NUM} (?P<unit>day|week|month|year)s?")
def _offset(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """ "in two weeks" is a point ahead; "two weeks" alone and "in 17 years" are spans."""
    if ctx.lead[-1:] != ("in",) or m["unit"] == "year":
        return None
    return _value(ctx, *_shift(ctx.at, _number(m["n"]), m["unit"]))


@_rule(r"(?P<q>last|this|next) (?P<unit>week|month|year)")
def _this_unit(m: re.Match[str], ctx: _Context) -> DateValue:
    return _value(ctx, *_shift(ctx.at, _REL[m["q"]], m["unit"]))


@_rule(rf"{_MON} {_DAY} ?(?:-|–|and|to) ?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?: {_YEAR})?")
@_rule(rf"{_DAY} ?(?:-|–|and|to) ?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)? (?:of )?{_MON}(?: {_YEAR})?")
def _day_range(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """ "September 12-13", "on October 9 and 10": days of one month, dated by the first, the day
    it began."""
    month, first = _MONTHS[m["mon"]], int(m["d"])
    if not (_safe_date(2000, month, first) and _safe_date(2000, month, int(m["d2"]))) or int(m["d2"]) <= first:
        return None
    if m["y"]:
        return _value(ctx, date(int(m["y"]), month, first), "day")
    return _value(ctx, _month_day(ctx, month, first), "day")


@_rule(rf"(?:{_WD} )?{_MON} (?:the )?{_DAY}{_YEAR_OR_REL}")
@_rule(rf"(?:{_WD} )?(?:the )?{_DAY} (?:of )?{_MON}{_YEAR_OR_REL}")
def _full_date(m: re.Match[str], ctx: _Context) -> DateValue | None:
    month, day = _MONTHS[m["mon"]], int(m["d"])
    if m["y"]:
        when = _safe_date(int(m["y"]), month, day)
        return _value(ctx, when, "day") if when else None
    if not _safe_date(2000, month, day):
        return None  # "February 30"
    if m["rel"]:
        when = _safe_date(ctx.at.year + _REL[m["rel"]], month, day)
        return _value(ctx, when, "day") if when else None
    return _value(ctx, _month_day(ctx, month, day, _WEEKDAYS.get(m["wd"] or "")), "day")


@_rule(rf"(?:(?P<q>last|next|this) )?{_MON}{_YEAR_OR_REL}")
def _month(m: re.Match[str], ctx: _Context) -> DateValue | None:
    month = _MONTHS[m["mon"]]
    if m["y"]:
        return _value(ctx, date(int(m["y"]), month, 1), "month")
    if m["rel"]:
        return _value(ctx, date(ctx.at.year + _REL[m["rel"]], month, 1), "month")
    return _month_only(ctx, month, m["q"])


@_rule(rf"{_YEAR}(?P<sep>[-/.])(?P<m>[01]?\d)(?:(?P=sep){_DAY})?")
def _iso(m: re.Match[str], ctx: _Context) -> DateValue | None:
    when = _safe_date(int(m["y"]), int(m["m"]), int(m["d"] or 1))
    return _value(ctx, when, "day" if m["d"] else "month") if when else None


@_rule(rf"(?P<a>[0-3]?\d)(?P<sep>[-/.])(?P<b>[0-3]?\d)(?P=sep){_YEAR}")
def _numeric(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """ "13/09/2020" is unambiguous; "04/05/2020" reads either way, so only its year is certain."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {d for d in (_safe_date(year, b, a), _safe_date(year, a, b)) if d}
    if len(readings) == 1:
        return _value(ctx, readings.pop(), "day")
    return _value(ctx, date(year, 1, 1), "year") if readings else None


_HOLIDAYS = {"new year eve": (12, 31), "new year day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25)}


_HOLIDAY = rf"(?P<h>{_alt(_HOLIDAYS)})(?: {_YEAR})?"


def names_holiday(text: str) -> bool:
    """Whether ``text`` names a holiday on a fixed day, which taggers often call an event.

    >>> names_holiday("New Year's Eve"), names_holiday("the Olympics")
    (True, False)
    """
    return re.fullmatch(_HOLIDAY, _canonical(_split_lead(_trim(text))[1])) is not None


def names_a_time_of_day(text: str) -> bool:
    """Whether ``text`` is a time of the day of writing or the day before, which taggers call a
    time, not a date.

    >>> names_a_time_of_day("tonight"), names_a_time_of_day("Last night"), names_a_time_of_day("noon")
    (True, True, False)
    """
    return _split_lead(_trim(text))[1].lower() in _PHRASES


@_rule(_HOLIDAY)
def _holiday(m: re.Match[str], ctx: _Context) -> DateValue | None:
    """A holiday on a fixed day ("New Year's Eve", "Christmas Day 2021"): a month-day by tense."""
    month, day = _HOLIDAYS[m["h"]]
    if m["y"]:
        return _value(ctx, date(int(m["y"]), month, day), "day")
    if ctx.tense is not None:
        return _value(ctx, _month_day(ctx, month, day), "day")
    nearest = min((date(y, month, day) for y in range(ctx.at.year - 1, ctx.at.year + 2)), key=lambda d: abs(d - ctx.at))
    return _value(ctx, nearest, "day")  # a holiday spoken of without tense is the one at hand


@_rule(rf"(?:year |(?P<season>spring|summer|autumn|fall|winter) (?:of )?)?{_YEAR}")
def _year(m: re.Match[str], ctx: _Context) -> DateValue | None:
    if m["season"] == "winter":
        return None  # spans the turn of a year
    return _value(ctx, date(int(m["y"]), 1, 1), "year")


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}


@_rule(r"(?P<rel>last|this past|this|next|this coming) (?P<season>spring|summer|autumn|fall)")
def _season(m: re.Match[str], ctx: _Context) -> DateValue:
    """ "Last autumn" in March 1979 is 1978; "next spring" in May 2020 is 2021 (the northern
    seasons; a winter spans the turn of a year and names none)."""
    anchor, start = ctx.at, _SEASON_START[m["season"]]
    if m["rel"] in ("last", "this past"):
        year = anchor.year if anchor.month >= start + 3 else anchor.year - 1
    elif m["rel"] in ("next", "this coming"):
        year = anchor.year if anchor.month < start else anchor.year + 1
    else:
        year = anchor.year
    return _value(ctx, date(year, 1, 1), "year")


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    """Built once, on first use: loading dateparser's language data is slow."""
    from dateparser.date import DateDataParser

    settings = {"RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DAY_OF_MONTH": "first"}
    return DateDataParser(languages=["en"], settings=settings | {"RETURN_AS_TIMEZONE_AWARE": False})


@lru_cache(maxsize=4096)
def _library_parse(s: str) -> tuple[date, str] | None:
    data = _parser().get_date_data(s)
    return (data.date_obj.date(), data.period) if data.date_obj else None


def _library_fallback(s: str, ctx: _Context) -> DateValue | None:
    """Other absolute forms ("2020 September 12"): only for text naming a month and nothing relative."""
    if not _HAS_MONTH.search(s) or _NOT_A_POINT.search(s) or not (parsed := _library_parse(s)):
        return None
    when, period = parsed
    precision: Precision = "day" if period == "day" else "year" if period == "year" else "month"
    if _HAS_YEAR.search(s):
        return _value(ctx, when, precision)
    if precision == "year":
        return None
    if precision == "month":
        return _month_only(ctx, when.month)
    return _value(ctx, _month_day(ctx, when.month, when.day), "day")
