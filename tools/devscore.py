#!/usr/bin/env python3
"""Score extraction on the dev set: parse, extract, map to RDF, export TriG, run the scorer.

    python tools/devscore.py [--dev DIR] [--out OUT.trig] [--in-process] [--quiet] [--only ID ...]
    python tools/devscore.py --throughput 20

By default the articles go through ``peacekg ingest`` and ``peacekg export`` over a temporary
store, the way users run it. ``--in-process`` instead runs the pipeline, ``kg.extract.extract``
and the mapping (``kg.rdf.mapping.map_extraction``) in this process, without a store: quicker
when iterating on extraction. The scorer's output is printed as it is; its last line is the
SCORE line.

``--throughput N`` instead times ``build_pipeline()`` plus ``extract`` over the dev texts repeated
N times against plain ``spacy.load(<same model>).pipe`` (batch size 16), in CPU seconds (best of
three), and prints articles/s, tokens/s and the ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = Path("/work/shared/eval/dev")


def export_in_process(dev: Path, out: Path, model: str = "") -> None:
    from rdflib import Dataset

    from kg.articles import read_paths
    from kg.errors import InputError
    from kg.extract import extract
    from kg.nlp.pipeline import build_pipeline
    from kg.rdf.ids import Ids
    from kg.rdf.mapping import map_extraction
    from kg.settings import DEFAULT_BASE_IRI

    articles = [a for a in read_paths([dev]) if not isinstance(a, InputError)]
    nlp, ids, ds = build_pipeline(model), Ids(DEFAULT_BASE_IRI), Dataset()
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        graph = ds.graph(ids.graph(article.id))
        for triple in map_extraction(ids, extract(doc, article)):
            graph.add(triple)
    ds.serialize(destination=str(out), format="trig")


def throughput(dev: Path, repeat: int) -> None:
    import time

    import spacy

    from kg.articles import read_paths
    from kg.errors import InputError
    from kg.extract import extract
    from kg.nlp.pipeline import build_pipeline, model_name

    articles = [a for a in read_paths([dev]) if not isinstance(a, InputError)] * repeat
    texts = [a.text for a in articles]
    plain, ours = spacy.load(model_name()), build_pipeline()

    def run_plain() -> float:
        started = time.process_time()
        for _ in plain.pipe(texts, batch_size=16):
            pass
        return time.process_time() - started

    def run_ours() -> float:
        started = time.process_time()
        for article, doc in zip(articles, ours.pipe(texts, batch_size=16), strict=True):
            extract(doc, article)
        return time.process_time() - started

    run_plain(), run_ours()  # warm up
    p, q = min(run_plain() for _ in range(3)), min(run_ours() for _ in range(3))
    tokens = sum(len(plain.make_doc(t)) for t in texts)
    print(f"{len(texts)} articles, {tokens} tokens, CPU seconds (best of 3)")
    print(f"plain spacy.load({model_name()!r}).pipe: {len(texts) / p:.1f} articles/s, {tokens / p:.0f} tokens/s")
    print(f"build_pipeline() + extract: {len(texts) / q:.1f} articles/s, {tokens / q:.0f} tokens/s")
    print(f"ratio {p / q:.3f}")


def export_with_cli(dev: Path, out: Path) -> None:
    exe = Path(sys.executable).with_name("peacekg")
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "store")
        subprocess.run([str(exe), "--store", store, "ingest", str(dev)], check=True)
        subprocess.run([str(exe), "--store", store, "export", "--format", "trig", "-o", str(out)], check=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of articles with gold files")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "peacekg-dev.trig")
    ap.add_argument("--in-process", action="store_true", help="skip the CLI and the store")
    ap.add_argument("--quiet", action="store_true", help="totals only, no per-article notes")
    ap.add_argument("--only", nargs="+", metavar="ID", help="score only these articles")
    ap.add_argument("--throughput", type=int, metavar="N", help="time extraction over the texts repeated N times")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.throughput:
        throughput(args.dev, args.throughput)
        return 0
    if args.in_process:
        export_in_process(args.dev, args.out)
    else:
        export_with_cli(args.dev, args.out)
    command = [sys.executable, str(args.dev.parent / "score.py"), "--graph", str(args.out), "--gold", str(args.dev)]
    command += [] if args.quiet else ["--verbose"]
    command += ["--only", *args.only] if args.only else []
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
