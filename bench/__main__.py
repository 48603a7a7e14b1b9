"""``python -m bench``: run the benchmarks, print the ratios, write RESULTS.md (and its JSON twin).

Sections: ingest, scale, queries, export, endpoint (``--only`` picks some). ``--smoke`` runs all
of them at a tiny scale in well under a minute, so that they cannot rot; its report goes to a
temporary folder unless ``--out`` is given.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import machine, report
from bench.machine import measured_at
from bench.measure import ROOT

SECTIONS = ("ingest", "scale", "queries", "export", "endpoint")


@dataclass
class Plan:
    """How big each section runs."""

    articles: int = 2000
    chunks: int = 32  # ingest: many short alternations, so that a slow spell of the machine hits both sides
    workers: int = 2
    sizes: list[int] = field(default_factory=lambda: [100_000, 1_000_000])
    query_quads: int = 1_000_000
    query_limit: float = 10.0
    query_runs: int = 10
    query_budget: float = 2.0
    export_quads: int = 1_000_000
    export_repeats: int = 3
    endpoint_quads: int = 100_000
    clients: list[int] = field(default_factory=lambda: [4, 8, 32])
    disk_clients: list[int] = field(default_factory=lambda: [4, 32])
    duration: float = 3.0
    probe_limit: float = 0.5
    load_queries: int | None = None  # load-test only the first N queries (the trivial one first)

    @classmethod
    def smoke(cls) -> Plan:
        return cls(
            articles=12,
            chunks=2,
            sizes=[3_000, 10_000],
            query_quads=5_000,
            query_limit=2.0,
            query_runs=3,
            query_budget=0.1,
            export_quads=10_000,
            export_repeats=1,
            endpoint_quads=3_000,
            clients=[2],
            disk_clients=[2],
            duration=1.0,
            probe_limit=1.0,
            load_queries=2,
        )

    def scaled(self, factor: float) -> Plan:
        def n(x: int) -> int:
            return max(1000, round(x * factor))

        return Plan(
            **{
                **self.__dict__,
                "articles": max(self.chunks, round(self.articles * factor)),
                "sizes": [n(s) for s in self.sizes],
                "query_quads": n(self.query_quads),
                "export_quads": n(self.export_quads),
                "endpoint_quads": n(self.endpoint_quads),
            }
        )


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="every section at a tiny scale (CI)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this (default 1)")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run this section (repeatable)")
    parser.add_argument(
        "--out", type=Path, help="RESULTS.md to write [default bench/RESULTS.md; temporary with --smoke]"
    )
    parser.add_argument("--clients", help="concurrent clients of the endpoint section, e.g. 4,8,32")
    parser.add_argument("--duration", type=float, help="seconds per load cell of the endpoint section")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto", help="load generator")
    parser.add_argument("--no-disk", action="store_true", help="load-test the endpoint serving from memory only")
    parser.add_argument("--merge", type=Path, help="an earlier RESULTS.json whose other sections to keep")
    parser.add_argument("--workdir", type=Path, help="keep the generated data here instead of a temporary folder")
    return parser.parse_args(argv)


def plan_for(args: argparse.Namespace) -> Plan:
    plan = Plan.smoke() if args.smoke else Plan()
    if args.scale != 1.0:
        plan = plan.scaled(args.scale)
    if args.clients:
        plan.clients = plan.disk_clients = [int(c) for c in args.clients.split(",") if c.strip()]
    if args.duration:
        plan.duration = args.duration
    return plan


def run(args: argparse.Namespace) -> dict[str, Any]:
    plan, sections = plan_for(args), args.only or list(SECTIONS)
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine.describe(), "plan": plan.__dict__}
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="peacekg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)

    def log(line: str) -> None:
        print(line, flush=True)

    try:
        for section in SECTIONS:
            if section not in sections:
                continue
            log(f"== {section}")
            began = time.perf_counter()
            results[section] = _section(section, plan, args, workdir / section, log)
            log(f"   ({time.perf_counter() - began:.0f} s)")
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results["meta"] = {
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "seconds": time.perf_counter() - started,
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_end": machine.load_average(),
    }
    return results


def _section(name: str, plan: Plan, args: argparse.Namespace, folder: Path, log: Any) -> dict[str, Any]:
    folder.mkdir(parents=True, exist_ok=True)
    shared = folder.parent / "graphs"  # graphs are generated once and shared by the sections
    shared.mkdir(exist_ok=True)
    if name == "ingest":
        from bench import ingest

        return ingest.run(folder, plan.articles, plan.chunks, plan.workers, log)
    if name == "scale":
        from bench import scale

        return scale.run(shared, plan.sizes, log)
    if name == "queries":
        from bench import query_times

        return query_times.run(shared, plan.query_quads, plan.query_limit, plan.query_runs, plan.query_budget, log)
    if name == "export":
        from bench import export

        return export.run(shared, plan.export_quads, plan.export_repeats, log)
    from bench import endpoint

    modes = {"memory": plan.clients} if args.no_disk else {"memory": plan.clients, "disk": plan.disk_clients}
    return endpoint.run(
        shared,
        plan.endpoint_quads,
        plan.clients,
        plan.duration,
        modes,
        plan.probe_limit,
        args.tool,
        plan.load_queries,
        log,
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    results = run(args)
    if args.merge:  # sections run now replace theirs in an earlier run's figures
        earlier = json.loads(args.merge.read_text(encoding="utf-8"))
        rerun = [name for name in SECTIONS if name in results]
        results["meta"]["command"] += f" (merged into the run of {earlier['meta']['started']})"
        now = results.get("machine", {}).get("git")
        results = {**earlier, **{k: v for k, v in results.items() if k in rerun or k == "meta"}}
        results["meta"]["rerun"] = rerun
        machine = results.setdefault("machine", {})
        if now:  # the commit each part was measured at
            machine["git"] = measured_at(machine.get("git") or "?", rerun, now)
    out = args.out or (
        Path(tempfile.mkdtemp(prefix="peacekg-bench-report-")) / "RESULTS.md"
        if args.smoke
        else ROOT / "bench" / "RESULTS.md"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.markdown(results), encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print("\n".join(report.table(["target", "measured", ""], report.targets(results))))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
