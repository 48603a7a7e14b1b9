"""The fixed queries behind the pages: counts, lists, one resource, the ontology.

They run in the server process on its own copy of the data (they are known and bounded, with
LIMITs); user queries never do. IRIs are put into queries only as validated ``NamedNode`` text.

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://e/x"), ox.NamedNode(str(RDFS.label)), ox.Literal("X"),
...                   ox.NamedNode("https://e/g")))
>>> [row["label"].value for row in select(store, "SELECT ?label { ?s rdfs:label ?label }")]
['X']
>>> labels(store, ["https://e/x", "https://e/y"])
{'https://e/x': 'X'}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.rdf.namespaces import PK, PREFIXES, RDF, RDFS

PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
LIST_LIMIT = 200
PROPERTY_LIMIT = 2000
INCOMING_LIMIT = 300
CLASSES = ("Article", "Person", "Organization", "Country", "Place", "Meeting", "Agreement", "Mention")
Row = dict[str, object]


def select(store: ox.Store, query: str, graph: str | None = None) -> list[Row]:
    """Rows of a SELECT over the union of the graphs (or over ``graph`` only)."""
    options: dict[str, object] = {"use_default_graph_as_union": graph is None}
    if graph is not None:
        options["default_graph"] = [ox.NamedNode(graph)]
    # pyoxigraph results must be dropped on the thread that made them: consume them here, and
    # never leave them to the garbage collector (which may run on another server thread)
    solutions = store.query(PROLOGUE + query, **options)
    try:
        names = [v.value for v in solutions.variables]
        return [{name: row[name] for name in names if row[name] is not None} for row in solutions]
    finally:
        del solutions


def node(iri: str) -> str:
    """``iri`` as SPARQL text, validated (raises ``ValueError`` on an invalid IRI)."""
    return str(ox.NamedNode(iri))


def labels(store: ox.Store, iris: Iterable[str]) -> dict[str, str]:
    """The label of each IRI that has one (rdfs:label, else dcterms:title)."""
    wanted = sorted({iri for iri in iris})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        values = " ".join(node(iri) for iri in wanted[start : start + 500])
        for row in select(
            store,
            f"""SELECT ?s (MIN(?l) AS ?label) WHERE {{ VALUES ?s {{ {values} }}
                                     ?s rdfs:label|dcterms:title ?l }} GROUP BY ?s""",
        ):
            found[row["s"].value] = row["label"].value
    return found


def count(store: ox.Store, query: str) -> int:
    rows = select(store, query)
    return int(rows[0]["n"].value) if rows and "n" in rows[0] else 0


@dataclass
class Summary:
    """What the dataset holds, computed once when the server starts."""

    quads: int = 0
    graphs: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # pk class local name -> instances
    class_partitions: list[tuple[str, int]] = field(default_factory=list)
    property_partitions: list[tuple[str, int]] = field(default_factory=list)
    subjects: int = 0
    objects: int = 0
    example: str | None = None


def summarize(store: ox.Store) -> Summary:
    summary = Summary(quads=len(store), graphs=sum(1 for _ in store.named_graphs()))
    for row in select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c"):
        summary.class_partitions.append((row["c"].value, int(row["n"].value)))
    for row in select(store, "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"):
        summary.property_partitions.append((row["p"].value, int(row["n"].value)))
    by_class = dict(summary.class_partitions)
    summary.classes = {name: by_class.get(str(PK[name]), 0) for name in CLASSES}
    summary.subjects = count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }")
    summary.objects = count(store, "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }")
    example = select(store, "SELECT ?s { ?s a pk:Meeting } ORDER BY ?s LIMIT 1")
    summary.example = example[0]["s"].value if example else None
    return summary


def articles(store: ox.Store, limit: int = LIST_LIMIT) -> list[Row]:
    return select(
        store,
        f"""SELECT ?article ?id ?title ?date ?source WHERE {{ ?article a pk:Article .
        OPTIONAL {{ ?article dcterms:identifier ?id }} OPTIONAL {{ ?article dcterms:title ?title }}
        OPTIONAL {{ ?article schema:datePublished ?date }} OPTIONAL {{ ?article dcterms:source ?source }}
        }} ORDER BY DESC(?date) ?id LIMIT {limit}""",
    )


def actors(store: ox.Store, limit: int = LIST_LIMIT) -> list[Row]:
    return select(
        store,
        f"""SELECT ?actor (MIN(?l) AS ?label) (MIN(?t) AS ?type)
        (COUNT(DISTINCT ?article) AS ?articles) WHERE {{
        VALUES ?t {{ pk:Person pk:Organization pk:Country }} ?actor a ?t .
        OPTIONAL {{ ?actor rdfs:label ?l }} OPTIONAL {{ ?actor pk:mentionedIn ?article }}
        }} GROUP BY ?actor ORDER BY DESC(?articles) ?label LIMIT {limit}""",
    )


def exists(store: ox.Store, iri: str) -> bool:
    """Whether ``iri`` is a subject, an object or a named graph of the data."""
    term = node(iri)
    return bool(
        store.query(
            f"ASK {{ {{ {term} ?p ?o }} UNION {{ ?s ?p {term} }} UNION {{ GRAPH {term} {{ ?s ?p ?o }} }} }}",
            use_default_graph_as_union=True,
        )
    )


def is_graph(store: ox.Store, iri: str) -> bool:
    return store.contains_named_graph(ox.NamedNode(iri))


def outgoing(store: ox.Store, iri: str) -> list[Row]:
    """Every (property, value, graph) of ``iri``, by property."""
    return select(
        store, f"SELECT ?p ?o ?g {{ GRAPH ?g {{ {node(iri)} ?p ?o }} }} ORDER BY ?p ?o ?g LIMIT {PROPERTY_LIMIT}"
    )


def incoming(store: ox.Store, iri: str) -> list[Row]:
    return select(store, f"SELECT DISTINCT ?s ?p {{ ?s ?p {node(iri)} }} ORDER BY ?p ?s LIMIT {INCOMING_LIMIT}")


def types(store: ox.Store, iri: str) -> list[str]:
    return [row["t"].value for row in select(store, f"SELECT DISTINCT ?t {{ {node(iri)} a ?t }} ORDER BY ?t")]


def evidence(store: ox.Store, iri: str) -> list[Row]:
    """The sentences that state facts of an event, with their articles, oldest article first."""
    return select(
        store,
        f"""SELECT DISTINCT ?mention ?text ?article ?title ?date ?id WHERE {{
        {node(iri)} pk:evidence ?mention . ?mention pk:text ?text .
        OPTIONAL {{ ?mention pk:inArticle ?article .
                    OPTIONAL {{ ?article dcterms:title ?title }} OPTIONAL {{ ?article schema:datePublished ?date }}
                    OPTIONAL {{ ?article dcterms:identifier ?id }} }}
        }} ORDER BY ?date ?id ?mention LIMIT {PROPERTY_LIMIT}""",
    )


def events_of(store: ox.Store, iri: str) -> list[dict[str, object]]:
    """The meetings and agreements an actor took part in, in date order (undated last).

    Each event once, with its earliest date, every status articles give it and its articles.
    """
    rows = select(
        store,
        f"""SELECT ?event ?type ?label ?date ?status ?article WHERE {{
        GRAPH ?g {{ {{ ?event pk:participant {node(iri)} }} UNION {{ ?event pk:party {node(iri)} }}
                    ?event a ?type . FILTER(?type IN (pk:Meeting, pk:Agreement))
                    OPTIONAL {{ ?event rdfs:label ?label }} OPTIONAL {{ ?event pk:date ?date }}
                    OPTIONAL {{ ?event pk:status ?status }} OPTIONAL {{ ?event pk:mentionedIn ?article }} }}
        }} LIMIT {PROPERTY_LIMIT}""",
    )
    events: dict[str, dict[str, object]] = {}
    for row in rows:
        entry = events.setdefault(
            row["event"].value,
            {
                "event": row["event"],
                "type": row["type"],
                "label": None,
                "dates": set(),
                "statuses": set(),
                "articles": set(),
            },
        )
        if "label" in row and entry["label"] is None:
            entry["label"] = row["label"].value
        for key, name in (("date", "dates"), ("status", "statuses"), ("article", "articles")):
            if key in row:
                entry[name].add(row[key].value)  # type: ignore[union-attr]
    ordered = sorted(
        events.values(), key=lambda e: (not e["dates"], min(e["dates"] or [""]), e["label"] or e["event"].value)
    )
    for entry in ordered:
        entry["date"] = min(entry["dates"]) if entry["dates"] else None  # type: ignore[arg-type]
    return ordered


def graph_triples(store: ox.Store, graph: str, limit: int = PROPERTY_LIMIT) -> list[Row]:
    return select(store, f"SELECT ?s ?p ?o {{ ?s ?p ?o }} ORDER BY ?s ?p ?o LIMIT {limit}", graph=graph)


def describe(store: ox.Store, iri: str) -> list[ox.Triple]:
    """The data twin of a resource: its own triples, plus the labels of what it links to."""
    triples = store.query(
        f"""{PROLOGUE}CONSTRUCT {{ {node(iri)} ?p ?o . ?o rdfs:label ?l }}
        WHERE {{ {node(iri)} ?p ?o OPTIONAL {{ ?o rdfs:label ?l }} }}""",
        use_default_graph_as_union=True,
    )
    try:
        return list(triples)
    finally:
        del triples


def ontology_terms(store: ox.Store, graph: str) -> list[dict[str, object]]:
    """The ontology's own terms (``pk:``), each with its kinds, label, comment and links."""
    rows = select(
        store,
        """SELECT ?term ?kind ?p ?o WHERE {
        ?term a ?kind . FILTER(?kind IN (owl:Class, rdfs:Class, owl:ObjectProperty, owl:DatatypeProperty,
                                         rdf:Property, owl:AnnotationProperty, owl:NamedIndividual))
        FILTER(STRSTARTS(STR(?term), STR(pk:))) ?term ?p ?o } ORDER BY ?term ?p ?o""",
        graph=graph,
    )
    terms: dict[str, dict[str, object]] = {}
    for row in rows:
        iri = row["term"].value
        entry = terms.setdefault(iri, {"iri": iri, "kinds": set(), "label": None, "comment": None, "links": []})
        entry["kinds"].add(row["kind"].value)  # type: ignore[union-attr]
        prop, value = row["p"].value, row["o"]
        if prop == str(RDFS.label) and entry["label"] is None:
            entry["label"] = value.value
        elif prop == str(RDFS.comment) and entry["comment"] is None:
            entry["comment"] = value.value
        elif prop != str(RDF.type) and (prop, value) not in entry["links"]:
            entry["links"].append((prop, value))  # type: ignore[union-attr]
    return sorted(terms.values(), key=lambda t: (_kind_order(t["kinds"]), str(t["iri"]).lower()))


def _kind_order(kinds: object) -> int:
    kinds = {k.rsplit("#", 1)[-1] for k in kinds}  # type: ignore[union-attr]
    for rank, kind in enumerate(("Class", "ObjectProperty", "DatatypeProperty", "Property")):
        if kind in kinds:
            return rank
    return 9
