"""The vocabularies PeaceKG writes, bound to their usual prefixes."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

PK = Namespace("https://w3id.org/peacekg/ontology#")
ONTOLOGY_IRI = "https://w3id.org/peacekg/ontology"
SCHEMA = SDO  # https://schema.org/
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = Namespace("https://sws.geonames.org/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "pk": str(PK),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "wd": str(WD),
}

__all__ = [
    "DCTERMS",
    "FOAF",
    "GEONAMES",
    "ONTOLOGY_IRI",
    "OWL",
    "PK",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SH",
    "SKOS",
    "WD",
    "XSD",
]
