"""Websocket receivers for the live benchmark: one process holding many connections.

    python -m bench.wsload URL COUNT ORIGIN

Opens COUNT connections to URL (a Kring room or the bare broadcast server: the same code for
both), prints `ready <opened> <failed>` once they are open, and then records, for every chat
message that arrives, its delivery latency (arrival time minus the send time the sender put in
the text; both clocks are this machine's CLOCK_MONOTONIC). When a line `stop` arrives on stdin
(or after --max-seconds) it prints one JSON line with the latencies and, per connection, which
messages it got, closes everything and exits.

Each connection is one file descriptor: the process raises its own soft limit of open files to
what COUNT needs (up to the hard limit) and refuses to start when even the hard limit is too
low, rather than counting the failed connects as the server's.
"""

import argparse
import asyncio
import collections
import contextlib
import json
import resource
import sys
import time

import uvloop
from websockets.asyncio.client import connect

CONNECT_CONCURRENCY = 32
# Descriptors besides the sockets: stdin, stdout, the event loop's own, a margin.
SPARE_DESCRIPTORS = 64


def raise_open_files(count):
    """Raise this process's soft RLIMIT_NOFILE to what `count` connections need."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = count + SPARE_DESCRIPTORS
    if hard != resource.RLIM_INFINITY and needed > hard:
        raise SystemExit(
            f"wsload: {count} connections need {needed} open files; the limit is {hard}"
        )
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


class Receiver:
    def __init__(self):
        self.latencies = []
        self.seen = []  # one set of message numbers per open connection
        # Connections the server ended before `stop`, by close code (uvicorn's keepalive: 1011,
        # Kring's too-slow: 4009), and the room.resync events received.
        self.closes = collections.Counter()
        self.resyncs = 0
        self.stopping = False

    async def run(self, url, origin, socket_ready, seen):
        # Clients offer permessage-deflate, as browsers do.
        async with connect(
            url, origin=origin, open_timeout=60, ping_interval=None, max_size=2**22
        ) as socket:
            socket_ready.set()
            try:
                await self.read(socket, seen)
            finally:
                if not self.stopping:
                    self.closes[str(socket.close_code)] += 1

    async def read(self, socket, seen):
        async for frame in socket:
            if '"chat.message"' not in frame:
                if '"room.resync"' in frame:
                    self.resyncs += 1
                continue
            now = time.monotonic()
            event = json.loads(frame)
            if event.get("type") != "chat.message":
                continue
            parts = event["message"]["text"].split()
            if len(parts) == 3 and parts[0] == "bench":
                seen.add(int(parts[1].removeprefix("n")))
                self.latencies.append((now - float(parts[2])) * 1000)


async def main(url, count, origin, max_seconds):
    receiver = Receiver()
    gate = asyncio.Semaphore(CONNECT_CONCURRENCY)
    tasks, failed = [], 0

    async def open_one():
        nonlocal failed
        for attempt in range(3):
            ready, seen = asyncio.Event(), set()
            async with gate:
                task = asyncio.create_task(receiver.run(url, origin, ready, seen))
                done_waiting = asyncio.create_task(ready.wait())
                await asyncio.wait({task, done_waiting}, return_when=asyncio.FIRST_COMPLETED)
            if ready.is_set():
                receiver.seen.append(seen)
                tasks.append(task)
                return
            done_waiting.cancel()
            with contextlib.suppress(BaseException):
                await task
            await asyncio.sleep(0.5 * (attempt + 1))
        failed += 1

    started = time.monotonic()
    await asyncio.gather(*(open_one() for _ in range(count)))
    print(f"ready {len(tasks)} {failed} {time.monotonic() - started:.2f}", flush=True)

    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    with contextlib.suppress(TimeoutError):
        while (await asyncio.wait_for(reader.readline(), max_seconds)).strip() != b"stop":
            pass
    closed_early = sum(1 for task in tasks if task.done())
    receiver.stopping = True
    print(
        json.dumps(
            {
                "latencies_ms": [round(value, 3) for value in receiver.latencies],
                "seen": [sorted(numbers) for numbers in receiver.seen],
                "failed": failed,
                "closed_early": closed_early,
                "close_codes": receiver.closes,
                "resyncs": receiver.resyncs,
            }
        ),
        flush=True,
    )
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("count", type=int)
    parser.add_argument("origin")
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    raise_open_files(args.count)
    uvloop.run(main(args.url, args.count, args.origin, args.max_seconds))
