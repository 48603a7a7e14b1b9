"""A bounded HTTP load generator for 127.0.0.1: ``wrk`` when installed, else Python threads.

Each of ``clients`` connections sends one request after the other (keep-alive) for ``duration``
seconds; the result is requests per second, latency percentiles and the count of answers that
were not 200.

>>> parse_wrk_latency("1.50ms"), parse_wrk_latency("250.00us"), parse_wrk_latency("2.00s")
(0.0015, 0.00025, 2.0)
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bench.measure import percentile

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


@dataclass
class Load:
    clients: int
    requests: int
    seconds: float
    rps: float
    p50: float | None  # seconds
    p99: float | None
    errors: int = 0
    tool: str = "wrk"
    notes: list[str] = field(default_factory=list)


def parse_wrk_latency(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"Unexpected wrk latency: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str, clients: int) -> Load:
    """The figures of ``wrk --latency`` output."""
    requests = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not requests or not rps:
        raise ValueError(f"Unexpected wrk output: {output[-500:]!r}")
    latencies = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return Load(
        clients=clients,
        requests=int(requests.group(1)),
        seconds=float(requests.group(2)) * _UNITS[requests.group(3)],
        rps=float(rps.group(1)),
        p50=parse_wrk_latency(latencies["50"]) if "50" in latencies else None,
        p99=parse_wrk_latency(latencies["99"]) if "99" in latencies else None,
        errors=errors,
    )


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(url: str, accept: str, clients: int, duration: float, timeout: float = 15.0) -> Load:
    threads = max(1, min(clients, 2))
    args = [
        "wrk",
        f"-t{threads}",
        f"-c{clients}",
        f"-d{max(1, round(duration))}s",
        "--latency",
        f"--timeout={int(timeout)}s",
        "-H",
        f"Accept: {accept}",
        url,
    ]
    out = subprocess.run(args, capture_output=True, text=True, timeout=duration + timeout + 30, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"wrk failed: {out.stderr.strip()}")
    return parse_wrk(out.stdout, clients)


def run_python(url: str, accept: str, clients: int, duration: float, timeout: float = 15.0) -> Load:
    """The same measurement with one thread per connection (http.client, keep-alive)."""
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    start = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
        start.wait()
        try:
            while time.perf_counter() < deadline[0]:
                began = time.perf_counter()
                try:
                    conn.request("GET", target, headers={"Accept": accept})
                    response = conn.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
                    ok = False
                latencies[n].append(time.perf_counter() - began)
                errors[n] += not ok
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + duration
    start.wait()
    for thread in threads:
        thread.join(duration + timeout + 5)
    elapsed = time.perf_counter() - began
    every = [x for per in latencies for x in per]
    return Load(
        clients=clients,
        requests=len(every),
        seconds=elapsed,
        rps=len(every) / elapsed,
        p50=percentile(every, 50) if every else None,
        p99=percentile(every, 99) if every else None,
        errors=sum(errors),
        tool="python",
    )


def measure(url: str, accept: str, clients: int, duration: float, tool: str = "auto") -> Load:
    """``tool`` is wrk, python, or auto (wrk when installed)."""
    if tool == "wrk" or (tool == "auto" and have_wrk()):
        return run_wrk(url, accept, clients, duration)
    return run_python(url, accept, clients, duration)
