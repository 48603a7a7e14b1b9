"""Helpers over the parse compare tokens by position: spaCy makes a new Token object on every
access, so ``token.head is token`` never holds, even at the root."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.layout import Layout
from kg.extract.syntax import chain, subjects


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_chain_stops_at_the_root():
    doc = parsed(["envoys", "held", "talks"], [1, 1, 1], ["nsubj", "ROOT", "dobj"])
    assert [t.i for t in chain(doc[2])] == [2, 1]
    assert [t.i for t in chain(doc[1])] == [1]


def test_subjects_stop_at_the_root():
    doc = parsed(["talks", "resumed"], [1, 1], ["nsubj", "ROOT"])
    assert [t.text for t in subjects(doc[1])] == ["talks"]
    doc = parsed(["resumed", "quickly"], [0, 0], ["ROOT", "advmod"])
    assert subjects(doc[0]) == []


def test_layout_reads_the_article_text_when_it_is_the_docs():
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Talks", "began", "."],
        spaces=[True, False, False],
        sent_starts=[True, False, False],
    )
    assert Layout(doc, "Talks began.").text == "Talks began."
    assert Layout(doc, "Something else entirely").text == "Talks began."  # not the doc's text: ignored
