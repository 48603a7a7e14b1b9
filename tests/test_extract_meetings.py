"""Meetings: participants, place, date and status from the parse; generic talk of talks is none."""

from __future__ import annotations

from datetime import date

import pytest
from conftest_nlp import names, only, run, the_meeting

pytestmark = pytest.mark.slow

# published on Friday 2024-03-15


@pytest.mark.parametrize(
    ("text", "parties", "place", "when", "status"),
    [
        (
            "Iranian and US negotiators held indirect talks in Muscat on Saturday.",
            {"Iran", "United States"},
            "Muscat",
            "2024-03-09",
            "Occurred",
        ),
        (
            "Ilham Aliyev and Nikol Pashinyan met in Brussels on Tuesday.",
            {"Ilham Aliyev", "Nikol Pashinyan"},
            "Brussels",
            "2024-03-12",
            "Occurred",
        ),
        (
            "Government and MILF negotiators will meet in Kuala Lumpur next month.",
            {"Moro Islamic Liberation Front"},
            "Kuala Lumpur",
            "2024-04",
            "Planned",
        ),
        (
            "The Sudanese army and the Rapid Support Forces are set to resume negotiations in Jeddah on March 20.",
            {"Sudanese Armed Forces", "Rapid Support Forces"},
            "Jeddah",
            "2024-03-20",
            "Planned",
        ),
        (
            "Kim Jong Un and Donald Trump met in Hanoi in February 2019.",
            {"Kim Jong Un", "Donald Trump"},
            "Hanoi",
            "2019-02",
            "Occurred",
        ),
        (  # the parser hangs the relative clause from "teams": it still tells of the talks
            "The second round of talks between the negotiating teams of Afghanistan and the Taliban, which began "
            "in Doha on January 5, has produced little.",
            {"Afghanistan", "Taliban"},
            "Doha",
            "2024-01-05",
            "Occurred",
        ),
        (  # a passive relative clause hung from the party
            "Negotiations with the ELN, which were held in Caracas in February, went nowhere.",
            {"ELN"},
            "Caracas",
            "2024-02",
            "Occurred",
        ),
    ],
)
def test_participants_place_date_status(text, parties, place, when, status):
    m = only(run(text).meetings)
    assert parties <= names(run(text), m.participants)
    assert m.place == place.lower()
    assert m.date.iso == when
    assert m.status == status


def test_a_country_as_location_is_the_place():
    m = only(run("Israeli and Hamas officials held talks in Egypt on Monday.").meetings)
    assert m.place == "egypt"


def test_the_omani_capital_is_muscat():
    m = only(run("Houthi and Saudi envoys met in the Omani capital on Sunday.").meetings)
    assert m.place == "muscat"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Yemen's foreign minister will fly to Riyadh on Thursday to discuss a truce with the Houthis.", "Planned"),
        ("Yemen's foreign minister departed for Riyadh on Thursday for talks with the Houthis.", "Planned"),
        ("Yemen's foreign minister flew to Riyadh on Thursday to discuss a truce with the Houthis.", "Occurred"),
    ],
)
def test_a_trip_for_talks_is_a_visit_to_its_destination(text, status):
    m = only(run(text).meetings)
    assert m.status == status and m.place == "riyadh" and "houthis" in m.participants


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Vladimir Putin spoke by phone with Recep Tayyip Erdogan on Wednesday.",
            {"Vladimir Putin", "Recep Tayyip Erdogan"},
        ),
        ("Javier Solana telephoned Boris Trajkovski on Wednesday to urge calm.", {"Javier Solana", "Boris Trajkovski"}),
        (
            "Riek Machar said he had spoken to Joseph Kony by satellite phone on Wednesday.",
            {"Riek Machar", "Joseph Kony"},
        ),
        ("Donald Trump said he had spoken with Hun Manet on Wednesday.", {"Donald Trump", "Hun Manet"}),
        (
            "Vladimir Putin called Recep Tayyip Erdogan on Wednesday to discuss the grain deal.",
            {"Vladimir Putin", "Recep Tayyip Erdogan"},
        ),
        (
            "The hotline conversation on Wednesday was between Rajiv Ghai and his counterpart Kashif Abdullah.",
            {"Rajiv Ghai", "Kashif Abdullah"},
        ),
    ],
    ids=[
        "spoke-by-phone",
        "telephoned",
        "had-spoken-by-satellite-phone",
        "had-spoken-with-a-person",
        "called-a-person",
        "a-conversation-was-between",
    ],
)
def test_a_phone_call(text, people):
    m, found = the_meeting(text)
    assert m.category == "call" and m.date.iso == "2024-03-13"
    assert people <= found


@pytest.mark.parametrize(
    "text",
    [
        "Boris Trajkovski spoke to reporters in Skopje on Wednesday.",
        "The Israeli military telephoned residents of the building on Tuesday and told them to leave.",
        "Taliban spokesman Zabihullah Mujahid telephoned Reuters on Tuesday to claim the attack.",
        "Mohamed Hamdan Dagalo phoned in to a televised rally on Tuesday.",
        "Speaking to CNN's Christiane Amanpour on Tuesday, Ashraf Ghani said the Taliban must talk.",
        "Hamas called the accord a betrayal on Tuesday.",
        "Donald Trump called Kim Jong Un a rocket man on Tuesday.",
        "Ashraf Ghani called Zalmay Khalilzad naive on Tuesday.",
        "A group called Hamas rejected the plan of Benjamin Netanyahu on Tuesday.",
    ],
    ids=[
        "spoke-to-reporters",
        "telephoned-residents",
        "telephoned-an-outlet",
        "phoned-in",
        "spoke-to-a-journalist-of-an-outlet",
        "called-a-thing-something",
        "called-a-person-something",
        "called-a-person-naive",
        "a-group-called",
    ],
)
def test_speaking_or_telephoning_with_no_one_named_at_the_other_end_is_no_call(text):
    assert not [m for m in run(text).meetings if m.category == "call"]


@pytest.mark.parametrize(
    ("text", "people", "place"),
    [
        (
            "Abdullah Abdullah called on Prime Minister Imran Khan in Islamabad on Wednesday.",
            {"Abdullah Abdullah", "Imran Khan"},
            "islamabad",
        ),
        (
            "Zalmay Khalilzad called on President Ashraf Ghani in Kabul on Wednesday to discuss the peace process.",
            {"Zalmay Khalilzad", "Ashraf Ghani"},
            "kabul",
        ),
    ],
    ids=["called-on", "called-on-to-discuss"],
)
def test_calling_on_someone_is_meeting_them(text, people, place):
    m, found = the_meeting(text)
    assert found == people and m.place == place
    assert m.status == "Occurred" and m.date.iso == "2024-03-13"


@pytest.mark.parametrize(
    "text",
    [
        "The UN called on the Taliban on Wednesday to release all prisoners.",
        "Abdullah Abdullah called on President Ashraf Ghani to resign.",
        "Pakistan called on Ashraf Ghani for restraint on Wednesday.",
        "Ashraf Ghani called on Monday for a ceasefire.",
    ],
    ids=["urged-a-group", "urged-a-person", "for-restraint", "called-for"],
)
def test_calling_on_someone_to_act_is_no_meeting(text):
    assert not [m for m in run(text).meetings if any(e.trigger == "called" for e in m.evidence)]


def test_two_calls_told_in_one_sentence_are_two_calls():
    calls = run(
        "Marco Rubio had spoken to Subrahmanyam Jaishankar earlier on Wednesday, "
        "while JD Vance spoke to Narendra Modi on Tuesday."
    ).meetings
    assert sorted((m.date.iso, len(m.participants)) for m in calls) == [("2024-03-12", 2), ("2024-03-13", 2)]


def test_a_date_opening_the_sentence_without_a_comma_dates_the_verb():
    m, found = the_meeting("Last September Khalilzad met Mullah Baradar in Doha.")
    assert found == {"Zalmay Khalilzad", "Abdul Ghani Baradar"} and m.date.iso == "2023-09"


@pytest.mark.parametrize(
    ("text", "body", "status", "when"),
    [
        (
            "NATO ambassadors will meet in Brussels on Wednesday to decide whether to send troops.",
            "NATO",
            "Planned",
            "2024-03-20",
        ),
        (
            "European Union foreign ministers are expected to meet in Brussels on Wednesday.",
            "European Union",
            "Planned",
            "2024-03-20",
        ),
        (
            "The Peace Process Consultative Committee met in Buka on Wednesday.",
            "Peace Process Consultative Committee",
            "Occurred",
            "2024-03-13",
        ),
    ],
    ids=["ambassadors-of", "ministers-of", "a-committee"],
)
def test_a_body_meeting_as_one_is_a_meeting_of_that_body(text, body, status, when):
    m, found = the_meeting(text)
    assert found == {body} and m.status == status and m.date.iso == when


@pytest.mark.parametrize(
    "text",
    [
        "Afghan officials will meet in Kabul on Wednesday.",
        "The African Union met its deadline on Wednesday.",
        "Ashraf Ghani will meet in Kabul on Wednesday.",
        "The talks ended on Wednesday, the NATO council said, and agreed to meet again next month.",
        "The Taliban cabinet met in Kabul on Wednesday.",
    ],
    ids=["a-country's-officials", "met-a-deadline", "a-person", "a-subject-borrowed-from-another-clause", "a-cabinet"],
)
def test_one_side_meeting_alone_is_no_meeting_unless_a_body_meets_as_one(text):
    assert not [m for m in run(text).meetings if any(e.trigger in ("meet", "met") for e in m.evidence)]


def test_cancelled_and_denied():
    cancelled = only(run("The ELN and the government called off the talks planned for April.").meetings)
    assert cancelled.status == "Cancelled"
    denied = only(run("Hamas denied holding any talks with Israel last week.").meetings)
    assert denied.status == "Denied"


@pytest.mark.parametrize(
    "text",
    [
        "The United Nations called for talks between Ethiopia and the TPLF.",
        "The peace process has stalled for years.",
        "Houthi leaders refused to hold talks with Saudi Arabia.",
        "Analysts said negotiations might halt the war in Ukraine.",
        "Moscow has said it is ready to join negotiations.",
        "The two leaders had no meeting room at the summit venue.",
        "The rebels failed to meet the deadline.",
    ],
)
def test_generic_talk_of_talks_is_no_meeting(text):
    assert not run(text).meetings


@pytest.mark.parametrize(
    "text",
    [
        "Abiy Ahmed told a press conference in Addis Ababa that the army would advance.",
        # reporters and journalists are no side of a meeting
        "Sharif sat down with Pakistani journalists in Islamabad on Tuesday.",
        "Putin met with reporters in Moscow on Friday.",
    ],
)
def test_the_press_is_no_meeting_and_no_side_of_one(text):
    assert not run(text).meetings


def test_a_photo_caption_holds_no_meeting():
    assert not run("Antony Blinken (left) meets Mohammed bin Salman in Jeddah. (Photo by AFP)").meetings


def test_without_a_publication_date_the_expression_is_kept():
    m = only(run("Russian and Ukrainian officials held talks in Istanbul on Friday.", published=None).meetings)
    assert m.date.iso is None and m.date.text == "on Friday"


def test_he_is_the_person_named_before():
    x = run("Hans Grundberg arrived in Sanaa. On Monday, he met Houthi leaders.", published=date(2024, 3, 15))
    assert "hans grundberg" in only(x.meetings).participants


@pytest.mark.parametrize(
    ("text", "which", "present", "absent", "status"),
    [
        (  # "he" in a relative clause is not whom the clause tells of, and "whom" is
            "President Bill Clinton witnessed the signing. Clinton spoke by telephone on Saturday with Syrian "
            "President Hafez al-Assad, whom he met in Geneva in January.",
            ("geneva", "call"),
            {"Bill Clinton", "Hafez al-Assad"},
            set(),
            "Occurred",
        ),
        (  # ... but the subject of the clause the noun hangs from
            "Biden spoke with Erdogan's foreign minister, Hakan Fidan, whom he met in Vilnius in July.",
            ("vilnius",),
            {"Joe Biden", "Hakan Fidan"},
            {"Recep Tayyip Erdogan"},
            "Occurred",
        ),
        (  # "the king" is the king named before, not a president named since
            "Jordan's King Hussein met Israeli Prime Minister Yitzhak Rabin on Monday. Syrian President Hafez "
            "al-Assad stayed away. In Amman, a palace spokesman denied reports that the king planned to visit "
            "Jerusalem.",
            ("jerusalem",),
            {"Hussein"},
            {"Hafez al-Assad"},
            "Denied",
        ),
        (  # meeting someone is done by the subject of the verb it serves
            "President Benigno Aquino met rebel leader Murad Ebrahim in Manila on Thursday. Aquino paved the way "
            "for the deal by meeting Murad secretly in Tokyo in August 2011.",
            ("tokyo",),
            {"Benigno Aquino III", "Murad Ebrahim"},
            set(),
            "Occurred",
        ),
        (  # "sat down with" is a meeting, "sat on the bench" none
            "Ghani sat down with Khalilzad in Kabul on Monday. Later he sat on the bench.",
            ("kabul",),
            {"Ashraf Ghani", "Zalmay Khalilzad"},
            set(),
            "Occurred",
        ),
    ],
)
def test_who_took_part_in_the_meeting_told_by_its_place_or_kind(text, which, present, absent, status):
    x = run(text)
    for key in which:  # a place, or a category for a meeting with none
        m = next(m for m in x.meetings if key in (m.place, m.category))
        taking_part = names(x, m.participants)
        assert present <= taking_part and not absent & taking_part
        assert m.status == status


def test_names_after_among_them_take_part_when_those_they_are_among_do():
    x = run("Taliban envoys met Afghan opposition politicians, among them former President Hamid Karzai, in Moscow.")
    assert "Hamid Karzai" in names(x, only(x.meetings).participants)


def test_bystanders_named_after_among_them_are_no_parties():
    x = run(
        "Mozambique's President Filipe Nyusi and Renamo leader Ossufo Momade signed a peace accord in Maputo on "
        "Tuesday. The accord was signed in front of thousands of foreign guests, among them South African President "
        "Cyril Ramaphosa and the European Union's foreign policy chief, Federica Mogherini."
    )
    assert names(x, only(x.agreements).participants) == {"Filipe Nyusi", "Ossufo Momade", "Mozambique", "Renamo"}


def test_names_after_including_take_part():
    x = run("Taliban officials and Afghan politicians, including Hamid Karzai, held talks in Moscow on Tuesday.")
    assert {"Taliban", "Hamid Karzai"} <= names(x, only(x.meetings).participants)


def test_their_summit_is_the_summit_of_the_two_people_named_before():
    x = run("Donald Trump met Kim Jong Un at the border on Sunday. Their previous summit in Hanoi collapsed in 2019.")
    hanoi = next(m for m in x.meetings if m.place == "hanoi")
    # a summit that collapsed was held first
    assert names(x, hanoi.participants) == {"Donald Trump", "Kim Jong Un"} and hanoi.status == "Occurred"


def test_a_trip_for_another_round():
    x = run("Zalmay Khalilzad is due to return to Doha on March 20 for another round.")
    m = only(x.meetings)
    assert m.place == "doha" and m.status == "Planned" and m.date.iso == "2024-03-20"


def test_a_broker_is_no_party():
    x = run("Ethiopia and the TPLF held AU-brokered talks in Pretoria on Monday.")
    assert names(x, only(x.meetings).participants) == {"Ethiopia", "Tigray People's Liberation Front"}


def test_an_envoy_takes_part_for_the_country_named_in_the_article():
    x = run("U.S. envoy Tim Lenderking met Houthi negotiators in Muscat on Monday.")
    assert {"Tim Lenderking", "United States", "Houthis"} <= names(x, only(x.meetings).participants)


def test_a_former_leader_speaks_for_no_country():
    x = run("Former president Hamid Karzai met Taliban officials in Moscow on Tuesday.")
    assert "afghanistan" not in only(x.meetings).participants


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A third round, hosted by Norway in Oslo, ended on Friday with a joint statement by Manila and the NDF.",
            "oslo",
        ),
        ("The talks between Armenia and Azerbaijan, hosted by Kazakhstan in Almaty, opened on Monday.", "almaty"),
    ],
)
def test_the_place_of_the_host_clause_is_the_meetings(text, place):
    m = next(m for m in run(text).meetings)
    assert m.place == place


def test_a_clause_told_of_a_date_takes_it_and_the_place_of_its_gathering():
    text = (
        "Kabul was also left out in February, when Taliban envoys met Afghan opposition politicians "
        "at a gathering hosted by Russia in Moscow."
    )
    m = only(run(text).meetings)
    assert m.date.iso == "2024-02" and m.place == "moscow"


def test_a_duration_is_no_date_and_a_following_verb_dates_its_object():
    m = only(run("The initiative followed a one-day conference in Moscow on March 11.").meetings)
    assert m.date.iso == "2024-03-11" and m.place == "moscow"


def test_the_host_country_is_the_place_when_none_is_stated():
    m = only(run("Direct talks between the Houthis and the government hosted by Kuwait in 2016 broke down.").meetings)
    assert m.place == "kuwait" and m.date.iso == "2016"


def test_two_names_the_model_joins_are_two_participants():
    x = run("Salva Kiir was sworn in. The ceremony came two days after Kiir and Machar met in Juba on Thursday.")
    m = only(x.meetings)
    assert {"Salva Kiir", "Riek Machar"} <= names(x, m.participants) and m.place == "juba"


def test_congo_alone_is_the_democratic_republic():
    x = run("Qatar hosted talks between Congo and the M23 rebels in Doha on Monday.")
    assert "Democratic Republic of the Congo" in names(x, only(x.meetings).participants)


def test_a_date_the_tagger_ran_on_is_read_up_to_its_comma():
    text = "Antony Blinken spoke by phone with Ilham Aliyev on March 12, the day the offensive began, urging restraint."
    assert only(run(text).meetings).date.iso == "2024-03-12"


def test_an_event_ending_in_a_clause_told_of_a_date_takes_it():
    text = "Diplomacy had stalled since February, when the summit between Trump and Kim in Hanoi ended without a deal."
    m = only(run(text).meetings)
    assert m.date.iso == "2024-02" and m.place == "hanoi"


def test_who_briefs_whom_during_a_visit_took_part_in_it():
    x = run("US envoy Zalmay Khalilzad arrived on Sunday. The envoy briefed Ghani on a draft during a visit to Kabul.")
    m = only(x.meetings)
    assert {"Zalmay Khalilzad", "Ashraf Ghani"} <= names(x, m.participants) and m.place == "kabul"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "US National Security Adviser Jake Sullivan told his counterpart, Hamdullah Mohib, in a phone call on "
            "Friday that Washington would review the deal.",
            {"Jake Sullivan", "Hamdullah Mohib"},
        ),
        ("Blinken assured Lavrov in a telephone call on Friday that Washington would respond.", None),
        ("In a phone call with Lavrov on Friday, Blinken said Washington would respond.", None),
        ("Blinken said in a phone call with Lavrov on Friday that Washington would respond.", None),
        ("Blinken discussed the prisoner exchange with Lavrov during a meeting in Geneva on Friday.", None),
    ],
)
def test_who_tells_or_says_something_in_a_call_or_meeting_took_part_in_it(text, parties):
    x = run(text)
    m = only(x.meetings)
    assert names(x, m.participants) >= (parties or {"Antony Blinken", "Sergei Lavrov"})
    assert m.date.iso == "2024-03-15" and m.status == "Occurred"


def test_what_was_told_during_a_meeting_does_not_date_or_plan_the_meeting():
    # the parser hangs "that Washington would respond" from the meeting, as if it were its clause
    x = run("Blinken told Lavrov during a meeting in Geneva on Friday that Washington would respond.")
    m = only(x.meetings)
    assert names(x, m.participants) == {"Antony Blinken", "Sergei Lavrov"}
    assert m.status == "Occurred" and m.place == "geneva"


@pytest.mark.parametrize(
    ("text", "category", "iso"),
    [
        # the parser hangs "on Saturday" from "elders", inside the subject
        ("A grand jirga of 2,000 tribal elders on Saturday endorsed the peace plan.", "jirga", "2024-03-09"),
        ("The summit of regional leaders on Monday adopted a final communique.", "summit", "2024-03-11"),
    ],
)
def test_a_date_ending_the_subject_phrase_dates_the_gathering(text, category, iso):
    m = only(run(text).meetings)
    assert m.category == category and m.date is not None and m.date.iso == iso


@pytest.mark.parametrize(
    "text",
    [
        "Serbia postponed the talks with Kosovo that were to have taken place in Brussels on Thursday.",
        "Serbia called off a summit with Kosovo that had been expected to open in Brussels on Thursday.",
    ],
)
def test_place_and_date_on_the_verb_completing_a_clause(text):
    m = only(run(text).meetings)
    assert m.place == "brussels" and m.date is not None and m.date.text == "on Thursday"
    assert m.status == "Cancelled"


def test_the_date_on_the_verb_a_schedule_governs():
    x = run("He said negotiations between Armenia and Azerbaijan had been scheduled to begin on March 28.")
    m = only(x.meetings)
    assert m.date is not None and m.date.iso == "2024-03-28" and m.status == "Planned"


def test_who_agrees_at_a_summit_took_part_in_it():
    x = run("At a summit in Nairobi on Friday, Sudan and South Sudan agreed to reopen the border.")
    assert names(x, only(x.meetings).participants) == {"Sudan", "South Sudan"}


def test_meeting_someone_on_arrival_is_the_visit_and_takes_its_place():
    x = run("Envoy Tom Perriello arrived in Jeddah on an unannounced visit on Tuesday and met Abdel Fattah al-Burhan.")
    m = only(x.meetings)
    assert m.place == "jeddah" and m.date is not None and m.date.iso == "2024-03-12"
    assert {"Tom Perriello", "Abdel Fattah al-Burhan"} <= names(x, m.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Israel and Hamas, co-hosted by Qatar and Egypt, had been due to resume on Monday.",
        "Talks between Israel and Hamas, convened by Qatar and Egypt, had been due to resume on Monday.",
    ],
)
def test_who_arranged_the_talks_says_nothing_of_whether_they_took_place(text):
    x = run(text)
    m = only(x.meetings)  # the participle is the talks' clause, not a meeting of its own
    assert m.status == "Planned" and m.date is not None and m.date.iso == "2024-03-18"
    assert {"Israel", "Hamas"} <= names(x, m.participants)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "The prisoner swap began on February 3 but stalled. That month Ukraine and Russia held talks in Riyadh.",
            "2024-02",
        ),
        ("Fighting flared in June 2023. Later that year Armenia and Azerbaijan held talks in Brussels.", "2023"),
        ("Shelling resumed on March 4. The same day Israel and Hamas held talks in Cairo.", "2024-03-04"),
    ],
)
def test_that_month_is_the_month_told_before(text, iso):
    m = only(run(text).meetings)
    assert m.date is not None and m.date.iso == iso


def test_that_day_after_a_month_names_no_day():
    m = only(run("Fighting flared in June 2023. That day Armenia and Azerbaijan held talks in Brussels.").meetings)
    assert m.date is None or m.date.iso is None


def test_hosting_the_talks_is_no_meeting_of_its_own():
    x = run(
        "Talks between the Yemeni government and the Houthis, which opened on Monday, were chaired by UN envoy "
        "Hans Grundberg and hosted by Sweden."
    )
    assert only(x.meetings).category == "talks"


def test_who_leads_a_delegation_takes_part():
    x = run("The meeting in Moscow brought together a government delegation led by Abdullah Abdullah and the Taliban.")
    assert {"Abdullah Abdullah", "Taliban"} <= names(x, only(x.meetings).participants)


@pytest.mark.parametrize(
    "text",
    [
        "Russia, the United States, China and Pakistan on Thursday urged the Afghan government and the Taliban "
        "to reach a peace deal quickly, at a conference in Moscow.",
        "Russia, the United States, China and Pakistan on Thursday urged the Afghan government and the Taliban "
        "to reach a peace deal quickly and called on the insurgents not to launch a spring offensive, at a "
        "conference in Moscow aimed at reviving stalled negotiations.",
    ],
)
def test_a_conference_where_powers_urged_the_sides_is_a_specific_event_of_them_all(text):
    x = run(text)
    m = only(x.meetings)
    assert m.place == "moscow" and m.date.iso == "2024-03-14"
    assert names(x, m.participants) == {
        "Russia",
        "United States",
        "China",
        "Pakistan",
        "Afghanistan",
        "Taliban",
    }


def test_hosting_an_office_is_no_meeting():
    assert not run("Qatar, which hosts the Taliban's political office, and Turkey attended as guests.").meetings


def test_the_meeting_told_right_after_a_conference_is_that_conference():
    x = run(
        "Russia and China urged the Afghan government and the Taliban to reach a deal, at a conference in Moscow "
        "on Thursday. The one-day meeting brought together a government delegation led by Abdullah Abdullah and "
        "a Taliban team."
    )
    assert {"Russia", "China", "Abdullah Abdullah"} <= names(x, only(x.meetings).participants)


def test_a_meeting_set_for_another_week_is_not_the_talks_told_before():
    x = run(
        "The Afghan government and the Taliban resumed talks in Doha in January. A meeting of the two "
        "negotiating teams in Doha that had been set for this week was put off until after the Moscow conference."
    )
    assert sorted((m.date.iso, m.status) for m in x.meetings if m.place == "doha") == [
        ("2024-01", "Occurred"),
        ("2024-03", "Cancelled"),
    ]


def test_government_negotiators_are_the_article_s_government():
    x = run(
        "The Philippine government and the MILF signed a deal on Thursday. Government and MILF negotiators "
        "will meet again in Kuala Lumpur next month."
    )
    planned = next(m for m in x.meetings if m.status == "Planned")
    assert names(x, planned.participants) == {"Philippines", "Moro Islamic Liberation Front"}


def test_its_delegation_is_the_group_named_before_in_the_sentence():
    x = run("The Taliban said on Monday that its delegation would meet U.S. officials in Doha next week.")
    assert names(x, only(x.meetings).participants) >= {"Taliban", "United States"}


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Israel and Hamas are scheduled to take place in Cairo on Monday.",
        "Talks between Israel and Hamas are set to resume in Cairo on Monday.",
    ],
)
def test_the_place_of_talks_hangs_from_the_verb_that_completes_their_scheduling(text):
    assert only(run(text).meetings).place == "cairo"


def test_negotiations_expected_somewhere_else_are_planned_ones_of_their_own():
    x = run(
        "The Afghan government and the Taliban met in Kabul in May. The negotiations are expected to be held "
        "in Doha, the capital of Qatar."
    )
    doha = next(m for m in x.meetings if m.place == "doha")
    assert doha.status == "Planned" and names(x, doha.participants) == {"Afghanistan", "Taliban"}


def test_talks_where_a_deal_was_agreed_take_the_main_verb_s_tense():
    x = run("Israel and Hamas agreed to exchange prisoners during talks in Cairo on Monday.")
    assert only(x.meetings).date.iso == "2024-03-11"


def test_a_clause_on_who_the_meeting_is_of_that_does_not_schedule_it_is_theirs():
    x = run("A meeting of the armed groups that agreed to the 2015 peace accord took place in Bamako on Monday.")
    m = only(x.meetings)
    assert m.status == "Occurred" and m.date.iso == "2024-03-11"


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("A Taliban delegation took part on Sunday in a meeting with Qatar's envoy in Doha.", "2024-03-10"),
        # the parser hangs the date from the place, or from "the sidelines"
        ("Khalilzad met the Taliban's Baradar in Doha on Sunday.", "2024-03-10"),
        ("The delegation had met Russia's envoy, Zamir Kabulov, on the sidelines on Sunday.", "2024-03-10"),
        # a time of a named day, tagged TIME
        ("A meeting between Ghani and Khalilzad was held on Monday morning.", "2024-03-11"),
        ("Khalilzad and Baradar met in Doha on Sunday night.", "2024-03-10"),
    ],
)
def test_the_day_of_a_meeting_however_the_parser_hangs_it(text, when):
    assert only(run(text).meetings).date.iso == when


def test_a_colon_dateline_is_parsed_apart_and_a_countrys_capital_is_its_capital_city():
    x = run(
        "KABUL (Pajhwok): A fresh round of negotiations between the United States and the Taliban "
        "opened in Qatar's capital on Monday."
    )
    m = only(x.meetings)
    assert names(x, m.participants) == {"United States", "Taliban"}
    assert (m.place, m.date.iso) == ("doha", "2024-03-11")


def test_a_dateline_with_the_city_in_small_letters_the_day_and_the_agency_is_parsed_apart():
    x = run("Havana, Mar 11 (Prensa Latina) Colombian and ELN negotiators met in Caracas on Monday.")
    m = only(x.meetings)
    assert names(x, m.participants) == {"Colombia", "ELN"}
    assert (m.place, m.date.iso) == ("caracas", "2024-03-11")
    assert m.evidence[0].text.startswith("Havana, Mar 11 (Prensa Latina) Colombian")


def test_talks_that_went_on_the_next_day_are_the_same_talks():
    x = run(
        "Negotiations between the United States and the Taliban opened in Doha on Monday. "
        "The talks, which continued behind closed doors on Tuesday, are the fifth round."
    )
    m = only(x.meetings)
    assert m.date.iso == "2024-03-11" and len(m.evidence) == 2


@pytest.mark.parametrize(
    ("day", "published", "when"),
    [
        ("February 18", date(2019, 2, 26), "2019-02-18"),  # set before the story, put off since
        ("February 18", date(2019, 2, 10), "2019-02-18"),  # still to come
        ("January 5", date(2020, 12, 30), "2021-01-05"),  # across the new year
        ("Thursday", date(2019, 2, 19), "2019-02-21"),  # a Tuesday: the coming Thursday is nearer
    ],
)
def test_a_day_a_meeting_had_been_set_for_is_the_nearest_such_day(day, published, when):
    text = (
        f"A meeting between Taliban envoys and Prime Minister Imran Khan that had been set for "
        f"{day} in Islamabad was postponed."
    )
    assert only(run(text, published=published).meetings).date.iso == when


def test_talks_that_went_on_are_not_a_meeting_about_them_the_days_before():
    x = run(
        "Afghan President Ashraf Ghani met Abdullah Abdullah on Sunday to discuss the talks. "
        "The peace talks, which continued on Thursday in Doha, have stalled over the Islamic law issue."
    )
    meeting = next(m for m in x.meetings if "ashraf ghani" in m.participants)
    assert meeting.place is None and len(x.meetings) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Yemen's government and the Houthis held talks in Yemen's temporary capital on Monday.",
        "Pakistani officials met Taliban representatives in Pakistan's commercial capital on Thursday.",
    ],
)
def test_a_capital_with_a_qualifier_is_not_the_countrys_capital(text):
    assert only(run(text).meetings).place is None


def test_a_clause_the_parser_hung_from_the_place_dates_the_talks():
    x = run("The deal came at the end of five days of talks in the Chinese capital that began Monday.")
    talks = only(x.meetings)
    assert (talks.place, talks.date.iso) == ("beijing", "2024-03-11")


def test_the_delegation_is_the_one_named_before():
    x = run(
        "A Taliban delegation led by Zabihullah Mujahid arrived in Doha on Sunday. "
        "The delegation met Russia's special envoy, Zamir Kabulov, on Monday."
    )
    met = next(m for m in x.meetings if "zamir kabulov" in m.participants)
    assert "taliban" in met.participants


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "Biden announced last Wednesday that the troops would leave by September 11. "
            "A day later, Blinken arrived in Kabul and met President Ashraf Ghani.",
            "2024-03-14",  # published on Friday 2024-03-15: last Wednesday was the 13th
        ),
        ("Abiy flew to Asmara on July 8. Two days later he met Isaias in Massawa.", "2023-07-10"),
        ("Khalilzad met Baradar in Doha on Monday. The next day, the envoy met Ghani in Kabul.", "2024-03-12"),
    ],
)
def test_a_day_later_counts_from_the_day_the_story_told_before(text, when):
    x = run(text)
    assert x.meetings[-1].date.iso == when


def test_who_marks_something_with_a_visit_makes_it():
    x = run("Blinken began his tour of the region with a visit to Kabul on Monday.")
    visit = only(x.meetings)
    assert "antony blinken" in visit.participants and visit.place == "kabul"


def test_they_in_a_where_clause_are_who_travelled_there():
    x = run(
        "Abiy Ahmed met Isaias Afwerki in Asmara on July 8. Later in July the two men travelled together "
        "to Abu Dhabi, where they were received by the crown prince."
    )
    later = next(m for m in x.meetings if m.place == "abu dhabi")
    assert {"abiy ahmed", "isaias afwerki"} <= set(later.participants) and later.date.iso == "2023-07"
    assert not any(a.label == "Abu Dhabi" for a in x.actors)  # a city the tagger took for a body


def test_a_city_the_tagger_took_for_a_person_is_a_place():
    x = run("The meeting in Yerevan brought together the defence ministers of Russia, Belarus and Kazakhstan.")
    assert only(x.meetings).place == "yerevan"  # "Yerevan" tagged PERSON


@pytest.mark.parametrize(
    ("text", "published", "when"),
    [
        (  # from the day the report tells of, not the day of the report
            "Taliban spokesman Zabihullah Mujahid said on Sunday that the group's delegation had met Chinese "
            "officials in Beijing on Thursday. A day later, the delegation met Pakistani Foreign Minister "
            "Shah Mahmood Qureshi in Islamabad.",
            date(2021, 7, 20),
            "2021-07-16",
        ),
        (  # forward, for what is still to come
            "Intra-Afghan talks will open in Doha on Monday. The next day, the Taliban delegation will meet "
            "U.N. envoy Deborah Lyons.",
            date(2024, 3, 15),
            "2024-03-19",
        ),
        (  # from a day told earlier in the same sentence
            "After arriving in Kabul on Monday, Defense Secretary Mark Esper met Ghani the next day.",
            date(2020, 3, 5),
            "2020-03-03",
        ),
    ],
)
def test_a_day_later_counts_from_the_right_day(text, published, when):
    assert run(text, published=published).meetings[-1].date.iso == when


@pytest.mark.parametrize(
    "text",
    [
        # a month name only as a whole word: "two decades" names no December for "that month"
        "The war has lasted two decades. That month, the Taliban and US envoys met in Doha for talks.",
        # a clause about something else that happened at the talks' place
        "Taliban and Afghan government negotiators met in Doha, where the United States and the Taliban "
        "signed a deal in February 2020.",
    ],
)
def test_no_date_where_the_text_gives_none_for_the_meeting(text):
    assert only(run(text).meetings).date is None


def test_the_delegation_is_the_nearest_one_named_before_whoever_leads_it():
    x = run(
        "Qatar's delegation was led by Mohammed bin Abdulaziz al-Khulaifi. On Sunday, the Taliban said a "
        "delegation led by Amir Khan Muttaqi travelled to Oslo. The delegation met Norwegian officials on Monday."
    )
    met = next(m for m in x.meetings if "norway" in m.participants)
    assert "qatar" not in met.participants and "amir khan muttaqi" in met.participants


def test_announcing_a_truce_during_a_visit_does_not_put_the_announcer_on_the_visit():
    x = run("The Taliban announced a three-day Eid ceasefire during Ghani's visit to Washington on Friday.")
    assert only(x.meetings).participants == ("ashraf ghani",)


def test_whom_someone_tasks_with_a_visit_makes_it():
    x = run("President Ashraf Ghani tasked the High Peace Council with a visit to Islamabad.")
    assert only(x.meetings).participants == ("high peace council",)


@pytest.mark.parametrize(
    ("text", "traveller", "place"),
    [
        (  # the parser takes the apposition for the object of "flew"
            "Abiy Ahmed flew to Asmara on July 8, the first visit by an Ethiopian leader in two decades.",
            "abiy ahmed",
            "asmara",
        ),
        (  # ... or for an adverbial noun of "arrived"
            "Saudi Foreign Minister Faisal bin Farhan arrived in Tehran on Saturday, the first visit by a Saudi "
            "foreign minister since 2006.",
            "faisal bin farhan",
            "tehran",
        ),
    ],
)
def test_a_visit_in_apposition_to_a_trip_is_the_trip(text, traveller, place):
    visit = only(run(text).meetings)
    assert traveller in visit.participants and visit.place == place


@pytest.mark.parametrize(
    ("text", "met"),
    [
        (  # "him" is not the subject of the clause it is the object of
            "Afonso Dhlakama declared a truce in December, and Filipe Nyusi flew to Gorongosa to meet him in August.",
            {"filipe nyusi", "afonso dhlakama"},
        ),
        (
            "Zalmay Khalilzad said Abdul Ghani Baradar had met him in Doha on Monday.",
            {"zalmay khalilzad", "abdul ghani baradar"},
        ),
        (  # not whom the clause's controller is: the one asked to invite him
            "Giorgia Meloni met Joe Biden in Washington. Volodymyr Zelensky asked the G7 to invite him to talks "
            "in Rome.",
            {"volodymyr zelensky"},
        ),
    ],
)
def test_an_object_pronoun_means_someone_other_than_its_clause_subject(text, met):
    meetings = run(text).meetings
    assert any(set(m.participants) == met for m in meetings)
    assert not any("joe biden" in m.participants and "volodymyr zelensky" in m.participants for m in meetings)


def test_a_working_lunch_is_a_meeting_and_a_lunch_is_not():
    lunch = only(run("Zalmay Khalilzad had a working lunch with Abdul Ghani Baradar in Doha on Monday.").meetings)
    assert set(lunch.participants) == {"zalmay khalilzad", "abdul ghani baradar"} and lunch.place == "doha"
    assert not run("The delegates of the Taliban broke for lunch in Doha on Monday.").meetings


def test_who_hosts_a_working_dinner_eats_with_the_guests():
    x = run("Emmanuel Macron will host a working dinner for Volodymyr Zelensky and Olaf Scholz in Paris.")
    dinner = only(x.meetings)
    assert {"emmanuel macron", "volodymyr zelensky", "olaf scholz"} <= set(dinner.participants)


@pytest.mark.parametrize(
    "text",
    [
        # leaving at the end of a visit is not the visit
        "Xi Jinping left Moscow on Wednesday, the end of a three-day state visit.",
        # nor is a clause with a subject of its own opened by a noun
        "This round, the Israeli team will be led by Mossad chief David Barnea.",
    ],
)
def test_a_noun_set_off_before_or_after_a_clause_is_not_always_its_event(text):
    assert not run(text).meetings


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Prime Minister Abiy Ahmed spoke to parliament in October. Two days later Abiy and Egyptian President "
            "Abdel Fattah al-Sisi met at a summit in Sochi.",
            {"Abiy Ahmed", "Abdel Fattah el-Sisi"},
        ),
        (
            "Later that day Putin and Turkish President Recep Tayyip Erdogan held talks in Sochi.",
            {"Vladimir Putin", "Recep Tayyip Erdogan"},
        ),
        ("On Monday Ghani and Pakistani Prime Minister Imran Khan met in Islamabad.", {"Ashraf Ghani", "Imran Khan"}),
        (  # the body that opens the titled name is parsed as the first name's conjunct
            "Khalilzad and Taliban deputy leader Mullah Abdul Ghani Baradar met in Doha on Sunday.",
            {"Zalmay Khalilzad", "Abdul Ghani Baradar"},
        ),
        (
            "Erdogan and Hamas political chief Ismail Haniyeh met in Istanbul on Saturday.",
            {"Recep Tayyip Erdogan", "Ismail Haniyeh"},
        ),
    ],
)
def test_a_name_before_and_a_titled_name_is_a_subject_though_parsed_as_its_modifier(text, wanted):
    x = run(text)
    meeting = only(tuple(m for m in x.meetings if m.participants))
    assert wanted <= names(x, meeting.participants)


@pytest.mark.parametrize(
    "text",
    [
        "Former Karzai and Ghani adviser Hamdullah Mohib met Taliban officials in Doha on Sunday.",
        "Former Trump and Biden envoy Zalmay Khalilzad met Taliban officials in Doha on Monday.",
    ],
)
def test_names_that_qualify_a_title_are_no_subjects(text):
    x = run(text)
    assert not names(x, only(x.meetings).participants) & {"Hamid Karzai", "Ashraf Ghani", "Donald Trump", "Joe Biden"}


@pytest.mark.parametrize("noun", ["two ministers", "two foreign ministers", "two envoys"])
def test_the_two_ministers_are_the_two_people_of_the_event_just_told(noun):
    text = (
        "The deal was signed at the State Department by Congolese Foreign Minister Therese Kayikwamba Wagner and "
        "Rwandan Foreign Minister Olivier Nduhungirehe, in a ceremony hosted by Secretary of State Marco Rubio. "
        f"The {noun} were later received by President Donald Trump in the Oval Office."
    )
    x = run(text)
    visit = only(tuple(m for m in x.meetings if "donald trump" in m.participants))
    assert {"Therese Kayikwamba Wagner", "Olivier Nduhungirehe"} <= names(x, visit.participants)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Indian Prime Minister Narendra Modi met Pakistani Prime Minister Nawaz Sharif in Lahore on Friday. "
            "The two prime ministers will meet again in Islamabad next month.",
            {"Narendra Modi", "Nawaz Sharif"},
        ),
        (  # one with no known office is no third minister
            "U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov met businessman Roman "
            "Abramovich in Istanbul on Monday. The two ministers will meet again in Geneva next week.",
            {"Antony Blinken", "Sergei Lavrov"},
        ),
    ],
)
def test_the_two_prime_ministers_or_ministers_are_the_two_who_hold_the_office(text, wanted):
    x = run(text)
    planned = only(tuple(m for m in x.meetings if m.status == "Planned"))
    assert wanted <= names(x, planned.participants)


def test_the_two_presidents_are_the_two_people_in_focus_who_are_presidents():
    x = run(
        "Putin hosted Erdogan in Sochi on Friday. Their foreign ministers, Sergei Lavrov and Mevlut Cavusoglu, "
        "met separately on Saturday. The two presidents will meet again in Ankara next month."
    )
    planned = only(tuple(m for m in x.meetings if m.status == "Planned"))
    assert names(x, planned.participants) == {"Vladimir Putin", "Recep Tayyip Erdogan"}


def test_the_two_ministers_after_three_ministers_are_not_told():
    x = run(
        "US Secretary of State Antony Blinken, Russian Foreign Minister Sergei Lavrov and Chinese Foreign Minister "
        "Wang Yi attended a G20 meeting in New Delhi on Thursday. The two ministers held a brief meeting on the "
        "sidelines."
    )
    assert len(x.meetings) == 1  # the sideline meeting has no one it can name


@pytest.mark.parametrize(
    "text",
    [
        "Talks with the Taliban, which began its spring offensive in Kandahar in April, went nowhere.",
        "Talks with Ashraf Ghani, who began his term in Kabul in 2014, went nowhere.",
    ],
)
def test_a_relative_clause_on_a_party_that_tells_of_the_party_is_its_own(text):
    m = only(run(text).meetings)
    assert m.place is None and m.date is None


def test_who_sat_down_in_a_when_clause_met_at_the_meeting_it_dates():
    x = run(
        "The Doha gathering follows a similar meeting in Tehran earlier this month, when a government delegation "
        "led by Yunus Qanooni and a Taliban team headed by Sher Mohammad Abbas Stanekzai sat down."
    )
    m = only(tuple(m for m in x.meetings if m.place == "tehran"))
    assert {"Yunus Qanooni", "Sher Mohammad Abbas Stanekzai"} <= names(x, m.participants)


def test_a_delegation_representing_a_country_stands_for_it():
    x = run("A delegation representing Ethiopia met Eritrean officials in Asmara on Monday.")
    assert names(x, only(x.meetings).participants) == {"Ethiopia", "Eritrea"}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (  # the month of a clause of the sentence before, not its main clause
            "Egypt called for mediation after Abiy Ahmed told parliament in October that nothing could stop the dam. "
            "Two days later Abiy and Sisi met in Sochi.",
            "2023-10",
        ),
        ("Abiy Ahmed spoke in parliament in October. Two weeks later Abiy and Sisi met in Sochi.", None),
    ],
)
def test_days_later_than_a_month_date_by_that_month_within_a_week(text, iso):
    m = only(run(text).meetings)
    assert (m.date.iso if m.date else None) == iso


@pytest.mark.parametrize(
    "text",
    [
        "Talks with the Houthis, which began attacking ships in the Red Sea in November, went nowhere.",
        "Talks with Hamas, which continued to fire rockets at Sderot on Tuesday, went nowhere.",
        "Talks between the army and the insurgency, which began in Cabo Delgado in October 2017, went nowhere.",
        "Reagan held talks with the Soviet Union, which ended in Moscow in December 1991.",
    ],
)
def test_a_relative_clause_telling_of_the_party_or_with_its_own_complement_is_the_partys(text):
    assert all(m.place is None and m.date is None for m in run(text).meetings)


def test_a_delegation_representing_someone_unnamed_is_no_one_and_does_not_loop():
    x = run("A delegation representing him met Iranian officials in Muscat on Monday, Witkoff said.")
    assert names(x, only(x.meetings).participants) == {"Iran"}


@pytest.mark.parametrize(
    "text",
    [
        # a date in a relative clause, or on a noun, is no day of the story
        "Guterres, who took office in January 2017, spoke in Geneva. Two days later, Guterres met Lavrov in Moscow.",
        # a month's last days, a week later, may be the next month
        "Fighting flared in late December 2023. A week later, Blinken met Fidan in Ankara.",
        # what would be done is no day told
        "Ruto spoke to the press. He said that he would visit Kampala in April. Two days later, he met Museveni.",
    ],
)
def test_days_later_do_not_count_from_a_date_that_tells_no_day_of_the_story(text):
    x = run(text)
    held = [m for m in x.meetings if m.status == "Occurred" and len(m.participants) == 2]
    assert held and all(m.date is None for m in held)


@pytest.mark.parametrize(
    "text",
    [
        "Congo and Rwanda sign peace deal in Washington\n\nWASHINGTON (AP) - The foreign ministers of Congo "
        "and Rwanda signed a peace agreement at the State Department on Friday.",
        "MAPUTO (Reuters) - Mozambique's President Filipe Nyusi and Ossufo Momade, the leader of Renamo, "
        "signed a peace accord in Maputo on Tuesday, ending years of conflict.",
    ],
)
def test_a_signing_told_as_the_news_is_a_meeting_of_the_signatories(text):
    x = run(text)
    m = only(x.meetings)
    assert m.category == "signing" and m.status == "Occurred" and len(m.participants) >= 2
    assert m.date.iso in ("2024-03-15", "2024-03-12")
    signed = only(x.agreements)
    assert set(signed.participants) == set(m.participants) and signed.date == m.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # one side named as an actor, the other only described: still two sides signing
        (
            "KATHMANDU (AFP) - Nepal's government and Maoist rebels signed a peace accord in Kathmandu on Tuesday, "
            "ending a decade of war.",
            "signing",
        ),
        (
            "NIAMEY (AP) - The government of Niger and a coalition of rebel groups signed a peace deal in Niamey "
            "on Sunday.",
            "signing",
        ),
        ("NIAMEY (AP) - Niger signed a deal in Niamey on Sunday.", None),  # one side alone
    ],
)
def test_a_signing_of_a_named_side_and_a_described_one_is_a_meeting(text, expected):
    assert [m.category for m in run(text).meetings] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text",
    [  # told in passing, or further down the story
        "KABUL (Reuters) - The envoy travelled to Doha to discuss a peace deal signed by the United States "
        "and the Taliban in February.",
        "KABUL (Reuters) - The envoy travelled to Doha on Monday. The United States and the Taliban signed a "
        "peace deal in Doha in February 2020.",
    ],
)
def test_a_signing_told_in_passing_is_no_meeting(text):
    assert not any(m.category == "signing" for m in run(text).meetings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a step of the story weeks before it: the signatories met to sign
        (
            "NAIROBI (AP) - Talks on a final deal resumed on Monday. Salva Kiir and Riek Machar signed a protocol "
            "in Arusha on Feb. 20.",
            ("arusha", "2024-02-20"),
        ),
        (
            "NAIROBI (AP) - Talks on a final deal resumed on Monday. Salva Kiir and Riek Machar initialled a "
            "protocol in Arusha last Thursday.",
            ("arusha", "2024-03-14"),
        ),
        (  # years back: the deal's background
            "NAIROBI (AP) - Talks on a final deal resumed on Monday. Salva Kiir and Riek Machar signed a framework "
            "accord in Arusha in October 2019.",
            None,
        ),
        (  # no place of its own
            "NAIROBI (AP) - Talks on a final deal resumed on Monday. Salva Kiir and Riek Machar signed a protocol "
            "on security arrangements on February 20.",
            None,
        ),
        (  # signed in talks the sentence tells: the talks are the meeting
            "KHARTOUM (AP) - Talks on a final deal resumed on Monday. Last month the army and a coalition of rebel "
            "groups, including the Sudan Liberation Movement, signed a truce in Juba, in talks hosted by the church.",
            None,
        ),
    ],
)
def test_a_recent_signing_the_body_places_is_a_meeting_of_the_signatories(text, expected):
    signings = [m for m in run(text).meetings if m.category == "signing"]
    if expected is None:
        assert not signings
    else:
        m = only(signings)
        assert (m.place, m.date.iso) == expected and len(m.participants) == 2


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Emomali Rahmonov and Sayid Abdullo Nuri met in northern Afghanistan in December, and on December 23 "
            "they met again in Moscow.",
            ("moscow", "2023-12-23", "Occurred"),
        ),
        (
            "Salva Kiir and Riek Machar met in Juba on Monday. They met again on Tuesday.",
            (None, "2024-03-12", "Occurred"),
        ),
    ],
)
def test_meeting_again_is_another_meeting(text, second):
    x = run(text)
    assert len(x.meetings) == 2, [m.label for m in x.meetings]
    m = x.meetings[1]
    assert (m.place, m.date.iso, m.status) == second


@pytest.mark.parametrize(
    ("text", "place", "absent"),
    [  # "during" only tells when, for what is said or met elsewhere
        (
            "President Joe Biden said in Washington during the talks in Doha on Thursday that a deal was close.",
            "doha",
            "joe biden",
        ),
        (
            "Macron talked with Putin by phone during the G7 summit in Biarritz on Sunday.",
            "biarritz",
            "emmanuel macron",
        ),
        (
            "The Houthis said during the talks between Iran and the United States in Muscat that they would wait.",
            "muscat",
            "houthis",
        ),
    ],
)
def test_what_is_said_or_met_elsewhere_during_a_meeting_makes_no_participant_of_it(text, place, absent):
    held = next(m for m in run(text).meetings if m.place == place)
    assert absent not in held.participants


def test_a_relative_clause_of_a_meeting_told_about_is_its_clause():
    x = run("Officials told reporters about a meeting that the Taliban and Pakistan will hold in Geneva next week.")
    m = only(x.meetings)
    assert m.status == "Planned" and m.place == "geneva"


@pytest.mark.parametrize(
    "text",
    [
        "Will Russia and Ukraine sign a peace deal this year?\n\nKYIV (AP) - Talks stalled again on Monday.",
        "KHARTOUM (AP) - The army and the RSF signed the accord separately, in Khartoum and in Juba, on Monday.",
    ],
)
def test_a_signing_asked_about_or_done_apart_is_no_meeting(text):
    assert not any(m.category == "signing" for m in run(text).meetings)


def test_a_signing_after_a_meeting_the_lead_tells_is_that_meeting():
    x = run(
        "CAIRO (AP) - Egyptian President Abdel Fattah el-Sisi and Israeli Prime Minister Benjamin Netanyahu met in "
        "Sharm el-Sheikh on Monday and signed an agreement on the Rafah crossing."
    )
    assert len(x.meetings) == 1 and x.meetings[0].category != "signing"


def test_the_signing_meeting_is_of_those_who_signed():
    x = run(
        "CAIRO (AP) - Qatar and Egypt signed the ceasefire agreement between Israel and Hamas as guarantors in "
        "Cairo on Monday."
    )
    m = next(m for m in x.meetings if m.category == "signing")
    assert names(x, m.participants) == {"Qatar", "Egypt"}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # the deal signed again, by name, at a ceremony hosted by someone
            "GENEVA (Reuters) - Armenia and Azerbaijan signed a peace treaty in Geneva on Thursday. The treaty was "
            "signed by Armenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart, Jeyhun Bayramov, "
            "at a ceremony hosted by Swiss President Viola Amherd.",
            {"Ararat Mirzoyan", "Jeyhun Bayramov", "Viola Amherd"},
        ),
        (  # signatures put to the document; who looked on, "as did" another
            "PRETORIA (AP) - Ethiopia and the Tigray People's Liberation Front signed a peace deal in Pretoria on "
            "Wednesday. Ethiopian negotiator Redwan Hussein and Tigrayan negotiator Getachew Reda put their "
            "signatures to the document. Former Nigerian President Olusegun Obasanjo looked on, as did former "
            "Kenyan President Uhuru Kenyatta.",
            {"Getachew Reda", "Olusegun Obasanjo", "Uhuru Kenyatta"},
        ),
        (  # one signer for one side; who attended the ceremony, "along with" another
            "JUBA (AFP) - Sudan's government and the SPLM-North signed a peace accord in Juba on Saturday. Prime "
            "Minister Abdalla Hamdok signed the accord for the government. UN envoy Volker Perthes, who attended "
            "the ceremony along with Egyptian Prime Minister Mostafa Madbouly, praised the deal.",
            {"Abdalla Hamdok", "Volker Perthes", "Mostafa Madbouly"},
        ),
        (  # signed for each side by its own people
            "BANGUI (AFP) - The Central African Republic and 14 armed groups signed a peace agreement in Bangui on "
            "Wednesday. The accord was signed for the government by Prime Minister Firmin Ngrebada and for the "
            "armed groups by Ali Darassa and Noureddine Adam.",
            {"Firmin Ngrebada", "Ali Darassa", "Noureddine Adam"},
        ),
        (  # the deal signed again under its name "X of Y"; witnesses who signed nothing named
            "WASHINGTON (AP) - Israel and Jordan signed a peace agreement at the White House on Monday. The "
            "Declaration of Peace was signed by Prime Minister Yitzhak Rabin and King Hussein. Warren Christopher "
            "and Andrei Kozyrev signed as witnesses.",
            {"Yitzhak Rabin", "Warren Christopher", "Andrei Kozyrev"},
        ),
        (  # who signed for whom, the second signer's verb left out; witnesses "together with" another
            "MAPUTO (AP) - Mozambique's government and the opposition signed a peace accord in Maputo on Tuesday. "
            "Defence Minister Atanasio Mtumuke signed for the government and Ossufo Momade for Renamo. President "
            "Cyril Ramaphosa signed as a witness, together with Rwandan President Paul Kagame.",
            {"Atanasio Mtumuke", "Ossufo Momade", "Renamo", "Cyril Ramaphosa", "Paul Kagame"},
        ),
        (  # "who signed for" a country; "signed as president of" a body; "also attended"
            "GENEVA (AP) - Somalia and the warring factions, including Al-Shabaab, signed a peace settlement in "
            "Geneva on Friday. Swiss Foreign Minister Ignazio Cassis, who signed for Switzerland, called it a new "
            "start. Prince Sisowath Ranariddh signed as president of the Transitional Council. UN Secretary-General "
            "Antonio Guterres also attended.",
            {"Ignazio Cassis", "Switzerland", "Sisowath Ranariddh", "Transitional Council", "Antonio Guterres"},
        ),
        (  # four sentences on
            "JUBA (AFP) - Sudan's government and the SPLM-North signed a peace accord in Juba on Saturday. The "
            "accord was signed at the presidential palace. Prime Minister Abdalla Hamdok signed for the "
            "government. The ceremony lasted two hours. UN envoy Volker Perthes also attended.",
            {"Abdalla Hamdok", "Volker Perthes"},
        ),
    ],
)
def test_the_sentences_after_a_signing_that_tell_its_ceremony_bring_who_was_there(text, people):
    x = run(text)
    m = only(x.meetings)
    assert m.category == "signing" and m.status == "Occurred" and m.date is not None
    assert people <= names(x, m.participants)
    assert len(m.evidence) >= 2  # the sentences that name them are its sources too


@pytest.mark.parametrize(
    "text",
    [
        (  # another signing, dated
            "MANILA (AFP) - The Philippine government and the Moro Islamic Liberation Front signed a peace "
            "agreement in Manila on Thursday. The two sides signed a framework agreement, brokered by Malaysian "
            "Prime Minister Najib Razak, in Kuala Lumpur in October 2012."
        ),
        (  # the story moved on to another meeting
            "WASHINGTON (AP) - Congo and Rwanda signed a peace agreement in Washington on Friday. The two "
            "ministers were later received by President Donald Trump at the White House. French President "
            "Emmanuel Macron looked on as Trump spoke."
        ),
        (  # a deal signed in passing
            "DOHA (AP) - The United States and the Taliban signed an agreement in Doha on Saturday. It replaces a "
            "deal signed by Hamid Karzai and Gulbuddin Hekmatyar years ago."
        ),
        (  # who did not attend; who signed for someone another time
            "DOHA (AP) - The United States and the Taliban signed an agreement in Doha on Saturday. Afghan "
            "President Ashraf Ghani did not attend. Hamid Karzai signed for Afghanistan in Bonn in 2001."
        ),
    ],
)
def test_a_sentence_that_tells_another_signing_or_event_brings_no_one_to_the_ceremony(text):
    x = run(text)
    m = next(m for m in x.meetings if m.category == "signing")
    assert len(m.participants) == 2 and len(m.evidence) == 1


def test_a_signing_at_a_session_of_a_conference_is_the_conference_and_its_chairs_take_part():
    x = run(
        "GENEVA (AP) - Somalia and the warring factions, including Al-Shabaab, signed a peace agreement on "
        "Friday. The accord was signed at the Intercontinental Hotel at the closing session of the Geneva "
        "Conference on Somalia, co-chaired by Norwegian Foreign Minister Jonas Gahr Store and Kenyan Foreign "
        "Minister Musalia Mudavadi."
    )
    m = only(x.meetings)
    assert m.category == "signing" and m.place == "intercontinental hotel" and len(m.evidence) == 2
    assert {"Jonas Gahr Store", "Musalia Mudavadi"} <= names(x, m.participants)


def test_a_host_of_the_ceremony_is_at_the_signing_not_at_a_meeting_of_their_own():
    x = run(
        "NAIROBI (AP) - Sudan's government and the rebels signed a peace agreement in Nairobi on Sunday. "
        "President Mwai Kibaki, who hosted the ceremony, and Ugandan President Yoweri Museveni signed as "
        "witnesses."
    )
    m = only(x.meetings)
    assert m.category == "signing" and {"Mwai Kibaki", "Yoweri Museveni"} <= names(x, m.participants)


@pytest.mark.parametrize(
    "text",
    [
        (  # the gathering told before
            "TASHKENT (AP) - Foreign ministers from 20 countries attended a conference on Afghanistan in Tashkent "
            "on Tuesday. Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov on the "
            "sidelines."
        ),
        (  # the gathering named
            "ANKARA (AP) - Leaders gathered for a NATO summit in Vilnius on Tuesday. Turkish President Recep Tayyip "
            "Erdogan held talks with Swedish Prime Minister Ulf Kristersson on the sidelines of the summit."
        ),
    ],
)
def test_a_meeting_on_the_sidelines_is_where_and_when_the_gathering_is(text):
    gathering, beside = run(text).meetings
    assert beside.place == gathering.place and beside.date == gathering.date
    assert (beside.place, beside.date.iso) in (("tashkent", "2024-03-12"), ("vilnius", "2024-03-12"))


def test_a_meeting_on_the_sidelines_is_not_where_a_gathering_only_planned_will_be():
    x = run(
        "ANKARA (AP) - A conference on Afghanistan is planned in Istanbul next month. Wang Yi met Sergei Lavrov "
        "on the sidelines on Tuesday."
    )
    held = next(m for m in x.meetings if m.status == "Occurred")
    assert held.place is None and held.date.iso == "2024-03-12"


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # a relative clause on the head, and an apposition naming the side by its capital
            "ANKARA (AP) - Armenian and Azerbaijani delegations met in Ankara on Tuesday for their first talks in "
            "a year. Deputy Prime Minister Mher Grigoryan, who led the Armenian side, called them useful. "
            "Shahin Mustafayev, head of Baku's delegation, said the sides would meet again.",
            {"Mher Grigoryan", "Shahin Mustafayev"},
        ),
        (  # a passive, and the title before the name
            "NAIROBI (Reuters) - Somalia and Somaliland resumed talks in Djibouti on Monday. The Somali delegation "
            "was led by Prime Minister Hassan Ali Khaire. The head of the Somaliland delegation, Foreign Minister "
            "Yasin Hagi Mohamoud, told reporters the talks were cordial.",
            {"Hassan Ali Khaire", "Yasin Hagi Mohamoud"},
        ),
    ],
    ids=["relative-clause-apposition", "passive-title"],
)
def test_who_led_a_side_at_talks_told_after_them_takes_part(text, people):
    x = run(text)
    m = next(m for m in x.meetings if m.status == "Occurred")
    assert people <= names(x, m.participants)
    assert len(m.evidence) == 3  # the sentences that say who led are its sources too


@pytest.mark.parametrize(
    "text",
    [
        (  # a plan
            "SEOUL (AP) - Donald Trump and Kim Jong Un met at the border on Sunday. Trump said Stephen Biegun "
            "would lead the American side in the working-level talks."
        ),
        (  # a standing role
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. Zalmay Khalilzad, who has led the US "
            "side since last year, said progress had been made."
        ),
        (  # a side that is not at the talks
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. The Afghan government's delegation, "
            "led by Abdullah Abdullah, was not invited."
        ),
        (  # denied
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. Zalmay Khalilzad did not lead the US "
            "delegation himself."
        ),
        (  # a former role
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. Zalmay Khalilzad, a former head of the "
            "US delegation, criticised the talks."
        ),
        (  # another body
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. Zalmay Khalilzad, head of the US "
            "delegation to the United Nations, welcomed the talks."
        ),
        (  # another place
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. Zalmay Khalilzad, who led the US side "
            "in Islamabad, welcomed the talks."
        ),
        (  # a plan told by the clause the leader hangs from
            "DOHA (AP) - US and Taliban negotiators met in Doha on Sunday. A US delegation led by Zalmay "
            "Khalilzad will travel to Kabul next week."
        ),
    ],
    ids=["plan", "standing-role", "another-side", "denied", "former", "another-body", "another-place", "plan-acl"],
)
def test_who_leads_a_side_only_in_plan_in_general_or_elsewhere_does_not_take_part(text):
    x = run(text)
    m = next(m for m in x.meetings if m.status == "Occurred")
    assert not names(x, m.participants) & {"Stephen Biegun", "Zalmay Khalilzad", "Abdullah Abdullah"}


_LISTED = {"Nicos Anastasiades", "Mustafa Akinci", "Greece", "Turkey"}


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (  # a relative clause in the list says who they are
            "GENEVA (AP) - Talks on Cyprus opened in Geneva on Monday. Taking part were Nikos Anastasiades, "
            "Mustafa Akinci and representatives of Greece and Turkey, which guarantee the island's security.",
            _LISTED,
        ),
        (
            "GENEVA (AP) - Talks on Cyprus opened in Geneva on Monday. Also attending were Nikos Anastasiades, "
            "Mustafa Akinci and representatives of Greece and Turkey.",
            _LISTED,
        ),
        (  # the list stops at who did not take part
            "GENEVA (AP) - Talks on Cyprus opened in Geneva on Monday. Taking part were Nicos Anastasiades and "
            "Ersin Tatar, but not the European Union.",
            {"Nicos Anastasiades", "Ersin Tatar"},
        ),
    ],
    ids=["taking-part-were", "also-attending-were", "but-not"],
)
def test_a_list_of_who_took_part_told_after_a_meeting_is_its_participants(text, people):
    m, found = the_meeting(text)
    assert found == people and len(m.evidence) == 2


def test_a_list_of_who_took_part_does_not_join_a_meeting_only_planned():
    x = run(
        "GENEVA (AP) - Talks on Cyprus will open in Geneva next week. Attending were Nikos Anastasiades and "
        "Mustafa Akinci, at a dinner in Nicosia on Monday."
    )
    assert "Planned" not in [m.status for m in x.meetings if "nicos anastasiades" in m.participants]
    assert any(m.status == "Planned" for m in x.meetings)


def test_a_meeting_told_as_its_clause_dates_the_clause_it_is_when_of():
    x = run(
        "The current round of contacts began last month, when a delegation led by General Faiz Hameed met TTP "
        "leaders in Kabul."
    )
    m = only(x.meetings)
    assert (m.date.iso, m.place) == ("2024-02", "kabul")


def test_he_who_stopped_on_the_way_home_to_meet_someone_is_the_subject_told_before():
    text = (
        "U.S. Secretary of State Mike Pompeo flew to Kabul on March 23 for talks with Ghani and Abdullah. On his "
        "way home he stopped in Doha to meet the Taliban's deputy leader, Mullah Abdul Ghani Baradar."
    )
    x = run(text, published=date(2020, 3, 24))
    stop = only(tuple(m for m in x.meetings if m.place == "doha"))
    assert {"Mike Pompeo", "Abdul Ghani Baradar"} <= names(x, stop.participants)
    assert "Abdullah" not in " ".join(names(x, stop.participants))


def test_who_sends_observers_to_the_talks_is_no_side_of_them():
    x = run(
        "The government and the rebels opened negotiations in Arusha in July. Diplomats from Belgium and France, "
        "which sent observers to the negotiations, also attended. The two sides met again in Dar es Salaam "
        "in March."
    )
    for m in x.meetings:
        assert not {"Belgium", "France"} & names(x, m.participants), m.label


def test_a_meeting_that_would_be_held_on_a_day_after_the_story_is_dated_that_year():
    x = run(
        "In a statement issued on behalf of both sides, the ministry said all parties had agreed to the "
        "continuation of the truce, and that the details would be decided at a principals' meeting in Istanbul "
        "on November 6.",
        published=date(2025, 10, 31),
    )
    assert only(x.meetings).date.iso == "2025-11-06"


@pytest.mark.parametrize(
    ("text", "status", "people"),
    [
        (
            "Kenya and Somalia signed a border accord in Addis Ababa on Tuesday. The two presidents signed the "
            "text in the presence of Ethiopian Prime Minister Abiy Ahmed and AU Commission chairman Moussa Faki.",
            "Occurred",
            {"Abiy Ahmed", "Moussa Faki"},
        ),
        (
            "President William Ruto of Kenya and President Hassan Sheikh Mohamud of Somalia signed a border "
            "accord in Addis Ababa on Tuesday. Officials denied that the pair had met privately on Monday evening.",
            "Denied",
            {"William Ruto", "Hassan Sheikh Mohamud"},
        ),
    ],
    ids=["signed-in-the-presence-of", "the-pair-denied-meeting"],
)
def test_who_a_signing_story_puts_at_its_meetings(text, status, people):
    x = run(text)
    meeting = only(tuple(m for m in x.meetings if m.status == status))
    assert people <= names(x, meeting.participants)


def test_that_visit_is_not_one_where_it_drew_criticism():
    x = run(
        "Last month a Taliban delegation led by Abdul Ghani Baradar held talks with Foreign Minister Shah "
        "Mahmood Qureshi in Islamabad. That visit drew criticism in Kabul."
    )
    assert all(m.place != "kabul" for m in x.meetings), [(m.category, m.place) for m in x.meetings]


def test_talks_expected_to_be_held_are_planned():
    x = run(
        "A jirga on Sunday removed the last obstacle to direct peace negotiations between the government and "
        "the Taliban. The negotiations are expected to be held in Doha, the capital of Qatar."
    )
    assert next(m for m in x.meetings if m.category == "negotiations").status == "Planned"


def test_talks_with_one_and_separately_with_another_are_two_meetings():
    x = run(
        "On Monday, Lavrov held talks in Ankara with Foreign Minister Hakan Fidan and, separately, with "
        "Ibrahim Kalin, the head of Turkish intelligence."
    )
    met = sorted(sorted(names(x, m.participants)) for m in x.meetings)
    assert met == [["Hakan Fidan", "Sergei Lavrov"], ["Ibrahim Kalin", "Sergei Lavrov"]], met
    assert {m.date.iso for m in x.meetings} == {"2024-03-11"}


def test_talks_dated_by_when_they_broke_down():
    x = run(
        "It was the first contact between the two camps since talks between army envoys and the rebels in "
        "Darfur broke down at the end of October."
    )
    talks = next(m for m in x.meetings if m.category == "talks")
    assert (talks.date.iso, talks.status) == ("2023-10", "Occurred")


def test_a_meeting_a_year_ago_this_month_is_not_the_one_of_this_week():
    x = run(
        "On Tuesday, Prime Minister Mohammed Shia al-Sudani held talks with Iranian officials in Tehran. "
        "A year ago this month, Sudani was received in Riyadh by Crown Prince Mohammed bin Salman."
    )
    assert sorted(m.date.iso for m in x.meetings) == ["2023-03", "2024-03-12"], [m.label for m in x.meetings]


def test_a_report_by_a_named_channel_that_they_met_is_denied_when_dismissed():
    # the parser hangs the "that" clause from "channel", not from "report"
    x = run(
        "Prime Minister Mohammed Shia al-Sudani visited Tehran on Monday. Iraqi officials dismissed a report by "
        "the London-based channel Iran International that Sudani had met Esmail Qaani during the visit."
    )
    qaani = next(m for m in x.meetings if "Esmail Qaani" in names(x, m.participants))
    assert qaani.status == "Denied"


def test_the_ministers_of_a_countrys_neighbours_are_not_that_country():
    m, people = the_meeting(
        "In November, Lavrov hosted the foreign ministers of Afghanistan's neighbours and China in Kazan."
    )
    assert "Afghanistan" not in people and "China" in people
    assert m.place == "kazan"


def test_an_acronym_given_in_brackets_names_the_group_where_the_tagger_missed_it():
    x = run(
        "Liberians United for Reconciliation and Democracy (LURD) accepted the plan on Monday. Talks between the "
        "government and the LURD in the Ghanaian capital Accra opened on June 4 but broke down in July."
    )
    talks = only(x.meetings)
    assert names(x, talks.participants) == {"Liberians United for Reconciliation and Democracy"}
    assert talks.place == "accra"


def test_who_co_chairs_the_talks_and_whom_they_bring_together_take_part():
    _, people = the_meeting(
        "The talks are co-chaired by Norwegian Foreign Minister Espen Barth Eide and Cuban diplomat Carlos "
        "Fernandez de Cossio, and bring together about forty delegates, among them Colombia's Otty Patino."
    )
    assert {"Espen Barth Eide", "Carlos Fernandez de Cossio"} <= people
    assert any(p.startswith("Otty Pati") for p in people), people


def test_the_summit_a_quotation_later_is_the_summit_told_before():
    x = run(
        "President Yoweri Museveni announced the deal at a summit on Sudan that opened on Saturday in Addis "
        "Ababa.\n\n"
        '"We came here to make peace," Museveni told reporters.\n\n'
        "The summit is co-chaired by Kenyan President William Ruto and brings together a dozen heads of state, "
        "among them Djibouti's Ismail Omar Guelleh."
    )
    summit = next(m for m in x.meetings if m.category == "summit")
    assert {"Yoweri Museveni", "William Ruto", "Ismail Omar Guelleh"} <= names(x, summit.participants)


def test_the_french_leader_is_the_french_president_named_before():
    x = run(
        "French President Emmanuel Macron received Volodymyr Zelensky at the Elysee on Friday. Earlier, the "
        "French leader had met Olaf Scholz."
    )
    scholz = next(m for m in x.meetings if "Olaf Scholz" in names(x, m.participants))
    assert "Emmanuel Macron" in names(x, scholz.participants)


@pytest.mark.parametrize(
    ("text", "meets"),
    [
        ("President Uhuru Kenyatta spent the evening with Abiy Ahmed at the National Palace.", True),
        ("President Uhuru Kenyatta spent two days in Addis Ababa.", False),
    ],
    ids=["spent-with", "spent-in"],
)
def test_spending_time_with_someone_is_a_meeting(text, meets):
    assert bool(run(text).meetings) is meets


def test_a_denied_meeting_of_two_is_not_the_talks_around_it():
    x = run(
        "The talks, chaired by Egyptian Foreign Minister Sameh Shoukry, came close to collapse on Monday over "
        "the border map. A Fatah official denied reports that Mahmoud Abbas and Ismail Haniyeh had met alone "
        "that night."
    )
    denied = next(m for m in x.meetings if m.status == "Denied")
    assert {"Mahmoud Abbas", "Ismail Haniyeh"} <= names(x, denied.participants)
    assert [e.trigger for e in denied.evidence] == ["met"]  # "the talks" are not that meeting


@pytest.mark.parametrize(
    "text",
    [
        "Turkey has offered to host talks between Russia and Ukraine in Istanbul.",
        "Ghani offered the Taliban peace talks in Kabul without preconditions.",
    ],
    ids=["offered-to-host", "offered-talks"],
)
def test_talks_offered_are_planned(text):
    m, _ = the_meeting(text)
    assert m.status == "Planned"


def _meetings_with(x, label: str) -> list[set[str]]:
    return [names(x, m.participants) for m in x.meetings if label in names(x, m.participants)]


def test_met_two_people_separately_is_two_meetings():
    x = run(
        "A Houthi delegation led by Mohammed Abdulsalam spent three days in Muscat for talks. A spokesman said "
        "Abdulsalam had met Badr Albusaidi and Sayyid Shihab separately."
    )
    met = [p for p in _meetings_with(x, "Mohammed Abdulsalam") if p & {"Badr Albusaidi", "Sayyid Shihab"}]
    assert len(met) == 2 and not any({"Badr Albusaidi", "Sayyid Shihab"} <= p for p in met), met


def test_met_each_delegation_is_a_meeting_with_each_side():
    x = run(
        "Sweden hosted talks between the Yemeni government and the Houthis in Rimbo. Diplomats said Foreign "
        "Minister Margot Wallstrom had met each delegation before the opening session."
    )
    met = _meetings_with(x, "Margot Wallstrom")
    assert {"Yemen", "Houthis"} <= {k for p in met for k in p} and len(met) == 2, met


def test_a_stay_for_talks_is_dated_by_the_stay_and_an_earlier_conference_stays_apart():
    x = run(
        "An Eritrean delegation spent five days in Riyadh last week for talks with Saudi officials. Saudi Arabia "
        "has sought a mediating role since February, when King Salman and President Isaias Afwerki met at a "
        "regional conference in Jeddah.",
        published=date(2024, 5, 1),
    )
    talks = next(m for m in x.meetings if m.category == "talks")
    conference = next(m for m in x.meetings if m.category == "conference")
    assert talks.date is not None and talks.date.iso == "2024-04" and talks.place == "riyadh"
    assert conference.date is not None and conference.date.iso == "2024-02" and conference.place == "jeddah"


def test_arranging_for_envoys_to_meet_someone_denied_is_their_denied_meeting():
    x = run(
        "A Houthi delegation arrived in Muscat on Monday. An Omani diplomat denied reports that Albusaidi had "
        "arranged for the envoys to meet members of the Presidential Leadership Council in Muscat."
    )
    denied = next(m for m in x.meetings if m.status == "Denied")
    assert names(x, denied.participants) == {"Houthis", "Presidential Leadership Council"}


def test_the_first_envoy_to_visit_a_city_visited_it():
    m, who = the_meeting("In March, Grundberg became the first UN envoy to visit Sanaa since the truce.")
    assert m.status == "Occurred" and "Hans Grundberg" in who


def test_who_represented_each_country_took_part():
    _, who = the_meeting(
        "Envoys from the United States, China and Russia met in Geneva on Monday. Washington was represented by "
        "its special envoy, Tom Perriello, and Moscow by Mikhail Bogdanov, the deputy foreign minister."
    )
    assert {"Tom Perriello", "Mikhail Bogdanov"} <= who


def test_expected_somewhere_for_talks_is_planned():
    m, _ = the_meeting(
        "The group's chief negotiator, Mohammed Abdulsalam, is expected in Riyadh next week for talks with his "
        "Saudi counterparts."
    )
    assert m.status == "Planned"


def test_here_is_the_dateline_city():
    x = run("JUBA, March 3 (AFP) - The government and the SPLM-IO signed a ceasefire here on Sunday.")
    assert only(x.agreements).place == "juba"


def test_a_list_of_titled_names_after_met_all_took_part():
    _, who = the_meeting(
        "In Newport on Thursday, Kagame met US President Barack Obama, German Chancellor Angela Merkel, British "
        "Prime Minister David Cameron and French President Francois Hollande."
    )
    assert {"Barack Obama", "Angela Merkel", "David Cameron", "Francois Hollande"} <= who


def test_first_met_is_not_their_second_meeting():
    x = run(
        "Mbeki first met Garang in mid-January. At their second meeting, in Kasane on January 20, the two men "
        "agreed to exchange prisoners."
    )
    assert len(x.meetings) == 2


def test_a_date_hung_from_the_village_dates_the_meeting():
    x = run(
        "Kabila and Kagame met in Goma in April. At their third meeting, in the village of Tumba on May 4, the two "
        "leaders signed a ceasefire."
    )
    assert "2023-05-04" in {m.date.iso for m in x.meetings if m.date}


def test_this_town_is_the_dateline_city():
    x = run(
        "NAIVASHA, Kenya, March 14 (AP) - Joseph Lagu and Gaafar Nimeiri signed a truce in this lakeside town "
        "on Thursday."
    )
    assert only(x.agreements).place == "naivasha"


def test_here_on_the_clause_of_the_deal_is_the_dateline_city():
    x = run(
        "OSLO, March 14 (Reuters) - Carlos Mendez and Hugo Salas initialed an agreement to end the conflict here "
        "Wednesday."
    )
    deal = only(x.agreements)
    assert deal.place == "oslo" and deal.date.iso == "2024-03-13"


def test_they_who_met_are_the_one_who_handed_something_and_whom_to():
    x = run(
        "TEHRAN (AP) - Talks resumed on Monday. Foreign Minister Abbas Araghchi handed Rafael Grossi a list of "
        "demands when they met in Vienna last Friday."
    )
    met = next(m for m in x.meetings if m.place == "vienna")
    assert names(x, met.participants) == {"Abbas Araghchi", "Rafael Grossi"} and met.date.iso == "2024-03-08"


def test_a_group_listed_with_its_members_has_them_take_part():
    _, who = the_meeting(
        "The Middle East Quartet - the United States, the European Union, Russia and the United Nations - met in "
        "Moscow on Tuesday."
    )
    assert {"Middle East Quartet", "United States", "European Union", "Russia", "United Nations"} == who


def test_the_words_of_a_name_are_no_members_of_it():
    _, who = the_meeting("Ministers of the Economic Community of West African States met in Abuja on Monday.")
    assert who == {"Economic Community of West African States"}


def test_who_attended_a_gathering_the_parser_hung_the_clause_off_took_part():
    m, who = the_meeting(
        "The roadmap was drawn up at a summit on Sudan in Addis Ababa in May, attended by the presidents of "
        "Kenya, Uganda and Ethiopia."
    )
    assert who == {"Kenya", "Uganda", "Ethiopia"} and m.place == "addis ababa"


def test_who_brought_them_together_when_they_met_took_part_in_that_meeting():
    m, who = the_meeting(
        "Ruto and Odinga first met on March 2, when Uhuru Kenyatta brought them together at State House."
    )
    assert who == {"William Ruto", "Raila Odinga", "Uhuru Kenyatta"} and m.place == "state house"


def test_a_call_on_saturday_with_someone_was_with_them():
    _, who = the_meeting(
        "Prime Minister Narendra Modi settled the matter in a phone call on Saturday with the Crown Prince of Abu "
        "Dhabi, Sheikh Mohamed bin Zayed, who promised support."
    )
    assert who == {"Narendra Modi", "Mohamed bin Zayed"}


def test_the_host_of_a_ceremony_and_its_guests_are_not_the_two_sides():
    x = run(
        "DAR ES SALAAM: The Burundian Government and the National Council for the Defence of Democracy (CNDD) "
        "yesterday signed a ceasefire agreement here, after more than a year of talks facilitated by Tanzania.\n\n"
        "The agreement was signed by President Pierre Buyoya and the CNDD leader, Jean-Bosco Ndayikengurukiye, in "
        "the presence of President Benjamin Mkapa, who hosted the ceremony, President Yoweri Museveni of Uganda, "
        "President Paul Kagame of Rwanda and the Secretary-General of the Organisation of African Unity, Dr Salim "
        "Ahmed Salim.\n\nUnder the accord, the two armies are to be merged.\n\n"
        "The two sides first met in Arusha in June."
    )
    first = next(m for m in x.meetings if m.place == "arusha")
    assert names(x, first.participants) == {"Burundi", "National Council for the Defence of Democracy"}


@pytest.mark.parametrize(
    ("text", "visitor", "country"),
    [
        (
            "Officials said President Ruto had accepted an invitation to visit Ethiopia, but no date has been set.",
            "William Ruto",
            "Ethiopia",
        ),
        ("Officials said Abiy had sent Ruto an invitation to visit Addis Ababa.", "William Ruto", "Ethiopia"),
        (
            "Officials said they had passed on an invitation from President Emmanuel Macron for Chancellor Olaf "
            "Scholz to visit Paris.",
            "Olaf Scholz",
            "France",
        ),
    ],
)
def test_who_is_invited_to_visit_is_the_visitor(text, visitor, country):
    m, who = the_meeting(text)
    assert who == {visitor, country} and m.status == "Planned"


def test_a_person_who_hosts_talks_takes_part():
    _, who = the_meeting(
        "The ceasefire was agreed in Moscow after ten hours of talks between the Armenian and Azerbaijani foreign "
        "ministers hosted by Russian Foreign Minister Sergei Lavrov."
    )
    assert who == {"Armenia", "Azerbaijan", "Sergei Lavrov"}


def test_the_host_of_the_talks_told_after_them_joins_them():
    x = run("Serbia and Kosovo held talks in Brussels on Monday. Josep Borrell hosted the talks.")
    assert names(x, only(x.meetings).participants) == {"Serbia", "Kosovo", "Josep Borrell"}


def test_who_brought_a_summit_to_a_close_took_part_in_it():
    x = run("Kiir and Machar signed the accord in Entebbe on Sunday, bringing a close to a two-day summit.")
    summit = only(x.meetings)
    assert summit.label.startswith("summit") and names(x, summit.participants) == {"Salva Kiir", "Riek Machar"}
