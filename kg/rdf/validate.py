"""Check PeaceKG data against the SHACL shapes in ``ontology/shapes.ttl``, one article graph at a time.

The shapes describe what ONE article's named graph must hold. Each named graph of a dataset is
validated on its own, because the union of graphs may rightly carry, say, two statuses for a
meeting (Planned in one article, Occurred in a later one). The ontology's class hierarchy is mixed
into each data graph so that ``sh:class pk:Actor`` accepts a ``pk:Person``. Warnings
(``sh:Warning``) are reported but do not break conformance.

>>> from rdflib import Graph
>>> report = validate(Graph())
>>> report.conforms, report.violations
(True, ())
>>> print(report.text)
Conforms: yes (0 graphs checked, no results)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, RDFS
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from kg.rdf.namespaces import ONTOLOGY_IRI, PREFIXES, SH
from kg.resources import ontology_dir

SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")


class Violation(NamedTuple):
    """One validation result: which node, which property, what is wrong, how bad, and where."""

    focus: Node
    path: Node | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    graph: URIRef | None  # the named graph it was found in; None for a plain or default graph


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`: ``conforms`` is False only when a ``Violation`` was found."""

    conforms: bool
    violations: tuple[Violation, ...]
    text: str
    graphs_checked: int = 0

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity == "Violation")

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity != "Violation")


def load_ontology() -> Graph:
    """The PeaceKG OWL ontology as a fresh graph.

    >>> from kg.rdf.namespaces import PK, OWL
    >>> (PK.Meeting, RDF.type, OWL.Class) in load_ontology()
    True
    """
    return Graph().parse(ontology_dir() / "peacekg.ttl", format="turtle")


def load_shapes() -> Graph:
    """The PeaceKG SHACL shapes as a fresh graph."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def validate(data: Graph | Dataset) -> ValidationReport:
    """Validate a plain graph, or every named graph of a dataset on its own.

    For a :class:`~rdflib.Dataset` the ontology graph (``<https://w3id.org/peacekg/ontology>``) and
    empty graphs are skipped; triples in the default graph are checked as one more graph.
    """
    checked = 0
    found: set[Violation] = set()  # shapes shared by two node shapes may report a result twice
    for name, graph in _graphs_to_check(data):
        checked += 1
        found.update(_validate_graph(graph, name))
    violations = tuple(sorted(found, key=_sort_key))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, violations, _render(conforms, violations, checked), checked)


def _graphs_to_check(data: Graph | Dataset) -> Iterable[tuple[URIRef | None, Graph]]:
    if not isinstance(data, Dataset):
        if len(data):
            yield None, data
        return
    for graph in data.graphs():
        name = graph.identifier
        if str(name) == ONTOLOGY_IRI or not len(graph):
            continue
        yield (None if name == DATASET_DEFAULT_GRAPH_ID else URIRef(name)), graph


@dataclass(frozen=True)
class _SparqlCheck:
    """A SHACL-SPARQL constraint of a node shape, run here with its query parsed once."""

    targets: tuple[URIRef, ...]  # the node shape's sh:targetClass values
    query: Query
    message: str
    severity: str


@dataclass(frozen=True)
class _Schema:
    shapes: Graph  # the shapes, minus the SPARQL constraints taken over by ``checks``
    hierarchy: tuple[tuple[Node, Node, Node], ...]  # the ontology's rdf:type and rdfs:subClassOf
    checks: tuple[_SparqlCheck, ...]


@lru_cache(maxsize=1)
def _schema() -> _Schema:
    """Shapes and ontology, prepared once per process and never modified afterwards.

    pyshacl parses a SPARQL constraint's query anew for every focus node (tens of milliseconds
    each time), so the SPARQL constraints of node shapes that target classes are prepared once
    here and run by :func:`_run_checks` instead, with the same meaning. Only the ontology's
    ``rdf:type`` and ``rdfs:subClassOf`` triples are mixed into the data: targets and
    ``sh:class`` look at nothing else. (pyshacl's own ``ont_graph`` mixing deep-copies every
    blank-node list of the ontology and takes minutes.)
    """
    shapes, ontology = load_shapes(), load_ontology()
    checks = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        targets = tuple(t for t in shapes.objects(shape, SH.targetClass) if isinstance(t, URIRef))
        select = shapes.value(constraint, SH.select)
        if not targets or select is None or shapes.value(constraint, SH.deactivated) == Literal(True):
            continue  # left to pyshacl
        namespaces = {
            str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
            for prefixes in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(prefixes, SH.declare)
        }
        message = shapes.value(constraint, SH.message) or shapes.value(shape, SH.message) or "fails a query"
        severity = SEVERITIES.get(shapes.value(shape, SH.severity), "Violation")
        query = prepareQuery(str(select), initNs=namespaces)
        checks.append(_SparqlCheck(targets, query, str(message), severity))
        shapes.remove((shape, SH.sparql, constraint))
    hierarchy = tuple(t for t in ontology if t[1] in (RDF.type, RDFS.subClassOf) and isinstance(t[0], URIRef))
    return _Schema(shapes, hierarchy, tuple(checks))


def _validate_graph(graph: Graph, name: URIRef | None) -> list[Violation]:
    schema = _schema()
    data = Graph()
    for triples in (schema.hierarchy, graph):
        for triple in triples:
            data.add(triple)
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=schema.shapes, inference="none", allow_warnings=True, inplace=True
    )
    found = _run_checks(data, schema.checks, name)
    for result in results.subjects(RDF.type, SH.ValidationResult):
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        component = results.value(result, SH.sourceConstraintComponent)
        found.append(
            Violation(
                focus=results.value(result, SH.focusNode),
                path=results.value(result, SH.resultPath),
                message=messages[0] if messages else f"fails {qname(component)}",
                severity=SEVERITIES.get(results.value(result, SH.resultSeverity), "Violation"),
                graph=name,
            )
        )
    return found


def _run_checks(data: Graph, checks: Iterable[_SparqlCheck], name: URIRef | None) -> list[Violation]:
    """Run prepared SPARQL constraints: each row the query returns for a focus node is a result."""
    found = []
    for check in checks:
        for focus in _instances(data, check.targets):
            for row in data.query(check.query, initBindings={"this": focus}):
                values = row.asdict()  # type: ignore[union-attr]
                message = _fill(check.message, values)
                found.append(Violation(focus, values.get("path"), message, check.severity, name))
    return found


def _fill(message: str, values: dict[str, Node]) -> str:
    """Substitute ``{?name}`` and ``{$name}`` in a SHACL message with the query's values.

    >>> _fill("{?n} of {$m}, {?k}", {"n": Literal(3), "m": Literal("x")})
    '3 of x, {?k}'
    """
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), message)


def _instances(data: Graph, classes: Iterable[URIRef]) -> set[Node]:
    """SHACL instances of the classes: typed with one of them or with one of their subclasses."""
    out: set[Node] = set()
    for cls in classes:
        for sub in data.transitive_subjects(RDFS.subClassOf, cls):
            out.update(data.subjects(RDF.type, sub))
    return out


def qname(node: Node | None) -> str:
    """A short, readable form of a term: a prefixed name where a known prefix fits.

    >>> from kg.rdf.namespaces import PK
    >>> qname(PK.participant), qname(URIRef("https://example.org/x")), qname(Literal(3))
    ('pk:participant', '<https://example.org/x>', '3')
    """
    if node is None:
        return ""
    if isinstance(node, URIRef):
        for prefix, namespace in PREFIXES.items():
            local = str(node).removeprefix(namespace)
            if local != str(node) and local and "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
        return f"<{node}>"
    if isinstance(node, BNode):
        return "[blank node]"
    return str(node)


def _sort_key(v: Violation) -> tuple[str, str, str, str, str]:
    order = "0" if v.severity == "Violation" else "1"
    return (str(v.graph or ""), order, str(v.focus), str(v.path or ""), v.message)


def _render(conforms: bool, violations: tuple[Violation, ...], checked: int) -> str:
    errors = sum(v.severity == "Violation" for v in violations)
    others = len(violations) - errors
    counts = [f"{errors} violation{'s' * (errors != 1)}"] if errors else []
    counts += [f"{others} warning{'s' * (others != 1)}"] if others else []
    graphs = "graph" if checked == 1 else "graphs"
    summary = f"{checked} {graphs} checked, {', '.join(counts) or 'no results'}"
    lines = [f"Conforms: {'yes' if conforms else 'no'} ({summary})"]
    current: object = object()
    for v in violations:
        if v.graph != current:
            current = v.graph
            lines += ["", f"Graph {qname(v.graph) if v.graph is not None else '(unnamed)'}"]
        where = f" {qname(v.path)}" if v.path is not None else ""
        lines.append(f"  {v.severity}: {qname(v.focus)}{where}: {v.message}")
    return "\n".join(lines)
