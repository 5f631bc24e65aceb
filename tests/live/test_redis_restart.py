"""Live rooms survive a Redis restart: two uvicorn workers, a Redis of the test's own, restarted.

The clients behave as the room's page does (live/static/live/room.js): when the socket closes
they reconnect after a second or so, asking with ?last= for what they missed. The test does not
reconnect otherwise, nor poll: whatever reaches the clients is what the servers sent them.
"""

import asyncio
import contextlib
import json
import random
import socket
import subprocess
import time

import pytest
from django.test import Client

from live.models import Message
from tests.live.conftest import Person, join_as
from tests.live.servers import needs_postgres, server_process

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    needs_postgres,
]

# Every message must reach every client this soon after Redis is back.
WITHIN_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of this test alone (never the shared one), without persistence."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as probe,
            ):
                probe.sendall(b"PING\r\n")
                if probe.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.05)
        raise RuntimeError("the test's redis-server did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


class PageClient:
    """A websocket client that does what room.js does: reconnect with ?last= when closed."""

    def __init__(self, base: str, slug: str, cookie: str) -> None:
        self.base, self.slug, self.cookie = base, slug, cookie
        self.texts: dict[int, str] = {}
        self.socket = None
        self.connected = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def seen(self, message: dict) -> None:
        self.texts[message["id"]] = message["text"]

    async def run(self) -> None:
        from websockets.asyncio.client import connect

        attempt = 0
        while True:
            last = f"?last={max(self.texts)}" if self.texts else ""
            # Whatever ended the socket, a page reconnects.
            with contextlib.suppress(Exception):
                async with connect(
                    self.base.replace("http", "ws") + f"/ws/live/{self.slug}/{last}",
                    origin=self.base,
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=5,
                ) as self.socket:
                    async for frame in self.socket:
                        event = json.loads(frame)
                        if event["type"] == "room.state":
                            attempt = 0
                            for message in event["messages"]:
                                self.seen(message)
                            self.connected.set()
                        elif event["type"] == "chat.message":
                            self.seen(event["message"])
            self.connected.clear()
            self.socket = None
            # room.js: 1 s, 2 s, 4 s ... up to 30 s, times 0.5 to 1.
            await asyncio.sleep(min(30, 2**attempt) * (0.5 + random.random() / 2))
            attempt += 1

    async def send(self, text: str) -> None:
        """Send when connected, as a person would (the page refuses to send meanwhile)."""
        while True:
            await asyncio.wait_for(self.connected.wait(), 40)
            with contextlib.suppress(Exception):
                await self.socket.send(json.dumps({"type": "chat.send", "text": text}))
                return
            await asyncio.sleep(0.1)


def test_every_message_reaches_every_client_after_a_redis_restart(room):
    merel = join_as(Person(Client()), room, "Merel")
    noor = join_as(Person(Client()), room, "Noor")
    redis_server = RedisServer()
    redis_server.start()

    async def scenario(first: str, second: str) -> tuple[float, list[list[str]], list[str]]:
        clients = [
            PageClient(first, room.slug, merel.cookie),
            PageClient(second, room.slug, noor.cookie),
        ]
        for client in clients:
            client.task = asyncio.create_task(client.run())
        sent: list[str] = []
        try:
            for client in clients:
                await asyncio.wait_for(client.connected.wait(), 15)

            async def say(count: int, phase: str) -> None:
                for n in range(count):
                    text = f"{phase} {n}"
                    await clients[n % 2].send(text)
                    sent.append(text)
                    await asyncio.sleep(0.05)

            await say(6, "voor")
            redis_server.stop()
            await say(6, "tijdens")
            await asyncio.sleep(1)
            redis_server.start()
            back = time.monotonic()
            await say(6, "na")
            while time.monotonic() - back < WITHIN_SECONDS + 5:
                if all(set(client.texts.values()) >= set(sent) for client in clients):
                    break
                await asyncio.sleep(0.1)
            return time.monotonic() - back, [sorted(c.texts.values()) for c in clients], sent
        finally:
            for client in clients:
                client.task.cancel()
                with contextlib.suppress(BaseException):
                    await client.task

    try:
        with (
            server_process({"REDIS_URL": redis_server.url}) as first,
            server_process({"REDIS_URL": redis_server.url}) as second,
        ):
            took, received, sent = asyncio.run(scenario(first, second))
    finally:
        redis_server.stop()

    stored = sorted(Message.objects.filter(room=room).values_list("text", flat=True))
    assert stored == sorted(sent), "every message sent is stored"
    for texts in received:
        assert texts == stored, f"a client is missing {sorted(set(stored) - set(texts))}"
    assert took < WITHIN_SECONDS
