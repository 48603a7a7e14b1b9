"""The parts of the web layer that need no server: the query guard, negotiation, result caps."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.errors import Forbidden, PayloadTooLarge, QueryError
from kg.formats import DATASETS, GRAPHS, RESULTS, by_name, negotiate, results_format
from kg.web.guard import check_size, inspect_query
from kg.web.worker import Job, Outcome, execute


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "SELECT * {?s ?p ?o.SERVICE<http://127.0.0.1:1/sparql>{?s ?p ?o}}",
        "SELECT * {?s ?p ?o FILTER(?s<?o)SERVICE<http://127.0.0.1:1/sparql>{?s ?p ?o}}",
        "SELECT * { # a comment\nSERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * { ?s ?p 'x' . SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:p ?o ; ex:q ?r .SERVICE <http://127.0.0.1:1/sparql> {} }",
    ],
)
def test_service_is_refused_however_written(query):
    with pytest.raises(QueryError, match="SERVICE is not allowed") as caught:
        inspect_query(query)
    assert caught.value.position is not None


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service { ?service ?p 'SERVICE <http://x/> {}' } # SERVICE",
        "SELECT * { <http://e/SERVICE> ?p ?o }",
        "PREFIX ex: <http://e/> SELECT * { ?s ex:serviceType ?o }",
        'SELECT * { ?s ?p """a SERVICE\nb""" }',
    ],
)
def test_service_in_names_strings_iris_and_comments_is_fine(query):
    assert inspect_query(query).form == "SELECT"


@pytest.mark.parametrize(
    "query,keyword",
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
        ("PREFIX ex: <http://e/>\nDELETE WHERE { ?s ex:p ?o }", "DELETE"),
        ("load <http://127.0.0.1:1/data.ttl>", "LOAD"),
        ("CLEAR ALL", "CLEAR"),
        ("DROP GRAPH <urn:g>", "DROP"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
        ("# comment\nBASE <http://e/> CREATE GRAPH <g>", "CREATE"),
    ],
)
def test_updates_are_forbidden(query, keyword):
    with pytest.raises(Forbidden, match=keyword):
        inspect_query(query)


def test_depth_counts_brackets_outside_strings_iris_and_comments():
    deep = "SELECT * WHERE " + "{ " * 5 + "?s ?p ?o" + " }" * 5
    assert inspect_query(deep, max_depth=5).form == "SELECT"
    with pytest.raises(QueryError, match="max_query_depth"):
        inspect_query(deep, max_depth=4)
    quoted = 'SELECT * { ?s ?p \'((((((((((\' # [[[[[[[[[[[\n FILTER(?o != """{{{{{{""") }'
    assert inspect_query(quoted, max_depth=2).form == "SELECT"
    # an IRI's own brackets count (a '<' may be a comparison), no more than they nest
    assert inspect_query("SELECT * { FILTER(?o != <http://e/a[b]>) }", max_depth=3).form == "SELECT"


def test_brackets_inside_a_comparison_that_looks_like_an_iri_still_count():
    # ?a<((((1))))>?b is a comparison to the parser, whatever it looks like
    with pytest.raises(QueryError, match="max_query_depth"):
        inspect_query("SELECT * { FILTER(?a<((((((1))))))>?b) }", max_depth=4)


def test_depth_refusal_is_fast_on_a_parser_crashing_query():
    with pytest.raises(QueryError, match=r"65 deep"):
        inspect_query("SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }")


def test_query_form_and_dataset_clause():
    assert inspect_query("ASK {}") == inspect_query("ASK {}")
    assert inspect_query("CONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    shape = inspect_query("SELECT * FROM NAMED <urn:g> { GRAPH ?g { ?s ?p ?o } }")
    assert shape.has_dataset
    assert not inspect_query("SELECT * { ?from ?p ?o }").has_dataset


def test_size_is_counted_in_utf8_bytes():
    check_size("é" * 32, 64)
    with pytest.raises(PayloadTooLarge):
        check_size("é" * 33, 64)


def _accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)


@pytest.mark.parametrize(
    "header,table,expected",
    [
        ("application/sparql-results+json", RESULTS, "json"),
        ("application/sparql-results+xml;q=0.9, application/sparql-results+json;q=0.8", RESULTS, "xml"),
        ("text/csv;q=0.2, text/tab-separated-values;q=0.3", RESULTS, "tsv"),
        ("application/json", RESULTS, "json"),
        ("*/*", RESULTS, "json"),
        ("text/*", RESULTS, "csv"),
        ("application/rdf+xml;q=0.5, application/ld+json;q=0.6, text/turtle;q=0.4", GRAPHS, "jsonld"),
        ("application/n-triples", GRAPHS, "ntriples"),
        ("text/turtle;q=0, */*;q=0.1", GRAPHS, "jsonld"),
        ("application/n-quads, application/trig;q=0.5", DATASETS, "nquads"),
    ],
)
def test_negotiation_follows_q_values(header, table, expected):
    assert negotiate(_accept(header), table).name == expected


@pytest.mark.parametrize(
    "header,table",
    [
        ("image/png", RESULTS),
        ("text/turtle", RESULTS),
        ("application/sparql-results+json", GRAPHS),
        ("text/turtle;q=0", GRAPHS[:1]),
    ],
)
def test_negotiation_refuses_what_it_cannot_serve(header, table):
    assert negotiate(_accept(header), table) is None


@pytest.fixture(scope="module")
def store():
    store = ox.Store()
    for i in range(30):
        store.add(
            ox.Quad(
                ox.NamedNode(f"urn:s{i:02}"),
                ox.NamedNode("urn:p"),
                ox.Literal(f"value {i}\twith tab"),
                ox.NamedNode("urn:g"),
            )
        )
    return store


def test_results_are_cut_at_max_results_with_a_note(store):
    out = execute(store, Job("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?s", max_results=7))
    data = json.loads(out.body)
    assert (out.count, out.truncated) == (7, "max_results")
    assert len(data["results"]["bindings"]) == 7
    assert data["results"]["bindings"][0]["o"]["value"] == "value 0\twith tab"
    assert data["truncated"]["setting"] == "max_results"


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_results_within_the_cap_are_whole_and_serialised_once(store, fmt):
    out = execute(store, Job("SELECT ?s { ?s ?p ?o }", results_format=fmt, max_results=30))
    assert (out.status, out.truncated) == ("ok", "")
    assert out.count == -1  # written straight in the format asked for, not counted row by row
    if fmt == "csv":  # lossy, so no parser reads it back: one line a row after the header
        assert out.body.count(b"\r\n") == 31
    else:
        assert len(list(ox.parse_query_results(out.body, results_format(by_name(fmt, RESULTS))))) == 30


class _Counting:
    """A store that counts the queries it runs."""

    def __init__(self, store: ox.Store) -> None:
        self.store, self.queries = store, 0

    def query(self, *args, **kwargs):
        self.queries += 1
        return self.store.query(*args, **kwargs)


@pytest.mark.parametrize(("fmt", "runs"), [("json", 1), ("xml", 1), ("tsv", 1), ("csv", 2)])
def test_an_answer_past_max_results_is_cut_from_what_was_written(store, fmt, runs):
    counting = _Counting(store)
    out = execute(counting, Job("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?s", results_format=fmt, max_results=7))
    assert (out.count, out.truncated) == (7, "max_results")
    assert counting.queries == runs  # CSV may quote a line end: it runs again the line-per-row way
    if fmt == "json":  # the note is skipped by JSON clients, Oxigraph's streaming reader too
        assert json.loads(out.body)["truncated"]["rows"] == 7
    if fmt != "csv":
        solutions = ox.parse_query_results(out.body, results_format(by_name(fmt, RESULTS)))
        assert [s["s"].value for s in solutions] == [f"urn:s{i:02}" for i in range(7)]


def test_a_literal_that_looks_like_a_row_mark_never_loses_rows():
    data = ox.Store()
    for n in range(3):
        data.add(ox.Quad(ox.NamedNode(f"urn:s{n}"), ox.NamedNode("urn:p"), ox.Literal("},{" * 5), ox.DefaultGraph()))
    out = execute(data, Job("SELECT ?s ?o { ?s ?p ?o }", max_results=3))
    assert (out.truncated, len(json.loads(out.body)["results"]["bindings"])) == ("", 3)
    cut = execute(data, Job("SELECT ?s ?o { ?s ?p ?o }", max_results=2))
    assert (cut.count, cut.truncated) == (2, "max_results")


def test_triples_are_cut_at_max_results(store):
    out = execute(store, Job("CONSTRUCT WHERE { ?s ?p ?o }", graph_format="ntriples", max_results=4))
    assert (out.count, out.truncated) == (4, "max_results")
    assert len(list(ox.parse(out.body, ox.RdfFormat.N_TRIPLES))) == 4


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_results_are_cut_to_fit_max_response_bytes(store, fmt):
    out = execute(store, Job("SELECT ?s ?o { ?s ?p ?o }", results_format=fmt, max_bytes=600))
    assert out.truncated == "max_response_bytes"
    assert 0 < out.count < 30
    assert len(out.body) <= 600 + 200  # the note on JSON results comes on top
    if fmt == "json":
        assert len(json.loads(out.body)["results"]["bindings"]) == out.count


def test_no_acceptable_format_for_the_result_kind(store):
    assert execute(store, Job("ASK {}", results_format=None)).status == "not_acceptable"
    assert execute(store, Job("DESCRIBE <urn:s01>", graph_format=None)).kind == "graph"


def test_a_select_with_a_small_outer_limit_is_serialised_directly(store):
    direct = execute(store, Job("SELECT ?s { ?s ?p ?o } LIMIT 5", results_format="json", direct=True))
    assert direct.status == "ok" and direct.count == -1 and not direct.truncated
    assert len(json.loads(direct.body)["results"]["bindings"]) == 5
    too_big = execute(store, Job("SELECT ?s ?o { ?s ?p ?o } LIMIT 30", direct=True, max_bytes=600))
    assert too_big.truncated == "max_response_bytes" and 0 < too_big.count < 30


def test_result_cache_keeps_the_most_recent_answers_within_its_bytes():
    from kg.web.results import ENTRY_OVERHEAD, ResultCache

    cache = ResultCache(3 * (1000 + ENTRY_OVERHEAD))
    jobs = [Job(f"SELECT * {{}} LIMIT {n}") for n in range(4)]
    for job in jobs[:3]:
        assert cache.put(job, Outcome("ok", "solutions", "json", b"x" * 1000)) is not None
    assert cache.get(jobs[0]) is not None  # now the most recently used
    cache.put(jobs[3], Outcome("ok", "solutions", "json", b"y" * 1000))
    assert cache.get(jobs[1]) is None and cache.get(jobs[0]) is not None
    assert cache.size <= cache.max_bytes
    assert cache.put(Job("ASK {}"), Outcome("ok", "boolean", "json", b"z" * cache.max_bytes)) is None
