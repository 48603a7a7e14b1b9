"""The web app: SPARQL endpoint, exports, linked-data pages and the query page.

Imports are deferred so that the query processes, which import :mod:`kg.web.worker`, start
without loading Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask
    from rdflib import Dataset

    from kg.settings import Settings


def create_app(store: Dataset, settings: Settings | None = None) -> Flask:
    """The Flask app serving ``store``; see :func:`kg.web.app.create_app`."""
    from kg.web.app import create_app as create

    return create(store, settings)


def serve(settings: Settings) -> None:
    """Serve the store of ``settings`` with granian; see :func:`kg.web.serving.serve`."""
    from kg.web.serving import serve as run

    run(settings)
