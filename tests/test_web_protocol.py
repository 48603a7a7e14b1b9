"""The SPARQL 1.1 Protocol at /sparql through real clients: SPARQLWrapper, rdflib, plain HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from test_web_data import BASE, running_server, sample_store

from kg.rdf.ids import Ids
from kg.rdf.namespaces import PK, RDFS

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
IDS = Ids(BASE)
RAHIMI = IDS.actor("Amina Rahimi")
PREFIXES = "PREFIX pk: <https://w3id.org/peacekg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
ACTORS = PREFIXES + "SELECT DISTINCT ?actor ?name WHERE { ?actor a pk:Person ; rdfs:label ?name } ORDER BY ?name"
MEETINGS = PREFIXES + "SELECT DISTINCT ?m WHERE { ?m a pk:Meeting }"


@pytest.fixture(scope="module")
def server():
    with running_server(sample_store()) as running:
        yield running


@pytest.fixture(scope="module")
def endpoint(server):
    return server.url + "/sparql"


def wrapper(endpoint: str, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client


@pytest.mark.parametrize("method", [None, POST])
def test_sparqlwrapper_json(endpoint, method):
    result = wrapper(endpoint, ACTORS, JSON, method).queryAndConvert()
    assert result["head"]["vars"] == ["actor", "name"]
    assert [(b["actor"]["value"], b["name"]["value"]) for b in result["results"]["bindings"]] == [
        (str(RAHIMI), "Amina Rahimi")
    ]


def test_sparqlwrapper_xml(endpoint):
    document = wrapper(endpoint, ACTORS, XML).queryAndConvert()
    assert document.documentElement.tagName == "sparql"
    names = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert names == ["Amina Rahimi"]


@pytest.mark.parametrize("fmt,delimiter", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_csv_and_tsv(endpoint, fmt, delimiter):
    body = wrapper(endpoint, ACTORS, fmt).queryAndConvert().decode("utf-8")
    if fmt == CSV:
        assert list(csv.reader(io.StringIO(body))) == [["actor", "name"], [str(RAHIMI), "Amina Rahimi"]]
    else:  # TSV keeps RDF terms as written in SPARQL
        rows = [line.split(delimiter) for line in body.splitlines()]
        assert rows[0] == ["?actor", "?name"] and rows[1][0] == f"<{RAHIMI}>" and len(rows) == 2


def test_sparqlwrapper_ask(endpoint):
    query = PREFIXES + f"ASK {{ ?m pk:participant <{RAHIMI}> ; pk:status pk:Occurred }}"
    assert wrapper(endpoint, query, JSON).queryAndConvert()["boolean"] is True
    query = PREFIXES + f"ASK {{ ?m pk:party <{RAHIMI}> }}"
    assert wrapper(endpoint, query, JSON).queryAndConvert()["boolean"] is False


def test_sparqlwrapper_construct_as_turtle(endpoint):
    query = PREFIXES + "CONSTRUCT { ?a rdfs:label ?n } WHERE { ?a a pk:Organization ; rdfs:label ?n }"
    body = wrapper(endpoint, query, TURTLE).queryAndConvert()
    graph = Graph().parse(data=body, format="turtle")
    assert set(graph) == {(IDS.actor("Harbor Council"), RDFS.label, Literal("Harbor Council"))}


def test_rdflib_sparqlstore(endpoint):
    graph = Graph(SPARQLStore(endpoint))
    rows = list(graph.query(ACTORS))
    assert [(row.actor, str(row.name)) for row in rows] == [(RAHIMI, "Amina Rahimi")]
    assert graph.query(PREFIXES + "ASK { ?x a pk:Agreement }").askAnswer is True
    described = graph.query(PREFIXES + f"CONSTRUCT WHERE {{ <{RAHIMI}> rdfs:label ?l }}").graph
    assert (RAHIMI, RDFS.label, Literal("Amina Rahimi")) in described


def _bindings(response: requests.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def test_get_post_form_and_post_query_agree(endpoint):
    accept = {"Accept": "application/sparql-results+json"}
    by_get = _bindings(requests.get(endpoint, params={"query": ACTORS}, headers=accept))
    by_form = _bindings(requests.post(endpoint, data={"query": ACTORS}, headers=accept))
    by_body = _bindings(
        requests.post(
            endpoint, data=ACTORS.encode("utf-8"), headers={**accept, "Content-Type": "application/sparql-query"}
        )
    )
    assert by_get == by_form == by_body and len(by_get) == 1


@pytest.mark.parametrize(
    "accept,content_type",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("application/sparql-results+json;q=0.1, text/tab-separated-values;q=0.2", "text/tab-separated-values"),
        ("application/sparql-results+json;q=0, */*;q=0.5", "application/sparql-results+xml"),
        ("text/*;q=0.8, application/sparql-results+json;q=0.7", "text/csv"),
        ("*/*", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
    ],
)
def test_select_negotiation(endpoint, accept, content_type):
    response = requests.get(endpoint, params={"query": ACTORS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == content_type
    assert "Amina Rahimi" in response.text
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize(
    "accept,content_type,rdflib_format",
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/rdf+xml;q=0.4, application/ld+json;q=0.6, text/turtle;q=0.5", "application/ld+json", "json-ld"),
        ("text/turtle;q=0, */*;q=0.1", "application/ld+json", "json-ld"),
        ("application/sparql-results+json, text/turtle;q=0.2", "text/turtle", "turtle"),
    ],
)
def test_construct_negotiation(endpoint, accept, content_type, rdflib_format):
    query = PREFIXES + f"CONSTRUCT WHERE {{ <{RAHIMI}> rdfs:label ?l ; pk:role ?r }}"
    response = requests.get(endpoint, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].split(";")[0] == content_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert set(graph) == {(RAHIMI, RDFS.label, Literal("Amina Rahimi")), (RAHIMI, PK.role, Literal("envoy"))}


@pytest.mark.parametrize(
    "query,accept",
    [
        (ACTORS, "text/turtle"),
        (ACTORS, "image/png"),
        (PREFIXES + "CONSTRUCT WHERE { ?s rdfs:label ?l }", "application/sparql-results+json"),
        (
            "ASK {}",
            "application/sparql-results+json;q=0, application/sparql-results+xml;q=0, text/csv;q=0, "
            "text/tab-separated-values;q=0, text/turtle",
        ),
    ],
)
def test_what_cannot_be_served_is_406(endpoint, query, accept):
    response = requests.get(endpoint, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406
    assert response.json()["error"] == "not_acceptable"


def test_format_parameter_overrides_accept(endpoint):
    response = requests.get(endpoint, params={"query": ACTORS, "format": "csv"}, headers={"Accept": "text/html"})
    assert response.headers["Content-Type"].startswith("text/csv")


def test_default_graph_is_the_union_of_the_article_graphs(endpoint):
    rows = _bindings(requests.get(endpoint, params={"query": MEETINGS}))
    assert len(rows) == 1  # one meeting, reported by two articles


def test_the_union_default_graph_holds_each_triple_once(endpoint):
    """Served from memory, the default graph is the RDF merge of the article graphs: a fact that
    two articles state is one triple, so no DISTINCT is needed and aggregates count it once."""
    bare = PREFIXES + "SELECT ?m WHERE { ?m a pk:Meeting }"
    assert _count(endpoint, bare) == 1
    counted = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?m a pk:Meeting ; pk:participant ?who }"
    assert _bindings(requests.get(endpoint, params={"query": counted}))[0]["n"]["value"] == "2"
    per_graph = PREFIXES + "SELECT ?g WHERE { GRAPH ?g { ?m a pk:Meeting } }"
    assert _count(endpoint, per_graph) == 2  # the named graphs still say who reported it


def _count(endpoint: str, query: str, **params: object) -> int:
    rows = _bindings(requests.get(endpoint, params={"query": query, **params}))
    return len(rows)


def test_default_and_named_graph_uri_select_the_stores_own_graphs(endpoint):
    first, odd = str(IDS.graph("web-001")), str(IDS.graph("web 003/b"))
    statuses = PREFIXES + "SELECT ?status WHERE { ?m pk:status ?status }"
    assert _count(endpoint, statuses) == 3  # planned (web-001), occurred (web-002 and the agreement)
    assert _count(endpoint, statuses, **{"default-graph-uri": first}) == 1
    assert _count(endpoint, statuses, **{"default-graph-uri": [first, odd]}) == 2
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _count(endpoint, graphs) == 4  # the ontology and three articles
    assert _count(endpoint, graphs, **{"named-graph-uri": odd}) == 1
    assert _count(endpoint, statuses, **{"named-graph-uri": odd}) == 0  # the default graph is then empty


def test_from_and_from_named_select_the_stores_own_graphs(endpoint):
    first = IDS.graph("web-001")
    query = PREFIXES + f"SELECT DISTINCT ?status FROM <{first}> WHERE {{ ?m pk:status ?status }}"
    rows = _bindings(requests.get(endpoint, params={"query": query}))
    assert [row["status"]["value"] for row in rows] == [str(PK.Planned)]
    query = f"SELECT DISTINCT ?g FROM NAMED <{first}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert [row["g"]["value"] for row in _bindings(requests.get(endpoint, params={"query": query}))] == [str(first)]


def test_service_description_without_a_query(endpoint):
    response = requests.get(endpoint, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    service = URIRef(endpoint)
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    names = set(graph.objects(None, SD.name))
    assert IDS.graph("web-001") in names and len(names) == 4


def test_browsers_asking_the_endpoint_are_sent_to_the_query_page(endpoint):
    response = requests.get(endpoint, headers={"Accept": "text/html,*/*;q=0.8"}, allow_redirects=False)
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/query")


def test_cors_for_reads(endpoint):
    origin = {"Origin": "https://example.org"}
    response = requests.get(endpoint, params={"query": "ASK {}"}, headers=origin)
    assert response.headers["Access-Control-Allow-Origin"] in {"*", "https://example.org"}
    preflight = requests.options(
        endpoint,
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "Content-Type"},
    )
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s ?p }",
        "PREFIX ex: <http://e/>\nSELECT * WHERE {\n  ?s ex:p ?o .\n  FILTER(?o = )\n}",
    ],
)
def test_malformed_queries_get_400_with_the_parsers_message_and_position(endpoint, query):
    with pytest.raises(SyntaxError) as parsed:
        ox.Store().query(query)
    line, column, message = re.match(r"error at (\d+):(\d+): (.*)", str(parsed.value), re.DOTALL).groups()
    response = requests.get(endpoint, params={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == 400
    body = response.json()
    assert (body["error"], body["line"], body["column"]) == ("bad_request", int(line), int(column))
    assert body["message"] == f"line {line}, column {column}: {message}"
    assert "Traceback" not in response.text


def test_errors_for_browsers_are_pages(endpoint):
    response = requests.get(
        endpoint,
        params={"query": "SELECT ?s WHERE { ?s ?p }"},
        headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"},
    )
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")
    assert "line 1, column 26" in response.text and "Traceback" not in response.text


def test_health_is_cheap_and_says_so(server):
    body = requests.get(server.url + "/health").json()
    assert body["status"] == "ok" and body["query_processes"] == 2


def test_json_results_are_valid_json_for_every_query_form(endpoint):
    query = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?s a pk:Article }"
    response = requests.post(endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert json.loads(response.text)["results"]["bindings"][0]["n"]["value"] == "3"
    xml_body = requests.get(endpoint, params={"query": "ASK {}", "format": "xml"}).content
    assert ET.fromstring(xml_body).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
