"""The status a mention states, and how mentions of one event combine."""

from __future__ import annotations

import pytest
from conftest_nlp import only, run

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("US and Iranian envoys will hold talks in Oman on Sunday.", "Planned"),
        ("Talks between Kyiv and Moscow are scheduled for Monday in Geneva.", "Planned"),
        ("The Taliban and Afghan officials are expected to meet in Doha next week.", "Planned"),
        ("The delegations left for Istanbul ahead of talks between Russia and Ukraine.", "Planned"),
        ("Hamas and Israeli negotiators met in Cairo on Thursday.", "Occurred"),
        ("The talks between Sudan and the RSF took place in Jeddah in May.", "Occurred"),
        ("Armenia and Azerbaijan have held talks in Washington.", "Occurred"),
        ("The summit between Kim Jong Un and Donald Trump was cancelled.", "Cancelled"),
        ("Talks between the ELN and Colombia were suspended in January.", "Cancelled"),
        ("The Philippine government postponed its talks with the MILF.", "Cancelled"),
        ("Hamas denied any meeting with Israeli officials in Cairo.", "Denied"),
        ("The Kremlin said Putin did not meet Zelensky in Istanbul.", "Denied"),
    ],
)
def test_status_of_one_mention(text, status):
    assert only(run(text).meetings).status == status


def test_the_strongest_status_of_several_mentions_wins():
    text = "Israel and Hamas will meet in Cairo on Monday. The meeting was later called off by the mediators."
    assert only(run(text).meetings).status == "Cancelled"
