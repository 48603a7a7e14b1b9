"""Layout: boilerplate and caption lines, headlines, datelines, sentences within lines."""

from __future__ import annotations

import re

import pytest
from conftest_nlp import labels, run

from kg.extract.layout import Layout, _Patterns, classify_line
from kg.nlp.pipeline import shared_pipeline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Join our WhatsApp channel for breaking updates", "boilerplate"),
        ("Home  /  Middle East  /  Yemen", "boilerplate"),
        ("By Amira Haddad and Tom Fielding", "boilerplate"),
        ("(Reporting by Amira Haddad; Editing by Tom Fielding)", "boilerplate"),
        ("Associated Press writer Tom Fielding in Nairobi contributed to this report.", "boilerplate"),
        ("Source: news agencies", "boilerplate"),
        ("Read more", "boilerplate"),
        ("Rebel fighters in Mindanao in 2019. (Photo by Ted Aljibe/AFP)", "caption"),
        ("Negotiators in Doha (REUTERS/Ibraheem al-Omari)", "caption"),
        ("Envoy Martin Griffiths (R) meets Houthi officials in Sanaa", "caption"),
        ("FILE PHOTO: Delegates gather in Geneva", "caption"),
        ("The two sides met in Geneva on Monday.", "body"),
        ("Talks resume in Jeddah", "body"),
        # letters the regex engine folds to i or s although lower-casing keeps them apart
        ("STAFF WR\u0130TER", "boilerplate"),
        ("All r\u0131ghts reserved.", "boilerplate"),
        ("\u017fub\u017fcribe to our newsletter", "boilerplate"),
        ("F\u0130LE PHOTO of the talks", "caption"),
        ("\u0130stanbul talks resume", "body"),
    ],
)
def test_line_kinds(line, kind):
    assert classify_line(line) == kind


PATTERNS = (
    r"^foo|bar",  # anchored in its first branch only
    r"^[|(]x",  # a bracket and a bar inside a class
    r"(?i)^quux",  # a global flag
    r"\bcredit\b",
    r"\bone|two\b",
    "\\bοδοσ\\b",  # Greek: lower-casing "ΟΔΟΣ" ends in a final sigma, the regex engine folds to σ
    r"^\s*photo:",
)
LINES = (
    "xx bar",
    "foo at the start",
    "|x",
    "(x",
    "QUUX first",
    "CREDITS",
    "photo credit",
    "Twofold",
    "ΟΔΟΣ",
    "  PHOTO: x",
    "ta\u0130 bar",
)


@pytest.mark.parametrize("line", LINES)
def test_patterns_find_what_each_pattern_finds_under_ignorecase(line):
    found = _Patterns(PATTERNS).search(line, line.lower())
    assert found == any(re.search(p, line, re.IGNORECASE) for p in PATTERNS)
    for p in PATTERNS:  # and one by one
        assert _Patterns((p,)).search(line, line.lower()) == bool(re.search(p, line, re.IGNORECASE)), p


@pytest.mark.slow
@pytest.mark.parametrize(
    "dateline",
    [
        "NAIROBI (Reuters) - ",
        "NAIROBI, Kenya, Nov 12 (Reuters) - ",
        "NAIROBI (Capital FM): ",
        "NAIROBI, Nov. 12 Kyodo - ",
    ],
)
def test_a_dateline_stays_with_its_sentence_but_is_parsed_apart(dateline):
    text = dateline + "Ethiopian and TPLF negotiators met in Nairobi on Monday.\n"
    doc = shared_pipeline()(text)
    layout = Layout(doc)
    assert [text[s.start : s.end] for s in layout.sentences] == [text.strip()]
    assert doc[doc.char_span(len(dateline), len(dateline) + 9).start].is_sent_start
    x = run(text)
    assert {a.label for a in x.actors} >= {"Ethiopia", "Tigray People's Liberation Front"}


@pytest.mark.slow
def test_headlines_are_marked():
    layout = Layout(shared_pipeline()("Colombia and ELN resume talks\n\nThe talks began on Monday in Havana."))
    assert [s.headline for s in layout.sentences] == [True, False]


@pytest.mark.slow
def test_reporters_and_bylines_are_not_actors():
    text = (
        "By Amira Haddad\n"
        "Houthi and Saudi officials met in Muscat on Monday.\n"
        "Al Jazeera's Hashem Ahelbarra, reporting from Amman, said the talks were positive.\n"
        "(Reporting by Amira Haddad; Editing by Tom Fielding)\n"
    )
    found = labels(run(text))
    assert not {"Amira Haddad", "Hashem Ahelbarra", "Tom Fielding"} & set(found)
    assert {"Houthis", "Saudi Arabia"} <= set(found)


@pytest.mark.slow
def test_the_titles_listed_after_related_news_are_other_stories():
    text = (
        "Serbia and Kosovo held talks in Brussels on Monday.\n\n"
        "Related News\n\n"
        "Vucic Meets Kurti in Ohrid After Border Standoff Announcement\n\n"
        "EU Envoy Lajcak Says Dialogue Will Continue\n\n"
        "The envoy said the next round would follow in May.\n"
    )
    layout = Layout(shared_pipeline()(text))
    first, last = text.index("Related News"), text.index("The envoy said")
    for s in layout.sentences:
        listed = first <= s.start < last
        assert s.kind == ("boilerplate" if listed else "body"), text[s.start : s.end]  # a sentence ends the list
    x = run(text)
    assert len(x.meetings) == 1 and "Border Standoff Announcement" not in labels(x)
