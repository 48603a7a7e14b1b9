"""The status a mention states, and how mentions of one event combine."""

from __future__ import annotations

import pytest
import spacy
from conftest_nlp import names, only, run
from spacy.tokens import Doc

from kg.extract.scope import scope_of
from kg.extract.status import is_generic

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
        # a denial of what reports say is a denial of the event they tell
        ("Hamas denied reports that its leaders had met Israeli officials in Cairo.", "Denied"),
        ("Hamas dismissed reports in Arab media that its leaders would meet Israeli officials in Cairo.", "Denied"),
        ("Hamas confirmed reports that its leaders had met Israeli officials in Cairo.", "Occurred"),
        (
            "Qatar denied reports that Hamas was in Cairo and that Egypt had arranged talks between Hamas and Israel.",
            "Denied",
        ),
        ("Hamas denied the accusation and held talks with Israeli officials in Cairo on Monday.", "Occurred"),
        ("Hamas denied that its envoy had travelled to Cairo and met Israeli officials on Monday.", "Denied"),
        # a denial not made denies nothing
        ("Hamas did not deny reports that its leaders had met Israeli officials in Cairo on Monday.", "Occurred"),
        ("Hamas has neither confirmed nor denied reports that its leaders met Israeli officials in Cairo.", "Occurred"),
        ("Hamas refused to deny reports that its leaders had met Israeli officials in Cairo.", "Occurred"),
    ],
)
def test_status_of_one_mention(text, status):
    assert only(run(text).meetings).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # talks that broke down had met first
        (
            "Direct talks between the Houthis and the government hosted by Kuwait in 2016 broke down after "
            "three months.",
            "Occurred",
        ),
        ("Negotiations between Israel and Hamas in Cairo collapsed on Monday.", "Occurred"),
        ("After the collapse of the talks between Israel and Hamas in Cairo in May, fighting resumed.", "Occurred"),
        # ... unless they were still to come
        ("An attempt to hold talks between Israel and Hamas in Cairo collapsed in May.", "Cancelled"),
        (
            "The war between Yemen and the Houthis goes on. The last U.N. attempt to bring the parties "
            "together collapsed in September.",
            "Cancelled",
        ),
        ("The planned talks between Israel and Hamas in Cairo collapsed on Monday.", "Cancelled"),
        ("The talks between Israel and Hamas collapsed before they began.", "Cancelled"),
        ("Talks between Israel and Hamas fell through in March.", "Cancelled"),
        ("The Houthis failed to attend the talks with the government in Geneva in September.", "Cancelled"),
        ("Israel and Hamas failed to agree on a truce at talks in Cairo on Sunday.", "Occurred"),
        (
            "Talks between Sudan's army and the RSF in Jeddah collapsed on Friday before any ceasefire could "
            "be agreed.",
            "Occurred",
        ),
        (
            "The talks between the army and the rebels, expected to last three days, broke down on Tuesday "
            "after the rebels walked out.",
            "Occurred",
        ),
        ("An Egyptian bid to host talks between Fatah and Hamas in Cairo collapsed on Monday.", "Cancelled"),
    ],
)
def test_talks_that_collapsed(text, status):
    assert only(run(text).meetings).status == status


@pytest.mark.parametrize(
    "text",
    [
        "The truce between Israel and Hamas collapsed on Monday.",
        "The ceasefire between Israel and Hamas fell apart in March.",
    ],
)
def test_an_agreement_that_collapsed_is_cancelled(text):
    assert only(run(text).agreements).status == "Cancelled"


def test_the_strongest_status_of_several_mentions_wins():
    text = "Israel and Hamas will meet in Cairo on Monday. The meeting was later called off by the mediators."
    assert only(run(text).meetings).status == "Cancelled"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The MILF pulled out of the talks with Manila in Kuala Lumpur.", {"Moro Islamic Liberation Front"}),
        ("The Houthis walked out of the negotiations with Saudi Arabia.", {"Houthis", "Saudi Arabia"}),
        ("Azerbaijan skipped a meeting with Armenia in Brussels on Friday.", {"Azerbaijan", "Armenia"}),
        ("Ukraine boycotted the talks with Russia in Minsk.", {"Ukraine", "Russia"}),
        ("Armenia pulled out of what was to have been a summit with Azerbaijan in Prague.", set()),
    ],
)
def test_leaving_or_skipping_a_meeting_cancels_it(text, parties):
    x = run(text)
    m = only(x.meetings)
    assert m.status == "Cancelled"
    assert parties <= names(x, m.participants)


@pytest.mark.parametrize(
    "text",
    [
        "The MILF and Manila held talks in Kuala Lumpur, and the rebels later went out for dinner.",
        "Armenia and Azerbaijan met in Brussels; the sides pulled their troops back from the border.",
    ],
)
def test_a_phrasal_verb_elsewhere_cancels_nothing(text):
    assert only(run(text).meetings).status == "Occurred"


@pytest.mark.parametrize(
    "denial",
    [
        "Saudi officials denied that any such meeting had taken place.",
        "Riyadh denied the meeting had happened.",
    ],
)
def test_a_denial_in_the_next_sentence_denies_the_meeting(denial):
    x = run(f"Houthi envoys met Saudi officials in Muscat on Monday, a newspaper reported. {denial}")
    assert only(x.meetings).status == "Denied"


@pytest.mark.parametrize(
    "text",
    [
        "The summit between Armenia and Azerbaijan was to be held in Prague next month.",
        "Talks between the Houthis and Saudi Arabia are to resume in Muscat next week.",
    ],
)
def test_be_to_announces_a_planned_meeting(text):
    m = only(run(text).meetings)
    assert m.status == "Planned"
    assert m.place is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (  # an event that times a postponement is not postponed
            "Russia and China met the Afghan sides at a conference in Moscow on Thursday. A meeting of the two "
            "negotiating teams in Doha was put off until after the Moscow conference.",
            "moscow",
        ),
        (  # two men who never met during the talks leave the talks held
            "Salva Kiir and Riek Machar never met during the talks in Addis Ababa, which opened on March 2 and "
            "ended on Thursday.",
            "addis ababa",
        ),
    ],
)
def test_an_event_a_clause_only_happens_during_keeps_its_status(text, place):
    held = next(m for m in run(text).meetings if m.place == place)
    assert held.status == "Occurred"


@pytest.mark.parametrize(
    "text",
    [
        "The court suspended the prime minister on Monday over a leaked telephone conversation with Hun Sen.",
        "Pakistan recalled its ambassador amid talks between Ashraf Ghani and the Taliban.",
    ],
    ids=["suspended-over", "recalled-amid"],
)
def test_an_event_that_is_the_reason_for_a_cancellation_is_not_cancelled(text):
    assert only(run(text).meetings).status == "Occurred"


def test_dismissing_the_deal_makes_light_of_it_and_takes_no_part_in_it():
    x = run("Taliban spokesman Zabihullah Mujahid dismissed the deal signed by Ghani and Abdullah on Sunday.")
    deal = only(x.agreements)
    assert deal.status == "Occurred"
    assert "Taliban" not in names(x, deal.participants)


def test_denying_a_trip_made_to_meet_someone_denies_the_meeting():
    x = run(
        "Abdullah's office denied reports that he would travel to Doha in the coming days to meet members of "
        "the Taliban's political office."
    )
    m = only(x.meetings)
    assert m.status == "Denied" and m.place == "doha"


def test_what_a_treaty_provides_does_not_undo_it():
    x = run("The two states signed a treaty in Cairo on Monday. Under the treaty, Israel will withdraw its troops.")
    assert only(x.agreements).status == "Occurred"


def test_recalling_a_truce_remembers_it():
    x = run("Elders recalled the week-long truce that Armenia and Azerbaijan agreed in May 2022.")
    assert only(x.agreements).status == "Occurred"


def test_recalling_a_team_calls_off_its_visit():
    x = run("Hamas last week recalled a negotiating team it had sent to Cairo.")
    assert only(x.meetings).status == "Cancelled"


def test_a_condition_told_inverted_does_not_make_the_deal_hypothetical():
    # the parse the tagger gives "X signed a memorandum ... should Egypt violate it": the condition as
    # the main clause, the signing as its complement
    words = ["Dayan", "signed", "a", "memorandum", "should", "Egypt", "violate", "it"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 6, 3, 1, 6, 6, 6, 6],
        deps=["nsubj", "ccomp", "det", "dobj", "aux", "nsubj", "ROOT", "dobj"],
        tags=["NNP", "VBD", "DT", "NN", "MD", "NNP", "VB", "PRP"],
    )
    assert not is_generic(scope_of(doc[3], noun=True))
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Dayan", "should", "sign", "a", "memorandum"],
        heads=[2, 2, 2, 4, 2],
        deps=["nsubj", "aux", "ROOT", "det", "dobj"],
        tags=["NNP", "MD", "VB", "DT", "NN"],
    )
    assert is_generic(scope_of(doc[4], noun=True))


def test_undertaking_to_open_talks_plans_them():
    for verb in ("undertook", "pledged", "vowed", "promised"):
        x = run(f"Armenia and Azerbaijan {verb} to hold talks on the border next month.")
        assert only(x.meetings).status == "Planned", verb
