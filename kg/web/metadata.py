"""Descriptions of the service and the dataset: SPARQL service description and VoID.

Both are built as pyoxigraph triples; ``base`` is this server's URL, so the links work wherever
it runs.

>>> triples = service_description("http://localhost:8000/", lookup.Summary(quads=3), ["urn:g"])
>>> any(t.object == ox.NamedNode(SD + "UnionDefaultGraph") for t in triples)
True
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.namespaces import DCTERMS, PK, RDF
from kg.web import lookup

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "JSON-LD",
    "RDF_XML",
)
TYPE = ox.NamedNode(str(RDF.type))


def _iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def service_description(base: str, summary: lookup.Summary, graphs: list[str]) -> list[ox.Triple]:
    """The SPARQL 1.1 service description of ``<base>sparql``."""
    endpoint = _iri(base + "sparql")
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(endpoint, TYPE, _iri(SD + "Service")),
        ox.Triple(endpoint, _iri(SD + "endpoint"), endpoint),
        ox.Triple(endpoint, _iri(SD + "supportedLanguage"), _iri(SD + "SPARQL11Query")),
        ox.Triple(endpoint, _iri(SD + "feature"), _iri(SD + "UnionDefaultGraph")),
        ox.Triple(endpoint, _iri(str(DCTERMS.title)), ox.Literal("PeaceKG SPARQL endpoint (read-only)")),
        ox.Triple(endpoint, _iri(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, TYPE, _iri(SD + "Dataset")),
        ox.Triple(dataset, _iri(SD + "defaultGraph"), default),
        ox.Triple(default, TYPE, _iri(SD + "Graph")),
        ox.Triple(default, _iri(VOID + "triples"), _int(summary.quads)),
    ]
    triples += [ox.Triple(endpoint, _iri(SD + "resultFormat"), _iri(FORMATS_NS + name)) for name in RESULT_FORMATS]
    for index, graph in enumerate(graphs):
        named = ox.BlankNode(f"g{index}")
        triples += [
            ox.Triple(dataset, _iri(SD + "namedGraph"), named),
            ox.Triple(named, TYPE, _iri(SD + "NamedGraph")),
            ox.Triple(named, _iri(SD + "name"), _iri(graph)),
        ]
    return triples


def void(base: str, summary: lookup.Summary, uri_space: str) -> list[ox.Triple]:
    """The VoID description of the dataset, with class and property partitions."""
    dataset = _iri(base + ".well-known/void#peacekg")
    triples = [
        ox.Triple(dataset, TYPE, _iri(VOID + "Dataset")),
        ox.Triple(dataset, _iri(str(DCTERMS.title)), ox.Literal("PeaceKG")),
        ox.Triple(
            dataset,
            _iri(str(DCTERMS.description)),
            ox.Literal(
                "Actors, meetings and agreements of peace talks as news articles report them, "
                "each fact with the sentence and article that state it."
            ),
        ),
        ox.Triple(dataset, _iri(VOID + "sparqlEndpoint"), _iri(base + "sparql")),
        ox.Triple(dataset, _iri(VOID + "dataDump"), _iri(base + "export")),
        ox.Triple(dataset, _iri(VOID + "uriSpace"), ox.Literal(uri_space)),
        ox.Triple(dataset, _iri(VOID + "vocabulary"), _iri(str(PK))),
        ox.Triple(dataset, _iri(VOID + "triples"), _int(summary.quads)),
        ox.Triple(dataset, _iri(VOID + "distinctSubjects"), _int(summary.subjects)),
        ox.Triple(dataset, _iri(VOID + "distinctObjects"), _int(summary.objects)),
        ox.Triple(dataset, _iri(VOID + "classes"), _int(len(summary.class_partitions))),
        ox.Triple(dataset, _iri(VOID + "properties"), _int(len(summary.property_partitions))),
    ]
    if summary.example:
        triples.append(ox.Triple(dataset, _iri(VOID + "exampleResource"), _iri(summary.example)))
    partitions = (
        ("c", "classPartition", "class", "entities", summary.class_partitions),
        ("p", "propertyPartition", "property", "triples", summary.property_partitions),
    )
    for tag, link, key, counted, rows in partitions:
        for index, (term, count) in enumerate(rows):
            part = ox.BlankNode(f"{tag}{index}")
            triples += [
                ox.Triple(dataset, _iri(VOID + link), part),
                ox.Triple(part, _iri(VOID + key), _iri(term)),
                ox.Triple(part, _iri(VOID + counted), _int(count)),
            ]
    return triples
