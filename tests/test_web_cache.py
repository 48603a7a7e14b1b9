"""Answers kept for queries asked again, entity tags and conditional requests."""

from __future__ import annotations

import pytest
import requests
from test_web_data import running_server, sample_store

JSON = "application/sparql-results+json"
MEETINGS = "SELECT DISTINCT ?m WHERE { ?m a <https://w3id.org/peacekg/ontology#Meeting> }"


@pytest.fixture(scope="module")
def server():
    with running_server(sample_store()) as running:
        yield running


def ask(url: str, query: str, accept: str = JSON, **headers: str) -> requests.Response:
    return requests.get(url + "/sparql", params={"query": query}, headers={"Accept": accept, **headers}, timeout=30)


def cache_counts(url: str) -> dict[str, int]:
    return requests.get(url + "/health", timeout=30).json()["result_cache"]


def test_a_query_asked_again_is_answered_from_the_cache(server):
    query = MEETINGS + " LIMIT 7"
    before = cache_counts(server.url)
    first, second = ask(server.url, query), ask(server.url, query)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    after = cache_counts(server.url)
    assert after["misses"] == before["misses"] + 1 and after["hits"] == before["hits"] + 1
    assert after["bytes"] > before["bytes"]
    assert second.headers["ETag"] == first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"  # kept, but clients must ask whether it changed


def timings(response: requests.Response) -> dict[str, float]:
    """The metrics of a ``Server-Timing`` header, by name."""
    metrics = {}
    for metric in response.headers["Server-Timing"].split(","):
        name, _, duration = metric.strip().partition(";dur=")
        metrics[name] = float(duration)
    return metrics


def test_server_timing_tells_the_query_process_time_apart_from_the_whole_wait(server):
    query = MEETINGS + " LIMIT 8"
    first, second = timings(ask(server.url, query)), timings(ask(server.url, query))
    assert set(first) == {"query", "engine"}
    assert 0 < first["engine"] <= first["query"]
    assert set(second) == {"query"}  # from the cache: no query process ran it


def test_if_none_match_gets_304_without_a_body(server):
    tag = ask(server.url, MEETINGS).headers["ETag"]
    again = ask(server.url, MEETINGS, **{"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert ask(server.url, MEETINGS, **{"If-None-Match": '"other"'}).status_code == 200


def test_each_format_is_kept_apart(server):
    as_json, as_csv = ask(server.url, MEETINGS), ask(server.url, MEETINGS, accept="text/csv")
    assert as_json.headers["Content-Type"].startswith(JSON) and as_csv.headers["Content-Type"].startswith("text/csv")
    assert as_json.headers["ETag"] != as_csv.headers["ETag"]
    assert ask(server.url, MEETINGS, accept="text/csv").content == as_csv.content


@pytest.mark.parametrize("function", ["RAND()", "NOW()", "STRUUID()", "bnode()"])
def test_answers_that_change_from_run_to_run_are_never_kept(server, function):
    query = f"SELECT ?x WHERE {{ BIND({function} AS ?x) }}"
    before = cache_counts(server.url)
    for _ in range(2):
        response = ask(server.url, query)
        assert response.status_code == 200
        assert "ETag" not in response.headers and response.headers["Cache-Control"] == "no-store"
    assert cache_counts(server.url)["hits"] == before["hits"]


def test_errors_are_never_kept(server):
    for _ in range(2):
        response = ask(server.url, "SELECT * WHERE { ?s ?p }")
        assert response.status_code == 400 and "ETag" not in response.headers


def test_the_cache_can_be_turned_off():
    with running_server(sample_store(), result_cache_bytes=0) as off:
        for _ in range(2):
            response = ask(off.url, MEETINGS)
            assert response.status_code == 200 and "ETag" not in response.headers
        assert cache_counts(off.url) == {"bytes": 0, "hits": 0, "misses": 0}
