"""Resolving time expressions against a publication date (kg.extract.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kg.extract.dates import normalize_expression, resolve_date
from kg.records import DateValue

WED = date(2019, 6, 12)  # a Wednesday in mid-year
MON = date(2021, 1, 4)  # a Monday in the first days of a year
LEAP_SUN = date(2024, 3, 10)  # a Sunday just after a leap day
PLAIN_WED = date(2023, 3, 1)  # a Wednesday in a year without a leap day

WEEKDAYS = [
    ("on Sunday", WED, "past", "2019-06-09"),
    ("Sunday", WED, "future", "2019-06-16"),
    ("Sunday", WED, None, "2019-06-09"),
    ("on Wednesday", WED, "past", "2019-06-12"),
    ("Wednesday", WED, "future", "2019-06-12"),
    ("Wednesday", WED, None, "2019-06-12"),
    ("Sunday", LEAP_SUN, "past", "2024-03-10"),
    ("last Wednesday", WED, None, "2019-06-05"),
    ("last Tuesday", WED, "past", "2019-06-11"),
    ("next Wednesday", WED, None, "2019-06-19"),
    ("this coming Friday", WED, None, "2019-06-14"),
    ("Monday evening", WED, "past", "2019-06-10"),
    ("on Monday evening", WED, None, "2019-06-10"),
    ("late on Thursday night", WED, "past", "2019-06-06"),
    ("Saturday's", WED, None, "2019-06-08"),
    ("Sunday", MON, "past", "2021-01-03"),
    ("Friday", MON, "future", "2021-01-08"),
    ("Friday, June 7", WED, "past", "2019-06-07"),
    ("Friday, December 18", MON, None, "2020-12-18"),
    ("Tuesday, January 5, 2021", None, None, "2021-01-05"),
    ("for Friday", WED, "future", "2019-06-14"),  # "talks set for Friday"
    ("yesterday", WED, None, "2019-06-11"),
    ("yesterday", date(2021, 1, 1), None, "2020-12-31"),
    ("last night", WED, None, "2019-06-11"),
    ("today", WED, "past", "2019-06-12"),
    ("this morning", WED, None, "2019-06-12"),
    ("tomorrow", date(2020, 2, 28), "future", "2020-02-29"),
    ("two days ago", WED, None, "2019-06-10"),
]

MONTH_DAYS = [
    ("September 12", WED, "past", "2018-09-12"),
    ("September 12", WED, "future", "2019-09-12"),
    ("September 12", WED, None, "2019-09-12"),
    ("Sept. 12", WED, "past", "2018-09-12"),
    ("Dec. 20", MON, None, "2021-12-20"),
    ("Dec. 20", MON, "past", "2020-12-20"),
    ("12th of September", WED, "future", "2019-09-12"),
    ("the 3rd of June", WED, "past", "2019-06-03"),
    ("on June 12", WED, "past", "2019-06-12"),
    ("on January 5", MON, "future", "2021-01-05"),
    ("January 5", MON, "past", "2020-01-05"),
    ("January 20", MON, None, "2021-01-20"),
    ("December 30", MON, "past", "2020-12-30"),
    ("on September 12 last year", WED, "past", "2018-09-12"),
    ("September 12 last year", WED, "future", "2018-09-12"),
    ("March 3 next year", WED, None, "2020-03-03"),
    ("since April 8", WED, None, "2019-04-08"),
    ("since December 8", MON, None, "2020-12-08"),
    ("the night of May 30", WED, "past", "2019-05-30"),
    ("10 a.m. on June 3", WED, None, "2019-06-03"),
    ("February 29", LEAP_SUN, "past", "2024-02-29"),
    ("on February 29", PLAIN_WED, None, "2020-02-29"),
    ("February 29", PLAIN_WED, "past", "2020-02-29"),
    ("February 29", PLAIN_WED, "future", "2024-02-29"),
    ("February 29 last year", date(2021, 5, 1), None, "2020-02-29"),
    ("November 21, 2020", None, None, "2020-11-21"),
    ("March 08, 2019", None, None, "2019-03-08"),
    ("12 September 2020", None, None, "2020-09-12"),
    ("2020-09-12", None, None, "2020-09-12"),
    ("13/09/2020", None, None, "2020-09-13"),
    ("Sept. 12, 2020, at 10 a.m.", None, None, "2020-09-12"),
    ("2020 September 12", None, None, "2020-09-12"),
    # days of one month are dated by the first, the day it began
    ("on October 9 and 10", WED, "past", "2018-10-09"),
    ("September 12-13", WED, "future", "2019-09-12"),
    ("June 3-4", WED, "past", "2019-06-03"),
    ("13 and 14 May 2022", None, None, "2022-05-13"),
    ("2016, Feb. 29", None, None, "2016-02-29"),
]

MONTHS = [
    ("in July", WED, "past", "2018-07"),
    ("in July", WED, "future", "2019-07"),
    ("in July", WED, None, "2019-07"),
    ("in June", WED, "past", "2019-06"),
    ("in May", WED, "future", "2020-05"),
    ("in December", MON, "past", "2020-12"),
    ("in December", MON, "future", "2021-12"),
    ("in September", MON, "past", "2020-09"),
    ("in December last year", MON, None, "2020-12"),
    ("December of last year", MON, "future", "2020-12"),
    ("last February", MON, None, "2020-02"),
    ("last February", date(2021, 3, 2), None, "2021-02"),
    ("last February", date(2021, 2, 20), None, "2020-02"),
    ("next February", date(2021, 2, 20), None, "2022-02"),
    ("in late February", LEAP_SUN, "past", "2024-02"),
    ("mid-January", MON, None, "2021-01"),
    ("the end of March", WED, "past", "2019-03"),
    ("end-February", MON, "past", "2020-02"),
    ("the end of last month", WED, None, "2019-05"),
    ("about two weeks ago", date(2019, 6, 10), None, "2019-05"),
    ("by May 2021", None, None, "2021-05"),
    ("2020-09", None, None, "2020-09"),
    ("last month", MON, None, "2020-12"),
    ("earlier this month", WED, None, "2019-06"),
    ("three months ago", date(2019, 2, 20), None, "2018-11"),
    ("two weeks ago", date(2021, 1, 5), None, "2020-12"),
    ("last week", date(2019, 6, 3), "past", "2019-05"),
    ("this week", WED, None, "2019-06"),
    ("next week", date(2019, 6, 28), None, "2019-07"),
    ("in two weeks", date(2019, 6, 20), "future", "2019-07"),
    ("within days", WED, "future", "2019-06"),
    ("within 24 hours", WED, None, "2019-06"),
    ("in the coming days", date(2019, 6, 30), None, "2019-06"),
    ("in a few days", WED, None, "2019-06"),
    ("over the weekend", WED, "past", "2019-06"),
    ("the weekend", date(2019, 6, 3), None, "2019-06"),
    ("a year ago", WED, None, "2018-06"),  # that month, a year back; "five years ago" is a year
    ("a year ago this month", WED, "past", "2018-06"),
    ("three years ago this month", WED, None, "2016-06"),
]

YEARS = [
    ("last year", MON, None, "2020"),
    ("since last year", WED, None, "2018"),
    ("later this year", WED, None, "2019"),
    ("by the end of the year", WED, "future", "2019"),
    ("early next year", WED, None, "2020"),
    ("five years ago", WED, None, "2014"),
    ("in 2001", None, None, "2001"),
    ("since 2001", WED, None, "2001"),
    ("early 2020", None, None, "2020"),
    ("summer 2019", None, None, "2019"),
    ("04/05/2020", None, None, "2020"),  # day and month could be either way round
    ("last autumn", date(1979, 3, 27), None, "1978"),
    ("last summer", date(2019, 7, 1), None, "2018"),  # the summer under way is "this summer"
    ("last fall", date(2019, 12, 5), None, "2019"),
    ("this summer", date(2020, 5, 1), None, "2020"),
    ("next spring", date(2020, 5, 1), None, "2021"),
]


def _check(expression, anchor, tense, iso, precision):
    value = resolve_date(expression, anchor, tense)
    assert value == DateValue(iso, precision, expression)


@pytest.mark.parametrize(("expression", "anchor", "tense", "iso"), WEEKDAYS + MONTH_DAYS)
def test_day_precision(expression, anchor, tense, iso):
    _check(expression, anchor, tense, iso, "day")


@pytest.mark.parametrize(("expression", "anchor", "tense", "iso"), MONTHS)
def test_month_precision(expression, anchor, tense, iso):
    _check(expression, anchor, tense, iso, "month")


@pytest.mark.parametrize(("expression", "anchor", "tense", "iso"), YEARS)
def test_year_precision(expression, anchor, tense, iso):
    _check(expression, anchor, tense, iso, "year")


@pytest.mark.parametrize(
    "expression",
    [
        "on Sunday",
        "Monday evening",
        "last year",
        "three months ago",
        "September 12",
        "September 12 last year",
        "in July",
        "last February",
        "next week",
        "yesterday",
        "in two weeks",
        "since April 8",
    ],
)
def test_relative_expression_without_anchor_stays_unresolved(expression):
    for tense in ("past", "future", None):
        assert resolve_date(expression, None, tense) == DateValue(None, None, expression)


@pytest.mark.parametrize(
    "expression",
    [
        "17 years",
        "14 months",
        "18-year",
        "20-day",
        "the 18-year conflict",
        "nearly two decades",
        "for some time",
        "the past month",
        "over the past month",
        "the last year",
        "in the last two years",
        "more than a year ago",
        "within 14 months",
        "a few weeks ago",
        "several days",
        "in 17 years",
        "the 1980s",
        "the '90s",
        "on the same day",
        "the following day",
        "the next day",
        "two days later",
        "February 30",
        "February 29, 2023",
        "winter 2019",
        "2019-2020",
        "12,000",
        "1,000",
        "Kandahar",
        "peace talks",
        "evening",
        "",
        "  ",
    ],
)
@pytest.mark.parametrize("anchor", [WED, None])
def test_not_a_point_in_time(expression, anchor):
    assert resolve_date(expression, anchor, "past") is None
    assert resolve_date(expression, anchor) is None


@pytest.mark.parametrize(
    ("expression", "anchor", "tense", "expected"),
    [
        ("on Sunday", date(1905, 3, 1), "past", DateValue("1905-02-26", "day", "on Sunday")),
        ("Sunday", date(2150, 7, 1), "future", DateValue("2150-07-05", "day", "Sunday")),
        ("September 12", date(1905, 3, 1), "past", DateValue("1904-09-12", "day", "September 12")),
        ("last year", date(1905, 3, 1), None, DateValue("1904", "year", "last year")),
        ("next week", date(2150, 7, 28), None, DateValue("2150-08", "month", "next week")),
        ("in July", date(1905, 3, 1), "future", DateValue("1905-07", "month", "in July")),
    ],
)
def test_results_follow_the_anchor_not_the_clock(expression, anchor, tense, expected):
    assert resolve_date(expression, anchor, tense) == expected


def test_datetime_anchor_counts_as_its_date():
    assert resolve_date("yesterday", datetime(2019, 6, 12, 23, 59)).iso == "2019-06-11"


def test_unknown_tense_is_refused():
    with pytest.raises(ValueError, match="tense"):
        resolve_date("Sunday", WED, "present")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Sunday", "Sunday"),
        ("in the coming days", "coming days"),
        ("  by  May 2021.", "May 2021"),
        ("since April 8,", "April 8"),
        ("at the end of March;", "end of March"),
        ("The following day", "following day"),
        ("“in late February”", "late February"),
        ("Friday, October 12", "Friday, October 12"),
        ("within days", "within days"),
    ],
)
def test_normalize_expression(text, expected):
    assert normalize_expression(text) == expected


@pytest.mark.parametrize(
    ("expression", "anchor", "tense", "iso"),
    [
        ("on New Year's Eve", date(2023, 1, 5), "past", "2022-12-31"),
        ("New Year’s Day", date(2021, 12, 20), "future", "2022-01-01"),
        ("on Christmas Eve", date(2019, 12, 28), "past", "2019-12-24"),
        ("Christmas Day 2015", None, None, "2015-12-25"),
        ("on New Year's Eve", date(2023, 1, 5), None, "2022-12-31"),  # the nearest one
        ("Christmas Day", date(2020, 7, 1), None, "2020-12-25"),
    ],
)
def test_fixed_holidays_resolve_to_their_day(expression, anchor, tense, iso):
    _check(expression, anchor, tense, iso, "day")


def test_a_moving_holiday_names_no_day():
    assert resolve_date("on Easter", WED, "past") is None


@pytest.mark.parametrize("expression", ["for two days", "for 20 years", "for the first time"])
def test_a_duration_after_for_is_no_date(expression):
    assert resolve_date(expression, WED) is None


def test_a_winter_spans_two_years_and_names_none():
    assert resolve_date("last winter", date(2020, 5, 1)) is None


def test_within_days_in_the_past_counts_from_the_event_not_the_story():
    assert resolve_date("within days", WED, "past") is None
    assert resolve_date("within days", WED, "future").iso == "2019-06"
    assert resolve_date("within days", None, "future") == DateValue(None, None, "within days")
