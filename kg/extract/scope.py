"""Where in the parse an event mention's details are to be found.

An event word sits in a clause: "held [the third round of talks] in Geneva on Monday", "flew to
Muscat to resume [talks]", "[the deal] signed by X and Y in Pretoria", "[talks] began in September".
:func:`scope_of` finds the pieces the extractors read: the event words themselves, clauses on
the event noun ("signed by ...", "the accord both parties reached"), the verbs the event is
an argument of ("held", "set to resume"), and a trip it is the purpose of ("left for Jeddah
to resume talks"). What hangs off other words of the sentence is not the event's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.syntax import BE, pobjs
from kg.nlp.lexicon import lexicon

ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr", "oprd")
TEMPORAL_PAST = {"after", "following", "since"}
TEMPORAL_FUTURE = {"before", "ahead", "until", "pending"}


@dataclass
class Scope:
    token: Token
    outer: Token
    nodes: list[Token]
    clauses: list[Token] = field(default_factory=list)
    verbs: list[Token] = field(default_factory=list)
    via: str | None = None  # how the event attaches to verbs[0]: a dependency label or a preposition
    travel: Token | None = None
    noun_head: Token | None = None  # a non-container noun the event hangs from ("hopes for a deal")
    where: Token | None = None  # the place a "where" clause hangs from ("Ankara, where he met ...")
    frame_verb: Token | None = None  # the clause a participle hangs from ("arrived on Sunday, meeting ...")
    chain_parties: list[Token] = field(default_factory=list)


def _is_verb(t: Token) -> bool:
    return t.tag_.startswith("VB") or t.tag_ == "MD"


def _is_actor_token(t: Token) -> bool:
    return t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")


def _up_xcomp(verb: Token) -> list[Token]:
    """The verb and the verbs it completes: "resume" in "are set to resume" gives [resume, set]."""
    out, x = [verb], verb
    for _ in range(3):
        if x.dep_ in ("xcomp",) and x.head != x and _is_verb(x.head):
            x = x.head
            out.append(x)
        else:
            break
    return out


def _predicate(verb: Token) -> list[Token]:
    """The verb an adjective predicate governs: "begin" in "talks are due to begin"; the verb of
    "be to" ("talks were to resume")."""
    planned = lexicon().word_list("planned_cues")
    for a in verb.children:
        if a.dep_ == "acomp" and a.lower_ in planned:
            return [x for x in a.children if x.dep_ == "xcomp" and _is_verb(x)][:1]
        if verb.lower_ in BE and a.dep_ == "xcomp" and _is_verb(a) and any(c.lower_ == "to" for c in a.children):
            return [a]  # "the summit was to be held in Cairo"
    return []


def _purpose_travel(verb: Token) -> Token | None:
    """The trip a verb is the purpose of: "flew to Muscat to resume (talks)", or the trip it is
    told with: "arrived in Kabul and met Ghani"."""
    travel = lexicon().word_list("travel_verbs")
    if (
        verb.dep_ == "conj"
        and verb.head.lower_ in travel
        and verb.head.i < verb.i
        and _is_verb(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)  # the same traveller
    ):
        return verb.head
    x = verb
    for _ in range(3):
        if x.dep_ not in ("xcomp", "advcl") or x.head == x:
            return None
        to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
        x = x.head
        if (x.lower_ in travel or _stopover(x)) and to_inf:
            return x
    return None


_STOPS = {"stop", "stops", "stopped", "stopping"}
_STAYS = {"spend", "spends", "spent", "spending", "stay", "stays", "stayed", "staying"}


def _stopover(verb: Token) -> bool:
    """A halt on a journey, at a place: "stopped in Doha (to meet ...)"."""
    places = ("GPE", "LOC", "FAC")
    return verb.lower_ in _STOPS and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "over") and any(o.ent_type_ in places for o in c.children)
        for c in verb.children
    )


def _loose_relative(noun: Token) -> list[Token]:
    """A relative clause the parser hung elsewhere: "the negotiations, which began on May 2"."""
    doc, i = noun.doc, noun.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("which", "that") and doc[i].dep_ in ("nsubj", "nsubjpass"):
        verb = doc[i].head
        if _is_verb(verb) and verb.dep_ != "relcl":
            return [verb]
        return []
    return _contact_clause(noun, i)


def _contact_clause(noun: Token, i: int) -> list[Token]:
    """A relative clause without "that" whose subject follows the noun at once, hung from an earlier
    noun: "an exchange laid out in the deal the United States and the Taliban signed in Doha".
    The clause's verb has no object of its own: the noun is its object."""
    doc = noun.doc
    if i >= len(doc) or doc[i].text == ",":
        return []
    subject = next((t for t in doc[i : i + 8] if t.left_edge.i == i and t.dep_ == "nsubj"), None)
    if subject is None:
        return []
    verb = subject.head
    if (
        verb.dep_ in ("acl", "relcl")
        and verb.head != noun
        and verb.head.i < noun.i
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.i == subject.right_edge.i + 1
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    ):
        return [verb]
    return []


def _scheduling_clauses(nodes: list[Token]) -> list[Token]:
    """A clause that schedules the event, hung by the parser from who it is of: "a meeting of the
    two negotiating teams that had been set for this week" (teams are not set for a week)."""
    return [
        c
        for n in nodes
        for p in n.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in pobjs(p)
        for c in o.children
        if c.dep_ == "relcl" and c.lower_ in _SCHEDULING and _is_verb(c)
    ]


_SCHEDULING = frozenset({"set", "scheduled", "planned", "due", "slated", "expected"})

_COURSE = frozenset(
    {"began", "begun", "begins", "started", "starts", "opened", "opens", "resumed", "resumes", "ended", "ends"}
    | {"closed", "concluded", "continued", "continues", "wrapped", "finished", "convened", "reconvened"}
)
"""Verbs that tell how a gathering went, and nothing of a people or a country ("which began in Doha")."""
_OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "prt", "acomp", "oprd"})  # "began attacking", "ended up"
_OWN_COURSES = frozenset(
    {"movement", "insurgency", "rebellion", "uprising", "war", "conflict", "protests", "mission", "crisis"}
)
"""Nouns with a course of their own: "the insurgency, which began in 2017" did not meet."""
_COURSE_PASSIVE = frozenset({"held", "convened", "hosted", "signed", "concluded", "reached", "sealed", "inked"})


def _has_own_course(head: Token, clause: Token) -> bool:
    """Whether the noun a clause tells of, by the parse or by its place right before the clause, has a
    course of its own: a country ("the Soviet Union, which ended") or an insurgency, a war, a movement."""
    doc, i = clause.doc, clause.left_edge.i - 1
    while i > 0 and doc[i].is_punct:
        i -= 1
    if head.conjuncts:  # "between the United States and the Taliban, which began in Doha": the list ends the phrase
        return any(t.lower_ in _OWN_COURSES for t in (head, doc[i]))
    return any(t.ent_type_ == "GPE" or t.lower_ in _OWN_COURSES for t in (head, doc[i]))


def _party_relatives(nodes: list[Token]) -> list[Token]:
    """A relative clause that tells of the event, hung by the parser from the last party named:
    "the second round of talks between the negotiating teams of the two sides, which began in Doha
    on January 5" (the teams did not begin). The clause closes the phrase, opens with "which" or
    "that", and its verb tells how a gathering went, with no object of its own, or is passive."""
    out = []
    for n in nodes:
        for p in n.children:
            if p.dep_ != "prep" or p.lower_ not in ("between", "with", "among"):
                continue
            for o in pobjs(p):
                for t in o.subtree:
                    for c in t.children:
                        closes = all(x.is_punct for x in c.doc[c.right_edge.i + 1 : p.right_edge.i + 1])
                        if c.dep_ != "relcl" or not closes or not _is_verb(c):
                            continue
                        subject = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                        if subject is None or subject.lower_ not in ("which", "that"):
                            continue
                        passive = subject.dep_ == "nsubjpass" and c.lower_ in _COURSE_PASSIVE
                        took_place = c.lower_ == "took" and any(d.lower_ == "place" for d in c.children)
                        intransitive = (
                            c.lower_ in _COURSE
                            and not any(d.dep_ in _OWN_COMPLEMENTS for d in c.children)
                            and not _has_own_course(t, c)
                        )
                        if passive or took_place or intransitive:
                            out.append(c)
    return out


def _stray_participles(noun: Token, verb: Token) -> list[Token]:
    """A participle clause on a gathering the parser hung from the verb of the sentence: "was set
    up at a conference on Libya in Berlin in January, attended by the leaders of Russia and
    Turkey" (the conference was attended, not the setting up). The clause follows the noun's
    phrase after a comma, with only the verb's own modifiers between (no other verb), has no
    subject of its own, and its participle is one only a gathering takes: attended, hosted,
    chaired and the like, with "by" and who did it."""
    lex = lexicon()
    gathering = lex.word_list("mediator_verbs", "chair_verbs") | {"attended"}
    out = []
    for c in verb.children:
        if not (c.dep_ == "advcl" and c.tag_ == "VBN" and c.lower_ in gathering and c.i > noun.i):
            continue
        doc, start = c.doc, c.left_edge.i
        between = doc[noun.right_edge.i + 1 : start]
        if (
            start == c.i
            and doc[start - 1].text == ","
            and any(a.dep_ == "agent" for a in c.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
            and not any(_is_verb(t) for t in between)
        ):
            out.append(c)
    return out


def _word_piece(t: Token) -> bool:
    """A hyphen, or the prefix before one, of a hyphenated word the tokenizer split: "co" and
    "-" in "co-hosted" (the parser may still hang them as clauses)."""
    if t.is_punct:
        return True
    return not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"


def with_completions(clauses: list[Token]) -> list[Token]:
    """Clause verbs and the verbs completing them, where the place and date of a clause hang:
    "meetings that were to have taken place at Camp David on Sunday"."""
    out = list(clauses)
    for verb in clauses:
        x = verb
        for _ in range(3):
            x = next((c for c in x.children if c.dep_ == "xcomp" and _is_verb(c)), None)
            if x is None:
                break
            out.append(x)
    return out


def _lost_report(clause: Token) -> bool:
    """Whether a clause hung from a noun is what a verb of saying said: "told Lavrov during a
    meeting on Friday that Washington would respond" (the parser makes "that Washington would
    respond" a relative clause of the meeting). A relative clause opens with a relative word,
    never with the conjunction "that"; the verb of saying then has no clause of its own."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i < clause.i for c in clause.children):
        return False
    noun = clause.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("during", "at", "in"):
        return False  # "told reporters about a meeting that the two sides will hold": a relative clause
    verb = noun.head.head
    saying = lexicon().word_list("report_verbs", "brief_verbs")
    return verb.lower_ in saying and not any(c.dep_ == "ccomp" for c in verb.children)


def _next_to(noun: Token, clause: Token) -> bool:
    """Whether a clause the parser hangs from a noun follows it without words of another phrase in
    between: "signed a deal in Washington on Friday, pledging to end fighting that has killed
    thousands this year" does not make the killing the deal's clause."""
    return all(noun.is_ancestor(t) for t in noun.doc[noun.i + 1 : clause.left_edge.i])


def _fronted(noun: Token, verb: Token) -> bool:
    """Whether a noun phrase the parser hung from a verb as an adverbial opens the clause, set off
    by a comma, with no other verb before the clause's own: a subject with an apposition ("A
    previous truce, the Cessation of Hostilities Agreement, was signed"), not "This round, the
    Israeli team will be led by" or "The day of the ceasefire, Hezbollah fired"."""
    doc, comma = noun.doc, noun.right_edge.i + 1
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        noun.left_edge.i == verb.left_edge.i
        and comma < verb.i
        and doc[comma].text == ","
        and not any(c.dep_ == "det" and c.lower_ in ("this", "that", "each", "every") for c in noun.children)
        and not any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in doc[noun.left_edge.i : comma])
        # the clause has no subject of its own, or only a name in apposition between two commas
        and (subject is None or (subject.left_edge.i == comma + 1 or doc[subject.left_edge.i - 1].text == ","))
        and (subject is None or "," in (doc[subject.right_edge.i].text, doc[subject.right_edge.i + 1].text))
    )


_ARRIVING = frozenset(
    {"arrive", "arrived", "arrives", "arriving", "fly", "flew", "flown", "flies", "flying", "travel", "travelled"}
    | {"traveled", "travels", "travelling", "traveling", "land", "landed", "lands", "jetted", "came", "visit"}
    | {"visited", "visits"}
)
"""Travel verbs a visit set off after them may be: not "left Moscow on Wednesday, the end of a
three-day visit" or "returned to Kyiv, the end of a visit to Washington"."""


def _set_off(noun: Token) -> bool:
    """Whether a noun phrase after its verb is set off by a comma: an apposition to the clause
    the parser took for an object ("flew to Asmara, the first visit by ...")."""
    start = noun.left_edge.i
    return start > noun.head.i + 1 and noun.doc[start - 1].text == ","


_OBSERVERS = {"observer", "observers", "monitor", "monitors"}


def _observing(verb: Token) -> bool:
    """Whether a trip is only to watch: "sent observers to the negotiations" does not make the
    sender a side."""
    return any(c.dep_ == "dobj" and c.lower_ in _OBSERVERS for c in verb.children)


def scope_of(token: Token, noun: bool) -> Scope:
    """The scope of an event word (see the module docstring)."""
    if not noun:
        verbs = _up_xcomp(token)
        scope = Scope(token, token, [token], verbs=verbs, via="self", travel=_purpose_travel(token))
        if token.dep_ == "advcl" and token.tag_ == "VBG" and _is_verb(token.head):
            scope.frame_verb = token.head  # "set foot in North Korea on Sunday, meeting Kim"
        if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
            scope.where = token.head
            above = token.head.head
            if above.dep_ == "prep" and above.head.lower_ in lexicon().word_list("travel_verbs"):
                scope.travel = above.head
        return scope
    lex = lexicon()
    containers = lex.word_list("container_nouns")
    anchor = token
    while anchor.dep_ == "conj" and anchor.head is not anchor and anchor.head.tag_ in ("NN", "NNS"):
        anchor = anchor.head
    outer = anchor
    for _ in range(3):
        if outer.dep_ == "pobj" and outer.head.lower_ == "of" and outer.head.head.lower_ in containers:
            outer = outer.head.head
        elif outer.dep_ == "compound" and outer.head.lower_ in containers:
            outer = outer.head
        else:
            break
    scope = Scope(token, outer, list(dict.fromkeys([anchor, outer])))
    # "the Russia, Turkey and Iran trilateral summit", parsed as a list ending in the summit
    top = outer
    while top.dep_ == "conj" and top.head != top and _is_actor_token(top.head):
        top = top.head
        scope.chain_parties.append(top)
    scope.clauses = [
        c
        for n in scope.nodes
        for c in n.children
        if c.dep_ in ("relcl", "acl") and _is_verb(c) and not _word_piece(c) and _next_to(n, c) and not _lost_report(c)
    ]
    scope.clauses += _loose_relative(outer)
    scope.clauses += _scheduling_clauses(scope.nodes)
    scope.clauses += [c for c in _party_relatives(scope.nodes) if c not in scope.clauses]
    head, dep = top.head, top.dep_
    if head == top:
        return scope
    if dep in ARGUMENT_DEPS and _is_verb(head):
        scope.via, scope.verbs = dep, _up_xcomp(head)
    elif dep == "npadvmod" and _is_verb(head) and top.i < head.i and _fronted(top, head):
        # "A previous truce, the Cessation of Hostilities Agreement, was signed in Geneva": the subject
        subject = next((c.dep_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), "nsubj")
        scope.via, scope.verbs = subject, _up_xcomp(head)
    elif dep == "pobj":
        prep, above = head, head.head
        word = prep.lower_
        if word == "of" and above.lower_ in ("ahead", "before"):
            word, above = above.lower_, above.head
        elif above.dep_ == "prep" and not pobjs(above) and _is_verb(above.head):
            above = above.head  # "pulled out of the talks": a particle taken for a preposition
        if _is_verb(above):
            scope.via, scope.verbs = word, _up_xcomp(above)
            scope.clauses += _stray_participles(top, above)
        elif above.tag_.startswith("NN") and above.lower_ not in containers:
            scope.noun_head = above
            scope.via = word
    elif dep == "dative" and _is_verb(head):
        scope.via, scope.verbs = "to", _up_xcomp(head)
    elif dep in ("npadvmod", "appos") and head.lower_ in _ARRIVING and _set_off(top):
        scope.travel = head  # "arrived in Tehran on Saturday, the first visit by a Saudi minister"
    if scope.verbs and scope.via == "nsubj":
        scope.verbs = _predicate(scope.verbs[0]) + scope.verbs
    if scope.verbs:
        v = scope.verbs[0]
        travel = lex.word_list("travel_verbs")
        if v.lower_ in travel and scope.via in ("for", "to", "ahead", "before") and not _observing(v):
            scope.travel = v
        elif v.lower_ in _STAYS and scope.via == "for":
            scope.travel = v  # "spent four days in Uzbekistan last week for talks": the stay is the trip
        elif v.lower_ in _ARRIVING and scope.via == "dobj" and _set_off(outer):
            scope.travel = v  # "flew to Asmara on July 8, the first visit by an Ethiopian leader"
        else:
            scope.travel = _purpose_travel(v)
    return scope
