"""Several mentions of one event are one event; different events stay apart."""

from __future__ import annotations

import pytest
from conftest_nlp import only, run

pytestmark = pytest.mark.slow

ARTICLE = """Sudan's warring sides resume talks in Jeddah

The Sudanese Armed Forces and the Rapid Support Forces resumed negotiations in Jeddah on Thursday, Saudi mediators said.

The talks focus on humanitarian access.
The two sides last met in Jeddah in May, when they signed a declaration.

The new round is expected to last a week, a diplomat told AFP.
"""


def test_mentions_of_one_round_are_one_meeting_with_all_their_sentences():
    x = run(ARTICLE)
    rounds = [m for m in x.meetings if m.date and m.date.iso == "2024-03-14"]
    m = only(tuple(rounds))
    texts = [e.text for e in m.evidence]
    assert texts[0] == "Sudan's warring sides resume talks in Jeddah"
    assert "The talks focus on humanitarian access." in texts
    assert m.status == "Occurred" and m.place == "jeddah"


def test_an_earlier_round_is_another_meeting():
    x = run(ARTICLE)
    assert {m.date.iso for m in x.meetings if m.date} == {"2024-03-14", "2023-05"}


def test_the_same_event_gets_the_same_key_in_two_articles():
    a = run("Armenia and Azerbaijan signed a peace treaty in Washington on August 8, 2025.", article_id="a")
    b = run("The peace treaty signed by Azerbaijan and Armenia in August 2025 took effect.", article_id="b")
    assert only(a.agreements).key == only(b.agreements).key is not None


def test_an_event_without_a_date_has_no_cross_article_key():
    assert only(run("Hamas and Israel held talks in Cairo.").meetings).key is None


def test_the_original_and_the_revised_accord_are_two_agreements():
    text = (
        "Colombia and the FARC signed a revised peace accord in Bogota on Thursday. "
        "The original accord, signed in Cartagena in September, was rejected by voters. "
        "Critics said the revised accord changed little."
    )
    x = run(text)
    assert {a.date.iso for a in x.agreements} == {"2024-03-14", "2023-09"}
    revised = next(a for a in x.agreements if a.date.iso == "2024-03-14")
    assert any(e.text.startswith("Critics") for e in revised.evidence)
