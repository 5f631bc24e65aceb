"""A reader who stops reading (a stalled phone, or a script holding sockets) is let go.

Events pile up for them: the socket's buffers fill, the server's send waits for room, and the
inbox fills behind it. Kring closes such a connection (live.conf.CLOSE_TOO_SLOW); the close
itself must not wait for a buffer that never empties, or the reader would stay in the room's
count, and their socket in their address's open-socket count, for as long as they like.
"""

import asyncio
import base64
import os
import socket

import pytest

from live import conf, events
from live.events import room_group
from tests.live.servers import threaded_server
from tests.live.test_leaving_early import counted_after, errors_logged

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="the test publishes from its own thread: needs the Redis channel layer",
    ),
]


def open_without_reading(server, path):
    """A raw websocket whose client reads the handshake's answer, then nothing more."""
    raw = socket.socket()
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    raw.connect(("127.0.0.1", server.port))
    key = base64.b64encode(os.urandom(16)).decode()
    raw.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: 13\r\nOrigin: {server.url}\r\n\r\n"
        ).encode()
    )
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += raw.recv(1)
    assert answer.startswith(b"HTTP/1.1 101")
    return raw


def test_a_reader_who_stops_reading_is_counted_out(room, monkeypatch):
    monkeypatch.setattr(conf, "INBOX_CAPACITY", 50)
    with threaded_server() as server, errors_logged() as errors:
        raw = open_without_reading(server, f"/ws/live/{room.slug}/")
        try:
            assert counted_after(room, seconds=10, until=(1, 1)) == (1, 1)

            async def flood():
                text = "x" * 8000
                for number in range(600):
                    await events.apublish(
                        room_group(room.pk), {"type": "chat.message", "n": number, "t": text}
                    )

            asyncio.run(flood())
            # Let go, though the socket is still open and has not read a byte since.
            assert counted_after(room, seconds=20) == (0, 0)
        finally:
            raw.close()
    assert [record.getMessage() for record in errors] == []
