"""The example queries of ``queries/*.rq``, offered on the query page.

Each file starts with ``# title:`` and ``# description:`` comment lines.

>>> example = parse_example("who", "# title: Who met\\n# description: All meetings.\\nSELECT * {}\\n")
>>> example.title, example.description, example.name
('Who met', 'All meetings.', 'who')
>>> parse_example("bare", "ASK {}").title
'bare'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError
from kg.resources import queries_dir

_HEADER = re.compile(r"^#\s*(title|description)\s*:\s*(.*?)\s*$", re.MULTILINE | re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    query: str


def parse_example(name: str, text: str) -> Example:
    fields = {key.lower(): value for key, value in _HEADER.findall(text)}
    return Example(name, fields.get("title") or name, fields.get("description", ""), text)


def load_examples(folder: Path | None = None) -> list[Example]:
    """Every readable ``.rq`` file of ``folder`` (default: the installed queries), by file name."""
    if folder is None:
        try:
            folder = queries_dir()
        except ConfigError:
            return []
    examples = []
    for path in sorted(folder.glob("*.rq")):
        try:
            examples.append(parse_example(path.stem, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return examples
