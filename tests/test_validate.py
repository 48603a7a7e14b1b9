"""SHACL validation of hand-built article graphs, and the example queries in ``queries/``.

The graphs follow the RDF shape the mapping writes (one named graph per article). Two articles
report the same ceasefire: the first says it is planned, the second that it was signed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql import prepareQuery

from kg.rdf.ids import Ids
from kg.rdf.namespaces import DCTERMS, ONTOLOGY_IRI, OWL, PK, RDF, RDFS, SCHEMA, SH, SKOS, XSD
from kg.rdf.validate import load_ontology, load_shapes, qname, validate

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))

IDS = Ids("https://w3id.org/peacekg/id/")
TALIBAN, OLSEN = IDS.actor("taliban"), IDS.actor("maria olsen")
US, QATAR = IDS.actor("united states"), IDS.actor("qatar")
DOHA = IDS.place("doha")
TALKS = IDS.event("meeting", "taliban-us-talks-doha")
CEASEFIRE = IDS.event("agreement", "taliban-us-ceasefire")

TEXT_1 = (
    "Taliban negotiators met US envoy Maria Olsen in Doha on Monday, the group's spokesman said. "
    "Both sides are expected to sign a ceasefire deal next month."
)
TEXT_2 = "After weeks of delay, the Taliban and the United States signed the ceasefire deal in Doha on Tuesday."


def _mention(g: Graph, article_id: str, text: str, sentence: str) -> URIRef:
    start = text.index(sentence)
    end = start + len(sentence)
    mention = IDS.mention(article_id, start, end)
    g.add((mention, RDF.type, PK.Mention))
    g.add((mention, PK.inArticle, IDS.article(article_id)))
    g.add((mention, PK.text, Literal(sentence)))
    g.add((mention, PK.start, Literal(start)))
    g.add((mention, PK.end, Literal(end)))
    return mention


def _article(g: Graph, article_id: str, published: str, title: str) -> URIRef:
    article = IDS.article(article_id)
    g.add((article, RDF.type, PK.Article))
    g.add((article, DCTERMS.identifier, Literal(article_id)))
    g.add((article, SCHEMA.datePublished, Literal(published, datatype=XSD.date)))
    g.add((article, DCTERMS.title, Literal(title)))
    g.add((article, DCTERMS.source, Literal("Example News")))
    g.add((article, SCHEMA.url, URIRef(f"https://news.example.org/{article_id}")))
    return article


def _actor(g: Graph, node: URIRef, kind: URIRef, label: str, article: URIRef, *aliases: str) -> None:
    g.add((node, RDF.type, kind))
    g.add((node, RDFS.label, Literal(label)))
    g.add((node, PK.mentionedIn, article))
    for alias in aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))


def first_article() -> Graph:
    """A conforming graph: a meeting that occurred and an agreement that is planned."""
    g = Graph()
    article = _article(g, "t1", "2020-04-14", "Taliban meet US envoy in Doha")
    _actor(g, TALIBAN, PK.Organization, "Taliban", article, "the group")
    _actor(g, OLSEN, PK.Person, "Maria Olsen", article, "US envoy Maria Olsen")
    g.add((OLSEN, PK.role, Literal("envoy")))
    g.add((OLSEN, PK.affiliation, US))
    _actor(g, US, PK.Country, "United States", article, "US")
    g.add((US, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q30")))
    _actor(g, QATAR, PK.Country, "Qatar", article)
    _actor(g, DOHA, PK.Place, "Doha", article)
    g.add((DOHA, PK.locatedIn, QATAR))
    g.add((DOHA, OWL.sameAs, URIRef("https://sws.geonames.org/290030/")))

    met = _mention(g, "t1", TEXT_1, TEXT_1[: TEXT_1.index(" Both")])
    g.add((met, PK.reportedBy, TALIBAN))
    g.add((met, PK.trigger, Literal("met")))
    g.add((TALKS, RDF.type, PK.Meeting))
    g.add((TALKS, RDFS.label, Literal("talks between Taliban and Maria Olsen")))
    g.add((TALKS, PK.participant, TALIBAN))
    g.add((TALKS, PK.participant, OLSEN))
    g.add((TALKS, PK.place, DOHA))
    g.add((TALKS, PK.date, Literal("2020-04-13", datatype=XSD.date)))
    g.add((TALKS, PK.dateText, Literal("on Monday")))
    g.add((TALKS, PK.status, PK.Occurred))
    g.add((TALKS, PK.category, Literal("talks")))
    g.add((TALKS, PK.evidence, met))
    g.add((TALKS, PK.mentionedIn, article))

    deal = _mention(g, "t1", TEXT_1, TEXT_1[TEXT_1.index("Both") :])
    g.add((CEASEFIRE, RDF.type, PK.Agreement))
    g.add((CEASEFIRE, RDFS.label, Literal("ceasefire between Taliban and United States")))
    g.add((CEASEFIRE, PK.party, TALIBAN))
    g.add((CEASEFIRE, PK.party, US))
    g.add((CEASEFIRE, PK.date, Literal("2020-05", datatype=XSD.gYearMonth)))
    g.add((CEASEFIRE, PK.status, PK.Planned))
    g.add((CEASEFIRE, PK.category, Literal("ceasefire")))
    g.add((CEASEFIRE, PK.evidence, deal))
    g.add((CEASEFIRE, PK.mentionedIn, article))
    return g


def second_article() -> Graph:
    """A conforming graph: the same ceasefire, now signed, in Qatar's capital."""
    g = Graph()
    article = _article(g, "t2", "2020-05-20", "Ceasefire signed")
    _actor(g, TALIBAN, PK.Organization, "Taliban", article, "the Taliban")
    _actor(g, US, PK.Country, "United States", article, "the United States")
    _actor(g, DOHA, PK.Place, "Doha", article)
    signed = _mention(g, "t2", TEXT_2, TEXT_2)
    g.add((CEASEFIRE, RDF.type, PK.Agreement))
    g.add((CEASEFIRE, RDFS.label, Literal("ceasefire between Taliban and United States")))
    g.add((CEASEFIRE, PK.party, TALIBAN))
    g.add((CEASEFIRE, PK.party, US))
    g.add((CEASEFIRE, PK.place, DOHA))
    g.add((CEASEFIRE, PK.date, Literal("2020-05-19", datatype=XSD.date)))
    g.add((CEASEFIRE, PK.status, PK.Occurred))
    g.add((CEASEFIRE, PK.evidence, signed))
    g.add((CEASEFIRE, PK.mentionedIn, article))
    return g


def dataset(*graphs: Graph, with_ontology: bool = True) -> Dataset:
    """Article graphs as named graphs ``graph/t1``, ``graph/t2``..., plus the ontology graph."""
    ds = Dataset()
    for number, g in enumerate(graphs, start=1):
        named = ds.graph(IDS.graph(f"t{number}"))
        for triple in g:
            named.add(triple)
    if with_ontology:
        named = ds.graph(URIRef(ONTOLOGY_IRI))
        for triple in load_ontology():
            named.add(triple)
    return ds


# ---------------------------------------------------------------- validation


def test_conforming_graphs_pass() -> None:
    report = validate(first_article())
    assert report.conforms, report.text
    assert report.violations == ()


def test_dataset_is_validated_graph_by_graph() -> None:
    """Planned in one graph and Occurred in the other is no violation: the union is never checked."""
    ds = dataset(first_article(), second_article())
    report = validate(ds)
    assert report.conforms, report.text
    assert report.graphs_checked == 2  # the ontology graph is skipped
    union = Graph()
    for named in ds.graphs():
        for triple in named:
            union.add(triple)
    assert not validate(union).conforms  # the same data as one graph has two statuses


def _drop(s: URIRef, p: URIRef) -> Callable[[Graph], None]:
    return lambda g: g.remove((s, p, None))


def _set(s: URIRef, p: URIRef, o: object) -> Callable[[Graph], None]:
    return lambda g: g.set((s, p, o))


def _first_mention(g: Graph) -> URIRef:
    return next(g.objects(TALKS, PK.evidence))


def _swap_offsets(g: Graph) -> None:
    m = _first_mention(g)
    start, end = g.value(m, PK.start), g.value(m, PK.end)
    g.set((m, PK.start, end))
    g.set((m, PK.end, start))


def _shift_offsets(g: Graph) -> None:
    m = _first_mention(g)
    g.set((m, PK.end, Literal(g.value(m, PK.end).toPython() + 3)))


def _on_mention(p: URIRef, o: object | None) -> Callable[[Graph], None]:
    """Set (or with ``None`` drop) a property of the meeting's evidence mention."""

    def change(g: Graph) -> None:
        m = _first_mention(g)
        g.remove((m, p, None))
        if o is not None:
            g.add((m, p, o))

    return change


def _untyped_participant(g: Graph) -> None:
    g.add((TALKS, PK.participant, IDS.actor("nobody")))


BROKEN: dict[str, tuple[Callable[[Graph], None], URIRef | None, str]] = {
    "actor without label": (_drop(TALIBAN, RDFS.label), TALIBAN, "exactly one rdfs:label"),
    "actor with two labels": (lambda g: g.add((US, RDFS.label, Literal("USA"))), US, "exactly one rdfs:label"),
    "actor not in article": (_drop(OLSEN, PK.mentionedIn), OLSEN, "pk:mentionedIn"),
    "participant not an actor": (_untyped_participant, TALKS, "must be an actor"),
    "bad status value": (_set(TALKS, PK.status, PK.Postponed), TALKS, "must be one of pk:Planned"),
    "meeting without status": (_drop(TALKS, PK.status), TALKS, "exactly one pk:status"),
    "date typed as string": (_set(TALKS, PK.date, Literal("2020-04-13")), TALKS, "xsd:gYearMonth"),
    "date typed as dateTime": (
        _set(CEASEFIRE, PK.date, Literal("2020-05-01T10:00:00", datatype=XSD.dateTime)),
        CEASEFIRE,
        "xsd:date",
    ),
    "meeting without evidence": (_drop(TALKS, PK.evidence), TALKS, "at least one pk:evidence"),
    "place not a place": (_set(TALKS, PK.place, OLSEN), TALKS, "pk:place"),
    "mention with start after end": (_swap_offsets, None, "pk:start must be less than its pk:end"),
    "mention offsets not covering text": (_shift_offsets, None, "offsets do not cover the text"),
    "mention negative start": (_on_mention(PK.start, Literal(-1)), None, ">= 0"),
    "offset typed as string": (_on_mention(PK.start, Literal("0")), None, "an xsd:integer"),
    "mention without article": (_on_mention(PK.inArticle, None), None, "pk:inArticle"),
    "mention without text": (_on_mention(PK.text, None), None, "non-empty pk:text"),
    "article without identifier": (_drop(IDS.article("t1"), DCTERMS.identifier), IDS.article("t1"), "identifier"),
    "url given as string": (
        _set(IDS.article("t1"), SCHEMA.url, Literal("https://news.example.org/t1")),
        IDS.article("t1"),
        "must be an IRI",
    ),
    "reporter not an actor": (_on_mention(PK.reportedBy, DOHA), None, "pk:reportedBy"),
    "actor without a kind": (lambda g: g.add((IDS.actor("x"), RDF.type, PK.Actor)), IDS.actor("x"), "typed"),
    "unknown status individual": (lambda g: g.add((PK.Postponed, RDF.type, PK.Status)), PK.Postponed, "four"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_breakage_is_flagged_with_a_readable_message(case: str) -> None:
    break_it, focus, words = BROKEN[case]
    g = first_article()
    break_it(g)
    focus = focus if focus is not None else _first_mention(first_article())
    report = validate(dataset(g))

    assert not report.conforms
    hits = [v for v in report.errors if v.focus == focus and words in v.message]
    assert hits, report.text
    assert hits[0].graph == IDS.graph("t1")
    assert qname(focus) in report.text and words in report.text
    assert "graph/t1" in report.text


@pytest.mark.parametrize(
    ("event", "path", "words"),
    [(CEASEFIRE, PK.party, "names no pk:party"), (TALKS, PK.participant, "names fewer")],
    ids=["agreement-without-party", "meeting-without-participant"],
)
def test_an_event_the_text_names_no_side_of_is_a_warning_that_does_not_break_conformance(event, path, words) -> None:
    g = first_article()
    g.remove((event, path, None))
    report = validate(g)
    assert report.conforms, report.text
    assert [(v.focus, v.path, v.severity) for v in report.violations] == [(event, path, "Warning")]
    assert "Warning" in report.text and words in report.text


def test_report_groups_results_by_graph() -> None:
    bad_1, bad_2 = first_article(), second_article()
    bad_1.remove((TALKS, PK.evidence, None))
    bad_2.remove((CEASEFIRE, PK.status, None))
    report = validate(dataset(bad_1, bad_2))
    assert {v.graph for v in report.errors} == {IDS.graph("t1"), IDS.graph("t2")}
    text = report.text
    assert text.startswith("Conforms: no (2 graphs checked")
    assert text.index("graph/t1") < text.index(str(TALKS)) < text.index("graph/t2") < text.index(str(CEASEFIRE))


def test_default_graph_triples_are_checked_too() -> None:
    ds = dataset(first_article())
    ds.default_graph.add((IDS.actor("stray"), RDF.type, PK.Organization))
    report = validate(ds)
    assert any(v.focus == IDS.actor("stray") and v.graph is None for v in report.errors), report.text
    assert "Graph (unnamed)" in report.text


# ---------------------------------------------------------------- queries


def oxigraph_store(ds: Dataset) -> pyoxigraph.Store:
    """The dataset's named graphs in an in-memory Oxigraph store."""
    store = pyoxigraph.Store()
    for named in ds.graphs():
        if named.identifier != DATASET_DEFAULT_GRAPH_ID:
            data = named.serialize(format="nt").encode()
            store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(named.identifier))
    return store


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return oxigraph_store(dataset(first_article(), second_article()))


def _run(store: pyoxigraph.Store, path: Path) -> object:
    return store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)


def _rows(result: object) -> list[dict[str, str]]:
    variables = [v.value for v in result.variables]
    return [{name: row[name].value for name in variables if row[name] is not None} for row in result]


def test_there_are_eight_to_ten_queries_each_listed_in_readme() -> None:
    assert 8 <= len(QUERY_FILES) <= 10
    readme = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for path in QUERY_FILES:
        assert path.name in readme


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_parses_and_runs_on_an_empty_store(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# title: ") and lines[1].startswith("# description: ")
    prepareQuery(text)  # rdflib's parser agrees with oxigraph's
    result = pyoxigraph.Store().query(text, use_default_graph_as_union=True)
    if isinstance(result, pyoxigraph.QueryBoolean):
        assert not bool(result)
    else:
        assert list(result) == []


def _query(name: str) -> Path:
    return QUERIES_DIR / name


def test_who_met_whom(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("who-met-whom.rq")))
    assert [(r["place"], r["date"], r["status"], r["article"]) for r in rows] == [
        ("Doha", "2020-04-13", "Occurred", "t1")
    ]
    assert sorted(rows[0]["participants"].split(", ")) == ["Maria Olsen", "Taliban"]


def test_meetings_of_an_actor(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("meetings-of-actor.rq")))
    assert {(r["meeting"], r["others"]) for r in rows} == {(str(TALKS), "Maria Olsen")}


def test_agreements_with_parties(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("agreements.rq")))
    assert [(r["article"], r["status"], sorted(r["parties"].split(", "))) for r in rows] == [
        ("t1", "Planned", ["Taliban", "United States"]),
        ("t2", "Occurred", ["Taliban", "United States"]),
    ]


def test_evidence_sentences_with_offsets(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("evidence.rq")))
    assert len(rows) == 3
    for row in rows:
        text = TEXT_1 if row["article"] == "t1" else TEXT_2
        assert text[int(row["start"]) : int(row["end"])] == row["sentence"]
    assert {r.get("reporter") for r in rows} == {"Taliban", None}


def test_actors_by_type(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("actors-by-type.rq")))
    assert [(r["type"], r["actor"], int(r["articles"]), int(r["events"])) for r in rows] == [
        ("Country", "United States", 2, 1),
        ("Country", "Qatar", 1, 0),
        ("Organization", "Taliban", 2, 2),
        ("Person", "Maria Olsen", 1, 1),
    ]


def test_status_changes_between_articles(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("status-changes.rq")))
    assert [(r["event"], r["earlier_status"], r["later_status"]) for r in rows] == [
        (str(CEASEFIRE), "Planned", "Occurred")
    ]


def test_timeline(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("timeline.rq")))
    assert [(r["date"], r["kind"], r["status"]) for r in rows] == [
        ("2020-04-13", "Meeting", "Occurred"),
        ("2020-05", "Agreement", "Planned"),
        ("2020-05-19", "Agreement", "Occurred"),
    ]


def test_places_with_event_counts(store: pyoxigraph.Store) -> None:
    rows = _rows(_run(store, _query("places.rq")))
    assert [(r["place"], int(r["meetings"]), int(r["agreements"])) for r in rows] == [("Doha", 1, 1)]


def test_met_network(store: pyoxigraph.Store) -> None:
    triples = list(_run(store, _query("met-network.rq")))
    met = {(t.subject.value, t.object.value) for t in triples if t.predicate.value == str(PK.metWith)}
    assert met == {(str(TALIBAN), str(OLSEN)), (str(OLSEN), str(TALIBAN))}


def test_ask_taliban_met_united_states(store: pyoxigraph.Store) -> None:
    assert bool(_run(store, _query("ask-taliban-met-us.rq"))) is True  # Olsen is affiliated with the US
    g = first_article()
    g.set((TALKS, PK.status, PK.Planned))
    other = oxigraph_store(dataset(g))
    assert bool(_run(other, _query("ask-taliban-met-us.rq"))) is False


def test_offset_check_agrees_with_pyshacl_on_the_full_shapes() -> None:
    """validate() runs the shapes' SPARQL constraint with its query prepared once; pyshacl agrees."""
    g = first_article()
    _shift_offsets(g)
    data = load_ontology()
    for triple in g:
        data.add(triple)
    data.remove((None, RDF.type, OWL.Ontology))
    conforms, results, _text = pyshacl.validate(data, shacl_graph=load_shapes(), allow_warnings=True)
    by_pyshacl = {
        (results.value(r, SH.focusNode), str(results.value(r, SH.resultMessage)))
        for r in results.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
    }
    ours = {(v.focus, v.message) for v in validate(g).errors if v.path is None}
    assert not conforms
    assert by_pyshacl == ours
    [(focus, message)] = ours
    assert focus == _first_mention(g)
    assert message.endswith("is 91 characters long but pk:end - pk:start is 94: the offsets do not cover the text.")
