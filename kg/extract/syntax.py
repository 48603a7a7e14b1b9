"""Small helpers over the dependency parse, shared by the event extractors."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from kg.nlp.components import gathers
from kg.nlp.lexicon import lexicon

SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE = {"who", "that", "which", "whom"}
BE = {"is", "are", "was", "were", "am", "be", "'s", "'re"}
DISMISSING = {"dismiss", "dismissed", "dismisses", "dismissing"}
"""Cues of denial that, with the event itself as object, only make light of it ("dismissed the
deal"), where "dismissed reports of a deal" denies it."""


def tokens_in(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens whose lower-case form is one of ``words`` (single words), in order, found by a
    phrase matcher: a ``Token`` is made only for those, not for every word of the article."""
    key = (id(doc.vocab), words)
    matcher = _WORD_MATCHERS.get(key)
    if matcher is None:
        matcher = _WORD_MATCHERS[key] = PhraseMatcher(doc.vocab, attr="LOWER")
        matcher.add("word", [Doc(doc.vocab, words=[w]) for w in sorted(words)])
    return [doc[start] for _, start, _ in matcher(doc)]


_WORD_MATCHERS: dict[tuple[int, frozenset[str]], PhraseMatcher] = {}


def chain(token: Token, limit: int = 5) -> list[Token]:
    """The token and its heads, up to ``limit`` steps."""
    out, x = [token], token
    for _ in range(limit):
        if x.head == x:
            break
        x = x.head
        out.append(x)
    return out


def subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, climbing xcomp/advcl/conj chains and relative clauses when it has none;
    those brought together by the verb it is joined to, unless it is the mediator's own ("X
    brought the sides together ... and later agreed a truce", parsed as a conjunct of "brought";
    not "and hosted the talks")."""
    x = verb
    for _ in range(4):
        subs = [c for c in x.children if c.dep_ in SUBJECT_DEPS]
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in x.children):
            # "arranged for the envoys to meet X": the envoys; not "leave for Doha to resume talks",
            # parsed as if Doha were to resume them
            travel = lexicon().word_list("travel_verbs")
            subs = [s for s in subs if s.ent_type_ not in ("GPE", "LOC", "FAC") and x.head.lower_ not in travel]
        if subs:
            if subs[0].lower_ in RELATIVE and x.dep_ == "relcl":
                return [x.head]
            return [*subs, *(h for s in subs for h in hidden_conjuncts(s))]
        if x.dep_ in ("acl", "relcl") and x.tag_ in ("VBD", "VBG", "VBZ", "VBP"):
            return [x.head]
        if x.dep_ in ("acl", "relcl") and x.tag_ == "VB" and x.head.dep_ in ("attr", "oprd"):
            x = x.head.head  # "Mohammed became the first UN official to visit": who became it
            continue
        if x.dep_ == "acl" and x.tag_ == "VB" and x.head.lower_ in _INVITATIONS:
            return _invited(x.head, x)
        if x.dep_ == "pcomp" and x.head.lower_ == "of":  # "accused X of holding talks"
            objs = [c for c in x.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        if x.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acomp") or x.head == x:
            return []
        if x.dep_ == "conj" and gathers(x.head) and x.lower_ not in lexicon().word_list("mediator_verbs"):
            return [c for c in x.head.children if c.dep_ == "dobj"]
        # "paved the way by meeting Murad": the subject of the verb the preposition hangs from
        x = x.head.head if x.dep_ == "pcomp" and x.head.dep_ == "prep" else x.head
    return []


_INVITATIONS = frozenset({"invitation", "invitations", "invite"})
_ACCEPTING = frozenset({"accept", "accepted", "accepts", "accepting", "received", "receives", "declined", "turned"})


def _invited(invitation: Token, verb: Token) -> list[Token]:
    """Who an invitation "to visit" is for: "an invitation from Ghani for Khan to visit Kabul"
    (Khan), "extended an invitation to Modi to visit", "sent Modi an invitation to visit" (Modi),
    "Vajpayee accepted an invitation to visit Pakistan" (who accepted or declined it); no one when
    it does not say."""
    for c in invitation.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to") and (objects := pobjs(c)):
            return objects
    between = invitation.doc[invitation.i + 1 : verb.i]  # "from Macron for Scholz", "for" hung on Macron
    for c in between:
        if c.dep_ == "prep" and c.lower_ == "for" and invitation.is_ancestor(c) and (objects := pobjs(c)):
            return objects
    verb = invitation.head
    if invitation.dep_ == "dobj" and verb.lower_ in _ACCEPTING:
        return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if invitation.dep_ == "dobj":  # "sent Khan an invitation", "sent an invitation to Khan"
        given = [c for c in verb.children if c.dep_ == "dative" and c.tag_ != "IN"]
        return given or [
            o for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for o in pobjs(c)
        ]
    return []


def hidden_conjuncts(name: Token) -> list[Token]:
    """Names the parser hung inside ``name`` when a title opens the name after "and": in "Abiy
    and Egyptian President Abdel Fattah al-Sisi met", Abiy is parsed as a modifier of Sisi, and
    the title as Abiy's conjunct. Each is the last word of a name that ends right before an
    "and" hanging from it."""
    doc, out = name.doc, []
    for t in name.lefts:
        for x in t.subtree:
            if (
                x.dep_ in ("nmod", "compound")
                and x.ent_type_ in ("PERSON", "ORG", "GPE")
                and x.i + 1 < name.i
                and doc[x.i + 1].dep_ == "cc"
                and doc[x.i + 1].head == x
                and doc[x.i + 1].ent_iob_ != "I"
                and not (_names_a_title(x) and any(c.ent_type_ == x.ent_type_ for c in x.conjuncts))
            ):  # not "Former Karzai and Ghani adviser Hamdullah Mohib": whose adviser, not who met; but
                # "Khalilzad and Taliban deputy leader Baradar met": the body opens the next name
                out.append(x)
    return out


def _names_a_title(x: Token) -> bool:
    """Whether ``x`` modifies a title ("Karzai adviser"), not a name ("Sisi") or a group ("rebels")."""
    return x.head.ent_type_ != "PERSON" and lexicon().role_of([x.head.text]) is not None


def particles(verb: Token) -> list[Token]:
    """The particles of a phrasal verb: "off" in "called off", and "out" in "pulled out of",
    which parsers often take for a preposition (one with no object of its own)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1 and not pobjs(c) and any(c.children))
    ]


def clause_above(verb: Token) -> Token | None:
    """The verb a "when" clause or another adverbial clause tells more of: "met" in "X and Y met
    on Jan. 24, when Annan brought them together" (the parser may hang the clause on the date)."""
    when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)
    if verb.dep_ != "advcl" and not (verb.dep_ == "relcl" and when):
        return None
    x = verb.head
    for _ in range(3):
        if x.tag_.startswith("VB"):
            return x
        if x.head == x:
            return None
        x = x.head
    return None


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ == "pobj"]


def with_governors(verbs: list[Token], limit: int = 4) -> list[Token]:
    """The verbs and those the last of them completes or is joined to: "urged X to reach a deal
    and called on Y not to launch an offensive, at a conference" (launch, called, reach, urged)."""
    out = list(verbs)
    x = verbs[-1] if verbs else None
    for _ in range(limit):
        if x is None or x.dep_ not in ("xcomp", "conj") or x.head == x or not x.head.tag_.startswith("VB"):
            break
        x = x.head
        out.append(x)
    return out
