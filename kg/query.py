"""Running SPARQL over the store with pyoxigraph, rendering results, and summary figures.

The default graph of every query is the union of all named graphs.

>>> from kg.store import open_store
>>> run_query(open_store(), "SELECT * WHERE { ?s ?p }")
Traceback (most recent call last):
...
kg.errors.QueryError: line 1, column 25: expected one of LATERAL, SERVICE, [_]
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Dataset

from kg.errors import QueryError
from kg.rdf.namespaces import PK, PREFIXES
from kg.store import oxigraph

_POSITION = re.compile(r"^error at (\d+):(\d+): ")
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def query_error(error: SyntaxError | ValueError | OSError) -> QueryError:
    """The parser's message, with its line and column when it gave them."""
    message = str(error)
    match = _POSITION.match(message)
    if match:
        return QueryError(message[match.end() :], (int(match.group(1)), int(match.group(2))))
    return QueryError(message)


def run_query(ds: Dataset | ox.Store, text: str) -> Result:
    """Evaluate a SPARQL query (updates are refused by the parser: this is query syntax only)."""
    store = ds if isinstance(ds, ox.Store) else oxigraph(ds)
    try:
        return store.query(text, use_default_graph_as_union=True)
    except (SyntaxError, ValueError, OSError) as e:
        raise query_error(e) from None


def render(result: Result, fmt: str = "table") -> bytes:
    """SELECT/ASK as a text table or a SPARQL results format; CONSTRUCT/DESCRIBE as Turtle."""
    if isinstance(result, ox.QueryTriples):
        return result.serialize(format=ox.RdfFormat.TURTLE) or b""
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt]) or b""
    if isinstance(result, ox.QueryBoolean):
        return b"true\n" if bool(result) else b"false\n"
    return table(result).encode("utf-8")


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        value = term.value
        for prefix, ns in PREFIXES.items():
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns) :]}"
        return f"<{value}>"
    if isinstance(term, ox.Literal):
        return term.value.replace("\n", " ")
    return str(term)


def table(solutions: ox.QuerySolutions) -> str:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[name]) for name in names] for row in solutions]
    widths = [min(60, max([len(n), *(len(r[i]) for r in rows)])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return "  ".join(
            (c if len(c) <= 60 else c[:57] + "...").ljust(w) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    return "\n".join(out) + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


STATS_QUERY = f"""
PREFIX pk: <{PK}>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {{
  GRAPH ?g {{ ?x a ?type }}
  VALUES (?type ?what) {{
    (pk:Article "articles") (pk:Person "persons") (pk:Organization "organizations")
    (pk:Country "countries") (pk:Place "places") (pk:Meeting "meetings") (pk:Agreement "agreements")
    (pk:Mention "mentions")
  }}
}} GROUP BY ?what
"""


def stats(ds: Dataset) -> dict[str, int]:
    """How many of each kind of resource, graphs and quads the store holds."""
    store = oxigraph(ds)
    counts = {row["what"].value: int(row["n"].value) for row in store.query(STATS_QUERY)}
    order = ("articles", "persons", "organizations", "countries", "places", "meetings", "agreements", "mentions")
    figures = {name: counts.get(name, 0) for name in order}
    figures["named graphs"] = sum(1 for _ in store.named_graphs())
    figures["quads"] = len(store)
    return figures
