"""Section 1: ingest throughput against its ceiling, spaCy's ``nlp.pipe`` over the same texts.

The corpus comes from :mod:`bench.corpus`. One process: the corpus is cut into chunks and each
chunk is run through the ceiling (``build_pipeline`` of the same model, ``nlp.pipe`` with the
same batch size) and through :func:`kg.ingest.ingest` into a fresh on-disk store, alternating
which goes first, so that both see the same load on a shared machine; the ratio is the median
of the chunks' ratios, the throughputs are totals. Two processes: the whole corpus once through
ingest with ``workers=2`` and once through ``nlp.pipe(n_process=2)``. Last, the last three chunks are
taken apart (model, extraction, mapping, storing) to show where the time over the ceiling goes.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.measure import ROOT, child_env, median, ratio


def _rates(seconds: float, articles: int, tokens: int, cpu: float) -> dict[str, float]:
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "articles_per_s": articles / seconds,
        "tokens_per_s": tokens / seconds,
    }


def _split(corpus: Path, chunks: int, folder: Path) -> list[Path]:
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // chunks)
    paths = []
    for n in range(0, len(lines), size):
        path = folder / f"chunk-{n // size:02d}.jsonl"
        path.write_text("".join(lines[n : n + size]), encoding="utf-8")
        paths.append(path)
    return paths


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children: less sensitive than the wall clock
    to other work on a shared machine."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _ingest(path: Path, settings: Any, folder: Path) -> tuple[float, float, int, int, int]:
    """Seconds, CPU seconds, articles, tokens and triples of one ``kg.ingest.ingest`` into a fresh store."""
    from kg.articles import read_paths
    from kg.ingest import ingest
    from kg.store import close_store, open_store

    ds = open_store(Path(tempfile.mkdtemp(dir=folder)) / "store")
    try:
        started, cpu = time.perf_counter(), _cpu()
        report = ingest(ds, read_paths([path]), settings, progress=False)
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
    finally:
        close_store(ds)
    if report.errors:
        raise RuntimeError(f"ingest reported errors on the generated corpus: {report.errors[0]}")
    return seconds, cpu, len(report.ingested), report.tokens, report.triples


def _ceiling(nlp: Any, texts: list[str], batch_size: int, n_process: int = 1) -> tuple[float, float, int]:
    started, cpu = time.perf_counter(), _cpu()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    return time.perf_counter() - started, _cpu() - cpu, tokens


_STARTUP = """
import time
began = time.perf_counter()
import kg.extract, kg.ingest
from kg.nlp.pipeline import build_pipeline
build_pipeline({model!r})
print(time.perf_counter() - began)
"""


def _startup(model: str) -> float:
    """Seconds a fresh process takes to import PeaceKG and build the pipeline: what each ingest
    worker, and ``peacekg ingest`` itself, pays before its first article."""
    out = subprocess.run(
        [sys.executable, "-c", _STARTUP.format(model=model)],
        capture_output=True,
        text=True,
        env=child_env(),
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _breakdown(nlp: Any, path: Path, settings: Any, folder: Path) -> dict[str, float]:
    """CPU seconds of each stage over one chunk, through the same functions ingest calls."""
    from kg.articles import read_paths
    from kg.extract import extract
    from kg.rdf.ids import Ids
    from kg.rdf.mapping import map_ntriples
    from kg.store import close_store, open_store, replace_articles

    articles = [a for a in read_paths([path]) if not isinstance(a, Exception)]
    ids, clock = Ids(settings.base_iri), _cpu
    t0 = clock()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=settings.batch_size))
    t1 = clock()
    records = [extract(doc, article) for doc, article in zip(docs, articles, strict=True)]
    t2 = clock()
    bodies = {ids.graph(a.id): map_ntriples(ids, r)[0] for a, r in zip(articles, records, strict=True)}
    t3 = clock()
    ds = open_store(Path(tempfile.mkdtemp(dir=folder)) / "store")
    try:
        t5 = clock()
        replace_articles(ds, bodies)
        t6 = clock()
    finally:
        close_store(ds)
    return {"model": t1 - t0, "extract": t2 - t1, "map": t3 - t2, "store": t6 - t5}


def run(folder: Path, articles: int, chunks: int, workers: int = 2, log: Any = print) -> dict[str, Any]:
    """Measure; ``folder`` holds the corpus and the temporary stores."""
    from kg.nlp.pipeline import build_pipeline
    from kg.settings import load_settings

    corpus = folder / "corpus.jsonl"
    words = write_corpus(corpus, articles)
    parts = _split(corpus, chunks, folder)
    settings = load_settings({"workers": 1, "batch_size": 16}, environ={})
    nlp = build_pipeline(settings.model)
    warm = folder / "warm-up.jsonl"  # first-call costs (loading ingest's own pipeline) stay out of the timing
    warm.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:8]), encoding="utf-8")
    _ceiling(nlp, _texts(warm), settings.batch_size)
    _ingest(warm, settings, folder)
    rows: list[float] = []
    totals = {"ceiling_s": 0.0, "ceiling_cpu": 0.0, "ingest_s": 0.0, "ingest_cpu": 0.0, "tokens": 0, "triples": 0}
    for n, part in enumerate(parts):
        texts = _texts(part)
        order = ("ceiling", "ingest") if n % 2 == 0 else ("ingest", "ceiling")
        got: dict[str, tuple] = {}
        for what in order:
            got[what] = (
                _ceiling(nlp, texts, settings.batch_size) if what == "ceiling" else _ingest(part, settings, folder)
            )
        (c_s, c_cpu, c_tok), (i_s, i_cpu, _i_n, i_tok, i_tri) = got["ceiling"], got["ingest"]
        rows.append(c_s / i_s)
        for key, value in (
            ("ceiling_s", c_s),
            ("ceiling_cpu", c_cpu),
            ("ingest_s", i_s),
            ("ingest_cpu", i_cpu),
            ("tokens", c_tok),
            ("triples", i_tri),
        ):
            totals[key] += value
        log(
            f"  ingest chunk {n + 1}/{len(parts)}: ceiling {c_tok / c_s:,.0f} tok/s, ingest {i_tok / i_s:,.0f} tok/s, "
            f"ratio {c_s / i_s:.2f} (CPU time {c_cpu / i_cpu:.2f})"
        )
    tokens = int(totals["tokens"])
    result: dict[str, Any] = {
        "articles": articles,
        "words": words,
        "tokens": tokens,
        "chunks": len(parts),
        "batch_size": settings.batch_size,
        "triples": int(totals["triples"]),
        "ceiling_1": _rates(totals["ceiling_s"], articles, tokens, totals["ceiling_cpu"]),
        "ingest_1": _rates(totals["ingest_s"], articles, tokens, totals["ingest_cpu"]),
        "chunk_ratios": rows,
        "ratio_1": median(rows),
        "ratio_1_cpu": totals["ceiling_cpu"] / totals["ingest_cpu"],
    }
    if workers > 1:
        w_s, w_cpu, _, w_tok, _ = _ingest(corpus, settings.replace(workers=workers), folder)
        result[f"ingest_{workers}"] = _rates(w_s, articles, w_tok, w_cpu)
        log(f"  ingest --workers {workers}: {w_tok / w_s:,.0f} tok/s")
        c_s, c_cpu, c_tok = _ceiling(nlp, _texts(corpus), settings.batch_size, n_process=workers)
        result[f"ceiling_{workers}"] = _rates(c_s, articles, c_tok, c_cpu)
        log(f"  nlp.pipe n_process={workers}: {c_tok / c_s:,.0f} tok/s")
        result["workers"] = workers
        result["startup_s"] = startup = _startup(settings.model)
        result["speedup_cold"] = ratio(result["ingest_1"]["seconds"] + startup, result[f"ingest_{workers}"]["seconds"])
        result["speedup"] = ratio(result[f"ingest_{workers}"]["articles_per_s"], result["ingest_1"]["articles_per_s"])
        result[f"ratio_{workers}"] = ratio(
            result[f"ingest_{workers}"]["articles_per_s"], result[f"ceiling_{workers}"]["articles_per_s"]
        )
    # the share of each stage, median over a few chunks: one chunk alone moves with the machine
    shares = [_breakdown(nlp, part, settings, folder) for part in parts[-3:]]
    result["breakdown"] = {
        stage: median([b[stage] / b["model"] for b in shares]) * median([b["model"] for b in shares])
        if stage != "model"
        else median([b["model"] for b in shares])
        for stage in shares[0]
    }
    result["breakdown_chunks"] = len(shares)
    return result
