"""Several ASGI worker processes share one room through the Redis channel layer."""

import asyncio
import json
import os

import pytest
from django.db import connection
from django.test import Client

from tests.live.conftest import Person, join_as
from tests.live.servers import needs_postgres, server_process

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    needs_postgres,
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="two server processes must share a channel layer: needs Redis (set REDIS_URL)",
    ),
]


async def _open(base, room, cookie):
    from websockets.asyncio.client import connect

    socket = await connect(
        base.replace("http", "ws") + f"/ws/live/{room.slug}/",
        origin=base,
        additional_headers={"Cookie": cookie},
        open_timeout=10,
    )
    state = json.loads(await asyncio.wait_for(socket.recv(), 10))
    assert state["type"] == "room.state"
    return socket


async def _expect(socket, kind):
    while True:
        event = json.loads(await asyncio.wait_for(socket.recv(), 10))
        if event["type"] == kind:
            return event


def test_a_message_sent_to_one_worker_reaches_a_client_of_another(room):
    assert connection.vendor == "postgresql"
    merel = join_as(Person(Client()), room, "Merel")
    noor = join_as(Person(Client()), room, "Noor")

    async def scenario(first, second):
        sender = await _open(first, room, merel.cookie)
        receiver = await _open(second, room, noor.cookie)
        try:
            await sender.send(json.dumps({"type": "chat.send", "text": "Via twee processen"}))
            event = await _expect(receiver, "chat.message")
            assert event["message"]["text"] == "Via twee processen"
            assert event["message"]["author"] == "Merel"
        finally:
            await sender.close()
            await receiver.close()

    with server_process() as first, server_process() as second:
        assert first != second
        asyncio.run(scenario(first, second))
