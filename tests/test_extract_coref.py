"""Several mentions of one event are one event; different events stay apart."""

from __future__ import annotations

from datetime import date

import pytest
from conftest_nlp import names, only, run

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


def test_one_conference_reported_with_other_delegations_gets_the_same_key():
    a = run(
        "Russia, China and Pakistan urged the Afghan government and the Taliban to talk, at a conference in "
        "Moscow on March 18.",
        article_id="a",
    )
    b = run("U.S. envoy Zalmay Khalilzad attended a one-day conference in Moscow on March 18.", article_id="b")
    assert only(a.meetings).key == only(b.meetings).key is not None


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


BACKGROUND = """Parliament to debate Yemen truce

The parliament in Sanaa will debate the ceasefire in Hodeidah on Sunday.

Omani mediators met the Houthi and Saudi delegations in Muscat on Thursday before announcing the deal.

The truce is set to take effect on Monday.

A six-month truce in April 2022 collapsed in October of that year.
"""


@pytest.mark.parametrize(
    "lead",
    [
        "Fighting eased across Yemen on Friday as the truce took hold, residents said.",
        "The ceasefire in Yemen is holding, officials said on Friday.",
    ],
)
def test_a_dated_past_truce_keeps_apart_from_the_ceasefire_of_the_lead(lead):
    x = run(f"{lead}\n\nA six-month truce in April 2022 collapsed in October of that year.")
    past = only(tuple(a for a in x.agreements if a.date and a.date.iso == "2022-04"))
    assert [e.text for e in past.evidence] == ["A six-month truce in April 2022 collapsed in October of that year."]


def test_a_deal_naming_no_party_takes_the_sides_of_the_talks_that_made_it_not_their_host():
    x = run(BACKGROUND)
    deal = next(a for a in x.agreements if any("before announcing the deal" in e.text for e in a.evidence))
    assert set(deal.participants) == {"houthis", "saudi arabia"}
    assert deal.date.iso == "2024-03-14"


@pytest.mark.parametrize(
    ("earlier", "year"),
    [
        (
            "Manila suspended talks that had been taking place in Oslo after a rebel attack in August 2017.",
            "2017-08",
        ),
        ("Riyadh broke off negotiations that had been held in Muscat when fighting flared in 2019.", "2019"),
    ],
)
def test_talks_told_in_the_past_perfect_take_the_year_their_sentence_names(earlier, year):
    x = run(f"Government and rebel negotiators resumed talks in Oslo on Monday. {earlier}")
    assert any(m.date is not None and m.date.iso == year and m.status == "Cancelled" for m in x.meetings)
    assert len(x.meetings) == 2


def test_two_summits_in_one_city_on_one_day_keep_their_own_keys():
    a = run("Joe Biden and Xi Jinping held a summit in San Francisco on Wednesday.", article_id="a")
    b = run("Leaders of Japan and Canada attended the APEC summit in San Francisco on Wednesday.", article_id="b")
    assert only(a.meetings).key != only(b.meetings).key


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (  # a named deal told as background is not the lead deal
            "The United States and the Taliban signed an agreement on Saturday on prisoner releases. The Doha "
            "Agreement between the United States and the Taliban set a May deadline for troop withdrawal.",
            "agreements",
        ),
        (  # "the meeting" that brought together others, elsewhere, is not the talks told before
            "Armenian and Azerbaijani foreign ministers held talks in Moscow on Monday. Meanwhile, the meeting in "
            "Yerevan brought together the defence ministers of Russia, Belarus and Kazakhstan.",
            "meetings",
        ),
        (  # a separate meeting is not the one told before
            "The Taliban delegation met Russia's special envoy, Zamir Kabulov, in Doha on Sunday. "
            "A separate meeting with the Taliban delegation was held in Doha on Sunday evening.",
            "meetings",
        ),
        (  # a similar meeting is another one
            "Army and RSF delegations held talks in Jeddah on Saturday, Saudi mediators said.\n\n"
            "The talks follow a similar meeting in Jeddah earlier this month.",
            "meetings",
        ),
    ],
)
def test_an_event_told_after_another_stays_its_own(text, kind):
    assert len(getattr(run(text), kind)) == 2


def test_a_private_meeting_denied_is_not_the_meeting_told_as_held():
    x = run(
        "Burhan and Dagalo held talks in Jeddah on Saturday, Saudi mediators said.\n\n"
        "A spokesman denied reports that Burhan and Dagalo had also held a private meeting on Saturday night."
    )
    assert sorted(m.status for m in x.meetings) == ["Denied", "Occurred"]


def test_the_opening_of_talks_told_at_their_end_is_those_talks_and_dates_them():
    x = run(
        "The army and the Rapid Support Forces ended two days of talks in Jeddah on Sunday with a joint statement."
        "\n\nThe meeting, which opened on Saturday, was hosted by Saudi Arabia."
    )
    talks = only(x.meetings)
    assert talks.date is not None and talks.date.iso == "2024-03-09" and talks.place == "jeddah"


def test_a_headline_truce_is_the_leads_ceasefire_agreement_not_an_older_truce():
    text = (
        "Colombia and ELN rebels sign six-month ceasefire at Havana ceremony\n\n"
        "Colombia's government and the National Liberation Army signed a bilateral ceasefire agreement on Friday, "
        "closing a round of peace talks in the Cuban capital. The ceasefire will take full effect on Aug. 3.\n\n"
        "On New Year's Eve, President Gustavo Petro said his government had agreed a ceasefire with the ELN. "
        "Days later the rebels denied having agreed to any truce."
    )
    x = run(text, date(2023, 6, 10))
    lead = only(tuple(a for a in x.agreements if a.date and a.date.iso == "2023-06-09"))
    assert any(e.text.startswith("Colombia and ELN rebels sign") for e in lead.evidence)
    earlier = only(tuple(a for a in x.agreements if a is not lead))
    assert not any(e.text.startswith("Colombia and ELN rebels sign") for e in earlier.evidence)
    assert earlier.place is None


@pytest.mark.parametrize(
    ("headline", "lead", "joins"),
    [
        (  # a call for a truce is no truce
            "Taliban reject ceasefire call",
            "The Taliban and the Afghan government signed an agreement in Doha on Wednesday on the rules and "
            "procedures of their talks.",
            False,
        ),
        (  # an agreement about something else is not the headline's truce
            "Colombia, ELN extend ceasefire",
            "The Colombian government and the ELN signed an agreement in Havana on Monday to include civil society "
            "in the peace talks.",
            False,
        ),
        (  # an agreement to end a war may be it
            "Ethiopia, TPLF agree truce in Pretoria",
            "The Ethiopian government and the Tigray People's Liberation Front signed an agreement in Pretoria on "
            "Wednesday to end two years of war.",
            True,
        ),
        (  # "on Wednesday" dates the agreement; it says nothing of what it is about
            "Israel, Hamas agree truce",
            "The Israeli government and Hamas signed an agreement on Wednesday in Doha, mediators said.",
            True,
        ),
        (
            "Congo, M23 agree ceasefire",
            "The Congolese government and the M23 signed an agreement in Doha on Saturday to stop attacks.",
            True,
        ),
    ],
)
def test_a_headline_truce_joins_a_lead_agreement_only_on_a_truce(headline, lead, joins):
    x = run(f"{headline}\n\n{lead}")
    agreement = only(tuple(a for a in x.agreements if any(e.text.startswith("The ") for e in a.evidence)))
    assert any(e.text.startswith(headline) for e in agreement.evidence) == joins


def test_the_meeting_that_brought_together_envoys_right_after_talks_is_those_talks():
    text = (
        "A Taliban delegation led by Abdul Salam Hanafi took part on Wednesday in talks on Afghanistan hosted by "
        "Russia. The meeting, known as the Moscow Format, brought together special envoys from Russia, China, "
        "Pakistan, Iran and India."
    )
    x = run(text)
    talks = only(x.meetings)
    assert {"Taliban", "Russia", "China", "Pakistan", "Iran", "India"} <= names(x, talks.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Separate talks on the Black Sea grain deal were held in Istanbul on Friday. Russian and Ukrainian officials "
        "took part in the separate talks, which were hosted by Turkey.",
        "Blinken met Netanyahu in Jerusalem on Monday. Blinken also held parallel talks with Abbas in Ramallah. The "
        "parallel talks with Abbas focused on aid.",
    ],
)
def test_the_separate_talks_are_the_separate_talks_told_before(text):
    x = run(text)
    assert len([m for m in x.meetings if m.label.startswith("talks")]) == 1


def test_the_deal_told_as_signed_on_a_day_dates_the_signing_told_before():
    text = (
        "KABUL -- President Ashraf Ghani and his rival Abdullah Abdullah have signed a power-sharing agreement "
        "that ends a months-long dispute. The deal was signed on Sunday at the presidential palace in Kabul, "
        "Ghani's spokesman said."
    )
    x = run(text, published=date(2020, 5, 18))
    deal, signing = only(x.agreements), only(x.meetings)
    assert names(x, deal.participants) == {"Ashraf Ghani", "Abdullah Abdullah"}
    assert (deal.date.iso, deal.place) == ("2020-05-17", "kabul")
    assert signing.category == "signing" and (signing.date.iso, signing.place) == ("2020-05-17", "kabul")


def test_a_deal_of_long_ago_told_after_an_undated_one_is_another_deal():
    text = (
        "KABUL -- President Ashraf Ghani and his rival Abdullah Abdullah have signed a power-sharing agreement. "
        "The deal signed on September 21, 2014 had made Abdullah chief executive."
    )
    x = run(text, published=date(2020, 5, 18))
    assert sorted(a.date.iso if a.date else "-" for a in x.agreements) == ["-", "2014-09-21"]


def test_a_trip_on_a_day_two_weeks_after_talks_opened_there_is_not_those_talks():
    text = (
        "BANGUI (AFP) - The deal was reached on Saturday after ten days of talks in the Sudanese capital, the "
        "mediator announced. The talks, which opened on January 24, brought ministers face to face with the "
        "heads of the armed groups. Touadera flew to Khartoum on Tuesday to meet Sudanese President Omar "
        "al-Bashir."
    )
    x = run(text, published=date(2019, 2, 6))
    assert sorted(m.date.iso for m in x.meetings if m.date) == ["2019-01-24", "2019-02-05"]


def test_a_clause_at_which_people_met_tells_of_the_meeting_before_it():
    x = run(
        "It was the first such gathering since a conference in Moscow in May at which members of the Houthis "
        "sat down with Saudi officials.",
        published=date(2023, 9, 4),
    )
    m = only(x.meetings)
    assert m.place == "moscow" and m.date.iso == "2023-05" and "Houthis" in names(x, m.participants)


def test_a_round_between_two_sides_told_by_a_relative_clause_is_dated_by_it():
    x = run(
        "The summit interrupted the third round of negotiations between Ethiopia and Egypt, which began in "
        "Khartoum on June 29 and resumes on Tuesday.",
        published=date(2021, 7, 9),
    )
    talks = [m for m in x.meetings if {"Ethiopia", "Egypt"} <= names(x, m.participants)]
    assert only(tuple(talks)).date.iso == "2021-06-29"


@pytest.mark.parametrize(
    ("text", "published", "when", "parties"),
    [
        (
            "Elders recalled the three-day ceasefire over the Eid holiday in June last year, when the Houthis "
            "and Saudi Arabia stopped fighting.",
            date(2019, 7, 9),
            "2018-06",
            set(),
        ),
        (
            "Rabin and Hussein signed the treaty of peace between Israel and Jordan on Wednesday.",
            date(1994, 10, 27),
            "1994-10-26",
            {"Israel", "Jordan"},
        ),
        (
            "Jordan and Israel signed the treaty in Washington on Monday. The Knesset approved the treaty last "
            "Thursday by 95 votes to 18.",
            date(1994, 10, 27),
            "1994-10-24",
            {"Jordan", "Israel"},
        ),
    ],
    ids=["occasion-in-a-month", "treaty-of-peace-between", "parliament-approving"],
)
def test_what_dates_a_deal_and_who_its_parties_are(text, published, when, parties):
    x = run(text, published=published)
    deal = only(x.agreements)
    assert deal.date.iso == when and parties <= names(x, deal.participants)
    assert "Knesset" not in names(x, deal.participants)


def test_an_intra_afghan_dialogue_takes_no_foreign_side_from_the_story():
    x = run(
        "US envoy Zalmay Khalilzad and Taliban co-founder Abdul Ghani Baradar held talks in Doha in March. The "
        "intra-Afghan dialogue opened on Sunday at a hotel in the Qatari capital.",
        published=date(2019, 7, 9),
    )
    dialogue = next(m for m in x.meetings if m.category == "dialogue")
    assert names(x, dialogue.participants) == {"Taliban"}


def test_a_denied_meeting_does_not_make_its_parties_the_story():
    x = run(
        "Officials denied that Hamas had met the Fatah leadership in Cairo. The talks opened in Doha on "
        "Sunday, and Israel and Hamas are expected to reach a deal this week.",
        published=date(2024, 3, 12),
    )
    talks = next(m for m in x.meetings if m.status == "Occurred")
    assert "Fatah" not in names(x, talks.participants)


def test_a_visit_told_much_later_is_not_talks_the_leaders_undertook_to_open():
    x = run(
        "In a joint letter, President Hosni Mubarak and Prime Minister Yitzhak Rabin pledged to open "
        "negotiations on water within a month. The letter sets a target of one year. Jordan refused to join. "
        "The Knesset will debate it. Syria protested. At a dinner last night, Rabin said he would pay his "
        "first official visit to Cairo next week at Mubarak's invitation."
    )
    talks = only(tuple(m for m in x.meetings if m.category != "visit"))
    assert talks.status == "Planned" and talks.place is None
    assert only(tuple(m for m in x.meetings if m.category == "visit")).place == "cairo"


def test_a_visit_and_talks_told_in_two_clauses_side_by_side_are_two_events():
    x = run("Moon will visit Pyongyang this fall, and the two sides' generals will hold military talks in May.")
    assert sorted(m.category for m in x.meetings) == ["talks", "visit"]
