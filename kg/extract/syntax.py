"""Small helpers over the dependency parse, shared by the event extractors."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE = {"who", "that", "which", "whom"}
BE = {"is", "are", "was", "were", "am", "be", "'s", "'re"}


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
    """Subjects of a verb, climbing xcomp/advcl/conj chains and relative clauses when it has none."""
    x = verb
    for _ in range(4):
        subs = [c for c in x.children if c.dep_ in SUBJECT_DEPS]
        subs = [s for s in subs if not any(c.dep_ == "mark" and c.lower_ == "for" for c in x.children)]
        if subs:
            if subs[0].lower_ in RELATIVE and x.dep_ == "relcl":
                return [x.head]
            return subs
        if x.dep_ in ("acl", "relcl") and x.tag_ in ("VBD", "VBG", "VBZ", "VBP"):
            return [x.head]
        if x.dep_ == "pcomp" and x.head.lower_ == "of":  # "accused X of holding talks"
            objs = [c for c in x.head.head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        if x.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "acomp") or x.head == x:
            return []
        x = x.head
    return []


def particles(verb: Token) -> list[Token]:
    """The particles of a phrasal verb: "off" in "called off", and "out" in "pulled out of",
    which parsers often take for a preposition (one with no object of its own)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1 and not pobjs(c) and any(c.children))
    ]


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition."""
    return [c for c in prep.children if c.dep_ == "pobj"]
