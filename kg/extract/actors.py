"""Actors: the people, organisations and countries an article names, one per real entity.

Entities come from spaCy's NER merged with the lexicon (see :mod:`kg.nlp.components`). Each is
cleaned (titles, a leading "the", a possessive 's), filtered (news outlets, languages, holidays,
boilerplate and caption lines, lower-case descriptions, numbers) and resolved: a dictionary
actor keeps its canonical name; a surname joins the full name seen in the article; an acronym
joins its expansion; a capital that speaks or decides ("Washington said") is its country; a
demonym governing an official noun ("the Afghan government") is its country.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
from spacy.attrs import ENT_IOB, LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.layout import Layout, Sentence
from kg.extract.persons import dictionary_surname, merge_person_names, person_context, role_words
from kg.extract.syntax import tokens_in
from kg.extract.table import ActorTable
from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import LexActor, Lexicon, lexicon, norm, words

_DIGIT = re.compile(r"\d")
_LEADING = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
# words that make an ORG entity an organisation even when it looks like a person's name
_ORG_WORDS = words(
    "council ministry party front army forces force group movement agency department office "
    "committee organization organisation union court commission bank fund institute university "
    "news radio tv times post network brigades brigade corps authority alliance coalition "
    "league association assembly parliament government administration embassy mission service "
    "services police navy command center centre foundation press media emirate state republic "
    "congress senate house cabinet jirga taliban academy school company secretariat board "
    "directorate program programme initiative forum observatory"
)
# Arabic words that open the names of armed groups and parties ("Jaish al-Islam", "Hizb ut-Tahrir"):
# a name starting with one is a body's even when tagged a person's
_ARABIC_BODIES = words("jaish jabhat harakat hizb hezb ahrar kataib liwa jamaat jamiat tanzim")
_LOCATIVE = words("at near outside inside")
_FACTIONS = words("faction factions wing wings camp")
# words of a generic body's name ("Foreign Ministry") that need its country to name one body
_BODY_WORDS = words(
    "foreign interior defense defence justice finance information health security intelligence "
    "general armed national presidential military affairs of"
)
# an entity ending in one of these is a building or venue, not a body ("Colon Theater")
_VENUES = words(
    "theater theatre palace hotel stadium airport square hall plaza residence castle compound room ballroom "
    "guesthouse villa"
)
# the last word of a venue's own name ("Castle Buildings", "Bagram Air Base"), and the words that
# make a centre a venue ("the Birendra International Convention Centre"), not a body ("the Carter
# Center"); a house or buildings may also be a body or the seat that speaks ("Chatham House", "State
# House said"): a venue only where something happens at it ("on the steps of Harambee House")
VENUE_ENDS = _VENUES | words("house buildings base")
_SEATS = words("house buildings office")  # "in the Oval Office"; not "the Foreign Office" (see is_venue)
_CENTRES, _VENUE_CENTRES = words("centre center"), words("convention conference congress exhibition press")
_AT = words("at in inside outside near")
PARTS_OF_SITES = words("steps grounds gates gate lawn lawns courtyard premises")


def is_venue(span: Span) -> bool:
    """Whether a name not in the dictionary names a building or a site by its last words."""
    last = span[-1].lower_
    if last == "office" and any(t.lower_ in _BODY_WORDS for t in span):
        return False  # "in the Foreign Office" names the ministry
    if last in _SEATS:
        root = span.root
        if root.dep_ == "compound" and root.head.i == span.end and root.head.lower_ in _event_nouns():
            return True  # "the Blair House talks" were held there
        head = root.head if root.dep_ == "pobj" else None
        return head is not None and (head.lower_ in _AT or (head.lower_ == "of" and head.head.lower_ in PARTS_OF_SITES))
    return last in VENUE_ENDS or (last in _CENTRES and len(span) > 1 and span[-2].lower_ in _VENUE_CENTRES)


def is_seat_venue(span: Span) -> bool:
    """Whether a body named after its building ("the White House", "the Kremlin") stands for the
    building: something happens at or in it ("at the White House", "inside the Kremlin") or at a
    part of its site ("on the White House lawn")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _AT:
        return True
    return root.dep_ in ("compound", "poss") and root.head.lower_ in PARTS_OF_SITES


# an entity not tagged as a person ending in one of these is a work or a water ("the Grand
# Ethiopian Renaissance Dam"); a person may be named so ("Anthony Lake")
_WORKS = words("dam river lake canal bridge pipeline reservoir")
# and one ending in one of these is land ("the Chittagong Hill Tracts", "the Golan Heights")
_LANDFORMS = words("hills tracts heights highlands mountains islands peninsula plateau delta valley desert coast")
_LANGUAGE_LIKE = {"dari", "pashto", "farsi", "urdu", "arabic", "english", "persian"}
# a name followed by one of these is a place ("Helmand province")
_PLACE_NOUNS = words(
    "province provinces city region district districts county valley governorate oblast state "
    "capital village town airport border"
)
_PLACE_APPOSITIONS = _PLACE_NOUNS | words("headquarters base stronghold hometown birthplace")
_DISPLACEMENT = words("displacement refugee refugees idp displaced")
_PLACE_OR_VENUE = _PLACE_NOUNS | _VENUES


def named_spans(layout: Layout) -> list[tuple[Span, Span, Sentence]]:
    """(entity, its cleaned span, its sentence) for the entities of usable sentences, empty spans
    aside; worked out once per layout."""
    if layout.named is None:
        layout.named = []
        for ent in layout.ents:
            sent = layout.of(ent.start)
            if sent is not None and sent.usable:
                span = clean_span(ent)
                if len(span):
                    layout.named.append((ent, span, sent))
    return layout.named


def clean_span(span: Span) -> Span:
    """The entity without a leading article, a trailing possessive or punctuation; a person's name
    without the verb a title-case headline ran into it ("Leaving Pashinyan")."""
    tokens = list(span)
    first, last = 0, len(tokens)
    person = span.label_ == "PERSON"
    while first < last and (
        (t := tokens[first]).lower_ in _LEADING or t.is_punct or t.is_space or (person and t.tag_ == "VBG")
    ):
        first += 1
    while last > first and ((t := tokens[last - 1]).text in _POSSESSIVE or t.is_punct or t.is_space):
        last -= 1
    if person and (people := [k for k in range(first, last - 1) if _people_of_a_country(tokens[k])]):
        # "Minister for Overseas Pakistanis Sajid Hussain Turi": the name starts after the office,
        # and runs on through the proper nouns the tagger left out
        first, end = people[-1] + 1, span.start + last
        doc = span.doc
        while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end].tag_ == "NNP" and doc[end].is_title:
            end += 1
        return doc[span.start + first : end]
    return span.doc[span.start + first : span.start + last]


def _people_of_a_country(t: Token) -> bool:
    """A plural demonym ("Pakistanis"), which no name has inside it."""
    return t.text.endswith("s") and gazetteer().is_demonym(t.text)


def _surface(span: Span) -> str:
    """The entity with the names glued to it by '/' ("RFE/RL" when the entity is "RL")."""
    doc, start, end = span.doc, span.start, span.end

    def glued(i: int) -> bool:  # token i is a '/' or '-' with no space on either side
        return doc[i].text in ("/", "-") and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    while start > 1 and glued(start - 1):
        start -= 2
    while end + 1 < len(doc) and glued(end):
        end += 2
    return doc[start:end].text


def _junk(text: str) -> bool:
    lex = lexicon()
    return (
        not text
        or not text[0].isupper()
        or bool(_DIGIT.search(text))
        or lex.is_outlet(text)
        or lex.is_nonactor(text)
        or norm(text) in _LANGUAGE_LIKE
        or len(text) < 2
    )


def _only_titles(span: Span) -> bool:
    """A "name" made of titles alone: "Datuk Seri" tagged apart from "Ahmad Zamzamin Hashim"."""
    words = role_words()
    return all(t.lower_ in words for t in span)


def _not_a_name(doc: Doc, span: Span) -> bool:
    """A word the tagger took for a person that the text treats as a thing: "the shores of the
    Bosphorus" (one word after "the"), "the Zamzam displacement camp" (naming a place)."""
    if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" and span.root.dep_ != "compound":
        return True  # not "the Kiir government", "the Burhan camp"
    root = span.root
    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head
    if root.lower_ in ("camp", "camps"):
        return any(c.lower_ in _DISPLACEMENT for c in root.children)
    if any(c.dep_ == "appos" and c.lower_ in _PLACE_APPOSITIONS for c in span.root.children):
        return True  # "travel to Mulindi, the RPF headquarters"
    return root is not span.root and root.lower_ in _PLACE_OR_VENUE


def _journalist(doc: Doc, span: Span) -> bool:
    """A reporter, not an actor: "Al Jazeera's Hiba Morgan, reporting from Khartoum"."""
    after = doc[span.end : span.end + 3].text.lower()
    if after.startswith((", reporting", "reporting from", ", reports from")):
        return True
    i = span.start - 1
    if i > 0 and doc[i].text in ("'s", "’s"):
        j = i - 1
        while j > 0 and doc[j - 1].ent_iob_ == "I" and doc[j].ent_iob_ == "I":
            j -= 1
        start = j - 1 if doc[j].ent_iob_ == "I" and j > 0 else j
        return lexicon().is_outlet(doc[start:i].text)
    return False


def _person_in_disguise(doc: Doc, span: Span) -> bool:
    """A name the NER took for a place or body that reads as a person's: two to four capitalised
    words, no organisation word, after a title ("spokesman Janan Mosazai"), before "said", or
    naming whose a body or faction is ("the Justice and Equality Movement of Gibril Ibrahim")."""
    if not _looks_like_person(span):
        return False
    before = doc[span.start - 1] if span.start else None
    if before is not None and lexicon().role_of([before.text]):
        return True
    if span[0].tag_ == "NNP" and lexicon().role_of([span[0].text]):
        return True  # "Saudi Arabia's King Fahd", all of it tagged a place
    if _a_capitals_man(doc, span):
        return True
    if before is not None and before.lower_ == "of" and span.root.head == before:
        owner = before.head
        if owner.ent_type_ == "ORG" or owner.lower_ in _ORG_WORDS | _FACTIONS:
            return True
    head = span.root.head
    if (
        span.root.dep_ == "pobj"
        and head.dep_ == "agent"
        and head.head.lower_ in lexicon().word_list("leading_participles")
    ):
        return True  # "the Israeli team led by Elyakim Rubinstein"
    return span.root.dep_ == "nsubj" and head.lower_ in ("said", "says", "told", "added", "stated")


def _a_capitals_man(doc: Doc, span: Span) -> bool:
    """ "Henry Kissinger and Hanoi's Le Duc Tho": a name owned by a place and joined to a
    person's name is a person too, whatever the tagger took it for."""
    if span.start < 2 or doc[span.start - 1].text not in _POSSESSIVE or doc[span.start - 2].ent_type_ != "GPE":
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ in ("conj", "appos"):
        partners.append(root.head)
    return any(p.ent_type_ == "PERSON" for p in partners)


def _looks_like_person(span: Span) -> bool:
    words = [t for t in span if not t.is_punct]
    return (
        1 < len(words) <= 4
        and all(t.is_title or t.text[:1].isupper() for t in words)
        and not any(t.lower_ in _ORG_WORDS for t in words)
        and gazetteer().country(span.text) is None
    )


def _acting(token: Token) -> bool:
    """Whether a place name is the subject of a speech or decision verb ("Kabul rejected ...")."""
    speech = lexicon().word_list("speech_verbs")
    head = token
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ in speech:
        return True
    return head.dep_ == "poss" and head.head.lower_ in lexicon().word_list("government_nouns")


_CITY_NOT_NAME = 100_000
_CITY_HEADS = words("capital city town")


def _city_not_person(span: Span) -> bool:
    """Whether a name of several words tagged as a person is the large city of that name, where a
    place is expected: after "in", "at" and the like, or naming a capital, city or town ("Aceh's
    capital, Banda Aceh"). Elsewhere a person may share a city's name ("negotiator Juan Diaz")."""
    city, root = gazetteer().city(span.text), span.root
    return (
        city is not None
        and city.population >= _CITY_NOT_NAME
        and (
            (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE | {"in", "to", "from"})
            or (root.dep_ == "appos" and root.head.lower_ in _CITY_HEADS)
        )
    )


_MISTAKEN_LABELS = frozenset({"NORP", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW", "LANGUAGE"})
"""Entity labels the tagger gives an unfamiliar surname now and then: a single word that is the
surname of a person the article named before is that person ("Nyusi and Momade agreed")."""


def resolve_actors(doc: Doc, layout: Layout) -> ActorTable:
    """Every actor the usable sentences name (see the module docstring)."""
    table, gaz, lex = ActorTable(), gazetteer(), lexicon()
    persons: list[tuple[Span, str]] = []
    named = named_spans(layout)
    in_body = {norm(span.text) for _ent, span, sent in named if not sent.headline}
    body_words = {t.lower_ for ent, span, sent in named if not sent.headline and ent.label_ == "PERSON" for t in span}
    for ent, span, sent in named:
        text, kb = span.text, ent.kb_id_
        if not kb and (
            (span.end < len(doc) and doc[span.end].lower_ in _PLACE_OR_VENUE)  # "the Soria Moria hotel"
            or (span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _PLACE_NOUNS)
            or (gaz.region(text) and not (ent.label_ == "PERSON" and _surname(span, table, persons, True)))
            or is_venue(span)
            or (ent.label_ != "PERSON" and span[-1].lower_ in _WORKS)
            or (span[-1].lower_ in _LANDFORMS and not any(t.lower_ in _ORG_WORDS for t in span))
        ):
            continue  # a province, region or venue is a place
        where = {"tokens": (span.start, span.end), "sentence": sent.index}
        if kb.startswith("actor:"):
            known = lex.by_key[kb[6:]]
            if known.seat and is_seat_venue(span):
                continue  # "received them at the White House": the building, a place
            if _foreign_namesake(span, known):
                _organization(doc, span, table, persons, sent.index)
                continue
            key = table.add_known(known, alias=text, **where)
            if known.type == "Person":
                _person_extras(doc, span, key, table)
        elif kb.startswith("country:"):
            table.add_country(kb[8:], alias=text, **where)
        elif kb.startswith("demonym:"):
            _demonym(doc, span, kb[8:], table, sent.index)
        elif ent.label_ == "PERSON" and span[0].lower_ in _ARABIC_BODIES and len(span) > 1:
            _organization(doc, span, table, persons, sent.index)
        elif ent.label_ == "PERSON":
            if _junk(text) or _journalist(doc, span) or _not_a_name(doc, span) or _only_titles(span):
                continue
            if sent.headline and norm(text) not in in_body and span[-1].lower_ not in body_words:
                continue  # "Ghani, Abdullah Sign Power-Sharing Deal": no one the story names
            if gaz.country(text) is not None:
                table.add_known(gaz.country(text), alias=text, **where)
            elif (
                gaz.city(text) is None
                or (len(span) > 1 and not _city_not_person(span))
                or _surname(span, table, persons, True)  # "Clinton" after "President Bill Clinton"
            ):
                persons.append((span, sent.index))
        elif lexicon().is_outlet(_surface(span)):
            continue
        elif ent.label_ == "ORG":
            if sent.headline and norm(span.text) not in in_body:
                continue  # a title-case headline fools the tagger ("Istanbul Conference on Afghan Peace Postponed")
            _organization(doc, span, table, persons, sent.index)
        elif ent.label_ == "GPE":
            country = gaz.country(text) or gaz.country(text.title())
            if country is not None:
                table.add_known(country, alias=text, **where)
            elif gaz.capital_country(text) is not None and _acting(span.root):
                table.add_known(gaz.capital_country(text), alias=text, **where)
            elif gaz.city(text) is None and not gaz.region(text) and _person_in_disguise(doc, span):
                persons.append((span, sent.index))  # "Mohammad Naeem said", tagged GPE
            elif gaz.city(text) is None and not gaz.region(text) and _surname(span, table, persons):
                persons.append((span, sent.index))  # "spoke with Burhan", tagged GPE
        elif (
            ent.label_ in _MISTAKEN_LABELS
            and gaz.city(text) is None
            and not (span.root.dep_ in ("amod", "compound") and span.root.head.tag_ in ("NNS", "NNPS"))
            and _surname(span, table, persons, True)
        ):  # "Nyusi and Momade agreed", Momade tagged PRODUCT; not "Baloch separatists"
            persons.append((span, sent.index))
    persons += _untagged_conjoined_names(doc, layout, lex)
    for key, span, sentence, alias in merge_person_names(persons, table):
        role, affiliation, prefix = person_context(doc, span, table)
        table.add(key, alias, "Person", alias=alias, tokens=(span.start, span.end), sentence=sentence)
        _set_context(table, key, role, affiliation, prefix, span)
    _untagged_surnames(doc, layout, table)
    _leaders(doc, table)
    _acronyms(doc, layout.text, table)
    _untagged_acronyms(doc, layout, table)
    return table


def _untagged_conjoined_names(doc: Doc, layout: Layout, lex: Lexicon) -> list[tuple[Span, int]]:
    """A full name the tagger left out of every entity, conjoined with a person's name: a person
    too ("the leaders Alexander Zakharchenko and Igor Plotnitsky", Plotnitsky untagged). Only a
    given name and a surname, or three capitalised words, each unknown to the lexicon and the
    gazetteer."""
    found = []
    for t in doc:
        if t.tag_ != "NNP" or t.ent_iob_ != "O" or not t.is_title:
            continue
        partner = t.head if t.dep_ == "conj" else next((c for c in t.children if c.dep_ == "conj"), None)
        if partner is None or partner.ent_type_ != "PERSON" or partner.i == t.i:
            continue
        start = t.i
        while start > 0 and doc[start - 1].head.i == t.i and doc[start - 1].dep_ == "compound":
            start -= 1
        span = doc[start : t.i + 1]
        if not 2 <= len(span) <= 3 or any(
            w.tag_ != "NNP" or w.ent_iob_ != "O" or not w.is_title or not w.is_alpha for w in span
        ):
            continue
        gaz = gazetteer()
        if lex.actor(span.text) or gaz.country(span.text) or gaz.city(span.text) or gaz.region(span.text):
            continue
        if (start and doc[start - 1].lower_ in _LEADING) or any(w.lower_ in role_words() for w in span):
            continue  # "and the Defence Minister, Jagjivan Ram": a title
        sentence = layout.of(t.i)
        if sentence is not None and sentence.usable:
            found.append((span, sentence.index))
    return found


def _untagged_acronyms(doc: Doc, layout: Layout, table: ActorTable) -> None:
    """An acronym the text gives after an organisation's name ("the Patriotic Movement of Ivory
    Coast (MPCI)") names it wherever the tagger left it out of every entity ("talks between the
    government and the MPCI")."""
    introduced = _introduced_acronyms(doc, layout.text, table)
    if not introduced:
        return
    for t in doc:
        key = introduced.get(t.text)
        if key is None or t.ent_iob_ != "O" or table.key_at(t.i) or key not in table.actors:
            continue
        sentence = layout.of(t.i)
        if sentence is not None and sentence.usable:
            info = table.actors[key]
            table.add(key, info.label, info.type, alias=t.text, tokens=(t.i, t.i + 1), sentence=sentence.index)


def _untagged_surnames(doc: Doc, layout: Layout, table: ActorTable) -> None:
    """A proper noun the tagger left out of every entity that is the surname of one person named
    before it: that person ("An emergency meeting between Vucic and Kurti", Kurti untagged); in a
    headline, of one person the story names ("Lebed and Maskhadov sign accords", Lebed an
    adjective to the tagger)."""
    first: dict[str, list[tuple[int, str]]] = {}
    for info in table.actors.values():
        if info.type == "Person" and info.positions and " " in info.label:
            first.setdefault(info.label.split()[-1].lower(), []).append((min(info.positions), info.key))
    if not first:
        return
    lower = doc.to_array([LOWER, ENT_IOB])
    wanted = numpy.array([doc.vocab.strings[w] for w in first], dtype=lower.dtype)
    for i in numpy.flatnonzero(numpy.isin(lower[:, 0], wanted) & (lower[:, 1] == 2)):
        t = doc[int(i)]
        people = first[t.lower_]
        sentence = layout.of(t.i)
        if len(people) != 1 or table.key_at(t.i) or sentence is None:
            continue
        if sentence.headline:  # "Lebed and Maskhadov sign accords": the man the story names, tagged as anything
            if not t.is_title:
                continue
        elif t.tag_ != "NNP" or people[0][0] > t.i:
            continue
        if t.dep_ in ("amod", "compound") and t.head.tag_ in ("NNS", "NNPS"):
            continue  # "Baloch separatists" names a people, not Allah Nazar Baloch
        if sentence.usable:
            table.add(
                people[0][1], people[0][1], "Person", alias=t.text, tokens=(t.i, t.i + 1), sentence=sentence.index
            )


def _leaders(doc: Doc, table: ActorTable) -> None:
    """A group the text says a person leads is the side that person serves, whatever the
    dictionary says ("the Sudanese Armed Forces, led by Gen. Abdel Fattah al-Burhan")."""
    for verb in tokens_in(doc, lexicon().word_list("leading_participles")):
        if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.dep_ == "pobj":
            continue  # not "the mediation with the RSF, led by envoy Tom Perriello"
        group = table.get(table.key_at(verb.head.i) or "")
        if group is None or group.type != "Organization":
            continue
        for agent in verb.children:
            if agent.dep_ != "agent":
                continue
            for obj in (o for c in agent.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)):
                person = table.get(table.key_at(obj.i) or "")
                serving = table.get(person.affiliation or "") if person is not None else None
                if (
                    person is not None
                    and person.type == "Person"
                    and not (person.role or "").startswith("former ")
                    and (serving is None or serving.type == "Country")  # a group is more specific
                ):
                    person.affiliation = group.key


def _person_extras(doc: Doc, span: Span, key: str, table: ActorTable) -> None:
    role, affiliation, prefix = person_context(doc, span, table)
    _set_context(table, key, role, affiliation, prefix, span)


def _set_context(
    table: ActorTable, key: str, role: str | None, affiliation: str | None, prefix: Span | None, span: Span
) -> None:
    info = table.get(key)
    if info is None:
        return
    if role and not info.stated_role:
        info.role, info.stated_role = role, True
        if role.startswith("former "):
            info.affiliation = None  # the dictionary's affiliation is the office they held
    if affiliation and affiliation != key:
        info.affiliation = affiliation
    if prefix is not None:
        info.alias_set.setdefault(span.doc[prefix.start : span.end].text, None)


def _organization(doc: Doc, span: Span, table: ActorTable, persons: list[tuple[Span, str]], sentence: int) -> None:
    gaz, text = gazetteer(), span.text
    if _junk(text) and not (text.isupper() and text.title() != text and gaz.city(text.title())):
        return
    titled = _after_title(span)
    if titled is not None:
        persons.append((titled, sentence))  # "Field Marshal Birhanu Jula" tagged ORG
        return
    named = _name_of_country(span)
    if named is not None:
        persons.append((named, sentence))  # "Lavrentiev of Russia, Sedat Onal of Turkey and ..."
        return
    if (len(span) > 6 and not _long_name(span)) or lexicon().role_of([t.text for t in span[:1]]):
        return  # a title ("Special Representative for ...") or a run-on
    if len(span) > 1 and (span[-1].lower_ in _agreement_nouns() or span.root.lower_ in _agreement_nouns()):
        return  # a named agreement ("the Minsk Agreement", "the Treaty of Guarantee") is an event, not an actor
    if len(span) > 1 and span[-1].lower_ in _event_nouns():
        return  # a named conference or process ("the Kabul Process") is an event too
    if text.isupper() and _names_an_event(doc, text):
        return  # "a nationwide ceasefire agreement (NCA)"
    if len(span) == 1 and span[0].lower_ in _ORG_WORDS:
        return  # "the Army": a body of no one named
    if span[-1].lower_ in ("of", "for", "and", "on") or doc[span.end : span.end + 1].text[:1].isdigit():
        return  # a name cut short ("Group of" 20)
    body = any(t.lower_ in _ORG_WORDS and t.lower_ != "house" for t in span) or (
        span.start and doc[span.start - 1].text in _POSSESSIVE
    )
    if span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE and not body:
        return  # an unknown name one is "at" is a place or a building ("talks at Freedom House")
    if text.isupper() and len(text) > 3 and gaz.city(text.title()):
        return  # a dateline ("KABUL --") is a place
    if not body and any(t.lower_ == "in" and gaz.country(span.doc[t.i + 1 : span.end].text) for t in span[1:-1]):
        return  # "N'Sele in Zaire", one span to the tagger; not "Movement for Democracy in Liberia"
    country = gaz.country(text) or _governed(span)
    if country is not None:
        table.add_known(country, alias=text, tokens=(span.start, span.end), sentence=sentence)
        return
    if gaz.city(text) is not None and (len(span) == 1 or gaz.city(text).name == text):
        return  # a city the tagger took for a body: "Abu Dhabi", "Addis Ababa"
    if _person_in_disguise(doc, span):
        persons.append((span, sentence))  # "spokesman Janan Mosazai" tagged ORG
        return
    names = _person_names(table, persons)
    if _surname(span, table, persons):
        persons.append((span, sentence))  # "Karzai's" or "Burhan said" tagged ORG
        return
    parts = [t for t in span if t.text != "-"]
    if 2 <= len(parts) < len(span) and all(any(norm(t.text) in name.split() for name in names) for t in parts):
        persons += [(span.doc[t.i : t.i + 1], sentence) for t in parts]  # "the Putin-Zelensky summit"
        return
    short = _short_for(span, table)
    if short is not None:  # "the Tigers" after "the Liberation Tigers of Tamil Eelam"
        table.add(short, short, "Organization", alias=text, tokens=(span.start, span.end), sentence=sentence)
        return
    label = _with_possessor(span) or text
    table.add(norm(label), label, "Organization", alias=text, tokens=(span.start, span.end), sentence=sentence)
    if label != text:
        table.get(norm(label)).alias_set.setdefault(label, None)  # type: ignore[union-attr]


_GOVERNING = {"government", "administration", "authorities", "regime"}


def _name_of_country(span: Span) -> Span | None:
    """The person's name in a span the tagger ran on into the country they come from, "Sedat Onal
    of Turkey", when the span is conjoined with a person's name (or with the country another
    person comes from)."""
    root = span.root
    ofs = [t for t in span if t.lower_ == "of"]
    if len(ofs) != 1 or not 2 <= ofs[0].i - span.start <= 3:
        return None
    name = span.doc[span.start : ofs[0].i]
    if gazetteer().country(span.doc[ofs[0].i + 1 : span.end].text) is None or not _looks_like_person(name):
        return None
    partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return name if any(p.ent_type_ == "PERSON" or _of_a_person(p) for p in partners) else None


def _of_a_person(t: Token) -> bool:
    """ "Vershinin of Russia": the conjunct the parser hung on the country stands beside a person."""
    return t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.ent_type_ == "PERSON"


def _short_for(span: Span, table: ActorTable) -> str | None:
    """The one body named before whose name holds this single word ("the Tigers" for the
    Liberation Tigers of Tamil Eelam); not a word any body may be named by ("the Front")."""
    word = span[0].lower_
    if len(span) != 1 or word in _ORG_WORDS or not span[0].is_title:
        return None
    found = {
        info.key
        for info in table.actors.values()
        if info.type == "Organization" and len(info.label.split()) > 1 and word in norm(info.label).split()
    }
    return found.pop() if len(found) == 1 else None


def _foreign_namesake(span: Span, known: LexActor) -> bool:
    """Whether a dictionary body of one country is named as another's: "the Afghan National
    Security Council" is not the American one."""
    if known.type != "Organization" or not known.affiliation or span.start == 0:
        return False
    doc, gaz = span.doc, gazetteer()
    before = doc[span.start - 1]
    if before.ent_kb_id_.startswith("demonym:"):
        country = gaz.by_iso(before.ent_kb_id_[8:])
    elif before.text in _POSSESSIVE and span.start >= 2:
        country = gaz.country(doc[span.start - 2].text)
    else:
        return False
    return country is not None and country.key != known.affiliation


def _governed(span: Span) -> LexActor | None:
    """The country of a capitalised "Rwandese Government", which the tagger takes for a body."""
    if len(span) == 2 and span[1].lower_ in _GOVERNING:
        return gazetteer().country_of_demonym(span[0].text)
    return None


def _after_title(span: Span) -> Span | None:
    """The name after a leading title, when the rest reads as a person's name."""
    lex = lexicon()
    for n in range(min(3, len(span) - 2), 0, -1):
        if lex.role_of([t.text for t in span[:n]]) == " ".join(t.lower_ for t in span[:n]):
            rest = span.doc[span.start + n : span.end]
            return rest if _looks_like_person(rest) else None
    return None


def _person_names(table: ActorTable, persons: list[tuple[Span, str]]) -> list[str]:
    return [*(norm(p.text) for p, _ in persons), *(a.key for a in table.actors.values() if a.type == "Person")]


def _surname(span: Span, table: ActorTable, persons: list[tuple[Span, str]], named_before: bool = False) -> bool:
    """A single word that is part of the name of a person named before ("Burhan"), or (unless
    ``named_before``) the surname of one dictionary person."""
    key = norm(span.text)
    if _hyphenated(span):  # "Ben-Aharon" after "Yossi Ben-Aharon"
        tail = key.split()
        return table.get(key) is None and any(
            name.split()[-len(tail) :] == tail and name != key for name in _person_names(table, persons)
        )
    return (
        len(span) == 1
        and table.get(key) is None
        and (
            any(key in (name.split()[-1:] if named_before else name.split()) for name in _person_names(table, persons))
            or (not named_before and dictionary_surname(key) is not None)
        )
    )


def _hyphenated(span: Span) -> bool:
    """One word the tokenizer split at its hyphen ("Ben-Aharon")."""
    return len(span) == 3 and span[1].text == "-" and not span[0].whitespace_ and not span[1].whitespace_


def _agreement_nouns() -> frozenset[str]:
    forms = {f for t in lexicon().triggers if t.kind == "agreement" and t.pos == "noun" for f in t.forms}
    return frozenset(forms | {"protocol", "protocols", "charter"})


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """The last words of an event's or a process's name ("the Union Peace Conference", "the Kabul
    Process"), not a body's; a name of that kind is no actor."""
    forms = {f for t in lexicon().triggers if t.kind == "meeting" and t.pos == "noun" for f in t.forms}
    return frozenset(forms | {"process"}) - {"delegation", "delegations"}


def _names_an_event(doc: Doc, acronym: str) -> bool:
    """Whether an acronym is given, in brackets, right after an agreement or a meeting ("a nationwide
    ceasefire agreement (NCA)"): the event's short name, not a body's."""
    events = _agreement_nouns() | _event_nouns()
    return any(t.text == "(" and doc[t.i + 1].text == acronym and doc[t.i - 1].lower_ in events for t in doc[1:-1])


def _with_possessor(span: Span) -> str | None:
    """A generic body named with its country: "Egypt's Foreign Ministry" is the Egyptian Foreign
    Ministry, not any foreign ministry."""
    if not all(t.lower_ in _ORG_WORDS or t.lower_ in _BODY_WORDS for t in span):
        return None
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in _POSSESSIVE:
        country = gazetteer().country(doc[span.start - 2].text)
        if country is not None:
            return f"{country.name}'s {span.text}"
    if span.start >= 1 and doc[span.start - 1].ent_kb_id_.startswith("demonym:"):
        return f"{doc[span.start - 1].text} {span.text}"  # "the Afghan National Security Council"
    return None


def _demonym(doc: Doc, span: Span, iso: str, table: ActorTable, sentence: int) -> None:
    """A demonym names its country when it modifies an official noun ("Afghan officials",
    "Russian and Ukrainian delegations")."""
    if iso == "-":
        return
    root = span.root
    while root.dep_ == "conj" and root.head != root and root.head.ent_kb_id_.startswith("demonym:"):
        root = root.head
    head = root.head
    words = lexicon().word_list("government_nouns")
    if root.dep_ in ("amod", "compound", "nmod") and head.lower_ in words and head.i > span.end - 1:
        collective = head.lower_ not in lexicon().roles
        tail = [
            t.text
            for t in doc[root.i + 1 : head.i + 1]
            if t.dep_ not in ("cc", "conj", "punct") and not t.ent_kb_id_.startswith("demonym:")
        ]
        alias = " ".join([span.text, *tail]) if collective else None
        key = table.add_country(iso, alias=alias, sentence=sentence)
        if key:
            table.mark(span.start, span.end, key)


_NAME_LINKS = {"of", "for", "on", "the", "and", "in", "de", "du", "des", "la"}
_STATE_WORDS = {"government", "republic", "state", "kingdom", "administration"}


def _long_name(span: Span) -> bool:
    """Whether a span of more than six words is the name of a body, not a run-on: capitalised
    words and the small words between them, a word for a body among the first three ("the Popular
    Front for the Renaissance of the Central African Republic")."""
    words = [t for t in span if t.lower_ not in _NAME_LINKS]
    return (
        len(span) <= 12
        and any(t.lower_ in _ORG_WORDS for t in words[:3])
        and all(t.text[:1].isupper() for t in words)
        and words[0].lower_ not in _STATE_WORDS  # "the Government of the Republic of South Sudan" is the country
        and sum(t.lower_ in _ORG_WORDS for t in words) < 3  # "the Council of the EU Foreign Affairs Council"
    )


def _acronyms(doc: Doc, text: str, table: ActorTable) -> None:
    """Join an organisation's acronym to its expansion ("HCNR" and "High Council for National
    Reconciliation"), or to the group whose other name the article spells out ("IEA" and the
    Taliban, written "the Islamic Emirate of Afghanistan"); an acronym the text gives right after a
    name is that name's, whatever its letters ("the Free Aceh Movement, or GAM", from the
    Indonesian name)."""
    orgs = [a for a in table.actors.values() if a.type == "Organization"]
    introduced: dict[str, str] | None = None
    for short in orgs:
        if not (short.label.isupper() and 2 <= len(short.label) <= 6):
            continue
        if introduced is None:
            introduced = _introduced_acronyms(doc, text, table)
        for full in orgs:
            if full is not short and (
                introduced.get(short.label) == full.key
                or short.label in {_initials(name) for name in (full.label, *full.alias_set)}
            ):
                full.alias_set.setdefault(short.label, None)
                full.positions += short.positions
                full.sentences.update(short.sentences)
                table.actors.pop(short.key)
                for i, k in list(table._token_key.items()):
                    if k == short.key:
                        table._token_key[i] = full.key
                break


_GIVEN_ACRONYM = re.compile(r"(?:\(|, or )([A-Z]{2,6})\b")


def _introduced_acronyms(doc: Doc, text: str, table: ActorTable) -> dict[str, str]:
    """Acronyms the text gives right after an organisation's name: "(GAM)" or ", or GAM"."""
    found: dict[str, str] = {}
    for match in _GIVEN_ACRONYM.finditer(text):  # the text the doc was parsed from
        given = doc.char_span(match.start(1), match.end(1))
        if given is None or len(given) != 1 or given.start < 3:
            continue
        t = given[0]
        before = doc[t.i - 1]
        if before.text == "(" and t.i + 1 < len(doc) and doc[t.i + 1].text == ")":
            key = table.key_at(t.i - 2)
        elif before.lower_ == "or" and doc[t.i - 2].text == ",":
            key = table.key_at(t.i - 3)
        else:
            continue
        info = table.get(key or "")
        named = doc[t.i - 2] if before.text == "(" else doc[t.i - 3]
        if (
            info is not None
            and info.type == "Organization"
            # "mediation by ECOWAS, the African Union, or SADC": a list; not "for Reconciliation
            # and Democracy (LURD)", a conjunct inside the name
            and (named.dep_ != "conj" or table.key_at(named.head.i) == key)
            and not [c for c in named.conjuncts if c.i != t.i and table.key_at(c.i) != key]  # ", or GAM" too
            and not any(a.isupper() for a in (info.label, *info.alias_set))
            and not _sub_body(t.text, info.label)  # "the UN (UNMISS)"
        ):
            found.setdefault(t.text, info.key)
    return found


def _sub_body(acronym: str, name: str) -> bool:
    """Whether an acronym given after a name is longer than the name's initials and starts with
    them: a body of it ("the UN (UNMISS)"), not the name's own ("(LURD)")."""
    initials = _initials(name)
    return len(initials) > 1 and acronym != initials and acronym.startswith(initials)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
