"""Mentions: exact sentence offsets, one sentence per line at most, triggers and sources."""

from __future__ import annotations

import pytest
from conftest_nlp import only, run

pytestmark = pytest.mark.slow

TEXT = """Houthis and Saudi officials meet in Muscat
Houthi negotiators met Saudi officials in Muscat on Monday, the group said. According to the UN, the talks went well.

Photo caption: officials in Muscat (Reuters)
"""


def test_every_mention_is_the_exact_text_of_a_sentence_within_one_line():
    x = run(TEXT)
    mentions = [m for e in (*x.meetings, *x.agreements) for m in e.evidence] + [
        m for a in (*x.actors, *x.places) for m in a.mentions
    ]
    assert mentions
    for m in mentions:
        assert TEXT[m.start : m.end] == m.text and "\n" not in m.text and m.text == m.text.strip()
    for start, end in x.sentences:
        assert "\n" not in TEXT[start:end]


def test_headline_is_evidence_and_sources_are_read():
    m = only(run(TEXT).meetings)
    by_text = {e.text: e for e in m.evidence}
    assert "Houthis and Saudi officials meet in Muscat" in by_text
    said = next(e for t, e in by_text.items() if t.startswith("Houthi negotiators"))
    assert said.reported_by == "houthis" and said.trigger == "met"
    assert by_text["According to the UN, the talks went well."].reported_by == "united nations"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Hamas and Israel held talks in Cairo on Monday, a statement said.", None),
        ("Hamas and Israel held talks in Cairo on Monday, Egyptian officials told Reuters.", "egypt"),
        ("The Kremlin said Russian and Ukrainian officials met in Istanbul on Monday.", "kremlin"),
    ],
)
def test_who_reports_it(text, source):
    assert only(only(run(text).meetings).evidence).reported_by == source
