"""The smallest WSGI app, and the smallest Flask app: ``/ping`` answers ``pong``. Served by
granian as PeaceKG is, they are the most any endpoint, and any Flask endpoint, served that
way can answer on this machine.

>>> out = []
>>> app({"PATH_INFO": "/ping"}, lambda status, headers: out.append(status))
[b'pong']
>>> out
['200 OK']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ.get("PATH_INFO") == "/ping":
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "4")])
        return [b"pong"]
    start_response("404 Not Found", [("Content-Type", "text/plain"), ("Content-Length", "0")])
    return [b""]


flask_app = Flask(__name__)


@flask_app.get("/ping")
def ping() -> str:
    return "pong"
