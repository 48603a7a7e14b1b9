"""Safe by default: each rule of the public endpoint, each with a test that fails without it.

A canary HTTP server on 127.0.0.1 records every request it gets: SERVICE, LOAD and FROM naming it
must never reach it. The server here runs with a 1 s time limit and small caps.
"""

from __future__ import annotations

import http.server
import json
import threading

import pytest
import rdflib.plugins.sparql
import requests
from test_web_data import BASE, running_server, sample_store

from kg.rdf.ids import Ids

PK = "PREFIX pk: <https://w3id.org/peacekg/ontology#>\n"
RAHIMI = Ids(BASE).actor("Amina Rahimi")
FILLER = 60
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
JSON = {"Accept": "application/sparql-results+json"}


class Canary(http.server.ThreadingHTTPServer):
    """Counts the requests it receives; answers each with a tiny Turtle document."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        canary = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                canary.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.end_headers()
                self.wfile.write(b"<urn:canary> <urn:was> <urn:called> .")

            do_POST = do_GET

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def canary():
    server = Canary()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def server():
    settings = {"query_timeout": 1.0, "max_results": 50, "max_response_bytes": 6000}
    with running_server(sample_store(filler=FILLER), **settings) as running:
        yield running


@pytest.fixture()
def endpoint(server):
    return server.url + "/sparql"


def ask(endpoint: str, query: str) -> bool:
    response = requests.get(endpoint, params={"query": query}, headers=JSON, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def assert_error(response: requests.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert (body["error"], body["status"]) == (code, status)
    assert body["message"] and "Traceback" not in response.text
    return body


# -- no updates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:x> <urn:landed> <urn:y> }",
        PK + "DELETE WHERE { ?s a pk:Person }",
        "LOAD <{canary}/data.ttl>",
        "CLEAR ALL",
        "DROP DEFAULT",
    ],
)
@pytest.mark.parametrize("how", ["query", "update", "body"])
def test_no_update_of_any_kind_lands(endpoint, canary, update, how):
    text = update.replace("{canary}", canary.url)
    if how == "query":
        response = requests.post(endpoint, data={"query": text}, timeout=30)
    elif how == "update":
        response = requests.post(endpoint, data={"update": text}, timeout=30)
    else:
        response = requests.post(
            endpoint, data=text.encode(), timeout=30, headers={"Content-Type": "application/sparql-update"}
        )
    body = assert_error(response, 403, "forbidden")
    assert "read-only" in body["message"]
    assert not ask(endpoint, "ASK { <urn:x> <urn:landed> <urn:y> }")
    assert ask(endpoint, PK + "ASK { ?s a pk:Person }")
    assert canary.hits == []


# -- nothing reaches the network ----------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <{canary}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . SERVICE SILENT <{canary}/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE {{?s ?p ?o.SERVICE<{canary}/sparql>{{?s ?p ?o}}}}",
        "SELECT * WHERE { VALUES ?e { <{canary}/sparql> } SERVICE ?e { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_and_never_called(endpoint, canary, query):
    text = query.replace("{canary}", canary.url).replace("{{", "{").replace("}}", "}")
    body = assert_error(requests.get(endpoint, params={"query": text}, timeout=30), 400, "bad_request")
    assert "SERVICE" in body["message"]
    assert canary.hits == []


def test_from_names_local_graphs_only(endpoint, canary):
    remote = f"{canary.url}/graph.ttl"
    for query in (
        f"SELECT * FROM <{remote}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{remote}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"ASK FROM <{remote}> {{ <urn:canary> ?p ?o }}",
    ):
        response = requests.get(endpoint, params={"query": query}, headers=JSON, timeout=30)
        assert response.status_code == 200
        assert response.json().get("results", {}).get("bindings", []) == [] and not response.json().get("boolean")
    response = requests.get(
        endpoint, params={"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": remote}, headers=JSON, timeout=30
    )
    assert response.json()["results"]["bindings"] == []
    assert canary.hits == []


def test_rdflib_never_loads_graphs_named_in_queries(server):
    assert rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS is False


# -- the time limit -----------------------------------------------------------------------------


def test_a_runaway_query_is_stopped_and_the_server_keeps_answering(server, endpoint):
    restarts = requests.get(server.url + "/health", timeout=30).json()["restarts"]
    result: dict[str, requests.Response] = {}

    def runaway() -> None:
        result["slow"] = requests.get(endpoint, params={"query": CROSS_PRODUCT}, headers=JSON, timeout=60)

    thread = threading.Thread(target=runaway)
    thread.start()
    # while one query process grinds, the other answers
    assert ask(endpoint, PK + f"ASK {{ <{RAHIMI}> a pk:Person }}")
    thread.join(timeout=60)
    body = assert_error(result["slow"], 503, "query_timeout")
    assert "1 s" in body["message"] and "query_timeout" in body["message"]
    assert ask(endpoint, PK + f"ASK {{ <{RAHIMI}> a pk:Person }}")
    assert requests.get(server.url + "/health", timeout=30).json()["restarts"] == restarts + 1


# -- caps ---------------------------------------------------------------------------------------


def test_results_are_capped_with_a_note(endpoint):
    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    response = requests.get(endpoint, params={"query": query, "format": "csv"}, timeout=30)
    assert response.status_code == 200
    assert len(response.text.splitlines()) == 1 + 50
    assert response.headers["PeaceKG-Truncated"].startswith('50; setting="max_results"')
    query = "CONSTRUCT WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o }"
    construct = requests.get(endpoint, params={"query": query, "format": "nt"}, timeout=30)
    assert len(construct.text.splitlines()) == 50
    assert "max_results" in construct.headers["PeaceKG-Truncated"]


def test_json_results_carry_the_note_in_a_field_clients_ignore(endpoint):
    response = requests.get(
        endpoint, params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 200"}, headers=JSON, timeout=30
    )
    body = response.json()
    rows = len(body["results"]["bindings"])
    assert 0 < rows <= 50 and len(response.content) <= 6000 + 300
    assert body["truncated"]["rows"] == rows
    assert body["truncated"]["setting"] in {"max_results", "max_response_bytes"}


def test_small_results_are_whole_and_unmarked(endpoint):
    response = requests.get(endpoint, params={"query": "SELECT ?s { ?s ?p ?o } LIMIT 3"}, headers=JSON, timeout=30)
    assert "PeaceKG-Truncated" not in response.headers and "truncated" not in response.json()


def test_response_size_is_capped(endpoint):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 45"
    response = requests.get(endpoint, params={"query": query, "format": "xml"}, timeout=30)
    assert response.status_code == 200
    assert len(response.content) <= 6000
    assert 'setting="max_response_bytes"' in response.headers["PeaceKG-Truncated"]


def test_query_size_is_capped(endpoint):
    padding = "#" + "x" * (64 * 1024) + "\n"
    response = requests.post(
        endpoint, data=(padding + "ASK {}").encode(), timeout=30, headers={"Content-Type": "application/sparql-query"}
    )
    body = assert_error(response, 413, "payload_too_large")
    assert "max_query_bytes" in body["message"]
    huge = requests.post(endpoint, data={"query": padding * 4 + "ASK {}"}, timeout=30)
    assert_error(huge, 413, "payload_too_large")
    assert ask(endpoint, "#" + "x" * 60000 + "\nASK {}")


@pytest.mark.parametrize("depth", [65, 5000])
def test_deep_nesting_is_refused_before_any_parser_sees_it(server, endpoint, depth):
    restarts = requests.get(server.url + "/health", timeout=30).json()["restarts"]
    query = "SELECT * WHERE { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    body = assert_error(requests.get(endpoint, params={"query": query}, timeout=30), 400, "bad_request")
    assert "max_query_depth" in body["message"]
    assert requests.get(server.url + "/health", timeout=30).json()["restarts"] == restarts
    assert ask(endpoint, "ASK { FILTER(" + "(" * 60 + "true" + ")" * 60 + ") }")


# -- input and errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_invalid_utf8_is_400(server, endpoint, how):
    if how == "get":
        response = requests.get(f"{endpoint}?query=ASK%20%7B%7D%FF", timeout=30)
    elif how == "form":
        response = requests.post(
            endpoint,
            data=b"query=ASK%20%7B%7D%C3%28",
            timeout=30,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    else:
        response = requests.post(
            endpoint,
            data=b'ASK { FILTER("\xe9" = 1) }',
            timeout=30,
            headers={"Content-Type": "application/sparql-query"},
        )
    body = assert_error(response, 400, "bad_request")
    assert "UTF-8" in body["message"]


@pytest.mark.parametrize(
    "method,path,kwargs,status,code",
    [
        ("get", "/nowhere", {}, 404, "not_found"),
        ("put", "/sparql", {"data": "ASK {}"}, 405, "method_not_allowed"),
        (
            "post",
            "/sparql",
            {"data": "ASK {}", "headers": {"Content-Type": "text/plain"}},
            415,
            "unsupported_media_type",
        ),
        ("get", "/sparql", {"params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400, "bad_request"),
        ("get", "/sparql", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "bad_request"),
        ("post", "/sparql", {"data": {"format": "json"}}, 400, "bad_request"),
        ("get", "/export", {"params": {"format": "yaml"}}, 406, "not_acceptable"),
    ],
)
def test_one_error_shape_everywhere(server, method, path, kwargs, status, code):
    response = getattr(requests, method)(server.url + path, timeout=30, **kwargs)
    body = assert_error(response, status, code)
    assert set(body) == {"error", "status", "message"}
    assert response.headers["Content-Type"] == "application/json"
    json.dumps(body)
