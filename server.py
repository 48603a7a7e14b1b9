"""WSGI entry point: ``app`` for any WSGI server, e.g. ``granian --interface wsgi server:app``.

Settings come from ``$PEACEKG_CONFIG`` and ``PEACEKG_*`` variables (``PEACEKG_STORE`` names
the store); ``peacekg serve`` does the same with granian and command-line options.
"""

from kg.settings import load_settings
from kg.store import open_store
from kg.web import create_app

settings = load_settings()
app = create_app(open_store(settings.store, read_only=True), settings)
