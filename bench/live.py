"""The live benchmark: N read-only clients in one room, guests sending 2 messages a second.

Receivers are bench.wsload processes (the same code for Kring and for the bare server). The
senders are guests who chose a pseudonym through the room's form, as people do; each
connection may send one message a second on average (live.conf: a bucket of 8, refilled at 1/s),
so `SENDERS` guests take turns and each stays under its own limit. Every message the server
did not refuse (with an `error` to its sender) must reach every receiver, which stays connected
all along, within GRACE_SECONDS after the last one was sent; what has not arrived by then
counts as lost.

The receivers are spread over client processes (`client_processes`): two up to 5,000 clients,
one more for every further 2,500 (four at 10,000). Each process is one event loop on one
core; the bench reports the CPU each used during the send phase (`client_cpu_max_cores`): a
process near 1.0 was busy all along, so its own queue adds to the latencies it measured and
the client side, not only the server, is the limit of that run.
"""

import asyncio
import contextlib
import json
import math
import os
import socket
import sys
import time
from collections import Counter
from pathlib import Path

from websockets.asyncio.client import connect

from bench import sampling, stack
from bench.client import Browser
from bench.stats import percentile

SENDERS = 4
CLIENT_PROCESSES = 2
CLIENTS_PER_PROCESS = 2_500
MAX_CLIENT_PROCESSES = 8
GRACE_SECONDS = 5


def client_processes(clients):
    """Two receiver processes up to 5,000 clients, then one per 2,500 (at most eight)."""
    return min(
        MAX_CLIENT_PROCESSES, max(CLIENT_PROCESSES, math.ceil(clients / CLIENTS_PER_PROCESS))
    )


async def join_senders(base, room, label, count=SENDERS, network=0):
    """Guests who chose a pseudonym in the room; returns their Cookie headers.

    `label` (the server's name) keeps the pseudonyms apart between the servers' runs: a name
    taken in a room is refused to anyone else. `network` keeps the addresses they join from
    apart between runs on one server."""
    cookies = []
    async with Browser.session() as http:
        for number in range(count):
            browser = Browser(http, base, address=f"127.8.{network}.{number + 1}")
            token = await browser.form_token(f"/live/{room}/")
            status, _body, _headers = await browser.post(
                f"/live/{room}/meedoen/",
                {"csrfmiddlewaretoken": token, "pseudonym": f"Zender {label} {number + 1}"},
            )
            if status != 302 or "kring_session" not in browser.cookies:
                raise RuntimeError(f"joining the room as a guest failed: {status}")
            cookies.append(browser.cookie_header())
    return cookies


def _start_receivers(workdir, url, origin, clients):
    processes = []
    count = client_processes(clients)
    share = [clients // count] * count
    share[0] += clients - sum(share)
    for number, count in enumerate(share):
        log = Path(workdir) / f"wsload-{number}-{time.monotonic_ns()}.log"
        argv = [sys.executable, "-m", "bench.wsload", url, str(count), origin]
        processes.append(stack.Process(f"wsload-{number}", argv, None, log, stdin_pipe=True))
    return processes


def _lines(process):
    """The complete lines the process wrote so far (a report of 10,000 clients' latencies is
    half a megabyte: read while it is being written, its last line would be cut off)."""
    try:
        text = Path(process.log_path).read_text(errors="replace")
    except OSError:
        return []
    lines = text.splitlines()
    return lines if text.endswith("\n") else lines[:-1]


def _wait_for(processes, prefix, timeout):
    deadline = time.monotonic() + timeout
    found = {}
    while time.monotonic() < deadline and len(found) < len(processes):
        for process in processes:
            for line in _lines(process):
                if line.startswith(prefix):
                    found[process] = line
            if process not in found and not process.alive():
                raise RuntimeError(f"{process.name} exited; see {process.log_path}")
        time.sleep(0.2)
    if len(found) < len(processes):
        raise RuntimeError(f"receivers did not report {prefix!r} within {timeout}s")
    return [found[process] for process in processes]


async def _send(url, origin, cookies, seconds, rate):
    """Send `rate` messages a second for `seconds`, in turns over the senders."""
    accepted, refused = set(), 0
    sockets = []
    for cookie in cookies or [None] * SENDERS:
        headers = {"Cookie": cookie} if cookie else {}
        sockets.append(
            await connect(
                url, origin=origin, additional_headers=headers, ping_interval=None, open_timeout=60
            )
        )

    async def listen(socket, own):
        nonlocal refused
        with contextlib.suppress(Exception):
            async for frame in socket:
                event = json.loads(frame)
                if event.get("type") == "chat.message":
                    parts = event["message"]["text"].split()
                    if len(parts) == 3 and parts[0] == "bench":
                        accepted.add(int(parts[1].removeprefix("n")))
                elif event.get("type") == "error":
                    refused += 1

    listeners = [asyncio.create_task(listen(s, i)) for i, s in enumerate(sockets)]
    total = int(seconds * rate)
    started = time.monotonic()
    for number in range(total):
        await asyncio.sleep(max(0.0, started + number / rate - time.monotonic()))
        # "n" before the number: "bench 0 19368.02" reads as a phone number to the room's
        # contact-detail hold, which keeps that message for a moderator (counted as lost).
        text = f"bench n{number} {time.monotonic():.6f}"
        await sockets[number % len(sockets)].send(json.dumps({"type": "chat.send", "text": text}))
    await asyncio.sleep(GRACE_SECONDS)
    for sender in sockets:
        await sender.close()
    for task in listeners:
        task.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    return total, accepted, refused


WARM_UP_CONNECTIONS = 8


async def _warm_up(url, origin, count=WARM_UP_CONNECTIONS):
    """A few connections that take their state and leave, before the idle memory is read.

    What a worker pays once, for its first connections (the database pool, thread pools, code
    first run), would otherwise count as memory per connection. Several at once, so that each
    worker most likely gets one."""

    async def one():
        async with connect(
            url, origin=origin, ping_interval=None, open_timeout=60, max_size=2**22
        ) as socket:
            await asyncio.wait_for(socket.recv(), 60)

    await asyncio.gather(*(one() for _ in range(count)))
    await asyncio.sleep(1)


def measure(workdir, url, origin, clients, seconds, rate, cookies=None, server=None, profile=None):
    """Run one live measurement against `url`; returns the figures as a dict.

    `profile` (a label) samples the server's workers with py-spy during the send phase when
    BENCH_PYSPY is set (bench.sampling) and writes the summary to bench/profiles/LABEL.txt."""
    load_average = [round(value, 2) for value in os.getloadavg()]
    asyncio.run(_warm_up(url, origin))
    idle_rss = server.rss_bytes() if server else None
    # Bounded, but a larger room takes longer to connect on this machine.
    connect_timeout = max(300, clients * 0.06)
    connecting = profiled = None
    if profile and server and sampling.enabled():
        label = profile.replace("send-path", "connect")
        connecting = sampling.record(server.worker_pids(), connect_timeout, workdir, label)
    connect_cpu_before = server.cpu_seconds() if server else None
    workers_before = set(server.worker_pids()) if server else set()
    receivers = _start_receivers(workdir, url, origin, clients)
    try:
        started = time.monotonic()
        ready = _wait_for(receivers, "ready", timeout=connect_timeout)
        connect_seconds = time.monotonic() - started
        connect_cpu = server.cpu_seconds() - connect_cpu_before if server else None
        if connecting:
            sampling.finish(connecting[0], timeout=30, now=True)
        opened = sum(int(line.split()[1]) for line in ready)
        failed = sum(int(line.split()[2]) for line in ready)
        connected_rss = server.rss_bytes() if server else None
        cpu_before = server.cpu_seconds() if server else None
        client_cpu_before = [process.cpu_seconds() for process in receivers]
        if profile and server and sampling.enabled():
            seconds_sampled = seconds + GRACE_SECONDS
            profiled = sampling.record(server.worker_pids(), seconds_sampled, workdir, profile)
        run_started = time.monotonic()
        sent, accepted, refused = asyncio.run(_send(url, origin, cookies, seconds, rate))
        run_seconds = time.monotonic() - run_started
        send_cpu = server.cpu_seconds() - cpu_before if server else None
        cpu = send_cpu / run_seconds if server else None
        client_cpu = [
            (process.cpu_seconds() - before) / run_seconds
            for process, before in zip(receivers, client_cpu_before, strict=True)
        ]
        end_rss = server.rss_bytes() if server else None
        # uvicorn's supervisor kills a worker that leaves its health check unanswered for 5 s
        # (--timeout-worker-healthcheck) and starts another: its connections end with 1006.
        workers_replaced = len(workers_before - set(server.worker_pids())) if server else 0
        for process in receivers:
            process.popen.stdin.write(b"stop\n")
            process.popen.stdin.flush()
        reports = [json.loads(line) for line in _wait_for(receivers, "{", timeout=120)]
    finally:
        for process in receivers:
            process.stop()
        for sampled in (connecting, profiled):
            if sampled:
                sampling.finish(sampled[0], timeout=30, now=sampled is connecting)
    if connecting:
        label = profile.replace("send-path", "connect")
        _write_profile(label, connecting[1], clients, server, "connecting the clients")
    if profiled:
        _write_profile(profile, profiled[1], clients, server, "the send phase")
    latencies = [value for report in reports for value in report["latencies_ms"]]
    seen = [set(numbers) for report in reports for numbers in report["seen"]]
    # Every message the server did not refuse must reach every receiver within the grace time.
    deliveries = sum(len(numbers) for numbers in seen)
    lost = len(seen) * (sent - refused) - deliveries
    return {
        "clients": clients,
        "connected": opened,
        "connect_failed": failed,
        "closed_early": sum(report["closed_early"] for report in reports),
        "workers_replaced": workers_replaced,
        "close_codes": dict(sum((Counter(r.get("close_codes", {})) for r in reports), Counter())),
        "resyncs": sum(report.get("resyncs", 0) for report in reports),
        "connect_seconds": round(connect_seconds, 1),
        "rate_per_s": rate,
        "seconds": seconds,
        "sent": sent,
        "accepted": len(accepted),
        "refused": refused,
        "deliveries": deliveries,
        "lost": lost,
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p99_ms": percentile(latencies, 99),
        "latency_max_ms": round(max(latencies), 1) if latencies else None,
        "server_rss_idle_mb": _mb(idle_rss),
        "server_rss_connected_mb": _mb(connected_rss),
        "server_rss_end_mb": _mb(end_rss),
        # After the send phase, every connection open: its state and the events went through its
        # compressor (zlib's window pages count once touched). Right after the handshakes some
        # states may still be on their way.
        "server_kib_per_connection": _per_connection(end_rss, idle_rss, opened),
        "server_kib_per_connection_at_ready": _per_connection(connected_rss, idle_rss, opened),
        "server_cpu_cores": round(cpu, 2) if cpu is not None else None,
        # What the server spent per handshake and per message delivered, whatever share of the
        # machine it got: the figures that other work on the machine disturbs least.
        "server_cpu_ms_per_connect": _per(connect_cpu, opened, 1000),
        "server_cpu_us_per_delivery": _per(send_cpu, deliveries, 1_000_000),
        "client_processes": len(receivers),
        "client_cpu_cores": round(sum(client_cpu), 2),
        "client_cpu_max_cores": round(max(client_cpu), 2),
        "load_average_at_start": load_average,
    }


def _per(cpu_seconds, count, unit):
    return round(cpu_seconds * unit / count, 1) if cpu_seconds is not None and count else None


def _per_connection(connected, idle, opened):
    """The server's memory per open connection: RSS with them less RSS before, in KiB.

    "Before" is read after the warm-up (_warm_up), so a worker's one-time costs are not in it.
    Where connections ended early (a replaced worker), the figure means nothing."""
    if connected is None or idle is None or not opened:
        return None
    return round((connected - idle) / opened / 1024, 1)


def _write_profile(label, files, clients, server, phase):
    title = (
        f"py-spy, {getattr(server, 'kind', 'server')} workers during {phase} of the live "
        f"benchmark: {clients} read-only clients, {SENDERS} senders at 2 msg/s "
        f"(load average {os.getloadavg()[0]:.1f} at the end)"
    )
    folder = Path(__file__).with_name("profiles")
    folder.mkdir(exist_ok=True)
    (folder / f"{label}.txt").write_text(sampling.summarise(files, title))


def _mb(value):
    return round(value / 2**20, 1) if value is not None else None


def kring(stack_, server, room, clients, seconds, rate, cookies, profile=None):
    url = server.base.replace("http", "ws", 1) + f"/ws/live/{room}/"
    return measure(
        stack_.workdir, url, server.base, clients, seconds, rate, cookies, server, profile
    )


def bare(stack_, clients, seconds, rate, profile=None):
    """The bare `websockets` server (bench.bare_ws): the reference the targets name."""
    port = stack.free_port()
    argv = [sys.executable, "-m", "bench.bare_ws", str(port)]
    return _reference(stack_, "bare-ws", argv, port, clients, seconds, rate, profile)


def bare_asgi(stack_, clients, seconds, rate):
    """The same broadcast as an ASGI app on uvicorn, one worker (bench.bare_asgi): what the
    ASGI server itself costs, so the gap to bare splits into uvicorn's part and Kring's."""
    port = stack.free_port()
    argv = [
        str(stack.VENV_BIN / "uvicorn"),
        "bench.bare_asgi:app",
        "--host=127.0.0.1",
        f"--port={port}",
        "--no-access-log",
        "--lifespan=off",
        "--log-level=warning",
        *stack.UVICORN_WEBSOCKET,
    ]
    return _reference(stack_, "bare-asgi", argv, port, clients, seconds, rate)


def _reference(stack_, name, argv, port, clients, seconds, rate, profile=None):
    process = stack.Process(name, argv, None, stack_.workdir / f"{name}.log")
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)

        class Reference:
            kind = "bare"

            def rss_bytes(self):
                return process.rss_bytes()

            def cpu_seconds(self):
                return process.cpu_seconds()

            def worker_pids(self):
                return process.pids()

        url = f"ws://127.0.0.1:{port}/"
        origin = f"http://127.0.0.1:{port}"
        return measure(
            stack_.workdir, url, origin, clients, seconds, rate, None, Reference(), profile
        )
    finally:
        process.stop()
