"""`make bench`: start the stack, run every benchmark bounded in time, stop everything, report.

Settings (environment): BENCH_CLIENTS (live clients, 2000), BENCH_CLIENTS_LARGE (the large
room, 10000), BENCH_LIVE_SECONDS (20),
BENCH_HTTP_SECONDS (10), BENCH_SERVERS (the servers to compare, "uvicorn,daphne,granian"; the
first one runs every benchmark, the others the HTTP and live ones, shorter),
BENCH_WORKERS (processes per server, one per core), BENCH_ONLY (a comma-separated subset of
sanitising, live_bare, live_asgi, http, live, live10k, registration, concerns, figures: for
working on one benchmark; a partial run's figures are not the ones to quote), BENCH_PYSPY (a
py-spy executable: profiles of the live send phase into bench/profiles/, see
bench/sampling.py), BENCH_WS_DEFLATE=1 (permessage-deflate on, for Kring and the references),
BENCH_WS_IMPL (uvicorn's websocket implementation for Kring and the bare ASGI reference:
"websockets-sansio", as deployed, or "websockets", uvicorn's default).
"""

import asyncio
import datetime
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench import concerns_bench, figures_bench, http, live, registration, sanitise, stack

RESULTS = Path(__file__).with_name("results")
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "2000"))
CLIENTS_LARGE = int(os.environ.get("BENCH_CLIENTS_LARGE", "10000"))
LIVE_SECONDS = int(os.environ.get("BENCH_LIVE_SECONDS", "20"))
HTTP_SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "10"))
SERVERS = [s for s in os.environ.get("BENCH_SERVERS", "uvicorn,daphne,granian").split(",") if s]
RATE = 2
STEPS = (
    "sanitising",
    "live_bare",
    "live_asgi",
    "http",
    "live",
    "live10k",
    "registration",
    "concerns",
    "figures",
)
ONLY = {s for s in os.environ.get("BENCH_ONLY", ",".join(STEPS)).split(",") if s}

TARGETS = {
    "pages": "story index and story page >= 50% of the bare view's req/s, p95 < 50 ms",
    "live": "2,000 clients, 2 msg/s: 0 lost, delivery p99 < 250 ms and <= 1.25x bare's",
    "live10k": "10,000 clients: 0 lost, p99 next to bare's; memory per connection <= 2x bare's",
    "concerns": "p95 at 1,000,000 signals <= 1.2x p95 at 1,000",
    "registration": "exactly 20 confirmed, the rest waiting-listed, 0 errors",
    "sanitising": "cost per 3 KB story reported next to nh3",
    "figures": "patterns, figures, an event report and commitments; 10,000 stories, 100 events: "
    "each >= 50% of the bare view's req/s, p95 < 50 ms",
    "workshop": "workshop and event pages >= 50% of the bare view's req/s, p95 < 50 ms",
}


def machine(stack_):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(
        next(
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    )
    import redis

    redis_version = redis.Redis.from_url(stack.REDIS_URL).info("server")["redis_version"]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=stack.ROOT
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 2**20, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": stack_.query("SHOW server_version"),
        "redis": redis_version,
        "workers_per_server": stack.WORKERS,
        "versions": {
            name: _installed_version(name)
            for name in (
                "django",
                "wagtail",
                "channels",
                "channels-redis",
                "uvicorn",
                "daphne",
                "granian",
                "websockets",
                "nh3",
            )
        },
        "commit": commit,
        "load_average_at_start": os.getloadavg(),
    }


def _installed_version(name):
    """A package's version; None when it is not installed (a run with BENCH_SERVERS=uvicorn
    does not need granian)."""
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def step(results, name, function, *args):
    """Run one benchmark; a failure is recorded and the others still run."""
    kind = name if name in STEPS else name.split("_")[0]  # http_uvicorn is an "http" step
    if kind not in ONLY:
        return
    print(f"-- {name} ...", flush=True)
    started = time.monotonic()
    try:
        results[name] = function(*args)
    except Exception as error:
        traceback.print_exc()
        results[name] = {"error": f"{type(error).__name__}: {error}"}
    print(f"   {name} took {time.monotonic() - started:.0f}s", flush=True)


def live_pair(stack_, server, data, clients, seconds, label=None, network=0):
    label = label or server.kind
    cookies = asyncio.run(live.join_senders(server.base, data["room"], label, network=network))
    profile = f"send-path-{server.kind}-{clients}"
    return live.kring(stack_, server, data["room"], clients, seconds, RATE, cookies, profile)


def live_large(stack_, results, data):
    """The large room (live10k): bare and the first server, next to each other in time.

    On a fresh server: the 2,000-client run's memory stays in its workers' heaps and would
    hide part of what the large room costs. The senders join under other names and addresses
    than in that run (a name taken in the room is refused)."""
    profile = f"send-path-bare-{CLIENTS_LARGE}"
    args = (stack_, CLIENTS_LARGE, LIVE_SECONDS, RATE, profile)
    step(results, "live10k_bare", live.bare, *args)
    server = stack_.server(SERVERS[0])
    try:
        args = (stack_, server, data, CLIENTS_LARGE, LIVE_SECONDS, f"{server.kind} groot", 1)
        step(results, f"live10k_{server.kind}", live_pair, *args)
    finally:
        server.stop()
    stack_.flush_redis()


def main():
    started = time.monotonic()
    stack_ = stack.Stack()
    report = {"started_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")}
    results = report["results"] = {}
    try:
        print("-- preparing the bench database and data set ...", flush=True)
        data = stack_.prepare()
        report["machine"] = machine(stack_)
        report["data"] = {k: v for k, v in data.items() if k != "hot_addresses"}
        report["settings"] = {
            "clients": CLIENTS,
            "clients_large": CLIENTS_LARGE,
            "uvicorn_args": os.environ.get("BENCH_UVICORN_ARGS", ""),
            "ws_deflate": stack.WS_DEFLATE,
            "ws_impl": stack.WS_IMPL,
            "live_seconds": LIVE_SECONDS,
            "http_seconds": HTTP_SECONDS,
            "rate_per_s": RATE,
            "servers": SERVERS,
            "only": sorted(ONLY) if set(STEPS) - ONLY else None,
        }
        pages = {
            "home": data["home"],
            "story_index": data["story_index"],
            "story": data["story"],
            "workshop": data["workshop"],
            "event": data["event"],
        }
        step(results, "sanitising", sanitise.run)
        profile = f"send-path-bare-{CLIENTS}"
        step(results, "live_bare", live.bare, stack_, CLIENTS, LIVE_SECONDS, RATE, profile)
        step(results, "live_asgi", live.bare_asgi, stack_, CLIENTS, LIVE_SECONDS, RATE)
        for number, kind in enumerate(SERVERS):
            main_server = number == 0
            server = stack_.server(kind)
            try:
                http_seconds = HTTP_SECONDS if main_server else max(3, HTTP_SECONDS // 2)
                live_seconds = LIVE_SECONDS if main_server else max(5, LIVE_SECONDS // 2)
                step(results, f"http_{kind}", http.run, server, pages, http_seconds)
                step(
                    results, f"live_{kind}", live_pair, stack_, server, data, CLIENTS, live_seconds
                )
                if main_server:
                    step(results, "registration", registration.run, stack_, server, data)
                    step(results, "concerns", concerns_bench.run, stack_, server, data)
            finally:
                server.stop()
            stack_.flush_redis()
        if "live10k" in ONLY and SERVERS:
            live_large(stack_, results, data)
        # Last: it grows the data set to 10,000 stories, which the other steps do not expect.
        if "figures" in ONLY and SERVERS:
            server = stack_.server(SERVERS[0])
            try:
                step(results, "figures", figures_bench.run, stack_, server, HTTP_SECONDS)
            finally:
                server.stop()
    finally:
        stack_.cleanup()
    live_ratios(results, "live", ["asgi", *SERVERS])
    live_ratios(results, "live10k", SERVERS[:1])
    report["server"] = SERVERS[0] if SERVERS else None
    report["wall_seconds"] = round(time.monotonic() - started)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    print(f"\nwritten to {RESULTS / 'latest.json'}; make bench took {report['wall_seconds']}s")


def _fmt(value, unit=""):
    return "-" if value is None else f"{value}{unit}"


def live_ratios(results, prefix, servers):
    """Each server's live p99 and memory per connection as multiples of bare's, same run."""
    bare = results.get(f"{prefix}_bare", {})
    for kind in servers:
        figures = results.get(f"{prefix}_{kind}", {})
        for key, ratio in (
            ("latency_p99_ms", "p99_to_bare"),
            ("server_kib_per_connection", "kib_per_connection_to_bare"),
            ("server_cpu_ms_per_connect", "cpu_per_connect_to_bare"),
            ("server_cpu_us_per_delivery", "cpu_per_delivery_to_bare"),
        ):
            if figures.get(key) is not None and bare.get(key):
                figures[ratio] = round(figures[key] / bare[key], 2)


def print_live(results, prefix, clients, servers):
    names = [name for name in ("bare", "asgi", *servers) if f"{prefix}_{name}" in results]
    if not names:
        return
    print(f"\nLive room, {clients} clients, {RATE} msg/s ({prefix})")
    print(
        f"  {'server':<8} {'connected':>9} {'lost':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'/bare':>6} {'max ms':>7} {'RSS MB':>7} {'KiB/conn':>8} {'/bare':>6} "
        f"{'CPU':>5} {'clients':>7} {'connect s':>9} {'load':>5}"
    )
    for name in names:
        f = results[f"{prefix}_{name}"]
        if "error" in f:
            print(f"  {name:<8} failed: {f['error']}")
            continue
        print(
            f"  {name:<8} {f['connected']:>9} {f['lost']:>6} "
            f"{_fmt(f['latency_p50_ms']):>7} {_fmt(f['latency_p99_ms']):>7} "
            f"{_fmt(f.get('p99_to_bare')):>6} {_fmt(f['latency_max_ms']):>7} "
            f"{_fmt(f['server_rss_end_mb']):>7} {_fmt(f['server_kib_per_connection']):>8} "
            f"{_fmt(f.get('kib_per_connection_to_bare')):>6} {_fmt(f['server_cpu_cores']):>5} "
            f"{_fmt(f['client_cpu_max_cores']):>7} {f['connect_seconds']:>9} "
            f"{f['load_average_at_start'][0]:>5}"
        )
    for name in names:
        f = results[f"{prefix}_{name}"]
        if "error" not in f:
            print(
                f"  {name:<8} server CPU per handshake {_fmt(f.get('server_cpu_ms_per_connect'))}"
                f" ms ({_fmt(f.get('cpu_per_connect_to_bare'))} x bare), per delivery "
                f"{_fmt(f.get('server_cpu_us_per_delivery'))} µs "
                f"({_fmt(f.get('cpu_per_delivery_to_bare'))} x bare)"
            )
    print(
        "  (bare: bench.bare_ws; asgi: the same broadcast as an ASGI app on uvicorn, one worker;"
        " CPU: the server's cores in the send phase; clients: the busiest client process's,"
        " near 1.0 = the client side is the limit; load: the 1-minute load average before)"
    )


def print_table(report):
    results = report["results"]
    m = report.get("machine", {})
    print(
        f"\nKring bench — {m.get('cpu')} x{m.get('cores')}, {m.get('memory_gib')} GiB, "
        f"Python {m.get('python')}, PostgreSQL {m.get('postgresql')}, Redis {m.get('redis')}, "
        f"{m.get('workers_per_server')} workers per server, commit {m.get('commit')}"
    )
    for kind in SERVERS:
        figures = results.get(f"http_{kind}", {})
        print(f"\nHTTP, {kind}, {http.CONNECTIONS} clients")
        if "error" in figures:
            print("  failed:", figures["error"])
            continue
        print(
            f"  {'page':<12} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
            f"{'vs bare':>8} {'errors':>7}  cache"
        )
        for name, f in figures.items():
            print(
                f"  {name:<12} {f['req_per_s']:>8} {f['p50_ms']:>8} {f['p95_ms']:>8} "
                f"{f['p99_ms']:>8} {f['ratio_to_bare']:>8} {f['errors'] + f['non_2xx']:>7}  "
                f"{f.get('cache') or '-'}"
            )
    print_live(results, "live", CLIENTS, SERVERS)
    print_live(results, "live10k", CLIENTS_LARGE, SERVERS[:1])
    c = results.get("concerns", {})
    print("\nConcern tool, submission")
    if "error" in c:
        print("  failed:", c["error"])
    else:
        for size in ("1,000", "1,000,000"):
            f = c.get(size, {})
            print(
                f"  {size:>9} signals: p50 {_fmt(f.get('p50_ms'))} ms, p95 "
                f"{_fmt(f.get('p95_ms'))} ms, p99 {_fmt(f.get('p99_ms'))} ms "
                f"({f.get('submissions')} ok, {f.get('failed')} failed; p95 per round "
                f"{', '.join(_fmt(v) for v in f.get('p95_ms_per_round', []))})"
            )
        print(f"  p95 ratio 1,000,000 / 1,000 (median of rounds): {_fmt(c.get('p95_ratio'))}")
    r = results.get("registration", {})
    print("\nRegistration")
    if "error" in r:
        print("  failed:", r["error"])
    else:
        print(
            f"  {r.get('attempts')} attempts on {r.get('seats')} seats: {r.get('confirmed')} "
            f"confirmed, {r.get('waiting')} waiting-listed, {r.get('errors')} errors, "
            f"other {r.get('other')}, {r.get('seconds')} s"
        )
    s = results.get("sanitising", {})
    print("\nSanitising a 3 KB story")
    if "error" in s:
        print("  failed:", s["error"])
    else:
        print(
            f"  Kring's clean_html {s.get('kring_us')} µs, bare nh3 {s.get('nh3_us')} µs "
            f"({s.get('kring_to_nh3')}x)"
        )
    f = results.get("figures", {})
    print(f"\nPublic pages, {f.get('stories')} stories, {f.get('events')} events with reports")
    if "error" in f:
        print("  failed:", f["error"])
    else:
        freeze_ms = f.get("first_request_with_freeze_ms")
        print(f"  first request (makes the week's release): {freeze_ms} ms")
        for name in ("bare", *figures_bench.PAGES, "event_report", "commitments"):
            page = f.get(name, {})
            print(
                f"  {name:<12} {_fmt(page.get('req_per_s')):>8} req/s, p95 "
                f"{_fmt(page.get('p95_ms'))} ms, vs bare {_fmt(page.get('ratio_to_bare'))}, "
                f"cache {page.get('cache') or '-'}, {_fmt(page.get('kilobytes'))} KB"
            )
    print("\nTargets:")
    for name, text in TARGETS.items():
        print(f"  {name}: {text}")


if __name__ == "__main__":
    sys.exit(main())
