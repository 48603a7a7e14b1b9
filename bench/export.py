"""Section 4: export throughput, Turtle and N-Quads, PeaceKG's :func:`kg.store.dump` against
pyoxigraph's own serialiser, from memory and from the on-disk store (what ``peacekg export``
reads). Output goes to a writer that keeps nothing, so the serialiser is what is timed.

Turtle holds the union of the graphs. pyoxigraph is handed that union ready-made (the distinct
triples in its default graph), so its figure is the serialiser alone; PeaceKG starts from the
named graphs. Throughput counts the store's quads for PeaceKG and the union's triples for
pyoxigraph's Turtle: the statements each had to write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.measure import run_child
from bench.scale import prepare


def run(folder: Path, quads: int, repeats: int, log: Any = print) -> dict[str, Any]:
    graph = prepare(folder, quads)
    raw = run_child("bench.tasks", ["export", graph["nquads"], graph["store"], str(repeats)], 1800)
    statements = {"nquads": raw["quads"], "turtle": raw["quads"]}
    out: dict[str, Any] = {"quads": raw["quads"], "union_triples": raw["union_triples"], "rows": []}
    for where in ("memory", "disk"):
        for fmt in ("turtle", "nquads"):
            cell = raw[where][fmt]
            kg = statements[fmt] / cell["peacekg"]["seconds"]
            row: dict[str, Any] = {
                "where": where,
                "format": fmt,
                "peacekg_per_s": kg,
                "peacekg_mb": cell["peacekg"]["bytes"] / 2**20,
            }
            if "pyoxigraph" in cell:
                base_count = raw["union_triples"] if fmt == "turtle" else raw["quads"]
                row["pyoxigraph_per_s"] = base_count / cell["pyoxigraph"]["seconds"]
                row["pyoxigraph_mb"] = cell["pyoxigraph"]["bytes"] / 2**20
                row["ratio"] = kg / row["pyoxigraph_per_s"]
            out["rows"].append(row)
            log(
                f"  export {where:6s} {fmt:7s} peacekg {kg:12,.0f}/s"
                + (
                    f"  pyoxigraph {row['pyoxigraph_per_s']:12,.0f}/s  ratio {row['ratio']:.2f}"
                    if "ratio" in row
                    else ""
                )
            )
    return out
