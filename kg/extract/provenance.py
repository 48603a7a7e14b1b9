"""Who the text says reports an event mention: "the Taliban said", "according to the State
Department", "X told AFP". A statement, a report or a news outlet as the source gives no actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.args import Resolver
from kg.extract.syntax import chain, pobjs
from kg.nlp.lexicon import lexicon


def reported_by(trigger: Token, resolver: Resolver, text: str | None = None) -> str | None:
    """The actor key of the source the sentence cites for this mention, if it names one.

    ``text``: the text the doc was parsed from, when the caller has it; a sentence that does not
    hold the word "according" is then not walked for it.
    """
    report = lexicon().word_list("report_verbs")
    sent = trigger.sent
    according = text is None or "according" in text[sent.start_char : sent.end_char].lower()
    for t in sent if according else ():  # "according to X" anywhere in the sentence
        if t.lower_ == "according":
            for prep in t.children:
                if prep.lower_ == "to":
                    for obj in pobjs(prep):
                        keys = resolver.resolve(obj, conjuncts=False)
                        if keys:
                            return keys[0]
    verbs = [v for v in chain(trigger, 8) if v.lower_ in report and v.tag_.startswith("VB")]
    root = sent.root
    if root.lower_ in report and root not in verbs:
        verbs.append(root)
    for v in verbs:
        for s in v.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("it", "that", "this", "which"):
                keys = resolver.resolve(s, conjuncts=False) or _owner(s, resolver)
                return keys[0] if keys else None
    return None


def _owner(subject: Token, resolver: Resolver) -> list[str]:
    """ "Karzai's office said" -> Karzai: the owner of an office or a spokesman."""
    for c in subject.children:
        if c.dep_ == "poss" or c.dep_ == "compound":
            keys = resolver.resolve(c, conjuncts=False)
            if keys:
                return keys
    return []
