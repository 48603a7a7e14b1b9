"""Signing ceremonies: a deal signed as the article's news is a meeting of its signatories too.

The headline or lead tells the signing ("X and Y signed a peace accord in Maputo on Tuesday");
the sentences right after it often tell the ceremony again, with the people at the table: who
put their names to the deal ("The accord was signed by A for the government and B for the
rebels", "A and B put their signatures to the document"), who signed for whom ("A signed for the
government and B for the rebels", "X, who signed for Japan,"), who signed it as a witness, who
looked on, who hosted, chaired or attended the ceremony ("Y also attended"), and where it was held
("at the presidential palace"). Those sentences become mentions of the same signing
(:attr:`Frame.retells`), so the signing meeting has its people and its sentences, and the deal
its signers. A conference the deal was signed at ("at the closing session of the Paris
Conference") is the same meeting; a host of the ceremony holds no meeting of their own.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.tokens import Span, Token

from kg.extract.args import Resolver
from kg.extract.events import Frame
from kg.extract.layout import Layout, Sentence
from kg.extract.syntax import pobjs, subjects
from kg.extract.timex import expressions_at, months_before, resolve
from kg.nlp.lexicon import words

_SIGNS = words("sign signs signed ink inks inked initial initials initialled initialed")
_SIGNATURES = words("name names signature signatures")  # "put their names to the accord"
_PUTTING = words("put puts putting set sets setting affixed affix")
_WRITINGS = words("document documents text texts copy copies")  # what is signed besides the deal word
_DEFINITE = words("the this that these those its their")
_WATCHING = words("look looks looked looking watch watches watched")  # "X looked on"
_CEREMONY = words("ceremony signing")
_ATTENDING = words("host hosts hosted attend attends attended witness witnesses witnessed grace graced")
_WITNESSES = words("witness witnesses guarantor guarantors")
_PRESENT = words("attend attends attended")  # "X also attended"
_CHAIRED = words("chaired co-chaired cochaired")  # "the conference, co-chaired by X and Y"
_ALONGSIDE = words("together along alongside")  # "signed as witnesses, together with Y"
_WINDOW = 4  # sentences after the lead that may still tell its ceremony


def ceremonies(frames: list[Frame], layout: Layout, resolver: Resolver, anchor: date | None) -> list[Frame]:
    """``frames`` with a meeting for each signing told as the news or as a recent step of it, and
    the sentences after it that tell that ceremony again, in document order; ``anchor`` is the
    article's date."""
    out = list(frames)
    for signing in _signings(frames, layout, resolver, anchor):
        retold = _retellings(signing, frames, layout, resolver)
        verbs = {f.trigger.i for f in retold}
        out = [f for f in out if not (f.kind == "meeting" and f.trigger.i in verbs)]  # "X hosted the ceremony"
        out += [signing, *retold]
    return sorted(out, key=lambda f: f.index)


def signing_subjects(verb: Token) -> list[Token]:
    """Who signs: the subjects of an active verb, the agent of a passive one."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    return subjects(verb)


def _same_meeting(m: Frame, deal: Frame) -> bool:
    """Whether the sentence of a signing tells a meeting of the signatories already ("X and Y met in
    Sharm el-Sheikh on Monday and signed an agreement")."""
    shared = set(m.participants) & set(deal.participants)
    return m.kind == "meeting" and m.sentence is deal.sentence and not m.generic and len(shared) >= 2


def _signings(frames: list[Frame], layout: Layout, resolver: Resolver, anchor: date | None) -> list[Frame]:
    """The signing of a deal told as the article's news, by the main verb of its headline or
    lead ("X and Y signed a peace accord in Maputo on Tuesday"): the signatories met to sign, so
    the signing is a meeting too, of category "signing". So is a recent signing the body tells
    with its place (:func:`_placed_in_body`). A deal told as signed in passing ("a deal signed by
    X and Y in February") or only reached is not."""
    out = []
    for f in frames:
        verb = f.trigger.head
        if (
            f.kind != "agreement"
            or not f.signed
            or f.generic
            or f.status not in ("Occurred", "Planned")
            or not (len(f.participants) >= 2 or (f.participants and f.sides >= 2))  # "X and rebel groups signed"
            or verb.lower_ not in _SIGNS
            or not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
            or not (layout.tells_the_news(f.sentence) or _placed_in_body(f, verb, anchor, frames))
            or f.sentence.span.text.rstrip().endswith("?")  # "Will Russia and Ukraine sign a deal?"
            or any(c.lower_ == "separately" for c in verb.children)  # not signed together
            or any(_same_meeting(m, f) for m in frames)
        ):
            continue
        signers = [k for s in signing_subjects(verb) for x in (s, *s.conjuncts) for k in resolver.resolve(x, False)]
        signers = list(dict.fromkeys(signers))
        out.append(
            _signing(
                verb,
                f.sentence,
                participants=signers if len(signers) >= 2 else list(f.participants),  # "as guarantors"
                place=f.place,
                times=list(f.times),
                status=f.status,
                explicit_parties=f.explicit_parties,
                sides=f.sides,
            )
        )
    return out


_AT = words("in at")
_RECENT_MONTHS = 2  # a signing this long before the article is a step of its story


def _placed_in_body(f: Frame, verb: Token, anchor: date | None, frames: list[Frame]) -> bool:
    """Whether a signing told below the lead names where it was held, in its own clause, and was
    a recent step of the story: the signatories met there to sign ("On May 18 in Bishkek they
    signed a protocol", "The two panels initialled the text in Jakarta on Friday"). Undated, it may
    be the lead's signing told again ("The agreement was signed by A and B at the conference
    centre"); dated years back, it is the deal's background ("The two sides signed a framework
    agreement in Manila in October 2012"), told for the deal, not for a meeting. Signed "in talks"
    the sentence tells, the talks are the meeting."""
    if f.place is None or f.status != "Occurred" or anchor is None:
        return False
    if any(m.kind == "meeting" and m.trigger.head.dep_ == "prep" and m.trigger.head.head.i == verb.i for m in frames):
        return False
    when = next((w for ref in f.times if (w := resolve(ref, anchor, f.status)) is not None and w.iso), None)
    if when is None or months_before(when, anchor) > _RECENT_MONTHS:
        return False
    held = (verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")))  # "signed a protocol in Arusha"
    return any(
        c.dep_ == "prep" and c.lower_ in _AT and any(o.ent_type_ in ("GPE", "FAC", "LOC") for o in pobjs(c))
        for t in held
        for c in t.children
    )


def _signing(verb: Token, sentence: Sentence, **facts: Any) -> Frame:
    return Frame("meeting", "signing", "signing", verb, sentence, **facts)


def _retellings(signing: Frame, frames: list[Frame], layout: Layout, resolver: Resolver) -> list[Frame]:
    """Mentions of ``signing`` in the few body sentences after its own that tell the ceremony
    again (see the module docstring). The window closes after a sentence that tells another event
    or a time of its own: the story has moved on ("Five days earlier the two men signed ..."). A
    deal told with a time of its own is another signing."""
    if signing.status != "Occurred" or signing.sentence.headline:
        return []
    out: list[Frame] = []
    first = signing.sentence.index + 1
    for sentence in layout.sentences[first : first + _WINDOW]:
        if not sentence.usable or sentence.headline:
            break
        here = [f for f in frames if f.sentence is sentence]
        deals = {f.index: f for f in here if f.kind == "agreement" and not f.times and f.ordinal is None}
        found = _told_again(sentence.span, deals, resolver)
        hosting = set()
        if found is not None:
            verb, signers, chairs, place, hosting = found
            chairs = [k for k in chairs if k not in signers]
            facts = {"participants": signers, "place": place, "chairs": chairs, "retells": signing.index}
            held_at = next((f.index for f in here if f.kind == "meeting" and _signed_at(verb, f.trigger)), None)
            out.append(_signing(verb, sentence, status="Occurred", source=held_at, **facts))
            doc = sentence.span.doc
            out += [_signing(doc[i], sentence, status="Occurred", retells=signing.index) for i in hosting - {verb.i}]
        if any(_moves_on(f) for f in here if f.trigger.i not in hosting):
            break
    return out


def _signed_at(verb: Token, meeting: Token) -> bool:
    """Whether a signing is told as held at a meeting: "signed at the closing session of the
    Paris Conference", "signed during the summit"; not "initialled last month, at the end of the
    fifth round", a step of its own)."""
    if verb.lower_ not in _SIGNS or verb.lower_.startswith("initial") or _dated(verb):
        return False
    for v in (verb, *(h for h in [verb.head] if verb.dep_ == "conj")):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "during"):
                nouns = pobjs(c)  # "the summit", "the closing session of the conference"
                nouns += [
                    o for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for o in pobjs(p)
                ]
                if meeting in nouns:
                    return True
    return False


def _moves_on(f: Frame) -> bool:
    """Whether a frame tells something other than the ceremony: a new meeting ("were later
    received by"; not "the envoy who mediated the talks"), or any event dated."""
    if f.generic:
        return False
    return bool(f.times) or f.ordinal is not None or (f.kind == "meeting" and not f.definite)


Retelling = tuple[Token, list[str], list[str], str | None, set[int]]
"""The verb, the signers, the others at the table, the place, and the verbs that host or attend
the ceremony ("X hosted the ceremony": no meeting of its own)."""


def _told_again(span: Span, deals: dict[int, Frame], resolver: Resolver) -> Retelling | None:
    """A :data:`Retelling` when ``span`` tells the ceremony again; None when it does not."""
    signers: list[Token] = []
    hosting: set[int] = set()
    chairs: list[Token] = []
    verb, place = None, None
    for t in span:
        relative = t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children)
        if not t.tag_.startswith("VB") or (t.dep_ in ("acl", "relcl", "amod") and t.lower_ in _SIGNS and not relative):
            continue  # "a deal signed by X in 2019" is another signing, in passing; not "X, who signed for Y,"
        deal = _signed_deal(t, deals)
        if deal is not None:
            who = _signers(t) + _sides(t)
            witness = any(c.lower_ == "also" for c in t.children) or _as_witness(t)
            (chairs if witness else signers).extend(who)
            chairs.extend(_in_front_of(t))
            verb = verb or t
            frame = deals.get(deal.i)
            place = place or (frame.place if frame is not None else None)
        elif t.lower_ in _SIGNS and _as_witness(t) and not any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
            chairs.extend(subjects(t) + _alongside(t))  # "X and Y signed as witnesses, together with Z"
            verb = verb or t
        elif t.lower_ in _SIGNS and _signs_for_someone(t):
            signers.extend(subjects(t) + _sides(t))  # "A signed for the government and B for the rebels"
            verb = verb or t
        elif t.lower_ in _WATCHING and any(c.dep_ == "prt" and c.lower_ == "on" for c in t.children):
            chairs.extend(_with_as_did(t, subjects(t)))  # "X looked on, as did Y"
            verb = verb or t
        elif t.lower_ in _ATTENDING and _of_the_ceremony(t):
            chairs.extend(_attendees(t))
            hosting.add(t.i)
            verb = verb or t
        elif t.lower_ in _CHAIRED and t.dep_ in ("acl", "advcl"):
            chairs.extend(o for c in t.children if c.dep_ == "agent" for o in pobjs(c))
            verb = verb or t
        elif t.lower_ in _PRESENT and _just_there(t):
            chairs.extend(subjects(t) + _alongside(t))  # "X also attended"
            verb = verb or t
    if verb is None:
        return None

    def keys(tokens: list[Token]) -> list[str]:
        found = [k for x in tokens for y in (x, *x.conjuncts) for k in resolver.resolve(y, False)]
        return list(dict.fromkeys(found + [k for x in tokens for k in _persons_in(x, resolver)]))

    return verb, keys(signers), keys(chairs), place, hosting


def _persons_in(phrase: Token, resolver: Resolver) -> list[str]:
    """The people a noun phrase names, however the parser hung them ("the chief negotiators, A for
    the government and B for the rebels"; not those of a relative clause in it)."""
    out, todo = [], [phrase]
    while todo:
        t = todo.pop()
        key = resolver.actors.key_at(t.i)
        info = resolver.actors.get(key) if key else None
        if info is not None and info.type == "Person" and key not in out:
            out.append(key)
        todo += [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")]
    return out


def _signed_deal(verb: Token, deals: dict[int, Frame]) -> Token | None:
    """The deal ``verb`` signs, when it is one named before ("the accord", "the document"):
    "The accord was signed ...", "signed the agreement", "put their names to the accord"."""
    if verb.lower_ in _SIGNS:
        objects = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    elif verb.lower_ in _PUTTING and any(c.dep_ == "dobj" and c.lower_ in _SIGNATURES for c in verb.children):
        objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in pobjs(c)]
    else:
        return None
    for o in objects:
        deal = next((p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)), o)
        if o.lower_ in _WRITINGS and deal is o and _definite(o):
            return o  # "the document"
        for d in (deal, o):  # "the text of the accord"; "the Declaration of Principles"
            if d.i in deals and not deals[d.i].generic and (_definite(d) or deals[d.i].named):
                return d
    return None


def _definite(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children)


def _signers(verb: Token) -> list[Token]:
    """Who signs; a passive verb's agents may hang from its other phrases ("signed at a Doha hotel
    by X, ..., and Y", Y joined to the verb; "signed for the government by X and for the rebels
    by Y")."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return signing_subjects(verb)
    found: list[Token] = []
    todo = [(c, False) for c in verb.children if c.dep_ in ("agent", "prep", "conj", "cc")]
    while todo:
        t, aside = todo.pop(0)
        # "at the square, in front of guests, among them X": those who looked on
        aside = aside or (t.dep_ == "prep" and (t.lower_ in _WHERE_OR_WHEN or (t.lower_ == "among" and t.head == verb)))
        if t.dep_ in ("agent", "prep") and t.lower_ == "by":
            found += pobjs(t)
        elif t.dep_ == "conj" and t.head.i == verb.i and t.tag_ in ("NNP", "NNPS"):
            found.append(t)
        elif not aside and t.dep_ in ("appos", "conj") and t.ent_type_ == "PERSON" and t not in found:
            found.append(t)  # "by A of Costa Rica, B of Guatemala, ...", the parser hanging B on A or on a country
        todo += [(c, aside) for c in t.children if c.dep_ in ("prep", "pobj", "agent", "conj", "cc", "appos")]
    return found


_WHERE_OR_WHEN = {"at", "in", "before", "during", "after", "on", "amid", "with"}


def _sides(verb: Token) -> list[Token]:
    """Whom a signer signs for: "signed for the government" (and "B for the rebels", the
    parser joining B to the government), "on behalf of the rebels", "as president of the
    council"."""
    out = []
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "for":
            out += pobjs(c)
        elif c.lower_ in ("on", "as"):
            for o in pobjs(c):
                if o.lower_ in _WITNESSES or (c.lower_ == "on" and o.lower_ != "behalf"):
                    continue
                out += [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for x in pobjs(p)]
    return out


def _signs_for_someone(verb: Token) -> bool:
    """Whether ``verb`` tells who signed for whom, with no deal of its own: "A signed for the
    government and B for the rebels", "X, who signed for Japan,", "X signed as president of the
    council" (not "signed a protocol for Y", "did not sign", nor a signing with a time of its own)."""
    sides = _sides(verb)
    if not sides or any(c.dep_ in ("nsubjpass", "neg") for c in verb.children):
        return False
    first = min(s.i for s in sides)
    if any(c.dep_ == "dobj" and c.i < first for c in verb.children):
        # its own object: "signed a protocol for ..." (one after it is an apposition the parser took for one)
        return False
    return not _dated(verb)


def _just_there(verb: Token) -> bool:
    """ "X also attended": attending, with no object, no negation and no time of its own."""
    if any(c.dep_ in ("dobj", "neg", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return False
    return not _dated(verb)


def _dated(verb: Token) -> bool:
    """Whether a time hangs from the verb: "signed last month", "attended on Monday"."""
    return bool(expressions_at(verb))


def _alongside(verb: Token) -> list[Token]:
    """ "..., together with Z", "along with Z", "alongside Z" """
    out = []
    for c in verb.children:
        together = any(a.dep_ == "advmod" and a.lower_ in _ALONGSIDE for a in c.children)
        if c.dep_ == "prep" and c.lower_ == "with" and together:
            out += pobjs(c)
        elif c.dep_ == "advmod" and c.lower_ in _ALONGSIDE:
            out += [o for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for o in pobjs(w)]
        elif c.dep_ == "prep" and c.lower_ == "alongside":
            out += pobjs(c)
    return out


def _as_witness(verb: Token) -> bool:
    """ "signed the document as a witness" """
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ in _WITNESSES for o in pobjs(c)) for c in verb.children
    )


def _in_front_of(verb: Token) -> list[Token]:
    """ "signed at the palace in front of ministers and former President X", "in the presence of X" """
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for f in pobjs(c)
        if f.lower_ in ("front", "presence")
        for p in f.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in pobjs(p)
    ]


def _with_as_did(verb: Token, found: list[Token]) -> list[Token]:
    """The subjects of a verb and of its "as did Y" ("X looked on, as did Y")."""
    return found + [
        s for c in verb.children if c.dep_ == "advcl" and c.lower_ == "did" for s in c.children if s.dep_ == "nsubj"
    ]


def _of_the_ceremony(verb: Token) -> bool:
    """Whether ``verb`` hosts or attends the ceremony: "the ceremony was hosted by X", "a
    ceremony hosted by X", "X attended the signing"."""
    if verb.dep_ == "acl" and verb.head.lower_ in _CEREMONY:
        return True
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in _CEREMONY for c in verb.children)


def _attendees(verb: Token) -> list[Token]:
    """Who hosts or attends: the agents of a passive, else the subjects ("Y, who attended the
    signing along with Z")."""
    agents = [o for c in verb.children if c.dep_ == "agent" for o in pobjs(c)]
    agents += [o for c in verb.children if c.dep_ == "conj" and c.lower_ == "by" for o in pobjs(c)]  # "..., and by Z"
    if agents or verb.dep_ == "acl":
        return agents
    along = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "along" for w in c.children for o in pobjs(w)]
    return subjects(verb) + along
