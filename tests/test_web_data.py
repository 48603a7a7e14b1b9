"""A small hand-built dataset in PeaceKG's RDF shape, for the web tests, and a running server.

The sentences are written for these tests. Three articles: two report the same meeting (first
planned, then held), one an agreement; the third has an id that needs percent-encoding.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
from waitress import create_server

from kg.rdf.ids import Ids
from kg.rdf.namespaces import PK, SCHEMA
from kg.rdf.validate import load_ontology, validate
from kg.settings import Settings, load_settings
from kg.store import ONTOLOGY_GRAPH, open_store, replace_articles
from kg.web import create_app

BASE = "https://w3id.org/peacekg/id/"
ODD_ID = "web 003/b"
TEXTS = {
    "web-001": "Envoy Amina Rahimi said the Harbor Council would meet her team in Doha next week.",
    "web-002": "Amina Rahimi and the Harbor Council met in Doha on Sunday for a second round of talks.",
    ODD_ID: "Ostland and the Harbor Council agreed on a ceasefire in March 2020.",
}


def _article(g: Graph, ids: Ids, article_id: str, published: str, title: str) -> URIRef:
    article = ids.article(article_id)
    g.add((article, RDF.type, PK.Article))
    g.add((article, DCTERMS.identifier, Literal(article_id)))
    g.add((article, SCHEMA.datePublished, Literal(published, datatype=XSD.date)))
    g.add((article, DCTERMS.title, Literal(title)))
    g.add((article, DCTERMS.source, Literal("Test Wire")))
    return article


def _actor(g: Graph, ids: Ids, name: str, kind: URIRef, article: URIRef, *alt: str) -> URIRef:
    actor = ids.actor(name)
    g.add((actor, RDF.type, kind))
    g.add((actor, RDFS.label, Literal(name)))
    g.add((actor, PK.mentionedIn, article))
    for label in alt:
        g.add((actor, SKOS.altLabel, Literal(label)))
    return actor


def _mention(g: Graph, ids: Ids, article_id: str, article: URIRef) -> URIRef:
    text = TEXTS[article_id]
    mention = ids.mention(article_id, 0, len(text))
    g.add((mention, RDF.type, PK.Mention))
    g.add((mention, PK.inArticle, article))
    g.add((mention, PK.text, Literal(text)))
    g.add((mention, PK.start, Literal(0)))
    g.add((mention, PK.end, Literal(len(text))))
    return mention


def article_graphs(base: str = BASE) -> dict[URIRef, Graph]:
    """The three article graphs, keyed by graph IRI."""
    ids, graphs = Ids(base), {}
    for article_id, published, title, status, date in (
        ("web-001", "2020-02-01", "Envoy plans Doha talks", PK.Planned, "2020-02"),
        ("web-002", "2020-02-10", "Second round held in Doha", PK.Occurred, "2020-02-09"),
    ):
        g = Graph()
        article = _article(g, ids, article_id, published, title)
        rahimi = _actor(g, ids, "Amina Rahimi", PK.Person, article, "Rahimi")
        council = _actor(g, ids, "Harbor Council", PK.Organization, article, "the Council")
        g.add((rahimi, PK.role, Literal("envoy")))
        g.add((rahimi, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q4115189")))
        doha = ids.place("doha")
        g.add((doha, RDF.type, PK.Place))
        g.add((doha, RDFS.label, Literal("Doha")))
        g.add((doha, PK.mentionedIn, article))
        meeting = ids.event("meeting", "amina rahimi|harbor council|doha")
        g.add((meeting, RDF.type, PK.Meeting))
        g.add((meeting, RDFS.label, Literal("talks between Amina Rahimi and Harbor Council")))
        for who in (rahimi, council):
            g.add((meeting, PK.participant, who))
        g.add((meeting, PK.place, doha))
        datatype = XSD.date if len(date) == 10 else XSD.gYearMonth
        g.add((meeting, PK.date, Literal(date, datatype=datatype)))
        g.add((meeting, PK.status, status))
        g.add((meeting, PK.category, Literal("talks")))
        g.add((meeting, PK.mentionedIn, article))
        g.add((meeting, PK.evidence, _mention(g, ids, article_id, article)))
        graphs[ids.graph(article_id)] = g
    g = Graph()
    article = _article(g, ids, ODD_ID, "2020-03-20", "Ceasefire agreed")
    ostland = _actor(g, ids, "Ostland", PK.Country, article)
    council = _actor(g, ids, "Harbor Council", PK.Organization, article)
    agreement = ids.event("agreement", "ostland|harbor council|ceasefire")
    g.add((agreement, RDF.type, PK.Agreement))
    g.add((agreement, RDFS.label, Literal("ceasefire between Ostland and Harbor Council")))
    for party in (ostland, council):
        g.add((agreement, PK.party, party))
    g.add((agreement, PK.date, Literal("2020-03", datatype=XSD.gYearMonth)))
    g.add((agreement, PK.status, PK.Occurred))
    g.add((agreement, PK.category, Literal("ceasefire")))
    g.add((agreement, PK.mentionedIn, article))
    g.add((agreement, PK.evidence, _mention(g, ids, ODD_ID, article)))
    graphs[ids.graph(ODD_ID)] = g
    return graphs


def filler_graph(rows: int) -> Graph:
    """``rows`` extra triples, to give cross products and result caps something to chew on."""
    g = Graph()
    for i in range(rows):
        g.add((URIRef(f"urn:filler:{i}"), RDFS.label, Literal(f"filler {i}")))
    return g


def sample_store(base: str = BASE, filler: int = 0) -> Dataset:
    """A temporary store holding the ontology, the three articles and ``filler`` extra triples."""
    ds = open_store()
    graphs: dict[URIRef, Graph] = {ONTOLOGY_GRAPH: load_ontology(), **article_graphs(base)}
    if filler:
        graphs[URIRef("urn:filler")] = filler_graph(filler)
    replace_articles(ds, graphs)
    return ds


@dataclass
class RunningServer:
    url: str
    settings: Settings


@contextmanager
def running_server(ds: Dataset, **overrides: object) -> Iterator[RunningServer]:
    """The app over ``ds`` served by waitress on a free port of 127.0.0.1, in a thread."""
    settings = load_settings(overrides={"base_iri": BASE, "query_workers": 2, **overrides}, environ={})
    app = create_app(ds, settings)
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:  # the sockets closed under the loop: expected when stopping
            if not stopping.is_set():
                raise

    # pyoxigraph objects may only be dropped by the thread that made them; the test thread makes
    # some (through rdflib), so the collector must not run on a server thread meanwhile
    gc.collect()
    gc.disable()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield RunningServer(f"http://127.0.0.1:{server.effective_port}", settings)
    finally:
        stopping.set()
        while server._map:  # closing every channel ends waitress's loop
            for channel in list(server._map.values()):
                channel.handle_close()
        server.task_dispatcher.shutdown()
        thread.join(timeout=10)
        app.extensions["peacekg"].close()
        gc.enable()
        gc.collect()


def test_sample_data_has_the_shape_the_mapping_writes():
    ds = sample_store()
    report = validate(ds)
    assert report.conforms, report.text
