"""The OWL ontology and the SHACL shapes in ``ontology/``: terms, alignments, consistency."""

from __future__ import annotations

import owlrl
import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg.rdf.namespaces import DCTERMS, FOAF, ONTOLOGY_IRI, OWL, PK, PROV, RDF, RDFS, SCHEMA, SEM, SH, SKOS, XSD
from kg.rdf.validate import load_ontology, load_shapes

VANN = Namespace("http://purl.org/vocab/vann/")
OWLRL_ERROR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # where owlrl records inconsistencies
ID = Namespace("https://w3id.org/peacekg/id/")

# The core terms of CONTRACT.md, by kind
CONTRACT_CLASSES = ("Article", "Actor", "Person", "Organization", "Country", "Place", "Meeting", "Agreement", "Mention")
CONTRACT_OBJECT_PROPERTIES = ("mentionedIn", "participant", "party", "place", "status", "evidence", "inArticle")
CONTRACT_DATATYPE_PROPERTIES = ("date", "text", "start", "end")
CONTRACT_STATUSES = ("Planned", "Occurred", "Denied", "Cancelled")
# The extension terms of the RDF shape the mapping writes
EXTENSION_CLASSES = ("Status",)
EXTENSION_OBJECT_PROPERTIES = ("affiliation", "reportedBy", "locatedIn")
EXTENSION_DATATYPE_PROPERTIES = ("role", "trigger", "dateText", "category")

DECLARED = (
    [(name, OWL.Class) for name in CONTRACT_CLASSES + EXTENSION_CLASSES]
    + [(name, OWL.ObjectProperty) for name in CONTRACT_OBJECT_PROPERTIES + EXTENSION_OBJECT_PROPERTIES]
    + [(name, OWL.DatatypeProperty) for name in CONTRACT_DATATYPE_PROPERTIES + EXTENSION_DATATYPE_PROPERTIES]
    + [(name, PK.Status) for name in CONTRACT_STATUSES]
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _pk_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and s.startswith(str(PK))}


def _english(g: Graph, term: URIRef, prop: URIRef) -> list[str]:
    return [str(o) for o in g.objects(term, prop) if isinstance(o, Literal) and o.language == "en" and str(o)]


def _inconsistencies(g: Graph) -> list[str]:
    """Expand ``g`` in place with the OWL RL closure; return what owlrl found inconsistent."""
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    errors = [str(o) for o in g.objects(None, OWLRL_ERROR.error)]
    errors += [f"{s} is owl:Nothing" for s in g.subjects(RDF.type, OWL.Nothing)]
    return errors


# ---------------------------------------------------------------- the ontology document


def test_ontology_header(onto: Graph) -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in onto
    assert _english(onto, ontology, DCTERMS.title) and _english(onto, ontology, DCTERMS.description)
    assert onto.value(ontology, DCTERMS.license) is not None
    assert onto.value(ontology, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ontology, VANN.preferredNamespacePrefix) == Literal("pk")
    assert onto.value(ontology, VANN.preferredNamespaceUri) == Literal(str(PK))


@pytest.mark.parametrize(("name", "kind"), DECLARED, ids=[name for name, _ in DECLARED])
def test_contract_and_extension_terms_are_declared_and_documented(onto: Graph, name: str, kind: URIRef) -> None:
    term = PK[name]
    assert (term, RDF.type, kind) in onto
    assert len(_english(onto, term, RDFS.label)) == 1
    assert _english(onto, term, RDFS.comment)
    assert onto.value(term, RDFS.isDefinedBy) == URIRef(ONTOLOGY_IRI)


def test_every_pk_term_is_documented(onto: Graph) -> None:
    undocumented = [
        t
        for t in _pk_terms(onto)
        if not (_english(onto, t, RDFS.label) and _english(onto, t, RDFS.comment))
        or onto.value(t, RDFS.isDefinedBy) != URIRef(ONTOLOGY_IRI)
    ]
    assert undocumented == []


def test_properties_have_domains_and_ranges(onto: Graph) -> None:
    properties = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    for prop in properties & _pk_terms(onto):
        assert onto.value(prop, RDFS.range) is not None, prop
        if prop != PK.mentionedIn:  # anything can be mentioned: actors, places and events
            assert onto.value(prop, RDFS.domain) is not None, prop


def test_datatype_ranges(onto: Graph) -> None:
    assert onto.value(PK.start, RDFS.range) == XSD.integer
    assert onto.value(PK.end, RDFS.range) == XSD.integer
    assert onto.value(PK.text, RDFS.range) == XSD.string
    date_range = onto.value(PK.date, RDFS.range)
    assert (date_range, RDF.type, RDFS.Datatype) in onto
    assert set(Collection(onto, onto.value(date_range, OWL.unionOf))) == {XSD.date, XSD.gYearMonth, XSD.gYear}


def test_object_properties_point_to_classes(onto: Graph) -> None:
    expected = {
        PK.participant: (PK.Meeting, PK.Actor),
        PK.party: (PK.Agreement, PK.Actor),
        PK.place: (PK.Event, PK.Place),
        PK.status: (PK.Event, PK.Status),
        PK.evidence: (PK.Event, PK.Mention),
        PK.inArticle: (PK.Mention, PK.Article),
        PK.reportedBy: (PK.Mention, PK.Actor),
    }
    for prop, (domain, range_) in expected.items():
        assert (onto.value(prop, RDFS.domain), onto.value(prop, RDFS.range)) == (domain, range_), prop
    assert onto.value(PK.mentionedIn, RDFS.range) == PK.Article
    for event in (PK.Meeting, PK.Agreement):
        assert (event, RDFS.subClassOf, PK.Event) in onto


def test_class_hierarchy(onto: Graph) -> None:
    for actor in (PK.Person, PK.Organization, PK.Country):
        assert (actor, RDFS.subClassOf, PK.Actor) in onto
    assert (PK.Country, RDFS.subClassOf, PK.Place) in onto
    disjoint = [
        set(Collection(onto, onto.value(x, OWL.members))) for x in onto.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {PK.Person, PK.Organization, PK.Country} in disjoint
    assert not any({PK.Country, PK.Actor} <= d or {PK.Country, PK.Place} <= d for d in disjoint)


def test_status_is_a_closed_set_of_four_different_concepts(onto: Graph) -> None:
    statuses = {PK[name] for name in CONTRACT_STATUSES}
    [enumeration] = onto.objects(PK.Status, OWL.equivalentClass)
    assert set(Collection(onto, onto.value(enumeration, OWL.oneOf))) == statuses
    [all_different] = onto.subjects(RDF.type, OWL.AllDifferent)
    assert set(Collection(onto, onto.value(all_different, OWL.distinctMembers))) == statuses
    for a in statuses:
        assert onto.value(a, SKOS.inScheme) == PK.StatusScheme
        others = set(onto.objects(a, OWL.differentFrom)) | set(onto.subjects(OWL.differentFrom, a))
        assert others == statuses - {a}
    assert (PK.StatusScheme, RDF.type, SKOS.ConceptScheme) in onto


ALIGNMENTS = [
    (PK.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (PK.Person, RDFS.subClassOf, SCHEMA.Person),
    (PK.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (PK.Country, RDFS.subClassOf, SCHEMA.Country),
    (PK.Place, RDFS.subClassOf, SCHEMA.Place),
    (PK.Meeting, RDFS.subClassOf, SCHEMA.Event),
    (PK.Event, RDFS.subClassOf, SEM.Event),
    (PK.Actor, RDFS.subClassOf, SEM.Actor),
    (PK.Place, RDFS.subClassOf, SEM.Place),
    (PK.involves, RDFS.subPropertyOf, SEM.hasActor),
    (PK.participant, RDFS.subPropertyOf, PK.involves),
    (PK.party, RDFS.subPropertyOf, PK.involves),
    (PK.place, RDFS.subPropertyOf, SEM.hasPlace),
    (PK.date, RDFS.subPropertyOf, SEM.hasTimeStamp),
    (PK.Person, RDFS.subClassOf, FOAF.Person),
    (PK.Organization, RDFS.subClassOf, FOAF.Organization),
    (PK.Actor, RDFS.subClassOf, FOAF.Agent),
    (PK.Mention, RDFS.subClassOf, PROV.Entity),
    (PK.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
    (PK.inArticle, RDFS.subPropertyOf, PROV.wasQuotedFrom),
    (PK.reportedBy, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (PK.Status, RDFS.subClassOf, SKOS.Concept),
    (DCTERMS.identifier, RDF.type, OWL.AnnotationProperty),
    (DCTERMS.title, RDF.type, OWL.AnnotationProperty),
    (DCTERMS.source, RDF.type, OWL.AnnotationProperty),
]


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=[f"{t[0].n3()} {t[2].n3()}" for t in ALIGNMENTS])
def test_alignments(onto: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in onto


# ---------------------------------------------------------------- OWL RL consistency


def _instance_data() -> Graph:
    """Data in the shape the mapping writes, merged over two articles that disagree on a status."""
    g = Graph()
    qatar, envoy, group = ID["actor/qatar"], ID["actor/lena-varga"], ID["actor/northern-front"]
    talks, deal, article, mention = ID["meeting/m1"], ID["agreement/a1"], ID["article/x1"], ID["mention/x1/0-40"]
    g.add((qatar, RDF.type, PK.Country))
    g.add((envoy, RDF.type, PK.Person))
    g.add((envoy, PK.affiliation, qatar))
    g.add((group, RDF.type, PK.Organization))
    g.add((talks, RDF.type, PK.Meeting))
    for p in (envoy, group, qatar):
        g.add((talks, PK.participant, p))
        g.add((p, PK.mentionedIn, article))
    g.add((talks, PK.place, qatar))  # a country used as a place is its actor IRI
    g.add((talks, PK.status, PK.Planned))  # one article says planned...
    g.add((talks, PK.status, PK.Occurred))  # ...another that it took place
    g.add((talks, PK.date, Literal("2021-03", datatype=XSD.gYearMonth)))
    g.add((talks, PK.date, Literal("2021-03-02", datatype=XSD.date)))
    g.add((talks, PK.evidence, mention))
    g.add((deal, RDF.type, PK.Agreement))
    g.add((deal, PK.party, group))
    g.add((deal, PK.status, PK.Cancelled))
    g.add((mention, RDF.type, PK.Mention))
    g.add((mention, PK.inArticle, article))
    g.add((mention, PK.start, Literal(0)))
    g.add((mention, PK.end, Literal(40)))
    g.add((mention, PK.reportedBy, group))
    g.add((article, RDF.type, PK.Article))
    g.add((article, DCTERMS.identifier, Literal("x1")))
    return g


def test_owl_rl_closure_of_the_ontology_is_consistent(onto: Graph) -> None:
    g = Graph()
    for triple in onto:
        g.add(triple)
    assert _inconsistencies(g) == []
    assert (PK.Planned, RDF.type, SKOS.Concept) in g  # the closure did run


def test_owl_rl_closure_with_merged_data_is_consistent_and_sensible(onto: Graph) -> None:
    g = _instance_data()
    for triple in onto:
        g.add(triple)
    assert _inconsistencies(g) == []

    qatar, talks = ID["actor/qatar"], ID["meeting/m1"]
    for cls in (PK.Actor, PK.Place, SCHEMA.Country, SEM.Actor, SEM.Place, FOAF.Agent):
        assert (qatar, RDF.type, cls) in g
    for cls in (PK.Event, SEM.Event, SCHEMA.Event):
        assert (talks, RDF.type, cls) in g
    assert (talks, SEM.hasActor, ID["actor/lena-varga"]) in g
    assert (ID["article/x1"], SCHEMA.mentions, qatar) in g
    # no absurdities: two statuses are not merged, and kinds do not bleed into each other
    assert (PK.Planned, OWL.sameAs, PK.Occurred) not in g
    assert (qatar, RDF.type, PK.Person) not in g and (qatar, RDF.type, PK.Organization) not in g
    assert (ID["article/x1"], RDF.type, PK.Actor) not in g
    assert (PK.Person, RDFS.subClassOf, PK.Place) not in g
    assert (talks, RDF.type, PK.Agreement) not in g


@pytest.mark.parametrize(
    "triples",
    [
        [(ID["actor/x"], RDF.type, PK.Person), (ID["actor/x"], RDF.type, PK.Country)],
        [(PK.Planned, OWL.sameAs, PK.Cancelled)],
        [(ID["meeting/x"], RDF.type, PK.Meeting), (ID["meeting/x"], RDF.type, PK.Agreement)],
    ],
    ids=["person-and-country", "two-statuses-the-same", "meeting-and-agreement"],
)
def test_owl_rl_closure_catches_contradictions(onto: Graph, triples: list) -> None:
    """The consistency check above can fail: contradictions are reported."""
    g = Graph()
    for triple in [*onto, *triples]:
        g.add(triple)
    assert _inconsistencies(g)


# ---------------------------------------------------------------- SHACL shapes


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    conforms, _results, text = pyshacl.validate(shapes, shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_every_class_is_targeted_by_a_shape(onto: Graph, shapes: Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class)) & _pk_terms(onto)
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
    assert targeted - classes == set()


def test_shapes_use_only_declared_terms(onto: Graph, shapes: Graph) -> None:
    """Every pk: term a shape mentions exists in the ontology (no typos such as pk:partcipant)."""
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and o.startswith(str(PK))}
    assert used - _pk_terms(onto) == set()
    paths = {p for p in shapes.objects(None, SH.path) if isinstance(p, URIRef)}
    external = {RDFS.label, SKOS.altLabel, OWL.sameAs, DCTERMS.identifier, DCTERMS.title, DCTERMS.source}
    external |= {SCHEMA.datePublished, SCHEMA.url}
    assert paths - _pk_terms(onto) <= external


def test_every_property_shape_is_named_and_explained(shapes: Graph) -> None:
    for shape in set(shapes.subjects(SH.path, None)):
        assert shapes.value(shape, SH.name) is not None, shape
        assert _english(shapes, shape, SH.message), shape
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        has_own_constraints = any(shapes.value(shape, p) is not None for p in (SH["or"], SH["in"], SH.sparql))
        if has_own_constraints:
            assert _english(shapes, shape, SH.message) or _english(
                shapes, shapes.value(shape, SH.sparql), SH.message
            ), shape
