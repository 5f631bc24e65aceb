"""A reader who closes the tab during the handshake is no error and leaves nothing counted.

uvicorn's sans-I/O websocket protocol (as deployed) notices a closed socket at once, so the
room's state, sent a few milliseconds after the handshake, can find the reader gone.
"""

import asyncio
import logging
import time

import pytest
from django.core.cache import cache
from websockets.asyncio.client import connect

from live.ws import limits, presence
from tests.live.servers import threaded_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_readers_who_leave_before_the_state_arrives_log_no_error_and_count_out(room, caplog):
    caplog.set_level(logging.INFO)
    with threaded_server() as server:
        url = server.url.replace("http://", "ws://") + f"/ws/live/{room.slug}/"

        async def leave_at_once():
            for _ in range(10):
                socket_ = await connect(url, origin=server.url)
                await socket_.close()

        asyncio.run(leave_at_once())
        deadline = time.monotonic() + 10
        while presence.count(room.pk) and time.monotonic() < deadline:
            time.sleep(0.1)

        assert presence.count(room.pk) == 0
        # Nor do their sockets count against their address (24 hours: a shelter behind one
        # address would be shut out after a few quick tabs).
        client = limits.client_of({"client": ("127.0.0.1", 1)})
        assert int(cache.get(limits.open_key(client), 0)) == 0
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == []
