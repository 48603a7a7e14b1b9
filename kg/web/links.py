"""IRIs to local URLs and back, and RDF terms as pages show them.

Resources minted under the base IRI are served at ``/id/<path after the base>`` whatever the
base is, so pages work when the base is not this server's origin (the default base is a w3id.org
redirect). Ontology terms link to the ontology page; other IRIs link out.

>>> linker = Linker("https://w3id.org/peacekg/id/")
>>> linker.href("https://w3id.org/peacekg/id/actor/taliban")
'/id/actor/taliban'
>>> linker.href("https://w3id.org/peacekg/ontology#Meeting")
'/ontology#Meeting'
>>> linker.href("https://www.wikidata.org/entity/Q1")
'https://www.wikidata.org/entity/Q1'
>>> linker.short("http://www.w3.org/2000/01/rdf-schema#label")
'rdfs:label'
>>> linker.short("https://w3id.org/peacekg/id/mention/a/0-9")
'mention/a/0-9'
>>> linker.iris("article/a%20b")
['https://w3id.org/peacekg/id/article/a%20b', 'https://w3id.org/peacekg/id/article/a b']
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

import pyoxigraph as ox

from kg.rdf.namespaces import ONTOLOGY_IRI, PK, PREFIXES, XSD

_URL_SAFE = "/%:@!$&'()*+,;=~-._"
PK_NS = str(PK)


@dataclass(frozen=True)
class TermView:
    """An RDF term ready for a template: the text to show, where it links, what kind it is."""

    text: str
    kind: str  # iri, literal, bnode
    value: str
    href: str | None = None
    note: str = ""  # a literal's language or short datatype


class Linker:
    """Maps the IRIs of one dataset (minted under ``base``) to this server's URLs."""

    def __init__(self, base: str) -> None:
        self.base = base

    def href(self, iri: str) -> str | None:
        """Where a link to ``iri`` points: a local page for our IRIs, the IRI itself for the web."""
        if iri.startswith(self.base):
            return "/id/" + quote(iri[len(self.base) :], safe=_URL_SAFE)
        if iri.startswith(PK_NS):
            return "/ontology#" + quote(iri[len(PK_NS) :], safe=_URL_SAFE)
        if iri == ONTOLOGY_IRI:
            return "/ontology"
        if iri.startswith(("http://", "https://")):
            return iri
        return None

    def iris(self, path: str) -> list[str]:
        """The IRIs ``/id/<path>`` may stand for: ``path`` as sent, then percent-decoded."""
        candidates = [self.base + path]
        decoded = unquote(path)
        if decoded != path:
            candidates.append(self.base + decoded)
        return candidates

    def short(self, iri: str) -> str:
        """A prefixed name when a known prefix fits, the path after the base for our own IRIs,
        else the IRI."""
        if iri.startswith(self.base) and len(iri) > len(self.base):
            return iri[len(self.base) :]
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def view(self, term: object, label: str | None = None) -> TermView:
        """``term`` (a pyoxigraph term) as a template shows it; ``label`` names an IRI."""
        if isinstance(term, ox.NamedNode):
            return TermView(label or self.short(term.value), "iri", term.value, self.href(term.value))
        if isinstance(term, ox.Literal):
            note = term.language or ""
            if not note and term.datatype.value != str(XSD.string):
                note = self.short(term.datatype.value)
            return TermView(term.value, "literal", term.value, None, note)
        if isinstance(term, ox.BlankNode):
            return TermView(f"_:{term.value}", "bnode", term.value)
        raise ValueError(f"Unexpected RDF term: {term!r}")
