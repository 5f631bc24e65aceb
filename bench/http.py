"""The HTTP benchmark: pages as anonymous readers get them, next to a bare Django view.

wrk (C, two threads) keeps 16 connections busy for a fixed time against each URL of the same
server; the figure that counts is each page's requests per second as a share of the bare
view's in the same run. Requests carry `X-Forwarded-Proto: https` as the reverse proxy sends
it (production redirects plain HTTP). Before measuring, each URL must answer 200 and is
requested twice, so what is measured is the steady state: the page cache for the story,
workshop and event pages (the last two kept fresh by registrations and rooms, see
workshops/caching.py).
"""

import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

LUA = Path(__file__).with_name("wrk_report.lua")
CONNECTIONS = 16


def wrk_available():
    return shutil.which("wrk") is not None


def _warm(url):
    """Request `url` twice; what the second answer said about the cache, and its size."""
    for _ in range(2):
        request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.status != 200:
                raise RuntimeError(f"{url} answered {response.status}")
            cache = response.headers.get("X-Kring-Cache", "")
            size = len(response.read())
    return cache, size


def measure(url, seconds):
    cache, size = _warm(url)
    argv = [
        "wrk",
        "-t2",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout=5s",
        "-H",
        "X-Forwarded-Proto: https",
        "-s",
        str(LUA),
        url,
    ]
    output = subprocess.run(
        argv, check=True, capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    figures = json.loads(next(line for line in output.splitlines() if line.startswith("{")))
    seconds_run = figures["duration_us"] / 1e6
    return {
        "req_per_s": round(figures["requests"] / seconds_run, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 2),
        "p95_ms": round(figures["p95_us"] / 1000, 2),
        "p99_ms": round(figures["p99_us"] / 1000, 2),
        "requests": figures["requests"],
        "errors": figures["errors"],
        "non_2xx": figures["non_2xx"],
        "cache": cache or None,
        "kilobytes": round(size / 1024, 1),
    }


def run(server, pages, seconds):
    """Measure the bare view and each page of `pages` ({name: path}) on `server`."""
    results = {"bare": measure(server.base + "/bench/bare/", seconds)}
    for name, path in pages.items():
        results[name] = measure(server.base + path, seconds)
    bare = results["bare"]["req_per_s"]
    for figures in results.values():
        figures["ratio_to_bare"] = round(figures["req_per_s"] / bare, 3) if bare else None
    return results
