"""Shared fixtures: settings over a temporary store, and the seeds ingested once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUERIES = ROOT / "queries"


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> Path:
    """A store folder holding the seeds, ingested once through the CLI (real model, real store)."""
    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path_factory.mktemp("seeded") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def store_copy(seeded_store, tmp_path) -> Path:
    """A private copy of the seeded store, for tests that change it."""
    target = tmp_path / "store"
    shutil.copytree(seeded_store, target)
    return target
