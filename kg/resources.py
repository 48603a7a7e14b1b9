"""Where the data files live: the ontology, the lexicon and the example queries.

In a source checkout (or an editable install) they sit beside the ``kg`` package; a wheel
installs them under ``<prefix>/share/peacekg``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from kg.errors import ConfigError

_CANDIDATES = (Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "peacekg")


@cache
def data_dir(name: str) -> Path:
    """The folder ``ontology`` or ``queries``, wherever this installation keeps it."""
    for root in _CANDIDATES:
        if (root / name).is_dir():
            return root / name
    raise ConfigError(
        f"cannot find the {name}/ folder (looked in {', '.join(map(str, _CANDIDATES))}); "
        "reinstall peacekg with `pip install -e .` from a checkout"
    )


def ontology_dir() -> Path:
    return data_dir("ontology")


def queries_dir() -> Path:
    return data_dir("queries")
