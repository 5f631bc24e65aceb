"""A reader who closes the tab during the handshake is no error and leaves nothing counted.

uvicorn's sans-I/O websocket protocol (as deployed) notices a closed socket at once, so the
accept, or the room's state sent a few milliseconds later, can find the reader gone.
"""

import asyncio
import base64
import logging
import os
import socket
import time
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from websockets.asyncio.client import connect

from live.ws import limits, presence
from tests.live.servers import threaded_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def errors_logged():
    """ERROR records of Kring and of uvicorn (whose loggers do not pass them to the root)."""
    handler = Errors()
    loggers = [logging.getLogger(name) for name in ("", "live", "uvicorn", "uvicorn.error")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def counted_after(room, seconds, until=(0, 0)):
    """(people in the room, open sockets of 127.0.0.1) once they are `until`, or at the end."""
    client = limits.client_of({"client": ("127.0.0.1", 1)})

    def counted():
        return presence.count(room.pk), int(cache.get(limits.open_key(client), 0))

    deadline = time.monotonic() + seconds
    while counted() != until and time.monotonic() < deadline:
        time.sleep(0.1)
    return counted()


def close_after_the_handshake(server, path, times):
    url, origin = server.url.replace("http://", "ws://") + path, server.url

    async def leave_at_once():
        for _ in range(times):
            socket_ = await connect(url, origin=origin)
            await socket_.close()

    asyncio.run(leave_at_once())


def close_before_the_answer(server, path, times):
    """The upgrade request sent, the socket closed before the server could accept it."""
    port, origin = server.port, server.url
    for _ in range(times):
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
        )
        with socket.create_connection(("127.0.0.1", port)) as raw:
            raw.sendall(request.encode())


@pytest.mark.parametrize("leave", [close_after_the_handshake, close_before_the_answer])
def test_readers_who_leave_during_the_handshake_log_no_error_and_count_out(room, leave):
    with threaded_server() as server, errors_logged() as errors:
        leave(server, f"/ws/live/{room.slug}/", 10)

        # Nobody stays in the room's count, nor do their sockets count against their address
        # (for 24 hours: a shelter behind one address would be shut out after a few tabs).
        assert counted_after(room, seconds=10) == (0, 0)
        time.sleep(0.5)  # what the last connections log as they end
    assert [record.getMessage() for record in errors] == []
