"""The ``peacekg`` command end to end: the real model, a real store on disk, every bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.cli import cli
from kg.rdf.namespaces import DCTERMS, PK, RDF
from kg.store import open_store, oxigraph

ROOT = Path(__file__).resolve().parent.parent
SEEDS, QUERIES = ROOT / "seeds", ROOT / "queries"

pytestmark = pytest.mark.slow


def run(store: Path, *args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, ["--store", str(store), *args], input=input)


def quads(store: Path) -> set[str]:
    ds = open_store(store)
    try:
        return {str(q) for q in oxigraph(ds)}
    finally:
        from kg.store import close_store

        close_store(ds)


def test_seeds_ingest_export_round_trip(seeded_store, tmp_path):
    out = tmp_path / "export.trig"
    result = run(seeded_store, "export", "--format", "trig", "-o", str(out))
    assert result.exit_code == 0, result.output
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    assert len(ds.graph(DATASET_DEFAULT_GRAPH_ID)) == 0  # every fact is in a named graph
    assert sum(1 for _ in ds.quads()) == len(quads(seeded_store))
    ids = {str(i) for i in ds.objects(None, DCTERMS.identifier)}
    assert ids == {p.stem for p in SEEDS.glob("*.txt")}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    mentions = list(ds.subjects(RDF.type, PK.Mention))
    assert mentions
    for m in mentions:
        article = ds.value(m, PK.inArticle)
        text = texts[str(ds.value(article, DCTERMS.identifier))]
        assert text[int(ds.value(m, PK.start)) : int(ds.value(m, PK.end))] == str(ds.value(m, PK.text))
    for kind in (PK.Meeting, PK.Agreement):
        for event in ds.subjects(RDF.type, kind):
            assert ds.value(event, PK.evidence) is not None and ds.value(event, PK.status) is not None


@pytest.mark.parametrize(
    ("fmt", "parser"),
    [
        ("turtle", "turtle"),
        ("ntriples", "nt"),
        ("nquads", "nquads"),
        ("jsonld", "json-ld"),
        ("xml", "xml"),
        ("trig", "trig"),
    ],
)
def test_every_export_format_parses(seeded_store, fmt, parser):
    result = CliRunner().invoke(cli, ["--store", str(seeded_store), "export", "--format", fmt])
    assert result.exit_code == 0
    target = Dataset(default_union=True) if fmt in ("nquads", "trig", "jsonld") else Graph()
    target.parse(data=result.stdout_bytes, format=parser)
    assert len(list(target.subjects(RDF.type, PK.Article))) == 5


def test_export_one_article_graph(seeded_store):
    article_id = sorted(p.stem for p in SEEDS.glob("*.txt"))[0]
    result = run(seeded_store, "export", "--format", "turtle", "--graph", article_id)
    assert result.exit_code == 0
    g = Graph().parse(data=result.stdout_bytes, format="turtle")
    assert {str(i) for i in g.objects(None, DCTERMS.identifier)} == {article_id}
    result = run(seeded_store, "export", "--graph", "no-such-article")
    assert result.exit_code == 2 and "no article 'no-such-article'" in result.output


def test_reingest_is_idempotent(store_copy):
    before = quads(store_copy)
    result = run(store_copy, "ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert quads(store_copy) == before


def test_reingest_replaces_an_article(store_copy, tmp_path):
    (tmp_path / "000_ceacec5d2c510505.txt").write_text("Mediators from Norway met rebel leaders in Oslo.")
    assert run(store_copy, "ingest", str(tmp_path / "000_ceacec5d2c510505.txt")).exit_code == 0
    after = quads(store_copy)
    assert not any("Karzai" in q for q in after)
    assert any("Norway" in q for q in after)


def test_remove(store_copy):
    result = run(store_copy, "remove", "000_ceacec5d2c510505", "nope")
    assert result.exit_code == 1
    assert "nope: no such article in the store" in result.output
    left = quads(store_copy)
    assert not any("graph/000_ceacec5d2c510505>" in q for q in left)
    assert any("graph/001_e62f7cc97fa339b7>" in q for q in left)


BAD_INPUTS = {
    "empty.txt": (b"", "empty.txt: empty text"),
    "latin1.txt": (b"Talks in Bogot\xe1.", "latin1.txt:1: invalid UTF-8 at byte 14"),
    "corpus.jsonl": (b'{"id": "j1", "text": "Envoys met."}\n{"id": "j2", "text": \n', "corpus.jsonl:2: invalid JSON"),
    "notext.jsonl": (b'{"id": "j3"}\n', "notext.jsonl:1: missing 'text'"),
    "baddate.jsonl": (b'{"id": "j4", "text": "x", "published": "yesterday"}\n', "baddate.jsonl:1: 'published'"),
    "orphan.json": (b'{"id": "o"}', "orphan.json: sidecar without its text file"),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_bad_input_is_named_skipped_and_the_store_kept(store_copy, tmp_path, name):
    data, message = BAD_INPUTS[name]
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("Delegations from Armenia and Azerbaijan met in Washington on Monday.")
    before = quads(store_copy)
    result = run(store_copy, "ingest", str(folder))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    after = quads(store_copy)
    assert before < after  # nothing lost, the good article added
    assert any("graph/good>" in q for q in after)


def test_stdin_jsonl(store_copy):
    line = json.dumps(
        {"id": "stdin-1", "text": "Ethiopia and the TPLF signed a truce in Pretoria.", "published": "2022-11-02"}
    )
    result = run(store_copy, "ingest", "-", input=line + "\n")
    assert result.exit_code == 0, result.output
    assert any("graph/stdin-1>" in q for q in quads(store_copy))


def test_ingest_is_quiet_when_not_on_a_terminal(store_copy):
    result = run(store_copy, "ingest", str(SEEDS))
    assert "it/s" not in result.output and "article/s]" not in result.output


def test_killed_ingest_leaves_the_store_as_it_was(store_copy, tmp_path):
    corpus = tmp_path / "big.jsonl"
    text = (SEEDS / "003_af37eefabe3065ef.txt").read_text(encoding="utf-8")
    with corpus.open("w") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"k{i}", "text": text.replace("Khalilzad", f"Envoy{i}")}) + "\n")
        f.write(json.dumps({"id": "000_ceacec5d2c510505", "text": "Replaced text about talks."}) + "\n")
    before = quads(store_copy)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "PEACEKG_STORE": str(store_copy), "TMPDIR": str(scratch)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "ingest", str(corpus)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6)  # the model is loaded and articles are being parsed
    assert proc.poll() is None, "the ingest finished before it could be killed: make the corpus larger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert quads(store_copy) == before
    # the next ingest removes the batch file the killed one left
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text(json.dumps({"id": "k-next", "text": "Talks were held in Doha."}) + "\n")
    subprocess.run([sys.executable, "-m", "kg", "ingest", str(tiny)], env=env, check=True, capture_output=True)
    assert list(scratch.iterdir()) == []


def test_missing_store_is_a_clear_error(tmp_path):
    result = run(tmp_path / "nowhere", "stats")
    assert result.exit_code == 2
    assert "no store at" in result.output and "Traceback" not in result.output


def test_stats(seeded_store):
    result = run(seeded_store, "stats", "--json")
    figures = json.loads(result.stdout)
    assert figures["articles"] == 5 and figures["meetings"] > 0 and figures["quads"] > 0


def test_validate_passes_on_the_seeds(seeded_store):
    result = run(seeded_store, "validate")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_every_example_query_runs_on_the_seeds(seeded_store, path):
    for fmt in ("table", "json"):
        result = run(seeded_store, "query", str(path), "--format", fmt)
        assert result.exit_code == 0, result.output


def test_query_formats_and_errors(seeded_store):
    q = "PREFIX pk: <https://w3id.org/peacekg/ontology#> SELECT ?a WHERE { ?a a pk:Article } ORDER BY ?a"
    table = run(seeded_store, "query", q)
    assert table.exit_code == 0 and "(5 rows)" in table.stdout
    csv = run(seeded_store, "query", q, "--format", "csv")
    assert csv.stdout.splitlines()[0] == "a" and len(csv.stdout.splitlines()) == 6
    bad = run(seeded_store, "query", "SELECT * WHERE { ?s ?p }")
    assert bad.exit_code == 2
    assert "line 1, column 25" in bad.output and "Traceback" not in bad.output
    update = run(seeded_store, "query", "DELETE WHERE { ?s ?p ?o }")
    assert update.exit_code == 2


def test_settings_come_from_file_environment_and_options(tmp_path, monkeypatch):
    config = tmp_path / "peacekg.toml"
    config.write_text("query_timeout = 3.5\nport = 9001\n")
    monkeypatch.setenv("PEACEKG_PORT", "9002")
    result = CliRunner().invoke(cli, ["--config", str(config), "--store", "s1", "settings"])
    assert result.exit_code == 0
    assert "query_timeout = 3.5" in result.stdout and "port = 9002" in result.stdout and "store = 's1'" in result.stdout
    bad = CliRunner().invoke(cli, ["--config", str(tmp_path / "missing.toml"), "settings"])
    assert bad.exit_code == 2 and "cannot read settings" in bad.output
