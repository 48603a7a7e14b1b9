"""Agreements: deals, ceasefires, prisoner exchanges, agreed procedures; parties, date, status."""

from __future__ import annotations

from datetime import date

import pytest
from conftest_nlp import names, only, run

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "parties", "category", "when", "status"),
    [
        (
            "Ethiopia and the TPLF signed a peace agreement in Pretoria on November 2, 2022.",
            {"Ethiopia", "Tigray People's Liberation Front"},
            "peace agreement",
            "2022-11-02",
            "Occurred",
        ),
        (
            "Russia and Ukraine agreed on Tuesday to exchange 300 prisoners of war.",
            {"Russia", "Ukraine"},
            "prisoner exchange",
            "2024-03-12",
            "Occurred",
        ),
        (
            "The Colombian government and the FARC reached a ceasefire agreement in June 2016.",
            {"Colombia", "FARC"},
            "ceasefire",
            "2016-06",
            "Occurred",
        ),
        (
            "Israel and Hamas are expected to sign a hostage deal next week.",
            {"Israel", "Hamas"},
            "prisoner exchange",
            "2024-03",
            "Planned",
        ),
        (
            "The truce between the Houthis and Saudi Arabia collapsed in October.",
            {"Houthis", "Saudi Arabia"},
            "ceasefire",
            "2023-10",
            "Cancelled",
        ),
        (
            "Last month Armenia and Azerbaijan settled on rules and procedures of their border commission.",
            {"Armenia", "Azerbaijan"},
            "procedural",
            "2024-02",
            "Occurred",
        ),
    ],
)
def test_parties_category_date_status(text, parties, category, when, status):
    x = run(text)
    a = only(x.agreements)
    assert parties <= names(x, a.participants)
    assert a.category == category
    assert a.date.iso == when
    assert a.status == status


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Armenia and Turkey signed two protocols in Zurich on Saturday.", "protocol"),
        ("The protocols were signed by Armenia and Turkey in Zurich on Saturday.", "protocol"),
        ("Armenia and Turkey reached an understanding in Zurich on Saturday.", "understanding"),
        ("Armenia and Turkey signed a general consensus in Zurich on Saturday.", "agreement"),
        ("Armenia and Turkey signed a comprehensive peace settlement in Zurich on Saturday.", "peace agreement"),
    ],
)
def test_protocols_understandings_and_a_signed_consensus_are_agreements(text, category):
    x = run("Two neighbours make peace\n\nThe talks went on for a year. " + text)
    a = only(x.agreements)
    assert a.category == category and a.date.iso == "2024-03-09" and a.place == "zürich"


@pytest.mark.parametrize(
    "text",
    [
        "The company updated its security protocol on Monday.",
        "Officials said there was a broad consensus on the need for talks.",
        "Diplomatic protocol kept the two ministers apart at the dinner.",
        "Blinken and Wang Yi reached a better understanding of each other's positions.",
        "The Washington Consensus shaped the policies of Argentina and Mexico for decades.",
        "No declaration was produced at the end of the summit of Russia and China.",
        "Israel approved a new settlement in the West Bank on Monday.",
    ],
)
def test_protocol_and_consensus_in_other_senses_are_no_agreements(text):
    assert not run(text).agreements


def test_the_parties_that_initialled_a_deal_are_its_parties_and_a_later_initialling_keeps_its_date():
    x = run(
        "The presidents of Bosnia, Croatia and Serbia signed a peace agreement in Paris on Wednesday. "
        "The agreement had been initialled in Dayton on November 21."
    )
    a = only(x.agreements)
    assert names(x, a.participants) == {"Bosnia and Herzegovina", "Croatia", "Serbia"}
    assert a.date.iso == "2024-03-13"
    x = run("The presidents of Bosnia, Croatia and Serbia initialled an agreement in Dayton on Wednesday.")
    a = only(x.agreements)
    assert names(x, a.participants) == {"Bosnia and Herzegovina", "Croatia", "Serbia"}
    assert a.date.iso == "2024-03-13" and a.status == "Occurred"


def test_who_signed_for_whom_after_the_lead_are_parties_to_the_deal():
    x = run(
        "MAPUTO (AP) - Mozambique's government and the opposition signed a peace accord in Maputo on Tuesday. "
        "Defence Minister Atanasio Mtumuke signed for the government and Ossufo Momade for Renamo."
    )
    a = only(x.agreements)
    assert names(x, a.participants) == {"Mozambique", "Renamo", "Atanasio Mtumuke", "Ossufo Momade"}


def test_a_deal_named_by_its_parties():
    x = run("Violence rose after the US-Taliban deal.")
    assert names(x, only(x.agreements).participants) == {"United States", "Taliban"}


def test_a_deal_signed_by_parties_in_a_place():
    x = run("The accord signed by Manila and the MILF in Kuala Lumpur in March 2014 ended the conflict.")
    a = only(x.agreements)
    assert a.place == "kuala lumpur" and a.date.iso == "2014-03"
    assert names(x, a.participants) >= {"Philippines", "Moro Islamic Liberation Front"}


@pytest.mark.parametrize(
    "text",
    [
        "The envoy said a ceasefire could save thousands of lives.",
        "Hamas and Israel remain far from any deal.",
        "Hamas and Israel agreed to keep talking next week.",
        "The rebels released the hostages in exchange for food.",
        "Talks ended without a ceasefire.",
    ],
)
def test_hopes_and_idioms_are_no_agreement(text):
    assert not run(text).agreements


def test_agreeing_to_release_detainees_is_a_prisoner_exchange():
    x = run("Yemen's government and the Houthis agreed on Monday to release nearly 900 detainees.")
    a = only(x.agreements)
    assert a.category == "prisoner exchange" and names(x, a.participants) == {"Yemen", "Houthis"}


def test_one_side_freeing_prisoners_is_no_agreement():
    assert not run("The Taliban released 20 prisoners in Kandahar on Sunday.").agreements


def test_a_deal_struck_down_is_cancelled_and_the_court_is_no_party():
    x = run("The 2008 deal between Manila and the MILF was struck down by the Supreme Court.")
    a = only(x.agreements)
    assert a.status == "Cancelled" and "supreme court" not in a.participants


def test_withdrawing_from_a_deal_cancels_it_and_names_a_party():
    x = run("Russia on Monday withdrew from the grain deal with Ukraine.")
    a = only(x.agreements)
    assert a.status == "Cancelled" and "russia" in a.participants


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "On New Year's Eve, the Philippine president announced that his government had agreed a "
            "ceasefire with the MILF.",
            "2023-12-31",
        ),
        ("On Monday, Sudan announced that it had signed a truce with the RSF.", "2024-03-11"),
    ],
)
def test_an_announcement_dates_the_deal_it_tells_of(text, when):
    assert only(run(text).agreements).date.iso == when


def test_an_announced_future_deal_takes_no_date_from_the_announcement():
    x = run("On Monday, Sudan announced that it will sign a truce with the RSF.")
    assert all(a.date is None or a.date.iso != "2024-03-11" for a in x.agreements)


def test_the_sides_keeping_a_truce_are_its_parties():
    x = run("The Taliban and the Afghan government observed a three-day ceasefire in July.")
    deal = only(x.agreements)
    assert names(x, deal.participants) == {"Taliban", "Afghanistan"} and deal.date.iso == "2023-07"


def test_the_government_is_the_one_the_article_names():
    text = (
        "The Ethiopian government said aid would flow. "
        "The government and the TPLF signed a deal to silence the guns in Pretoria on Tuesday."
    )
    x = run(text)
    assert {"Ethiopia", "Tigray People's Liberation Front"} <= names(x, only(x.agreements).participants)


_LEAD = (
    "The Philippine government and the country's largest Muslim rebel group signed a peace agreement on "
    "Thursday. The Comprehensive Agreement on the Bangsamoro was signed by the chief negotiators of the two "
    "sides. The Moro Islamic Liberation Front (MILF) has fought Manila for decades. The Moro National "
    "Liberation Front, which signed its own peace agreement with Manila in 1996, has denounced the deal."
)


def test_the_country_s_rebel_group_is_the_article_s_armed_group_named_later():
    x = run(_LEAD)
    lead = next(a for a in x.agreements if a.date is not None and a.date.iso.startswith("2024"))
    assert names(x, lead.participants) == {"Philippines", "Moro Islamic Liberation Front"}


def test_a_named_deal_told_right_after_the_lead_is_the_lead_deal():
    x = run(_LEAD)
    assert len([a for a in x.agreements if "Moro Islamic Liberation Front" in names(x, a.participants)]) == 1


def test_an_older_named_deal_after_the_lead_stays_its_own():
    x = run(
        "Russia and Ukraine signed a ceasefire in Istanbul on Monday. Russia and Ukraine signed the Minsk "
        "Agreement in 2015, and it failed."
    )
    assert len(x.agreements) == 2


def test_agreeing_on_how_to_do_something_is_an_agreement():
    x = run("Kosovo and Serbia have agreed on how to implement a European Union plan to normalise their relations.")
    assert names(x, only(x.agreements).participants) == {"Kosovo", "Serbia"}


def test_the_agreement_it_signed_is_signed_by_who_is_to_honour_it():
    x = run(
        "Baradar said the Taliban remained committed, but insisted that Washington honour the agreement it "
        "signed with the insurgents in the Qatari capital in February last year."
    )
    deal = only(x.agreements)
    assert names(x, deal.participants) == {"United States", "Taliban"} and deal.date.iso == "2023-02"


def test_having_yet_to_agree_on_how_is_no_agreement():
    x = run("Israel and Hamas have yet to agree on how to implement the second phase of the ceasefire.")
    assert [a.category for a in x.agreements] == ["ceasefire"]  # the ceasefire there is, no new deal


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Colombia and the ELN signed a ceasefire at a ceremony in Havana on Friday.", "havana"),
        ("Libya's rival forces signed a ceasefire agreement on Friday at the United Nations in Geneva.", "geneva"),
        # a place before a ceasefire, or "in" one after it, is where the fighting stops
        ("Israel and Hamas signed a Gaza ceasefire in Doha on Wednesday.", "doha"),
        ("Yemen's government and the Houthis agreed to a ceasefire in the port city of Hodeidah.", None),
        # a city may be where it was agreed: only a region is what it covers
        ("Armenia and Azerbaijan agreed to a ceasefire in Moscow on Saturday after talks.", "moscow"),
        # a dateline is where the reporter was: this deal was signed in Doha
        ("KABUL (Reuters) - The United States and the Taliban signed an agreement on Saturday.", None),
        # what others did with a deal, where they did it, is not where it was made
        ("Afghan President Ashraf Ghani hailed the U.S.-Taliban agreement at a ceremony in Kabul on Sunday.", None),
        (
            "The U.N. Security Council endorsed the U.S.-Taliban agreement at the United Nations "
            "in New York on Tuesday.",
            None,
        ),
        ("A ceasefire between Israel and Hamas took effect at 2 a.m. in Gaza on Friday.", None),
    ],
)
def test_where_a_deal_was_made(text, place):
    assert only(run(text).agreements).place == place


def test_the_sides_that_agreed_at_talks_held_them():
    x = run("Pakistan and Afghanistan agreed to an immediate ceasefire at talks in Doha on Saturday.")
    talks = only(x.meetings)
    assert names(x, talks.participants) == {"Pakistan", "Afghanistan"} and talks.place == "doha"


@pytest.mark.parametrize(
    "text",
    [
        "Qatar agreed to mediate a ceasefire between Pakistan and Afghanistan, the ministry said on Saturday.",
        "Turkey and Qatar agreed to guarantee the ceasefire between Pakistan and Afghanistan.",
        "Pakistan and Afghanistan have agreed to maintain their ceasefire, the ministry said.",
        "Pakistan and Afghanistan met in Doha and agreed to restore the truce.",
    ],
)
def test_the_parties_of_a_deal_are_who_keep_it_not_who_mediate_or_guarantee_it(text):
    x = run(text)
    assert names(x, only(x.agreements).participants) == {"Pakistan", "Afghanistan"}


def test_a_truce_elsewhere_is_not_between_the_sides_of_the_story():
    x = run(
        "Saudi Arabia and Iran agreed on Friday to restore ties in a deal brokered by China. "
        "A U.N.-brokered truce in Yemen that took effect last April expired in October."
    )
    truce = next(a for a in x.agreements if "Yemen" in a.evidence[0].text)
    assert truce.participants == ()


@pytest.mark.parametrize(
    "text",
    [
        "Taliban negotiators left Doha on Friday after they failed to reach a deal with US officials.",
        "The two sides did not sign an agreement at the end of the talks on Friday.",
    ],
)
def test_a_deal_that_was_not_made_is_none(text):
    assert run(text).agreements == ()


def test_a_fronted_noun_the_parser_took_for_an_adverbial_is_the_subject():
    x = run(
        "A previous truce, the Cessation of Hostilities Agreement brokered by the Geneva-based Henry Dunant "
        "Centre, was signed in Geneva in December 2002."
    )
    truce = next(a for a in x.agreements if a.category == "ceasefire")
    assert truce.place == "geneva" and truce.date.iso == "2002-12"


@pytest.mark.parametrize(
    ("text", "parties", "place"),
    [
        (  # who agreed to restore ties "in a deal" are its parties
            "Saudi Arabia and Iran agreed Friday to re-establish diplomatic relations and reopen embassies, "
            "in a deal negotiated in Beijing.",
            {"Saudi Arabia", "Iran"},
            "beijing",
        ),
        (  # "they" who sign are those the sentence before made its subject
            "Emomali Rahmonov and Sayid Abdullo Nuri met in northern Afghanistan in December. On May 18 in Bishkek "
            "they signed a protocol on political questions.",
            {"Emomali Rahmon", "Sayid Abdullo Nuri"},
            "bishkek",
        ),
    ],
)
def test_the_parties_and_place_of_a_deal_told_without_naming_them_beside_it(text, parties, place):
    x = run(text)
    deal = only(x.agreements)
    assert names(x, deal.participants) == parties and deal.place == place


def test_a_deal_that_a_relative_clause_tells_was_signed_is_a_deal_of_its_own():
    x = run(
        "The feud worried Washington, which is trying to start negotiations between Kabul and the Taliban under "
        "the agreement it signed with the militants in Doha on February 29."
    )
    deal = only(x.agreements)
    assert names(x, deal.participants) == {"United States", "Taliban"}
    assert (deal.date.iso, deal.place, deal.status) == ("2024-02-29", "doha", "Occurred")
    talks = only(x.meetings)
    assert talks.status == "Planned"
    assert names(x, talks.participants) == {"Afghanistan", "Taliban"}  # not who wants them held


def test_a_deal_signed_tonight_is_dated_the_day_of_the_story():
    deal = only(run("LONDON -- Britain and the Patriotic Front signed an agreement in London tonight.").agreements)
    assert deal.date.iso == "2024-03-15"


def test_a_plan_that_was_signed_is_a_deal_and_a_plan_unveiled_is_not():
    signed = run("The presidents of Honduras and Guatemala signed a peace plan in Guatemala City on Friday.")
    assert names(signed, only(signed.agreements).participants) == {"Honduras", "Guatemala"}
    assert not run("Honduras unveiled a peace plan of its own on Friday.").agreements


def test_the_deal_a_retold_signing_signed_is_the_deal_signed_before():
    x = run(
        "Rwanda and the rebels yesterday signed a peace agreement in Arusha. The agreement was signed by "
        "President Juvenal Habyarimana and the rebel chairman, Colonel Alexis Kanyarengwe, at the conference "
        "centre in the presence of President Ali Hassan Mwinyi."
    )
    deal = only(x.agreements)
    assert {"Rwanda", "Juvenal Habyarimana", "Alexis Kanyarengwe"} <= names(x, deal.participants)


def test_the_last_of_the_protocols_signed_is_a_protocol_signed_that_day():
    x = run(
        "The last of the protocols, on the integration of the armed forces, was signed on Tuesday by the "
        "Rwandan government and the rebels."
    )
    deal = only(x.agreements)
    assert (deal.category, deal.date.iso) == ("protocol", "2024-03-12")


def test_every_signer_of_a_list_the_parser_broke_signs():
    x = run(
        "Honduras and Guatemala signed a peace plan in Guatemala City on Friday. The document was signed by "
        "Oscar Arias of Costa Rica, Vinicio Cerezo of Guatemala, Jose Azcona of Honduras and Daniel Ortega of "
        "Nicaragua."
    )
    deal = only(x.agreements)
    assert {"Oscar Arias", "Vinicio Cerezo", "Jose Azcona", "Daniel Ortega"} <= names(x, deal.participants)


def test_guests_a_signing_was_held_before_sign_nothing():
    x = run(
        "Mozambique and Renamo signed a peace accord in Maputo on Tuesday. The accord was signed at Peace Square in "
        "front of foreign guests, among them the European Union's foreign policy chief, Federica Mogherini."
    )
    assert "Federica Mogherini" not in names(x, only(x.agreements).participants)


def test_an_agreement_signed_for_a_ceasefire_is_one_ceasefire():
    x = run(
        "Representatives of the army and the Rapid Support Forces signed an agreement in Jeddah on Saturday "
        "evening for a seven-day ceasefire, Saudi Arabia said."
    )
    deal = only(x.agreements)
    assert deal.category == "ceasefire" and deal.place == "jeddah"


def test_a_text_read_out_and_signed_by_leaders_among_them_named_ones_is_theirs():
    x = run(
        "Iraq's rival leaders signed an agreement in Amman yesterday.\n\n"
        "The text was then read out by Jordanian Foreign Minister Ayman Safadi, who chaired the talks, and "
        "signed around the table by the Iraqi leaders, among them Masoud Barzani, Nouri al-Maliki and Muqtada "
        "al-Sadr."
    )
    deal = only(x.agreements)
    assert names(x, deal.participants) == {"Masoud Barzani", "Nouri al-Maliki", "Muqtada al-Sadr"}


def test_leaders_who_met_in_a_month_and_signed_a_declaration_signed_it_then():
    x = run(
        "Oscar Arias of Costa Rica and Vinicio Cerezo of Guatemala signed a peace plan in Guatemala City on "
        "Friday. The summit had been set for June in Esquipulas, where Arias and Cerezo first met in May last "
        "year and signed a declaration on a regional parliament.",
        published=date(1987, 8, 8),
    )
    assert sorted(a.date.iso for a in x.agreements) == ["1986-05", "1987-08-07"]


def test_the_three_ministers_are_the_host_and_the_counterparts_named_after_a_comma():
    x = run(
        "The format was agreed in Ankara on 14 March. Hakan Fidan hosted his Russian and Iranian counterparts, "
        "Sergei Lavrov and Abbas Araghchi, and the three ministers adopted a declaration. Two weeks earlier, "
        "Russia and Turkey had struck the deal that let the last fighters leave the city."
    )
    declaration = next(a for a in x.agreements if a.category == "declaration")
    assert {"Hakan Fidan", "Sergei Lavrov", "Abbas Araghchi"} <= names(x, declaration.participants)
    deal = next(a for a in x.agreements if a.category == "deal")
    assert names(x, deal.participants) == {"Russia", "Turkey"}
    assert deal.date is not None and deal.date.iso == "2024-02-29"


def test_a_truce_that_took_effect_later_is_dated_by_its_signing():
    x = run(
        "At a meeting in Bossangoa on March 2, the two commanders signed a ceasefire that took effect at noon the "
        "next day."
    )
    assert only(x.agreements).date.iso == "2024-03-02"


def test_a_deal_that_came_into_force_later_is_dated_by_its_signing():
    x = run(
        "At their third meeting, in the village of Tumba on March 4, the two leaders signed a ceasefire that came "
        "into force the next day."
    )
    assert only(x.agreements).date.iso == "2024-03-04"


@pytest.mark.parametrize(
    ("text", "category", "when"),
    [
        (  # a communique known by the verb that made it
            "The talks will build on the communique adopted by the foreign ministers in Vienna on May 4, 2019.",
            "communique",
            "2019-05-04",
        ),
        (  # a declaration with a proper name the tagger took whole for a law
            "The envoy said the plan would respect the Tashkent Declaration of January 2011.",
            "declaration",
            "2011-01",
        ),
        (  # a deal with a name is one deal, even where a modal would make a deal generic
            "Islamabad insists that any new talks must rest on the 2007 Karachi Agreement.",
            "agreement",
            "2007",
        ),
    ],
)
def test_a_deal_named_or_made_by_its_verb_in_passing_is_that_deal(text, category, when):
    deal = only(run(text).agreements)
    assert (deal.category, deal.date.iso, deal.status) == (category, when, "Occurred")


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # agreeing to do something, in a city on a day of its own
        (
            "Blinken and Wang Yi agreed in Vienna on Monday to urge the two sides to resume talks.",
            ({"Antony Blinken", "Wang Yi"}, "vienna", "2024-03-11"),
        ),
        ("Blinken and Wang Yi agreed to urge the two sides to resume talks.", None),  # no occasion told
    ],
)
def test_agreeing_to_act_at_a_time_and_place_of_its_own_is_an_agreement(text, expected):
    x = run(text)
    if expected is None:
        assert not x.agreements
    else:
        deal = only(x.agreements)
        assert (names(x, deal.participants), deal.place, deal.date.iso) == expected
