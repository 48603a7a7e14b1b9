#!/usr/bin/env python3
"""Validate the held-out gold files: python check.py [DIR] (default: this file's folder).

Checks, for every <id>.json that has an 'actors' key: the matching <id>.txt exists and is
UTF-8; id equals the file stem; published is an ISO date; every evidence string is an exact
substring of the text; every participant/party (and *_optional) is a listed actor name;
dates match YYYY, YYYY-MM or YYYY-MM-DD; statuses are valid; keys are unique in a file;
actor types are valid; the text has 250-600 words.
"""

import json
import re
import sys
from datetime import date
from pathlib import Path

STATUSES = {"Planned", "Occurred", "Denied", "Cancelled"}
TYPES = {"Person", "Organization", "Country"}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def norm(s):
    s = re.sub(r"'s\b", "", s.lower().replace("\u2019", "'")).replace(".", "")
    return " ".join(re.sub(r"[^\w\s]|_", " ", s).split()).removeprefix("the ")


def check(path):
    errs = []
    data = json.loads(path.read_text(encoding="utf-8"))
    if "actors" not in data:
        return None
    txt_path = path.with_suffix(".txt")
    if not txt_path.exists():
        return [f"missing text {txt_path.name}"]
    text = txt_path.read_text(encoding="utf-8")
    words = len(text.split())
    if not 250 <= words <= 600:
        errs.append(f"text has {words} words (want 250-600)")
    if data.get("id") != path.stem:
        errs.append(f"id {data.get('id')!r} != file stem {path.stem!r}")
    try:
        date.fromisoformat(data.get("published", ""))
    except ValueError:
        errs.append(f"published {data.get('published')!r} is not an ISO date")
    names, by_norm = set(), {}
    for a in data["actors"]:
        if a.get("type") not in TYPES:
            errs.append(f"actor {a.get('name')!r}: bad type {a.get('type')!r}")
        if not isinstance(a.get("aliases"), list):
            errs.append(f"actor {a.get('name')!r}: aliases must be a list")
        if a["name"] in names:
            errs.append(f"actor {a['name']!r} listed twice")
        names.add(a["name"])
        for n in [a["name"], *a.get("aliases", [])]:
            k = norm(n)
            if k in by_norm and by_norm[k] != a["name"]:
                errs.append(f"form {n!r} belongs to both {by_norm[k]!r} and {a['name']!r}")
            by_norm.setdefault(k, a["name"])
    keys = set()
    for kind, field in (("meetings", "participants"), ("agreements", "parties")):
        for n, ev in enumerate(data.get(kind, []), 1):
            where = f"{kind} #{n} ({ev.get('key')})"
            if not ev.get("key"):
                errs.append(f"{where}: no key")
            elif ev["key"] in keys:
                errs.append(f"{where}: duplicate key")
            keys.add(ev.get("key"))
            for f in (field, field + "_optional"):
                if not isinstance(ev.get(f, []), list):
                    errs.append(f"{where}: {f} must be a list")
                for p in ev.get(f, []):
                    if p not in names:
                        errs.append(f"{where}: {f} {p!r} is not a listed actor name")
            if ev.get("status") not in STATUSES:
                errs.append(f"{where}: bad status {ev.get('status')!r}")
            if ev.get("date") is not None and not DATE_RE.match(str(ev["date"])):
                errs.append(f"{where}: bad date {ev['date']!r}")
            place = ev.get("place")
            if place is not None and not (isinstance(place, list) and place):
                errs.append(f"{where}: place must be a non-empty list or null")
            if not ev.get("evidence"):
                errs.append(f"{where}: no evidence")
            for e in ev.get("evidence", []):
                if e not in text:
                    errs.append(f"{where}: evidence not in text: {e[:80]!r}")
    return errs


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    bad = n = 0
    for path in sorted(folder.glob("*.json")):
        errs = check(path)
        if errs is None:
            continue
        n += 1
        status = "ok" if not errs else f"{len(errs)} error(s)"
        print(f"{path.name}: {status}")
        for e in errs:
            print(f"  - {e}")
        bad += bool(errs)
    print(f"{n} gold files, {bad} with errors")
    return 1 if bad or not n else 0


if __name__ == "__main__":
    sys.exit(main())
