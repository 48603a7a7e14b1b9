"""Extraction: a parsed article (spaCy ``Doc``) to records (:mod:`kg.records`).

Pure: no RDF, no I/O. One module per concern: :mod:`~kg.extract.layout` (sentences, boilerplate
and captions), :mod:`~kg.extract.actors`, :mod:`~kg.extract.places`, :mod:`~kg.extract.events`
(one frame per trigger), :mod:`~kg.extract.ceremonies` (signings that are meetings too),
:mod:`~kg.extract.delegations` (who led each side), :mod:`~kg.extract.coref` (frames grouped into
events), :mod:`~kg.extract.meetings`, :mod:`~kg.extract.agreements`, with
:mod:`~kg.extract.status`, :mod:`~kg.extract.timex` and :mod:`~kg.extract.provenance` for what each
mention states.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.actors import resolve_actors
from kg.extract.agreements import agreements
from kg.extract.args import Resolver
from kg.extract.assemble import Context
from kg.extract.ceremonies import ceremonies
from kg.extract.coref import Grouper
from kg.extract.delegations import attendance, delegation_heads, representation
from kg.extract.events import find_frames
from kg.extract.layout import Layout
from kg.extract.meetings import meetings
from kg.extract.places import resolve_places
from kg.records import Article, Extraction

__all__ = ["extract"]


def extract(doc: Doc, article: Article) -> Extraction:
    """Everything PeaceKG extracts from one article; ``doc`` is ``article.text`` parsed by
    :func:`kg.nlp.pipeline.build_pipeline`."""
    layout = Layout(doc, article.text)
    actors = resolve_actors(doc, layout)
    places = resolve_places(doc, layout, actors)
    resolver = Resolver(doc, actors)
    frames = ceremonies(find_frames(doc, layout, resolver, places), layout, resolver, article.published)
    frames += delegation_heads(frames, layout, resolver)
    frames += attendance(layout, resolver) + representation(layout, resolver)
    drafts = Grouper(actors, places, resolver, article.published).group(frames)
    text = layout.text
    ctx = Context(text, actors, places, resolver)
    found_meetings, found_agreements = meetings(drafts, ctx), agreements(drafts, ctx)
    sentences = list(layout.offsets())
    return Extraction(
        article=article,
        actors=actors.records(text, sentences),
        places=places.records(text, sentences),
        meetings=found_meetings,
        agreements=found_agreements,
        sentences=tuple(sentences),
    )
