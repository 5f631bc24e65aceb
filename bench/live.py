"""The live benchmark: N read-only clients in one room, guests sending 2 messages a second.

Receivers are bench.wsload processes (the same code for Kring and for the bare server). The
senders are guests who chose a pseudonym through the room's form, as people do; each
connection may send one message a second on average (live.conf: a bucket of 8, refilled at 1/s),
so `SENDERS` guests take turns and each stays under its own limit. Every message the server
did not refuse (with an `error` to its sender) must reach every receiver, which stays connected
all along, within GRACE_SECONDS after the last one was sent; what has not arrived by then
counts as lost.
"""

import asyncio
import contextlib
import json
import socket
import sys
import time
from pathlib import Path

from websockets.asyncio.client import connect

from bench import stack
from bench.client import Browser
from bench.stats import percentile

SENDERS = 4
CLIENT_PROCESSES = 2
GRACE_SECONDS = 5


async def join_senders(base, room, label, count=SENDERS):
    """Guests who chose a pseudonym in the room; returns their Cookie headers.

    `label` (the server's name) keeps the pseudonyms apart between the servers' runs: a name
    taken in a room is refused to anyone else."""
    cookies = []
    async with Browser.session() as http:
        for number in range(count):
            browser = Browser(http, base, address=f"127.8.0.{number + 1}")
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
    share = [clients // CLIENT_PROCESSES] * CLIENT_PROCESSES
    share[0] += clients - sum(share)
    for number, count in enumerate(share):
        log = Path(workdir) / f"wsload-{number}-{time.monotonic_ns()}.log"
        argv = [sys.executable, "-m", "bench.wsload", url, str(count), origin]
        processes.append(stack.Process(f"wsload-{number}", argv, None, log, stdin_pipe=True))
    return processes


def _lines(process):
    try:
        return Path(process.log_path).read_text(errors="replace").splitlines()
    except OSError:
        return []


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


def measure(workdir, url, origin, clients, seconds, rate, cookies=None, server=None):
    """Run one live measurement against `url`; returns the figures as a dict."""
    receivers = _start_receivers(workdir, url, origin, clients)
    try:
        idle_rss = server.rss_bytes() if server else None
        started = time.monotonic()
        ready = _wait_for(receivers, "ready", timeout=300)
        connect_seconds = time.monotonic() - started
        opened = sum(int(line.split()[1]) for line in ready)
        failed = sum(int(line.split()[2]) for line in ready)
        connected_rss = server.rss_bytes() if server else None
        cpu_before = server.cpu_seconds() if server else None
        run_started = time.monotonic()
        sent, accepted, refused = asyncio.run(_send(url, origin, cookies, seconds, rate))
        run_seconds = time.monotonic() - run_started
        cpu = (server.cpu_seconds() - cpu_before) / run_seconds if server else None
        end_rss = server.rss_bytes() if server else None
        for process in receivers:
            process.popen.stdin.write(b"stop\n")
            process.popen.stdin.flush()
        reports = [json.loads(line) for line in _wait_for(receivers, "{", timeout=120)]
    finally:
        for process in receivers:
            process.stop()
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
        "server_cpu_cores": round(cpu, 2) if cpu is not None else None,
    }


def _mb(value):
    return round(value / 2**20, 1) if value is not None else None


def kring(stack_, server, room, clients, seconds, rate, cookies):
    url = server.base.replace("http", "ws", 1) + f"/ws/live/{room}/"
    return measure(stack_.workdir, url, server.base, clients, seconds, rate, cookies, server)


def bare(stack_, clients, seconds, rate):
    port = stack.free_port()
    log = stack_.workdir / "bare-ws.log"
    argv = [sys.executable, "-m", "bench.bare_ws", str(port)]
    process = stack.Process("bare-ws", argv, None, log)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)

        class Bare:
            def rss_bytes(self):
                return process.rss_bytes()

            def cpu_seconds(self):
                return process.cpu_seconds()

        url = f"ws://127.0.0.1:{port}/"
        return measure(
            stack_.workdir, url, f"http://127.0.0.1:{port}", clients, seconds, rate, None, Bare()
        )
    finally:
        process.stop()
