"""Articles -> spaCy -> extraction records -> RDF -> store, in one transaction per batch.

Parsing, extraction and mapping run in worker processes when ``workers > 1``; each worker
returns the N-Triples body of each article's graph, and the parent writes the whole batch in
a single store transaction, so an ingest that fails or is killed leaves the store as it was.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Dataset
from tqdm import tqdm

from kg.articles import Item
from kg.errors import InputError
from kg.rdf.ids import Ids
from kg.rdf.mapping import map_ntriples
from kg.records import Article
from kg.resources import ontology_dir
from kg.settings import Settings
from kg.store import ONTOLOGY_GRAPH, Batch, oxigraph, replace_articles


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    triples: int = 0
    tokens: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Parsed:
    """What a worker sends back for one article: its id, graph body (N-Triples) and size."""

    article_id: str
    body: str
    triples: int
    tokens: int


def collect(items: Iterable[Item]) -> tuple[list[Article], list[InputError]]:
    """Split readers' output into articles and errors; a repeated id keeps its last occurrence."""
    articles: dict[str, Article] = {}
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        earlier = articles.pop(item.id, None)
        if earlier is not None:
            errors.append(
                InputError(
                    f"article id {item.id!r} appears again in {item.origin}; the later one is stored", earlier.origin
                )
            )
        articles[item.id] = item
    return list(articles.values()), errors


@lru_cache(maxsize=2)
def _pipeline(model: str):
    """The pipeline, built once per process. What building it loaded (the model, the lexicon,
    the gazetteer) lives as long as the process, so it is moved out of the garbage collector's
    sight: otherwise every full collection during extraction walks it again (about 15% of the
    extraction's CPU time)."""
    from kg.nlp.pipeline import build_pipeline

    nlp = build_pipeline(model)
    gc.freeze()
    return nlp


JOB_BATCHES = 4
"""Model batches per job: a job's articles are all parsed before any is extracted, so that the
model runs several batches back to back with its weights still in the CPU caches (extracting
between batches costs the model about 2% more CPU); a job is also what a worker takes at a time."""


def parse_batch(articles: Sequence[Article], model: str, base_iri: str, batch_size: int) -> list[Parsed]:
    """Parse, extract and map a job's articles (runs in a worker or in process)."""
    from kg.extract import extract

    nlp, ids, out = _pipeline(model), Ids(base_iri), []
    docs = list(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    for article, doc in zip(articles, docs, strict=True):
        body, triples = map_ntriples(ids, extract(doc, article))
        out.append(Parsed(article.id, body, triples, len(doc)))
    return out


def _parse_job(job: tuple[Sequence[Article], str, str, int]) -> list[Parsed]:
    return parse_batch(*job)


def parse_articles(articles: Sequence[Article], settings: Settings, progress: bool | None = None) -> Iterator[Parsed]:
    """Parsed articles in input order; ``settings.workers`` processes share the work."""
    batch = max(1, settings.batch_size)
    size = batch * JOB_BATCHES
    jobs = [(articles[i : i + size], settings.model, settings.base_iri, batch) for i in range(0, len(articles), size)]
    bar = tqdm(total=len(articles), unit="article", disable=None if progress is None else not progress, leave=False)
    with bar:
        if settings.workers <= 1 or len(jobs) <= 1:
            results: Iterable[list[Parsed]] = map(_parse_job, jobs)
            for batch in results:
                bar.update(len(batch))
                yield from batch
            return
        context = multiprocessing.get_context("spawn")
        with context.Pool(settings.workers) as pool:
            for batch in pool.imap(_parse_job, jobs):
                bar.update(len(batch))
                yield from batch


def ontology_if_changed(ds: Dataset) -> str | None:
    """The ontology as N-Triples to write, or ``None`` when the store already holds this version.

    Rewriting an unchanged ontology would only renumber its blank nodes, so the triples without
    blank nodes and the total count are compared.
    """
    fresh = list(ox.parse(path=str(ontology_dir() / "peacekg.ttl"), format=ox.RdfFormat.TURTLE))
    stored = [q.triple for q in oxigraph(ds).quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))]
    if len(stored) == len(fresh) and _ground(stored) == _ground(fresh):
        return None
    return "\n".join(f"{t} ." for t in fresh)


def _ground(triples: Iterable[ox.Triple]) -> set[str]:
    return {str(t) for t in triples if not any(isinstance(x, ox.BlankNode) for x in (t.subject, t.object))}


def ingest(ds: Dataset, items: Iterable[Item], settings: Settings, progress: bool | None = None) -> IngestReport:
    """Ingest every readable article; report the unreadable ones. One transaction for the batch."""
    started = time.perf_counter()
    articles, errors = collect(items)
    report = IngestReport(errors=errors)
    if articles:
        ids = Ids(settings.base_iri)
        with Batch() as batch:  # spooled to disk: the batch's graphs are not all held in memory
            ontology = ontology_if_changed(ds)
            if ontology is not None:
                batch.add(ONTOLOGY_GRAPH, ontology)
            for parsed in parse_articles(articles, settings, progress):
                batch.add(ids.graph(parsed.article_id), parsed.body)
                report.ingested.append(parsed.article_id)
                report.triples += parsed.triples
                report.tokens += parsed.tokens
            replace_articles(ds, batch)
    report.seconds = time.perf_counter() - started
    return report


def remove(ds: Dataset, article_ids: Iterable[str], settings: Settings) -> tuple[list[str], list[str]]:
    """Drop articles by id; returns (removed, unknown)."""
    from kg.store import graph_names, remove_graphs

    ids = Ids(settings.base_iri)
    present = set(graph_names(ds))
    wanted = list(dict.fromkeys(article_ids))
    removed = [i for i in wanted if str(ids.graph(i)) in present]
    remove_graphs(ds, [ids.graph(i) for i in removed])
    return removed, [i for i in wanted if i not in removed]
