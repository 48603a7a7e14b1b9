"""People: titles and roles before a name, affiliations, and surnames joined to full names.

``person_context`` reads the words right before a name: "Taliban spokesman Zabihullah Mujahid"
gives the role "spokesman" and the affiliation Taliban; "U.S. envoy to Yemen Tim Lenderking"
gives "envoy" and the United States.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.extract.table import ActorTable
from kg.nlp.gazetteer import gazetteer
from kg.nlp.lexicon import lexicon, norm

_FORMER = {"former", "ex", "then", "late", "ousted", "deposed", "exiled"}


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Every word of every role phrase ("foreign", "minister", "of", "state", ...)."""
    return frozenset(w for r in lexicon().roles for w in r.replace("-", " - ").split())


def strip_titles(span: Span) -> Span:
    """The name without leading titles ("Mullah Abdul Ghani Baradar" -> "Abdul Ghani Baradar")."""
    words, start = role_words(), span.start
    while start < span.end - 1 and span.doc[start].lower_ in words and span.doc[start].lower_ not in ("of",):
        start += 1
    return span.doc[start : span.end]


def _possessing_state(doc: Doc, end: int, first: int, table: ActorTable) -> str | None:
    """The country whose name or capital owns the name after ``end`` ("Hanoi's", "Russia's")."""
    if end - 1 < first or doc[end].text not in ("'s", "’s") or doc[end - 1].ent_type_ != "GPE":
        return None
    key = table.key_at(end - 1)
    info = table.actors.get(key) if key else None
    if info is not None:
        return key if info.type == "Country" else None
    start = end - 1
    while start > first and doc[start].ent_iob_ == "I":
        start -= 1
    text = doc[start:end].text
    country = gazetteer().country(text) or gazetteer().capital_country(text)
    return country.key if country is not None and country.key in table.actors else None  # named on its own too


def person_context(doc: Doc, span: Span, table: ActorTable) -> tuple[str | None, str | None, Span | None]:
    """(role, affiliation key, the prefix span holding both) from the words before a name."""
    words, lex = role_words(), lexicon()
    first = span.sent.start
    j = span.start - 1
    if j >= first and doc[j].ent_type_ in ("GPE", "ORG"):
        k = j
        while k > first and doc[k].ent_iob_ == "I":
            k -= 1
        if k - 2 >= first and doc[k - 1].lower_ in ("to", "for", "in") and doc[k - 2].lower_ in words:
            j = k - 2  # "envoy to Yemen Tim Lenderking"
    end = j
    while j >= first and doc[j].lower_ in words and not (doc[j].lower_ == "of" and j == end):
        j -= 1
    role = lex.role_of([t.text for t in doc[j + 1 : end + 1]]) if end > j else None
    if role is None:
        described, serving, prefix = _appositive_role(span, table)
        if serving is None and end == span.start - 1 and (owner := _possessing_state(doc, end, first, table)):
            return described, owner, prefix  # "Hanoi's Le Duc Tho" speaks for North Vietnam's government
        return described, serving, prefix
    if j >= first and doc[j].lower_ in _FORMER:  # "former president Hamid Karzai" speaks for no one now
        return f"former {role}", None, doc[j : span.start]
    a, start = j, j + 1
    if a >= first and doc[a].text in ("'s", "’s"):
        a -= 1
    affiliation = None
    if a >= first:
        key = table.key_at(a)
        kb = doc[a].ent_kb_id_
        if key:
            affiliation = key
            while a - 1 >= first and table.key_at(a - 1) == key:
                a -= 1
            start = a
        elif kb.startswith("demonym:") and gazetteer().by_iso(kb[8:]) is not None:
            affiliation, start = gazetteer().by_iso(kb[8:]).key, a
    if affiliation is None:  # "Pakistan's intelligence chief, Lieutenant General Asim Malik"
        described, serving, _ = _appositive_role(span, table)
        if serving is not None:
            role, affiliation = described or role, serving
    return role, affiliation, doc[start : span.start]


def _appositive_role(span: Span, table: ActorTable) -> tuple[str | None, str | None, Span | None]:
    """Role and affiliation from the phrase a name is in apposition to: "Pakistan's intelligence
    chief, Asim Malik", "the Taliban's acting defence minister, Mullah Mohammad Yaqoob"."""
    root = span.root
    head = root.head
    if root.dep_ != "appos" or head.i >= span.start or not head.tag_.startswith("NN"):
        return None, None, None
    words = [t for t in head.children if t.dep_ in ("compound", "amod") and t.i < head.i]
    role = lexicon().role_of([t.text for t in (*words, head)])
    if role is None or role.startswith("former") or any(t.lower_ in _FORMER for t in head.children):
        return None, None, None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
    if owner is not None:  # "Russia's Afghan envoy, Zamir Kabulov": Russia's, posted to Afghanistan
        return role, _side_key(table, table.key_at(owner.i)), None
    named: list[str] = []  # "the U.S. Afghan peace envoy": the first names whom he serves
    for c in head.doc[head.left_edge.i : head.i]:  # the modifiers, nested ones too, in order
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        if c.ent_kb_id_.startswith("demonym:") and (country := gazetteer().by_iso(c.ent_kb_id_[8:])) is not None:
            named.append(country.key)
        elif (key := _side_key(table, table.key_at(c.i))) is not None:
            named.append(key)  # "the Houthi spokesman, Mohammed Abdulsalam"
    affiliation = named[0] if named else None
    return role, affiliation, None


def _side_key(table: ActorTable, key: str | None) -> str | None:
    """``key`` when it names a country or a body a person may serve, not another person."""
    info = table.get(key or "")
    return key if info is not None and info.type != "Person" else None


def merge_person_names(persons: list[tuple[Span, int]], table: ActorTable) -> Iterator[tuple[str, Span, int, str]]:
    """(key, name span, sentence, alias) for each person mention, surnames joined to full names.

    The key of a full name is its normalised text; a one-word name joins the one full name in
    the article (or the dictionary person already found) that ends, else starts, with it; a
    shorter name of several words joins the one that ends with it ("Ghani Baradar"), else the one
    it opens ("Hassan Sheikh" of "Hassan Sheikh Mohamud").
    """
    lex = lexicon()
    cleaned = [(strip_titles(span), sentence) for span, sentence in persons]
    longer = {norm(span.text) for span, _ in cleaned if len(span) > 1}
    longer |= {k for k, info in table.actors.items() if info.type == "Person" and " " in k}
    cleaned = [(_with_name_title(span, longer), sentence) for span, sentence in cleaned]
    fulls: dict[str, str] = {}  # key -> label of multi-word names
    for info in table.actors.values():
        if info.type == "Person":
            fulls[info.key] = info.label
    for span, _ in cleaned:
        if len(span) > 1 and _known_as(span) is None:
            key = norm(span.text)
            known = lex.actor(span.text)
            if known is not None:
                fulls[known.key] = known.name
            elif not any(key != k and _shortens(k, key) for k in fulls):
                fulls[key] = span.text
    for key in list(fulls):  # "Ghani Baradar" joins "Abdul Ghani Baradar", "Hassan Sheikh" "Hassan Sheikh Mohamud"
        if any(k != key and _shortens(k, key) for k in fulls):
            fulls.pop(key)
    named: dict[int, str] = {}  # token index -> the key of the person named there
    for span, sentence in cleaned:
        text = span.text
        named_as = _known_as(span)
        if named_as is not None and named_as.i in named:
            yield named[named_as.i], span, sentence, text  # "Jyotirindra Bodhipriya Larma, known as Santu Larma"
            continue
        key = _person_key(text, fulls, table)
        named.update(dict.fromkeys(range(span.start, span.end), key))
        yield key, span, sentence, text


def _person_key(text: str, fulls: dict[str, str], table: ActorTable) -> str:
    """The key of one person mention (see :func:`merge_person_names`), added to the table."""
    lex = lexicon()
    known = lex.actor(text)
    if known is not None and known.type == "Person":
        return table.add_known(known)
    key = norm(text)
    words = key.split()
    if len(words) == 1:
        by_last = [k for k in fulls if k.split()[-1] == key and len(k.split()) > 1]
        by_first = [k for k in fulls if k.split()[0] == key and len(k.split()) > 1]
        match = by_last if len(by_last) == 1 else by_first if len(by_first) == 1 else []
        if match:
            key = match[0]
        elif (known_key := dictionary_surname(key)) is not None and not by_last and not by_first:
            return table.add_known(lex.by_key[known_key])  # "Machar", when the dictionary has one Machar
    else:
        longer = [k for k in fulls if k != key and _ends_with(k, key)]
        longer = longer or [k for k in fulls if k != key and _starts_with(k, key)]
        if len(longer) == 1:
            key = longer[0]
    if key not in table.actors:
        table.add(key, fulls.get(key, text), "Person")
    return key


_ALIAS_VERBS = frozenset({"known", "called", "nicknamed", "dubbed"})


def _known_as(span: Span) -> Token | None:
    """The person whose other name ``span`` is: "Jyotirindra Bodhipriya Larma, widely known as
    Santu Larma" (the clause hangs from the first name)."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].lower_ != "as" or doc[i - 2].lower_ not in _ALIAS_VERBS:
        return None
    verb = doc[i - 2]
    return verb.head if verb.dep_ in ("acl", "relcl") and verb.head.ent_type_ == "PERSON" else None


_NAME_TITLES = frozenset({"sheikh", "sheikha", "shaikh", "sheik"})


def _with_name_title(name: Span, longer: set[str]) -> Span:
    """A one-word name keeps a title that is part of how the person is known ("Prime Minister
    Sheikh Hasina" is Sheikh Hasina), unless the article or the dictionary names them in full
    ("Sheikh Tamim" after "Sheikh Tamim bin Hamad Al Thani")."""
    doc = name.doc
    if len(name) != 1 or name.start == 0 or doc[name.start - 1].lower_ not in _NAME_TITLES:
        return name
    word = norm(name.text)
    if any(word in (k.split()[0], k.split()[-1]) for k in longer):
        return name
    if lexicon().actor(name.text) is not None or dictionary_surname(word) is not None:
        return name
    return doc[name.start - 1 : name.end]


@lru_cache(maxsize=1)
def _dictionary_surnames() -> dict[str, str]:
    """Last name word -> the dictionary person it names, for words in no other person's name
    ("Kim" is in several, so it names none)."""
    last: dict[str, str] = {}
    holders: dict[str, set[str]] = {}
    for a in lexicon().actors:
        if a.type != "Person":
            continue
        for name in {a.name, *a.aliases}:
            words = norm(name).split()
            for w in words:
                holders.setdefault(w, set()).add(a.key)
            if len(words) >= 2:
                last[words[-1]] = a.key
    return {w: key for w, key in last.items() if holders[w] == {key}}


def dictionary_surname(word: str) -> str | None:
    """The dictionary person a bare surname names, when only one has it.

    >>> dictionary_surname("Machar")
    'riek machar'
    """
    key = norm(word)
    return _dictionary_surnames().get(key) if len(key.split()) == 1 else None


def _ends_with(longer: str, shorter: str) -> bool:
    a, b = longer.split(), shorter.split()
    return len(a) > len(b) and a[-len(b) :] == b


def _starts_with(longer: str, shorter: str) -> bool:
    """A name of two words or more that opens a longer one: "Hassan Sheikh" of "Hassan Sheikh Mohamud"."""
    a, b = longer.split(), shorter.split()
    return len(b) > 1 and len(a) > len(b) and a[: len(b)] == b


def _shortens(longer: str, shorter: str) -> bool:
    return _ends_with(longer, shorter) or _starts_with(longer, shorter)
