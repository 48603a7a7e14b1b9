"""Who takes part in an event mention, read off the parse.

Subjects and objects of a meeting verb ("X met Y"), "with" and "between ... and ..." phrases,
modifiers of the event noun ("the US-Taliban deal", "Karzai's trip"), a clause on it ("the deal
signed by X and Y", "the accord both parties reached"), the subject of the verb it is an
argument of ("X and Y held talks", "X reached a deal with Y", "X called off the talks"), and the
traveller of a trip made for it ("X flew to Muscat to resume talks"). Brokers and hosts ("UN-brokered
talks", "talks hosted by Qatar") are left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.args import Resolver
from kg.extract.scope import Scope
from kg.extract.syntax import DISMISSING, RELATIVE, particles, pobjs, subjects
from kg.nlp.lexicon import Trigger, lexicon, words

PARTY_PREPS = ("with", "between", "among", "involving", "alongside")
_INCLUDE_VERBS = {"include", "included", "includes", "involve", "involved", "involves", "attend", "attended"}
_PARTY_CLAUSE_VERBS = words(
    "held signed reached agreed concluded struck sealed inked initialled initialed brokered negotiated "
    "hold sign reach agree conclude"
)


HOSTING = words("host hosted hosts hosting co-host co-hosted co-hosts co-hosting")


def _party_prep(c: Token) -> bool:
    """A preposition that names parties ("talks with X", "a deal between X and Y")."""
    return c.dep_ == "prep" and c.lower_ in PARTY_PREPS and not _among_them(c)


def _among_them(prep: Token) -> bool:
    """ "..., among them X and Y" names some of the people just mentioned: parties when those are
    ("met opposition politicians, among them Hamid Karzai"), not when they are bystanders
    ("signed in front of foreign guests, among them Cyril Ramaphosa")."""
    if prep.lower_ != "among" or not any(o.dep_ == "pobj" and o.tag_ == "PRP" for o in prep.children):
        return False
    group = next((t for t in reversed(prep.doc[prep.sent.start : prep.i]) if t.tag_ in ("NNS", "NNPS")), None)
    for _ in range(4):  # "representatives of several armed groups, among them ...": the representatives
        if group is not None and group.dep_ == "conj":
            group = group.head
        elif group is not None and group.dep_ == "pobj" and group.head.lower_ in ("of", "from"):
            group = group.head.head
        else:
            break
    if group is not None and group.dep_ == "pobj" and group.head.dep_ == "agent":
        return False  # "attended by several delegations, among them Egypt"
    return group is None or group.dep_ not in ("nsubj", "nsubjpass", "dobj")


def modifier_tokens(n: Token, resolver: Resolver) -> list[Token]:
    """Actor words among the modifiers before a noun, with their own modifiers ("U.S.-Taliban deal");
    not the broker in "UN-brokered talks", nor a capital named alone, which is where the event is
    ("the Pretoria negotiations"; but "the Kabul talks with the Taliban")."""
    brokers = lexicon().word_list("mediator_participles")
    out: list[Token] = []
    for c in n.children:
        if c.lower_ in brokers or any(t.lower_ in brokers for t in c.subtree if t.i > c.i):
            continue
        if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i < n.i:
            for t in c.subtree:
                if t.i < n.i and (resolver.resolve(t, conjuncts=False) or t.tag_ == "PRP$"):
                    out.append(t)
    if len(out) == 1 and out[0].dep_ == "compound" and resolver.is_capital(out[0]) and not _partnered(n):
        return []
    return out


def _partnered(n: Token) -> bool:
    """Whether an event noun names one partner only ("the Kabul talks with the Taliban": Kabul is
    the other), not two ("the Doha talks between Kabul and the Taliban") or none."""
    objects = [o for c in n.children if _party_prep(c) for o in pobjs(c)]
    return len([t for o in objects for t in (o, *o.conjuncts)]) == 1


def noun_parties(scope: Scope, resolver: Resolver, gathering: bool = False) -> list[Token]:
    """Parties of an event noun; for a gathering ("a summit of AU leaders", "a visit by the
    envoy") also those after "of" and "by"."""
    preps = (*PARTY_PREPS, "of", "by") if gathering else PARTY_PREPS
    out: list[Token] = list(scope.chain_parties)
    for n in scope.nodes:
        out += modifier_tokens(n, resolver)
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in preps and not _among_them(c):
                out += [o for o in pobjs(c) if c.lower_ in PARTY_PREPS or resolver.resolve(o)]
            if c.dep_ == "prep" and c.lower_ == "of":  # "the treaty of peace between Israel and Egypt"
                out += [
                    x
                    for o in pobjs(c)
                    if _what_it_is(o, resolver)
                    for p in o.children
                    if _party_prep(p)
                    for x in pobjs(p)
                ]
    for verb in scope.clauses:
        out += clause_parties(verb)
    return out


def _what_it_is(noun: Token, resolver: Resolver) -> bool:
    """Whether the noun after "of" says what an event is about ("a treaty of peace", "a
    memorandum of understanding"), not whom it is of."""
    return noun.tag_ == "NN" and not resolver.resolve(noun, conjuncts=False)


def chairs(scope: Scope) -> list[Token]:
    """Who chairs the event ("X chaired the talks", "the talks, chaired by X", "the talks were
    chaired by X", "X and Y held talks, chaired by Z"), and a person who hosts it: at the table,
    unlike a host country or a broker, but not one of its sides."""
    chairing = lexicon().word_list("chair_verbs")
    clauses = list(scope.clauses)
    out = _hosts_in_person(scope)
    if scope.verbs:
        verb = scope.verbs[0]
        if verb.lower_ in chairing and scope.via == "dobj":
            return out + subjects(verb)
        if verb.lower_ in chairing and scope.via == "nsubjpass":
            clauses.append(verb)
        elif scope.via == "dobj":
            clauses += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    return out + [o for v in clauses if v.lower_ in chairing for c in v.children if c.dep_ == "agent" for o in pobjs(c)]


def _hosts_in_person(scope: Scope) -> list[Token]:
    """A person who hosts the event: "Lukashenko hosted the talks", "talks hosted by Russian Foreign
    Minister Sergei Lavrov" (or "talks between the two ministers hosted by ...", the clause hung
    from the last party). A host who is a person receives the guests, at the table; a country or a
    city that hosts only lends the place (the guidelines' hosts are optional, who takes part is not)."""
    hosting = [v for v in scope.clauses if v.lower_ in HOSTING] + [
        c
        for n in scope.nodes
        for p in n.children
        if _party_prep(p)
        for o in pobjs(p)
        for x in (o, *o.conjuncts)
        for c in x.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in HOSTING
    ]
    out = [o for v in hosting for c in v.children if c.dep_ == "agent" for o in pobjs(c)]
    if len(scope.verbs) == 1 and scope.via == "dobj" and scope.verbs[0].lower_ in HOSTING:  # not "offered to host"
        out += subjects(scope.verbs[0])
    return [t for t in out if t.ent_type_ == "PERSON"]


def clause_parties(verb: Token) -> list[Token]:
    """Parties named in a clause on the event noun: "the deal signed by X and Y", "the agreement X reached"."""
    lex = lexicon()
    support = lex.word_list("support_verbs")
    if verb.lower_ in lex.word_list("cancel_particle_verbs") and any(
        c.lower_ in lex.word_list("cancel_particles") for c in particles(verb)
    ):
        support = frozenset()  # "the deal struck down by the court"
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent" and verb.lower_ in support:
            out += pobjs(c)
        elif c.dep_ == "nsubj" and c.lower_ not in RELATIVE and verb.lower_ in support:
            out.append(c)
        elif _party_prep(c) and verb.lower_ in _PARTY_CLAUSE_VERBS:
            out += pobjs(c)
        elif c.dep_ == "dobj" and verb.lower_ in _INCLUDE_VERBS:
            out.append(c)
    return out


def ratified_by_legislature(scope: Scope) -> bool:
    """Whether a deal is told as approved by a parliament ("The Knesset approved the treaty last
    Thursday"): a step at home, neither a party nor the deal's date."""
    lex = lexicon()
    if (
        not scope.verbs
        or scope.via not in ("dobj", "nsubjpass")
        or scope.verbs[0].lower_ not in lex.word_list("ratify_verbs")
    ):
        return False
    verb = scope.verbs[0]
    who = subjects(verb) if scope.via == "dobj" else [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    return bool(who) and all(w.lower_ in lex.word_list("legislature_nouns") for w in who)


def governor_parties(scope: Scope, trig: Trigger) -> list[Token]:
    """Parties from the verb the event is an argument of ("X and Y held talks", "X reached a deal with Y")."""
    lex = lexicon()
    if trig.kind == "agreement" and ratified_by_legislature(scope):
        return []
    support, mediator = lex.word_list("support_verbs"), lex.word_list("mediator_verbs")
    moving = lex.word_list("travel_verbs", "cancelled_cues")
    undoing = lex.word_list("cancelled_cues", "denied_cues", "cancel_particle_verbs")
    verb, out = scope.verbs[0], []
    if verb == scope.token:
        return out
    if (
        trig.kind == "agreement"
        and verb.dep_ == "xcomp"
        and verb.head.lower_ in lex.word_list("agree_verbs")
        and scope.via != "dobj"  # not "Qatar agreed to mediate a ceasefire between X and Y"
    ):
        verb = verb.head  # "X and Y agreed to restore ties, in a deal negotiated in Beijing"
    if scope.via == "nsubjpass" and verb.lower_ not in support:
        # "the text was read out by the host and signed by the leaders": the verb it shares its subject with
        verb = next(
            (
                v
                for v in verb.conjuncts
                if v.lower_ in support and not any(c.dep_.startswith("nsubj") for c in v.children)
            ),
            verb,
        )
    if verb.lower_ in mediator and scope.via == "dobj":  # "Qatar brokered a truce between X and Y"
        return [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("between", "among") for o in pobjs(c)]
    undone = verb.lower_ in lex.word_list("cancel_particle_verbs") and any(
        c.lower_ in lex.word_list("cancel_particles") for c in particles(verb)
    )  # "called off", not "carried out"
    abiding = trig.kind == "agreement" and verb.lower_ in lex.word_list("abide_verbs")  # "X and Y observed a truce"
    acting = (verb.lower_ in support or abiding) and verb.lower_ not in mediator and not undone
    if (
        acting
        or (trig.id == "delegation" and verb.lower_ in moving)
        or (verb.lower_ in undoing and scope.via in ("dobj", "from", "of") and verb.lower_ not in DISMISSING)
    ):  # "X called off the talks", "X withdrew from the deal"
        if scope.via != "nsubjpass" or trig.id == "delegation":
            out += subjects(verb)
        for c in verb.children:
            if _party_prep(c) or (c.dep_ == "agent" and acting):
                out += pobjs(c)
    return out


_BRINGING = words("bring brings brought bringing")
_CLOSES = words("close end conclusion halt")


def closers(scope: Scope) -> list[Token]:
    """ "X and Y signed an agreement, bringing a dramatic close to a summit": who closed the
    gathering took part in it."""
    close = scope.noun_head if scope.noun_head is not None and scope.via == "to" else None
    if close is None or close.lower_ not in _CLOSES or close.dep_ != "dobj" or close.head.lower_ not in _BRINGING:
        return []
    return subjects(close.head)


def verb_parties(verb: Token, trig: Trigger) -> list[Token]:
    out = [s for s in subjects(verb) if not is_destination(s)]
    # "Poroshenko met US President Barack Obama, German Chancellor Angela Merkel, ... and ...": the
    # names after the first, which the parser hung on the subject as its apposition
    out += [a for s in out for a in s.children if a.dep_ == "appos" and a.i > verb.i and a.ent_type_ == "PERSON"]
    for c in verb.children:
        if c.dep_ in ("dobj", "agent") or _party_prep(c):
            objs = pobjs(c) if c.dep_ in ("prep", "agent") else [c]
            out += objs
            if c.dep_ == "dobj" and c.lower_ not in lexicon().word_list("conflict_nouns"):
                # "discuss a truce with the Houthis"; not "discuss the war between Russia and Ukraine"
                out += [o for p in c.children if _party_prep(p) for o in pobjs(p)]
        elif c.dep_ == "prep" and (c.lower_, trig.id) in (("to", "speak"), ("on", "call_on")):
            out += pobjs(c)
        elif c.dep_ == "oprd" and trig.id == "ring":
            out.append(c)  # "called Recep Tayyip Erdogan", parsed as if naming someone
    return out


def is_destination(t: Token) -> bool:
    """ "Jeddah" in "leave for Jeddah to resume talks" (parsed as the subject of 'resume')."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in t.head.children) and t.ent_type_ in ("GPE", "LOC")


_PRESS = frozenset(
    {"reporters", "reporter", "journalists", "journalist", "correspondents", "correspondent", "press", "media"}
    | {"interviewer", "interviewers", "newspaper", "newspapers", "broadcaster", "broadcasters", "board"}
)
"""Who a leader "meets" or "sits down with" for an interview: no side of a meeting."""


def enough_parties(trig: Trigger, verb: Token, keys: list[str], parties: list[Token], resolver: Resolver) -> bool:
    """A meeting verb needs someone to meet: an object or "with" actor, or several subjects
    ("Government and MILF negotiators will meet" names one actor but two sides), or a body that
    meets as one (see :func:`body_meets`)."""
    if trig.id == "visit_verb":
        return bool(keys)
    sides = {t.i for p in parties for t in (p, *p.conjuncts) if t.lower_ not in _PRESS}
    for p in parties:  # "Government and MILF negotiators"
        for c in p.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.conjuncts:
                sides |= {t.i for t in (c, *c.conjuncts)}
    return len(keys) >= 2 or (
        len(keys) == 1 and (len(sides) >= 2 or body_meets(trig, verb, keys[0], parties, resolver))
    )


_BODY_NOUNS = words("committee commission council panel assembly group troika quartet")
"""Bodies whose sessions are meetings; not a parliament or cabinet sitting, which is domestic business."""
_MEMBER_NOUNS = words(
    "ministers ambassadors envoys members delegates representatives leaders heads chiefs lawmakers "
    "parliamentarians commanders"
)


def body_meets(trig: Trigger, verb: Token, key: str, parties: list[Token], resolver: Resolver) -> bool:
    """An organization meeting as one, its members among themselves: "NATO ambassadors will meet in
    Brussels", "European Union foreign ministers are to meet on Wednesday", "the commission will
    meet next month". Only "meet" with its subject alone (no one else to meet), and only a body
    named as such, by its name or by its members; not a country ("Afghan officials will meet"
    leaves out whom they meet), a person, or "officials" of a group; and the subject its own, or of
    the verbs it completes ("are expected to meet"), not one borrowed from another clause ("the
    Foreign Office said the talks had ended, and agreed to meet again")."""
    actor = resolver.actors.get(key)
    if trig.id != "meet" or actor is None or actor.type != "Organization" or len(parties) != 1:
        return False
    subject, governor = parties[0], verb
    while subject.head.i != governor.i and governor.dep_ == "xcomp":
        governor = governor.head
    if subject.head.i != governor.i or subject.dep_ not in ("nsubj", "nsubjpass") or subject.conjuncts:
        return False
    if subject.tag_ in ("NNP", "NNPS"):
        return resolver.actors.key_at(subject.i) == key
    if subject.lower_ in _BODY_NOUNS:
        return True
    return subject.tag_ == "NNS" and subject.lower_ in _MEMBER_NOUNS
