"""RESULTS.md: the machine, the targets met or missed, and every section's figures and ratios.

>>> fmt(1234.5), fmt(0.8765, 2), fmt(None)
('1,234', '0.88', '–')
"""

from __future__ import annotations

from typing import Any

from bench.measure import quartiles, ratio

SMALL_ANSWERS = ("trivial", "event-lookup")


def fmt(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
    ]


def _check(ok: bool | None) -> str:
    return "–" if ok is None else ("met" if ok else "**missed**")


def targets(results: dict[str, Any]) -> list[list[str]]:
    """(target, measured, met?) for every target the sections measured."""
    rows: list[list[str]] = []
    ing = results.get("ingest")
    if ing:
        rows.append(["ingest, one process / ceiling >= 0.9", fmt(ing["ratio_1"], 2), _check(ing["ratio_1"] >= 0.9)])
        rows.append(
            [
                "ingest, one process / ceiling, in CPU time (less sensitive to other load)",
                fmt(ing["ratio_1_cpu"], 2),
                _check(ing["ratio_1_cpu"] >= 0.9),
            ]
        )
        if ing.get("speedup_cold"):
            rows.append(
                [
                    f"ingest, --workers {ing['workers']} / one process, each paying the model load once "
                    f"({fmt(ing['startup_s'], 1)} s), as `peacekg ingest` runs",
                    fmt(ing["speedup_cold"], 2),
                    _check(ing["speedup_cold"] >= 1.7),
                ]
            )
        if ing.get("speedup"):
            rows.append(
                [
                    f"ingest, --workers {ing['workers']} / one process >= 1.7"
                    " (one process with its model loaded beforehand)",
                    fmt(ing["speedup"], 2),
                    _check(ing["speedup"] >= 1.7),
                ]
            )
    scale = results.get("scale")
    if scale:
        size, row = max(scale.items(), key=lambda kv: int(kv[0]))
        served = row["kg_serve_memory"]
        for label, peak in (
            ("writing it to the store (one transaction)", row["kg_write"]["peak_rss_mb"]),
            ("its in-memory copy", row["kg_snapshot"]["peak_rss_mb"]),
            ("one process of the server (memory), on average", served["peak_rss_mb"] / max(1, served["processes"])),
        ):
            rows.append(
                [f"peak RSS at {int(size):,} quads, {label} <= 1024 MiB", f"{fmt(peak)} MiB", _check(peak <= 1024)]
            )
    q = results.get("queries")
    if q:
        worst, http_small, http_all, web_all = None, None, None, None
        for name in q["queries"]:
            web = q["engines"]["http-memory"].get(name, {}).get("web_p50_ms")
            if web is not None:
                web_all = web if web_all is None else max(web_all, web)
            base = q["engines"]["pyoxigraph-memory"].get(name, {}).get("p50_ms")
            ours = q["engines"]["peacekg-memory"].get(name, {}).get("p50_ms")
            adds = _http_adds(q, name)
            r = ratio(ours, base)
            if r is not None:
                worst = r if worst is None else max(worst, r)
            if adds is not None:
                http_all = adds if http_all is None else max(http_all, adds)
                if name in SMALL_ANSWERS:
                    http_small = adds if http_small is None else max(http_small, adds)
        rows.append(
            [
                "queries, p50 in process / pyoxigraph <= 1.2 (worst query)",
                fmt(worst, 2),
                _check(None if worst is None else worst <= 1.2),
            ]
        )
        rows.append(
            [
                "queries, HTTP adds <= 3 ms to p50 (trivial and event query: small answers)",
                f"{fmt(http_small, 1)} ms",
                _check(None if http_small is None else http_small <= 3),
            ]
        )
        rows.append(
            [
                "queries, HTTP adds <= 3 ms to p50 (worst query)",
                f"{fmt(http_all, 1)} ms",
                _check(None if http_all is None else http_all <= 3),
            ]
        )
        if web_all is not None:
            rows.append(
                [
                    "for reference: of that, the web layer (HTTP time - the time the server waited for its "
                    "query process, from Server-Timing), worst query",
                    f"{fmt(web_all, 1)} ms",
                    "the rest is the hop to the query process and back, with the answer",
                ]
            )
    ex = results.get("export")
    if ex:
        for row in ex["rows"]:
            if "ratio" in row:
                rows.append(
                    [
                        f"export {row['format']} from {row['where']} / pyoxigraph >= 0.8",
                        fmt(row["ratio"], 2),
                        _check(row["ratio"] >= 0.8),
                    ]
                )
    ep = results.get("endpoint")
    if ep:
        for mode, data in ep["modes"].items():
            cells = data["cells"]
            trivial = [c["ratio"] for c in cells if c["query"] == "trivial" and c["ratio"] is not None]
            typical = [c["ratio"] for c in cells if c["query"] != "trivial" and c["ratio"] is not None]
            lookup = [c["ratio"] for c in cells if c["query"] == "event-lookup" and c["ratio"] is not None]
            if trivial:
                rows.append(
                    [
                        f"endpoint ({mode}), trivial query / oxigraph >= 0.3 (worst)",
                        fmt(min(trivial), 2),
                        _check(min(trivial) >= 0.3),
                    ]
                )
                floor = _flask_floor(ep, cells)
                if floor is not None:
                    rows.append(
                        [
                            "for reference: the smallest Flask app answering /ping under "
                            f"{ep.get('ping_server', 'waitress')} / oxigraph's "
                            f"trivial query ({mode}), same clients (best)",
                            fmt(floor, 2),
                            "the most an endpoint served as PeaceKG is can reach",
                        ]
                    )
            if lookup:
                rows.append(
                    [
                        f"endpoint ({mode}), typical event query / oxigraph >= 1.0 (worst)",
                        fmt(min(lookup), 2),
                        _check(min(lookup) >= 1.0),
                    ]
                )
            if typical:
                rows.append(
                    [
                        f"endpoint ({mode}), event lookup and example queries / oxigraph >= 1.0 (worst)",
                        fmt(min(typical), 2),
                        _check(min(typical) >= 1.0),
                    ]
                )
    return rows


def _flask_floor(ep: dict[str, Any], cells: list[dict[str, Any]]) -> float | None:
    """The best ratio of the smallest Flask app's /ping rate to oxigraph's trivial query rate, at
    the same number of clients."""
    ping = {c["clients"]: c["rps"] for c in ep.get("flask_ping") or ()}
    ratios = [
        ping[c["clients"]] / c["oxigraph"]["rps"]
        for c in cells
        if c["query"] == "trivial" and c["clients"] in ping and (c.get("oxigraph") or {}).get("rps")
    ]
    return max(ratios) if ratios else None


def _machine(m: dict[str, Any]) -> list[str]:
    rows = [
        ["CPU", m["cpu"]],
        ["cores", str(m["cores"])],
        ["memory", f"{m['memory_gib']} GiB"],
        ["OS", m["os"]],
        ["Python", m["python"]],
        ["load average at start", ", ".join(f"{x:.2f}" for x in m["load_average"] or ())],
        ["load generator", m.get("wrk") or "Python threads"],
        ["commit", m.get("git") or "–"],
    ]
    rows += [[name, version] for name, version in m["packages"].items()]
    return table(["machine", ""], rows)


def _ingest(ing: dict[str, Any]) -> list[str]:
    rows = []
    for key, label in (
        ("ceiling_1", "spaCy nlp.pipe, 1 process (ceiling)"),
        ("ingest_1", "peacekg ingest, 1 process"),
        (f"ceiling_{ing.get('workers')}", f"spaCy nlp.pipe, n_process={ing.get('workers')}"),
        (f"ingest_{ing.get('workers')}", f"peacekg ingest --workers {ing.get('workers')}"),
    ):
        if key in ing:
            r = ing[key]
            rows.append(
                [
                    label,
                    fmt(r["articles_per_s"], 1),
                    fmt(r["tokens_per_s"]),
                    fmt(r["seconds"], 1),
                    fmt(r["cpu_seconds"], 1),
                ]
            )
    b, workers = ing["breakdown"], ing.get("workers")
    share = " · ".join(f"{k} {fmt(100 * v / b['model'], 1)} %" for k, v in b.items() if k != "model")
    return [
        f"{ing['articles']:,} generated articles, {ing['words']:,} words, {ing['tokens']:,} tokens, "
        f"{ing['triples']:,} triples stored; batch size {ing['batch_size']}. One process: {ing['chunks']} chunks, "
        f"ceiling and ingest alternating; ratio = median of the chunks' ratios (quartiles "
        f"{' – '.join(fmt(x, 2) for x in quartiles(ing['chunk_ratios']))}, range "
        f"{fmt(min(ing['chunk_ratios']), 2)} – {fmt(max(ing['chunk_ratios']), 2)}).",
        "",
        *table(["", "articles/s", "tokens/s", "seconds", "CPU seconds"], rows),
        f"Ratio one process / ceiling: **{fmt(ing['ratio_1'], 2)}** (in CPU time {fmt(ing['ratio_1_cpu'], 2)})"
        + (
            f"; --workers {workers} / one process: **{fmt(ing['speedup'], 2)}**; --workers "
            f"{workers} / its ceiling: {fmt(ing.get('ratio_' + str(workers)), 2)}"
            if ing.get("speedup")
            else ""
        ),
        "",
        f"CPU time over the model, as a share of the model's (median over {ing.get('breakdown_chunks', 1)} "
        f"chunk(s)): {share}.",
        "",
    ]


def _scale(scale: dict[str, Any]) -> list[str]:
    rows = []
    for _size, r in sorted(scale.items(), key=lambda kv: int(kv[0])):

        def cell(key: str, memory: str = "peak_rss_mb", r: dict[str, Any] = r) -> str:
            return f"{fmt(r[key]['seconds'], 1)} s / {fmt(r[key][memory])} MiB"

        rows.append(
            [
                f"{r['quads']:,} ({r['articles']:,} articles)",
                cell("kg_write"),
                cell("ox_write"),
                cell("kg_snapshot"),
                cell("ox_memory"),
                cell("kg_serve_memory", "rss_mb") + f" in {r['kg_serve_memory']['processes']}",
                cell("ox_serve_memory", "rss_mb"),
                cell("kg_serve_disk", "rss_mb") + f" in {r['kg_serve_disk']['processes']}",
                cell("ox_serve_disk", "rss_mb"),
            ]
        )
    return [
        *table(
            [
                "quads",
                "PeaceKG write to disk (one transaction)",
                "pyoxigraph bulk load to disk",
                "PeaceKG in-memory copy",
                "pyoxigraph load in memory",
                "peacekg serve (memory): start / RSS",
                "oxigraph serve (memory)",
                "peacekg serve (disk)",
                "oxigraph serve-read-only",
            ],
            rows,
        ),
        "Loads: seconds / peak RSS of the process. Servers: seconds until they answer (oxigraph serve in "
        "memory: including the POST of the data) / resident memory of all their processes.",
        "",
    ]


def _engine_p50(q: dict[str, Any], name: str) -> float | None:
    """p50 of the work the endpoint's query process does for ``name``, done in process (older
    results, without that engine: the store API's)."""
    engines = q["engines"]
    engine = engines.get("endpoint-memory") or engines["peacekg-memory"]
    return engine.get(name, {}).get("p50_ms")


def _http_adds(q: dict[str, Any], name: str) -> float | None:
    """What HTTP adds to the query process's run of ``name``: the p50 over runs of each request's
    time less the engine time its server reported (older results, without that: the HTTP p50 less
    the in-process engine's p50, which for slow queries is mostly the two runs' noise)."""
    http = q["engines"]["http-memory"].get(name, {})
    if "adds_p50_ms" in http:
        return http["adds_p50_ms"]
    engine = _engine_p50(q, name)
    return None if "p50_ms" not in http or engine is None else http["p50_ms"] - engine


def _queries(q: dict[str, Any]) -> list[str]:
    e = q["engines"]
    rows = []
    for name in q["queries"]:

        def p(engine: str, key: str = "p50_ms", name: str = name) -> float | None:
            return e.get(engine, {}).get(name, {}).get(key)

        if "over" in e["pyoxigraph-memory"].get(name, {}):
            rows.append([name, f"over {q['limit_s']:g} s", *["–"] * 10])
            continue
        http, ours, engine = p("http-memory"), p("peacekg-memory"), _engine_p50(q, name)
        adds = _http_adds(q, name)
        rows.append(
            [
                name,
                f"{fmt(p('pyoxigraph-memory'), 1)} / {fmt(p('pyoxigraph-memory', 'p95_ms'), 1)}",
                f"{fmt(ours, 1)} / {fmt(p('peacekg-memory', 'p95_ms'), 1)}",
                fmt(ratio(ours, p("pyoxigraph-memory")), 2),
                f"{fmt(engine, 1)} / {fmt(p('endpoint-memory', 'p95_ms'), 1)}",
                f"{fmt(http, 1)} / {fmt(p('http-memory', 'p95_ms'), 1)}",
                fmt(adds, 1),
                fmt(p("http-memory", "web_p50_ms"), 1),
                f"{fmt(p('pyoxigraph-disk'), 1)} / {fmt(p('pyoxigraph-disk', 'p95_ms'), 1)}",
                f"{fmt(p('peacekg-disk'), 1)} / {fmt(p('peacekg-disk', 'p95_ms'), 1)}",
                fmt(ratio(p("peacekg-disk"), p("pyoxigraph-disk")), 2),
                fmt((e["pyoxigraph-memory"][name].get("bytes") or 0) / 1024),
            ]
        )
    return [
        f"{q['quads']:,} quads ({q['articles']:,} articles). p50 / p95 in ms; every engine sends the full "
        f"answer (SPARQL JSON, or Turtle for CONSTRUCT); the endpoint serves from memory with its result caps "
        f"raised. Runs interleave: a query is run once on every engine in turn, in alternating order, round "
        f"after round (the runs column of RESULTS.json). A query over {q['limit_s']:g} s "
        "on pyoxigraph in memory is not run on disk. "
        "PeaceKG memory: the store API (`kg.query`) over the union of the graphs, as pyoxigraph. Endpoint engine: "
        "what the endpoint's query process does, in process: the default graph is the merge of the article "
        "graphs (each triple once; GRAPH ?g patterns then also pass over it in Oxigraph's memory store), and "
        "the answer is capped and serialised as sent. HTTP adds: per request, its time less the time the "
        "query process took to run it (the server's Server-Timing engine metric), p50 of the runs; of which "
        "web layer: per request, its time less the time the server waited for its query process (Server-Timing "
        "query), p50 of the runs. The rest of what HTTP adds is the hop to the query process.",
        "",
        *table(
            [
                "query",
                "pyoxigraph memory",
                "PeaceKG memory",
                "ratio",
                "endpoint engine, memory",
                "HTTP (PeaceKG, memory)",
                "HTTP adds ms",
                "of which web layer ms",
                "pyoxigraph disk",
                "PeaceKG disk",
                "ratio disk",
                "answer KiB",
            ],
            rows,
        ),
    ]


def _export(ex: dict[str, Any]) -> list[str]:
    rows = [
        [
            r["where"],
            r["format"],
            fmt(r["peacekg_per_s"]),
            fmt(r.get("pyoxigraph_per_s")),
            fmt(r.get("ratio"), 2),
            f"{fmt(r['peacekg_mb'])} / {fmt(r.get('pyoxigraph_mb'))}",
        ]
        for r in ex["rows"]
    ]
    return [
        f"{ex['quads']:,} quads; the union of the graphs holds {ex['union_triples']:,} distinct triples. "
        "Statements per second (PeaceKG: the store's quads; pyoxigraph Turtle: the union's triples, handed "
        "to it ready-made).",
        "",
        *table(["from", "format", "PeaceKG /s", "pyoxigraph /s", "ratio", "MiB written (PeaceKG / pyoxigraph)"], rows),
    ]


def _endpoint(ep: dict[str, Any]) -> list[str]:
    server = ep.get("ping_server", "waitress")
    lines = [
        f"{ep['quads']:,} quads; {ep['tool']} for {ep['duration_s']:g} s per cell; requests/s and p99 latency. "
        f"Queries slower than {ep['probe_limit_s']:g} s on one request to oxigraph are not load-tested.",
        "",
        f"{server} answering /ping with a bare WSGI app (the most any Python app served so can answer): "
        + ", ".join(f"{c['clients']} clients {fmt(c['rps'])} req/s" for c in ep["ping"]),
        "",
        *(
            [
                f"The smallest Flask app answering /ping under {server} (the ceiling of any Flask endpoint served by "
                f"{server}, as PeaceKG is): "
                + ", ".join(f"{c['clients']} clients {fmt(c['rps'])} req/s" for c in ep["flask_ping"]),
                "",
            ]
            if ep.get("flask_ping")
            else []
        ),
    ]
    for mode, data in ep["modes"].items():
        rows = [
            [
                c["query"],
                str(c["clients"]),
                fmt(c["peacekg"]["rps"]),
                fmt((c["peacekg"]["p99"] or 0) * 1000, 1),
                str(c["peacekg"]["errors"]),
                fmt(c["oxigraph"]["rps"]),
                fmt((c["oxigraph"]["p99"] or 0) * 1000, 1),
                fmt(c["ratio"], 2),
            ]
            for c in data["cells"]
        ]
        lines += [
            f"Serving from {mode} (oxigraph: {'serve, in memory' if mode == 'memory' else 'serve-read-only'}):",
            "",
            *table(
                ["query", "clients", "PeaceKG req/s", "p99 ms", "errors", "oxigraph req/s", "p99 ms", "ratio"], rows
            ),
        ]
        cached = data.get("cached") or []
        if cached:
            engine = {(c["query"], c["clients"]): c["oxigraph"]["rps"] for c in data["cells"]}
            lines += [
                "PeaceKG with its result cache on (the default; the table above has it off): the same query asked "
                "again is answered from the cache, so this measures the web layer, not the engine.",
                "",
                *table(
                    ["query", "clients", "PeaceKG req/s, cache on", "p99 ms", "errors", "ratio to oxigraph"],
                    [
                        [
                            c["query"],
                            str(c["clients"]),
                            fmt(c["rps"]),
                            fmt((c["p99"] or 0) * 1000, 1),
                            str(c["errors"]),
                            fmt(c["rps"] / engine[(c["query"], c["clients"])], 2)
                            if engine.get((c["query"], c["clients"]))
                            else "–",
                        ]
                        for c in cached
                    ],
                ),
            ]
        skipped = [q for q in data["probes"] if q not in data["load_tested"]]
        if skipped:
            lines += [
                "Not load-tested (one request, seconds: PeaceKG / oxigraph): "
                + "; ".join(
                    f"{q} {fmt(data['probes'][q]['peacekg'].get('seconds'), 2)} / "
                    f"{fmt(data['probes'][q]['oxigraph'].get('seconds'), 2)}"
                    for q in skipped
                ),
                "",
            ]
    return lines


def markdown(results: dict[str, Any]) -> str:
    meta = results["meta"]
    out = [
        "# PeaceKG benchmarks",
        "",
        f"`{meta['command']}` on {meta['started']}, {fmt(meta['seconds'] / 60, 1)} minutes"
        + (f" (sections run again then: {', '.join(meta['rerun'])})" if meta.get("rerun") else "")
        + ". Generated by "
        "`python -m bench`; see bench/README.md for what each section measures.",
        "",
        *_machine(results["machine"]),
        "## Targets",
        "",
        *table(["target", "measured", ""], targets(results)),
    ]
    sections = (
        ("ingest", "1. Ingest", _ingest),
        ("scale", "2. Graph scale", _scale),
        ("queries", "3. Queries", _queries),
        ("export", "4. Export", _export),
        ("endpoint", "5. Endpoint under load", _endpoint),
    )
    for key, title, render in sections:
        if key in results:
            out += [f"## {title}", "", *render(results[key])]
    return "\n".join(out).rstrip() + "\n"
