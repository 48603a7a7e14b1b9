"""What one event mention states: its status (Planned, Occurred, Denied, Cancelled or nothing),
and whether it speaks of a specific event at all.

Status cues are read nearest first: cancelling words over the event ("called off", "suspended",
"recalled", "the collapse of"), denials ("denied any talks", "no talks", "did not meet"),
modifiers ("upcoming", "recent"), a clause on the event noun ("the deal signed in Doha", "the swap
set to happen"), a trip the event is the purpose of ("flew to Muscat to resume talks"), a
temporal preposition ("after the deal", "ahead of talks"), then the verb the event is an argument
of: "will", "set to", "scheduled", or its tense ("held", "has reached"). A present-tense mention
with no cue ("the talks come as ...") states nothing. Talks that "collapsed" or "broke down" met
first (Occurred); an attempt to hold them that collapsed, or talks still to come, did not
(Cancelled); an agreement that collapsed is Cancelled.

A mention is generic when a wish, call, refusal or modal governs it ("called for talks",
"refused to hold talks", "talks might lead to a truce"), or it is "any talks" or "such meetings".
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from kg.extract.scope import TEMPORAL_FUTURE, TEMPORAL_PAST, Scope
from kg.extract.syntax import BE, DISMISSING, chain
from kg.extract.syntax import particles as verb_particles
from kg.nlp.lexicon import lexicon, words

_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would", "'d"}
_MODALS = {"could", "might", "may", "should", "must", "can"}
_NEGATIONS = {"not", "n't", "never"}
_PAST_AUX = {"has", "have", "had", "was", "were", "did"}
_HAPPEN = words(
    "hold held holds meet met take took taken happen happened reach reached sign signed agree "
    "agreed occur occurred attend attended"
)
_NOT_PLANNED_FOR_AGREEMENTS = {"agreed", "announced", "announce", "announces", "would"}
_PLANNED_MODIFIERS = words(
    "upcoming next planned proposed scheduled future forthcoming expected possible potential prospective tentative"
)
_TIME_PREPS = {"after", "before", "until", "till", "since", "following", "ahead", "pending"}
_REASON_PREPS = {"over", "amid", "despite"}
_TERMS_PREPS = {"under"}  # "under the treaty, Israel will withdraw": what the treaty provides
# "recalled the ceasefire" remembers it; "recalled its team from the talks" calls it off
_REMEMBERING = {"recall", "recalled", "recalls"}
_PAST_MODIFIERS = {"recent", "previous", "earlier", "former", "last", "past"}


def mention_status(scope: Scope, kind: str) -> str | None:
    """The status this one mention states, or None."""
    found = _cancelled_or_denied(scope, kind)
    if found:
        return found
    for n in scope.nodes:
        for c in n.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in _PLANNED_MODIFIERS:
                return "Planned"
            if c.dep_ == "amod" and c.lower_ in _PAST_MODIFIERS and c.lower_ != "last":
                return "Occurred"
    planned = lexicon().word_list("planned_cues")
    if kind == "agreement":
        planned = planned - _NOT_PLANNED_FOR_AGREEMENTS
    arranging = lexicon().word_list("mediator_verbs") | {"convened", "co-convened"}
    for clause in scope.clauses:
        if clause.lower_ in planned or _future(clause):
            return "Planned"
        if clause.tag_ == "VBN" and clause.lower_ in arranging and any(c.dep_ == "agent" for c in clause.children):
            continue  # "the meeting, convened by Turkey and Qatar": who arranged it, not that it took place
        if clause.tag_ in ("VBD", "VBN"):
            return "Occurred"
    if kind == "meeting" and scope.travel is not None and scope.travel.tag_ != "VBN":
        departure = scope.travel.lower_ in lexicon().word_list("departure_verbs")
        # "departed for talks" is on the way; "flew to Sanaa to discuss" is a trip made
        return "Occurred" if scope.travel.tag_ == "VBD" and not departure else "Planned"
    if scope.via in TEMPORAL_PAST:
        return "Occurred"
    if scope.via in TEMPORAL_FUTURE:
        return "Planned"
    return _from_verbs(scope, planned)


def _future(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in verb.children)


def _cancelled_or_denied(scope: Scope, kind: str) -> str | None:
    lex = lexicon()
    cancelled, particles = lex.word_list("cancelled_cues"), lex.word_list("cancel_particles")
    particle_verbs, denied = lex.word_list("cancel_particle_verbs"), lex.word_list("denied_cues")
    support, efforts = lex.word_list("support_verbs"), lex.word_list("effort_nouns")
    reports = lex.word_list("report_nouns")
    outer = scope.outer
    if outer != scope.token and (outer.lower_ in cancelled or _broke_down(outer, kind)):
        return _ended(scope, outer, kind)  # "the collapse of the talks", "the breakdown of the talks"
    if _counterfactual(outer):
        return "Cancelled"
    verbs_seen = 0
    heads = chain(outer, 5)
    arranging, planning = lex.word_list("mediator_verbs"), lex.word_list("planned_cues")
    travel = lex.word_list("travel_verbs")
    skip: int | None = None  # the report noun a misplaced "that" clause belongs to
    for n, (below, v) in enumerate(pairwise(heads)):
        if skip is not None:
            skip = None if v.i == skip else skip
            continue
        if v.dep_ == "prep" and v.lower_ in _TIME_PREPS:
            break  # "put off until after the Moscow conference": the conference is when, not what
        if v.dep_ == "prep" and v.lower_ in _REASON_PREPS:
            break  # "suspended her over a leaked telephone conversation": the call is why, not what
        if v.dep_ == "prep" and v.lower_ in _TERMS_PREPS:
            break  # "under the treaty, Israel will withdraw from Sinai" withdraws from no treaty
        if below.dep_ == "conj" and below.tag_.startswith("VB"):
            if _content_clause(below) or not (v.lower_ in denied or v.lower_ in cancelled):
                continue  # "denied reports that X was in Tehran and that Iran had arranged a meeting",
                # "denied that he had flown to Cairo and met the envoys": as the verb it is joined to
            break  # "denied wrongdoing and held talks": the denial is not of the talks
        if _broke_down(v, kind) and below.dep_ in ("nsubj", "nsubjpass"):
            return _ended(scope, v, kind)  # "the talks collapsed"
        if (
            _broke_down(v, kind)
            and below.dep_ == "xcomp"
            and below.lower_ in _HAPPEN
            and n
            and heads[n - 1].dep_ == "dobj"
        ):
            return "Cancelled"  # "failed to attend the talks"; not "failed to agree on a truce at talks"
        if v.lower_ in cancelled and not (v.lower_ in _REMEMBERING and below.dep_ != "prep" and not _sent(scope)):
            return "Cancelled"
        if v.lower_ in particle_verbs and any(c.lower_ in particles for c in _phrasal(v)):
            return "Cancelled"
        if v.lower_ in denied:
            if _withheld(v):
                break  # "did not deny reports that ...", "neither confirmed nor denied", "refused to deny"
            if v.lower_ in DISMISSING and below == outer and below.dep_ == "dobj":
                break  # "dismissed the deal" makes light of it; "dismissed reports of a deal" denies it
            return "Denied"
        if v.lower_ in reports and _content_clause(below):
            continue  # "denied reports that he had met the envoys": the cue over the reports is the event's
        report = _report_by(v, below)
        if report is not None:
            skip = report.i
            continue  # "dismissed a report by a London channel that he had met X": the report's clause
        if v.tag_.startswith("NN"):
            undone = v.head.lower_ in cancelled or _broke_down(v.head, kind)
            if v.lower_ in efforts and v.dep_ in ("nsubj", "nsubjpass") and undone:
                return "Cancelled"  # "an attempt to hold talks collapsed": the talks never met
            break  # "put off a vote on the deal" puts off the vote
        if v.tag_.startswith("VB"):
            if v.lower_ in _HAPPEN and v.dep_ == "ccomp":
                continue  # "denied that the meeting had taken place"
            verbs_seen += 1
            passing = v.lower_ in support or v.lower_ in arranging or v.lower_ in planning  # "had arranged a meeting"
            passing = passing or (v.lower_ in travel and below.dep_ in ("advcl", "xcomp"))  # "travel to Doha to meet"
            if verbs_seen == 2 or not passing or v.dep_ == "advcl":
                break  # "threatened to quit if the deal is approved" quits no deal; "a bid to host talks" goes on
    if any(c.dep_ == "det" and c.lower_ == "no" for c in outer.children):
        return "Denied"
    verb = scope.verbs[0] if scope.verbs else None
    negated = verb is not None and any(c.dep_ == "neg" and c.lower_ in _NEGATIONS for c in verb.children)
    # "the meeting did not take place"; not "the two men never met during the talks", which were held
    told_in = scope.via in ("during", "at", "in", "after", "before", "since", "until", "following", "ahead")
    if negated and not told_in and verb.lower_ in _HAPPEN | {scope.token.lower_}:
        past = verb.tag_ == "VBD" or any(c.lower_ in _PAST_AUX for c in verb.children)
        return "Denied" if past else None
    return None


_WITHHOLDING = words("refuse refused refuses refusing decline declined declines declining")


def _sent(scope: Scope) -> bool:
    """Whether the event word is a delegation, which is recalled from where it was sent."""
    return any(t.id == "delegation" and scope.token.lower_ in t.forms for t in lexicon().triggers)


def _withheld(cue: Token) -> bool:
    """Whether a denial is not made: negated ("did not deny"), one of "neither ... nor" ("neither
    confirmed nor denied"), or refused ("refused to deny")."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    if cue.dep_ == "conj" and any(c.lower_ in ("neither", "nor") for c in (*cue.head.children, *cue.children)):
        return True
    return cue.dep_ == "xcomp" and cue.head.lower_ in _WITHHOLDING


def _report_by(noun: Token, clause: Token) -> Token | None:
    """The report noun whose "that" clause the parser hung from the name of its source: "a report
    by the channel Afghanistan International that Muttaqi had met Qaani"."""
    if not noun.tag_.startswith("NN") or clause.dep_ not in ("relcl", "acl"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    prep = noun.head
    if (
        noun.dep_ != "pobj"
        or prep.lower_ not in ("by", "from", "in")
        or prep.head.lower_ not in lexicon().word_list("report_nouns")
    ):
        return None
    return prep.head


def _content_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a clause that tells what a noun says ("reports that he had met", or
    the second of two such clauses: "... and that Iran had arranged"), not a relative clause on
    it ("reports that appeared on Monday", where "that" is the subject). The parser at times
    takes the "that" for a relative pronoun; a clause that has the subject or object "that" would
    stand for already (or whose object is a "for ... to" clause) is a content clause all the same."""
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    that = next((c for c in verb.children if c.lower_ == "that"), None)
    if that is None:
        return False
    if first.dep_ == "relcl" and that.dep_ == "dobj" and any(_for_clause(c) for c in verb.children):
        return True  # "reports that Irgashev had arranged for the envoys to meet ...": its object is told
    if first.dep_ not in ("acl", "ccomp"):
        return False
    return that.dep_ == "mark" or any(c.dep_ == that.dep_ and c is not that for c in verb.children)


def _for_clause(clause: Token) -> bool:
    """ "for the envoys to meet": a clause with "for", a subject of its own and "to"."""
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
    return clause.dep_ in ("advcl", "ccomp", "xcomp") and {"for", "to"} <= marks


def _broke_down(word: Token, kind: str) -> bool:
    """Whether ``word`` says that talks ended without a result ("collapsed", "broke down",
    "stalled", "the breakdown of"): talks that did meet first."""
    if kind != "meeting":
        return False
    low, lex = word.lower_, lexicon()
    if low in lex.word_list("breakdown_cues"):
        return True
    if low not in lex.word_list("cancel_particle_verbs"):
        return False
    ends = lex.word_list("breakdown_particles")
    return any(c.lower_ in ends for c in _phrasal(word))


def _phrasal(verb: Token) -> list[Token]:
    """The particles of a phrasal verb, and the bare word right after it that the parser does
    not take for one ("fell apart", an adverb; "fell through", a preposition with no object)."""
    after = [c for c in verb.children if c.i == verb.i + 1 and c.dep_ in ("advmod", "prep") and not any(c.children)]
    return [*verb_particles(verb), *after]


def _ended(scope: Scope, cue: Token, kind: str) -> str:
    """The status of an event that ``cue`` ends. Called off, suspended or scrapped: Cancelled.
    Talks that collapsed or broke down met first ("Direct talks hosted by Kuwait broke down after
    three months"): Occurred, unless they were still to come ("the planned talks collapsed",
    "the talks collapsed before they began")."""
    if not _broke_down(cue, kind):
        return "Cancelled"
    planned = lexicon().word_list("planned_cues") | _PLANNED_MODIFIERS
    to_come = any(
        c.lower_ in planned and not any(x.dep_ == "xcomp" and x.lower_ in _DURING for x in c.children)
        for n in scope.nodes
        for c in n.children
        if c.dep_ in ("amod", "acl", "compound")
    )  # "the planned talks collapsed"; not "the talks, expected to last three days, broke down"
    before = any(
        m.lower_ == "before" and _begins(c)
        for c in cue.children
        if c.dep_ == "advcl"
        for m in c.children
        if m.dep_ == "mark"
    )  # "collapsed before they began"; not "collapsed before any ceasefire could be agreed"
    return "Cancelled" if to_come or before else "Occurred"


_DURING = words("last lasted lasting end ended run continue conclude finish")
_BEGIN = words("begin began begun start started open opened convene convened meet met resume resumed take took")


def _begins(clause: Token) -> bool:
    """Whether a clause tells of something beginning or taking place, or has the talks for subject."""
    return clause.lower_ in _BEGIN or any(c.dep_ == "nsubj" and c.lower_ in ("they", "it") for c in clause.children)


def _counterfactual(noun: Token) -> bool:
    """ "what was to have been a summit": an event that was meant to be and is no more."""
    been = noun.head
    if noun.dep_ not in ("attr", "nsubj") or been.lower_ != "been":
        return False
    aux = {c.lower_ for c in been.children if c.dep_ == "aux"}
    return {"to", "have"} <= aux and been.head.lower_ in ("was", "were")


def _from_verbs(scope: Scope, planned: frozenset[str]) -> str | None:
    lex = lexicon()
    occurred, support = lex.word_list("occurred_cues"), lex.word_list("support_verbs")
    for i, v in enumerate(scope.verbs):
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if v.dep_ == "xcomp" and "to" in aux and v.head.lower_ in BE and "have" not in aux:
            return "Planned"  # "talks were to resume on Friday"
        if aux & _FUTURE_AUX:
            return "Planned"
        if v.lower_ in planned and v != scope.token and (i or scope.via in ("dobj", "nsubjpass", "self")):
            return "Planned"  # "proposed a meeting", "talks are planned", "set to resume"
        if v.lower_ in _AWAITED and scope.via == "for" and any(c.dep_ == "auxpass" for c in v.children):
            return "Planned"  # "is expected in Islamabad later this week for talks"
        if "to" in aux and v.tag_ == "VB" and (v.lower_ in support or v == scope.token):
            head = v.head
            if head.tag_.startswith("NN") and _record_holder(head):
                return "Occurred"  # "became the most senior UN official to visit Afghanistan"
            if head == v or head.lower_ in planned or head.tag_.startswith("NN"):
                return "Planned"
            continue
        tense = _tense(v, aux, occurred)
        if tense or not v.tag_.startswith("VB"):
            return tense
    return None


def _record_holder(noun: Token) -> bool:
    """Whether a noun is "the first (last, most senior, only) one" to do something, said of
    someone as a fact of the past: "was the first Saudi minister to visit Tehran"."""
    ranked = any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in _RANKS or any(a.tag_ == "RBS" for a in c.children))
        for c in noun.children
    )
    verb = noun.head
    return ranked and noun.dep_ in ("attr", "oprd") and verb.tag_ in ("VBD", "VBN")


_RANKS = {"first", "last", "only", "second", "third"}
_AWAITED = {"expected", "scheduled", "slated", "due"}


def _tense(v: Token, aux: set[str], occurred: frozenset[str]) -> str | None:
    if v.tag_ == "VBD":
        return "Occurred"
    if v.tag_ == "VBN" and (aux & _PAST_AUX or v.dep_ in ("acl", "relcl", "amod")):
        return "Occurred"
    if v.tag_ in ("VBZ", "VBP") and v.lower_ in occurred:
        return "Occurred"
    return None


def _inverted(verb: Token) -> bool:
    """Whether a modal comes before the subject: "should Egypt violate the treaty" is a condition
    (the parser may make it the main clause), not a doubt on what the sentence tells."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ == "aux" and c.lower_ in _MODALS and c.i < subject.i for c in verb.children
    )


def is_generic(scope: Scope) -> bool:
    """Talk of talks rather than a specific occasion (see the module docstring)."""
    lex = lexicon()
    cues, report, denied = lex.word_list("generic_cues"), lex.word_list("report_verbs"), lex.word_list("denied_cues")
    nodes = scope.nodes
    dets = {c.lower_ for n in nodes for c in n.children if c.dep_ in ("det", "amod")}
    if scope.via == "without":
        return True
    if "any" in dets or "such" in dets:  # "denied that any such meeting took place" is about one
        return not any(g.lower_ in denied for g in chain(scope.outer, 4))
    below = scope.outer
    for g in chain(scope.outer, 6)[1:]:
        if g.dep_ == "prep" and g.lower_ in ("at", "during") and below.dep_ == "pobj":
            break  # "urged the sides to talk at a conference in Moscow": the wish was made there
        via_subject = below.dep_ in ("nsubj", "nsubjpass")
        particle = bool(verb_particles(g))  # "called off" is not "called for"
        cue = g.lower_ in cues and g.tag_ not in ("NNP", "NNPS") and not (g.lower_ == "open" and g.tag_ != "JJ")
        if not via_subject and not particle and cue:  # "may", not "May"
            return True
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in g.children) and not _inverted(g):
            return True
        if (g.lower_ in report and g.tag_.startswith("VB")) or g.dep_ == "ROOT":
            break
        below = g
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in scope.token.children)
