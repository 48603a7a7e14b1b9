"""Answers kept for queries asked again: the served data does not change while the server runs.

Serving from memory, the data is the snapshot taken at start; serving from disk, the store may not
be written while served. So the same query, over the same dataset and in the same format, gets
the same answer until the server restarts, and it is kept in a least-recently-used cache
bounded in bytes (setting ``result_cache_bytes``; 0 turns it off). Queries whose answer may
differ from one run to the next (``RAND``, ``NOW``, ``UUID``, ``STRUUID``, ``BNODE``) are never
kept.

Each kept answer has an entity tag, so a client that sends ``If-None-Match`` gets a 304 without
the body.

>>> cache = ResultCache(1024)
>>> job = Job("SELECT * { ?s ?p ?o } LIMIT 1")
>>> cache.get(job) is None
True
>>> kept = cache.put(job, Outcome("ok", "solutions", "json", b"{}", 0))
>>> cache.get(job) == kept, kept.etag
(True, '"2afb9b83f9314e5d029766197f539792"')
>>> cache.put(Job("SELECT (RAND() AS ?r) {}"), Outcome("ok", body=b"{}")) is None
True
"""

from __future__ import annotations

import hashlib
import re
import threading
from typing import NamedTuple

from cachetools import LRUCache

from kg.web.worker import Job, Outcome

_VOLATILE = re.compile(r"\b(?:RAND|NOW|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
ENTRY_OVERHEAD = 512
"""Bytes counted for an entry on top of its body: the key, the outcome and the cache's own."""


class Kept(NamedTuple):
    outcome: Outcome
    etag: str


def _size(kept: Kept) -> int:
    return len(kept.outcome.body) + ENTRY_OVERHEAD


class ResultCache:
    """Thread-safe; an answer larger than the whole cache is not kept."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: LRUCache[Job, Kept] | None = (
            LRUCache(maxsize=max_bytes, getsizeof=_size) if max_bytes > 0 else None
        )
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, job: Job) -> Kept | None:
        if self._entries is None:
            return None
        with self._lock:
            kept = self._entries.get(job)
            if kept is None:
                self.misses += 1
            else:
                self.hits += 1
            return kept

    def put(self, job: Job, outcome: Outcome) -> Kept | None:
        """Keep ``outcome`` if it may be kept; the entry, with its entity tag, or ``None``."""
        if self._entries is None or outcome.status != "ok" or _VOLATILE.search(job.query):
            return None
        kept = Kept(outcome, '"' + hashlib.blake2b(outcome.body, digest_size=16).hexdigest() + '"')
        if _size(kept) > self.max_bytes:
            return None
        with self._lock:
            self._entries[job] = kept
        return kept

    @property
    def size(self) -> int:
        """Bytes held."""
        if self._entries is None:
            return 0
        with self._lock:
            return int(self._entries.currsize)
