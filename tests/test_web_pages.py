"""Linked data, exports, VoID, the ontology and the pages, through plain HTTP."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote, urljoin

import pytest
import requests
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD
from test_web_data import BASE, ODD_ID, TEXTS, running_server, sample_store

from kg.rdf.ids import Ids
from kg.rdf.namespaces import ONTOLOGY_IRI, PK

VOID = Namespace("http://rdfs.org/ns/void#")
IDS = Ids(BASE)
RAHIMI, COUNCIL = IDS.actor("Amina Rahimi"), IDS.actor("Harbor Council")
MEETING = IDS.event("meeting", "amina rahimi|harbor council|doha")
AGREEMENT = IDS.event("agreement", "ostland|harbor council|ceasefire")
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class Page(HTMLParser):
    """The links, alternates, headings and text of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[str] = []
        self.alternates: dict[str, str] = {}
        self.headings: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []
        self._heading = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["type"]] = a["href"]
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets.append(a["href"])
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])
        self._heading = tag in {"h1", "h2"}

    def handle_endtag(self, tag: str) -> None:
        self._heading = False

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())
            if self._heading:
                self.headings.append(data.strip())

    @property
    def all_text(self) -> str:
        return " ".join(self.text)


@pytest.fixture(scope="module")
def server():
    with running_server(sample_store()) as running:
        yield running


def local(iri: URIRef) -> str:
    return "/id/" + str(iri)[len(BASE) :]


def page(server, path: str) -> Page:
    response = requests.get(server.url + path, headers=BROWSER)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/html")
    return Page(response.text)


def test_actor_page_shows_label_types_properties_and_events(server):
    html = page(server, local(RAHIMI))
    assert html.headings[0] == "Amina Rahimi"
    assert "/ontology#Person" in html.links
    assert local(MEETING) in html.links  # the meeting it took part in
    assert "http://www.wikidata.org/entity/Q4115189" in html.links  # owl:sameAs links out
    assert "envoy" in html.text and "Meetings and agreements" in html.headings
    assert {"text/turtle", "application/ld+json", "application/n-triples"} <= set(html.alternates)


def test_events_of_an_actor_come_in_date_order(server):
    html = page(server, local(COUNCIL))
    events = [link for link in html.links if link in {local(MEETING), local(AGREEMENT)}]
    assert list(dict.fromkeys(events)) == [local(MEETING), local(AGREEMENT)]  # 2020-02 before 2020-03


def test_event_page_shows_evidence_sentences_with_their_articles(server):
    html = page(server, local(MEETING))
    assert TEXTS["web-001"] in html.text and TEXTS["web-002"] in html.text
    assert local(IDS.article("web-001")) in html.links
    assert local(IDS.mention("web-002", 0, len(TEXTS["web-002"]))) in html.links
    assert "/ontology#Planned" in html.links and "/ontology#Occurred" in html.links


@pytest.mark.parametrize(
    "suffix,accept,rdflib_format",
    [
        (".ttl", None, "turtle"),
        (".jsonld", None, "json-ld"),
        (".nt", None, "nt"),
        ("", "text/turtle", "turtle"),
        ("", "application/ld+json", "json-ld"),
        ("", "application/n-triples", "nt"),
        ("", "application/rdf+xml", "xml"),
        ("", "text/html;q=0.5, application/ld+json;q=0.9", "json-ld"),
        ("", "text/turtle;q=0.3, application/n-triples;q=0.7, text/html;q=0.1", "nt"),
    ],
)
def test_resource_data_twins_parse_back(server, suffix, accept, rdflib_format):
    headers = {"Accept": accept} if accept else {}
    response = requests.get(server.url + local(RAHIMI) + suffix, headers=headers)
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert (RAHIMI, RDF.type, PK.Person) in graph
    assert (RAHIMI, RDFS.label, Literal("Amina Rahimi")) in graph
    assert (RAHIMI, PK.mentionedIn, IDS.article("web-002")) in graph
    assert (IDS.article("web-002"), RDFS.label, None) not in graph  # articles have titles, not labels
    assert 'rel="alternate"' in response.headers["Link"]
    assert local(RAHIMI) + ".ttl" in response.headers["Link"]


def test_resource_page_is_the_default_and_406_for_the_rest(server):
    page = requests.get(server.url + local(RAHIMI))
    assert page.headers["Content-Type"].startswith("text/html")
    assert local(RAHIMI) + ".ttl>" in page.headers["Link"]
    response = requests.get(server.url + local(RAHIMI), headers={"Accept": "image/png"})
    assert response.status_code == 406 and response.json()["error"] == "not_acceptable"


def test_unknown_resources_are_404_in_the_error_shape(server):
    response = requests.get(server.url + "/id/actor/nobody-at-all")
    assert response.status_code == 404
    assert set(response.json()) == {"error", "status", "message"}
    html = requests.get(server.url + "/id/actor/nobody-at-all", headers=BROWSER)
    assert html.status_code == 404 and "not found" in Page(html.text).all_text


def test_every_minted_iri_in_the_data_dereferences(server):
    export = requests.get(server.url + "/export", params={"format": "nquads"})
    dataset = Dataset()
    dataset.parse(data=export.content, format="nquads")
    minted = {
        term for quad in dataset.quads() for term in quad if isinstance(term, URIRef) and str(term).startswith(BASE)
    }
    assert len(minted) >= 15
    for iri in sorted(minted):
        response = requests.get(server.url + local(iri) + ".nt")
        assert response.status_code == 200, iri
        if not str(iri).startswith(BASE + "graph/"):
            assert (iri, None, None) in Graph().parse(data=response.content, format="nt"), iri


def test_an_article_id_that_needs_encoding(server):
    article = IDS.article(ODD_ID)
    assert str(article).endswith("web%20003%2Fb")
    html = page(server, local(article))
    assert html.headings[0] == "Ceasefire agreed"
    assert "/graph/" + quote(ODD_ID, safe="") in html.links or "/graph/web%20003%2Fb" in html.links
    graph = Graph().parse(data=requests.get(server.url + local(article) + ".ttl").content, format="turtle")
    assert (article, DCTERMS.identifier, Literal(ODD_ID)) in graph


def test_named_graph_iri_dereferences_to_its_triples(server):
    graph_iri = IDS.graph("web-001")
    data = Graph().parse(data=requests.get(server.url + local(graph_iri) + ".ttl").content, format="turtle")
    assert (IDS.article("web-001"), RDF.type, PK.Article) in data
    assert (IDS.article("web-002"), None, None) not in data
    html = page(server, local(graph_iri))
    assert local(IDS.article("web-001")) in html.links


@pytest.mark.parametrize("path", ["/graph/web-001", "/graph/" + quote(ODD_ID, safe="")])
def test_article_graph_export(server, path):
    response = requests.get(server.url + path)
    assert response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.content, format="turtle")
    article_id = "web-001" if path.endswith("001") else ODD_ID
    assert (IDS.article(article_id), DCTERMS.identifier, Literal(article_id)) in graph
    quads = requests.get(server.url + path, headers={"Accept": "application/n-quads"}).text
    assert all(line.endswith(f"<{IDS.graph(article_id)}> .") for line in quads.splitlines() if line)
    assert requests.get(server.url + "/graph/no-such-article").status_code == 404


@pytest.mark.parametrize(
    "fmt,accept,rdflib_format",
    [
        (None, None, "trig"),
        ("nquads", None, "nquads"),
        (None, "application/n-quads", "nquads"),
        (None, "application/trig;q=0.2, application/n-quads;q=0.9", "nquads"),
        ("turtle", None, "turtle"),
    ],
)
def test_export_the_whole_dataset(server, fmt, accept, rdflib_format):
    response = requests.get(
        server.url + "/export",
        params={"format": fmt} if fmt else {},
        headers={"Accept": accept} if accept else {},
        stream=True,
    )
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    body = b"".join(response.iter_content(8192))
    if rdflib_format == "turtle":  # a graph format: the union of the graphs
        graph = Graph().parse(data=body, format="turtle")
        assert (AGREEMENT, PK.party, COUNCIL) in graph and (MEETING, PK.status, PK.Planned) in graph
        return
    dataset = Dataset()
    dataset.parse(data=body, format=rdflib_format)
    names = {g.identifier for g in dataset.graphs()}
    assert {IDS.graph("web-001"), IDS.graph(ODD_ID), URIRef(ONTOLOGY_IRI)} <= names
    planned = dataset.graph(IDS.graph("web-001"))
    assert (MEETING, PK.status, PK.Planned) in planned


def test_void_describes_the_dataset(server):
    response = requests.get(server.url + "/.well-known/void", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    dataset = next(graph.subjects(RDF.type, VOID.Dataset))
    assert (dataset, VOID.sparqlEndpoint, URIRef(server.url + "/sparql")) in graph
    assert (dataset, VOID.dataDump, URIRef(server.url + "/export")) in graph
    assert (dataset, VOID.uriSpace, Literal(BASE)) in graph
    partitions = {
        graph.value(p, VOID["class"]): graph.value(p, VOID.entities)
        for p in graph.objects(dataset, VOID.classPartition)
    }
    assert partitions[PK.Article] == Literal(3, datatype=XSD.integer)
    assert partitions[PK.Meeting] == Literal(1, datatype=XSD.integer)


def test_ontology_as_page_and_as_turtle(server):
    html = page(server, "/ontology")
    assert "pk:Meeting" in html.headings and "pk:participant" in html.headings
    assert "text/turtle" in html.alternates
    for request in ({"path": "/ontology.ttl"}, {"path": "/ontology", "headers": {"Accept": "text/turtle"}}):
        response = requests.get(server.url + request["path"], headers=request.get("headers", {}))
        graph = Graph().parse(data=response.text, format="turtle")
        assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in graph
        assert (PK.Meeting, RDF.type, OWL.Class) in graph
        assert (RAHIMI, None, None) not in graph  # the ontology graph only


def test_home_page_counts_and_lists(server):
    html = page(server, "/")
    for target in ("/query", "/export", "/.well-known/void", "/ontology", "/sparql"):
        assert target in html.links
    assert local(IDS.article("web-002")) in html.links and local(COUNCIL) in html.links
    text = html.all_text
    assert "Meetings" in text and "Agreements" in text and "Articles" in text
    css = requests.get(urljoin(server.url, html.stylesheets[0]))
    assert css.status_code == 200 and "text/css" in css.headers["Content-Type"]


def test_query_page_has_the_editor_and_the_examples(server):
    from kg.web.examples import load_examples

    html = page(server, "/query")
    for asset in html.scripts + html.stylesheets:
        assert requests.get(urljoin(server.url, asset)).status_code == 200, asset
    assert any("yasgui.min.js" in s for s in html.scripts)
    for example in load_examples():
        assert example.title in html.text
    license_text = requests.get(server.url + "/static/yasgui/LICENSE.txt").text
    assert "MIT License" in license_text


def test_pages_load_nothing_from_elsewhere_and_name_their_data_twins(server):
    for path in ("/", "/query", local(RAHIMI), "/ontology"):
        html = page(server, path)
        assert all(not src.startswith(("http:", "https:", "//")) for src in html.scripts + html.stylesheets)
        twin = requests.get(urljoin(server.url, html.alternates["text/turtle"]), headers=BROWSER)
        assert twin.headers["Content-Type"].startswith("text/turtle")
        assert len(Graph().parse(data=twin.text, format="turtle")) > 0


def test_base_iri_path_served_here_resolves_too():
    base = "http://localhost:8123/kg/"
    with running_server(sample_store(base), base_iri=base) as running:
        ids = Ids(base)
        via_id = requests.get(running.url + "/id/actor/amina-rahimi.ttl")
        via_base = requests.get(running.url + "/kg/actor/amina-rahimi", headers={"Accept": "text/turtle"})
        for response in (via_id, via_base):
            graph = Graph().parse(data=response.text, format="turtle")
            assert (ids.actor("Amina Rahimi"), RDFS.label, Literal("Amina Rahimi")) in graph
        html = Page(requests.get(running.url + "/kg/actor/amina-rahimi", headers=BROWSER).text)
        assert (
            "/id/meeting/" + str(ids.event("meeting", "amina rahimi|harbor council|doha")).rsplit("/", 1)[-1]
            in html.links
        )
