"""The websocket entry (config/websocket.py): who may open a socket, and to what.

Through a real uvicorn, as deployed: what another website, a script without an Origin header,
a guessed path or a forged session cookie get. None of it may reach a room, none of it is an
error in the log (a scanner would otherwise fill it), and a real person still gets in.
"""

import asyncio
import json
import time

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.live.servers import threaded_server
from tests.live.test_leaving_early import errors_logged

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def refused_status(url, **options):
    """The HTTP status that refuses the upgrade, or None when the socket opened."""

    async def attempt():
        try:
            socket_ = await connect(url, open_timeout=10, **options)
        except InvalidStatus as refused:
            return refused.response.status_code
        await socket_.close()
        return None

    return asyncio.run(attempt())


def first_event(url, **options):
    async def read():
        async with connect(url, open_timeout=10, **options) as socket_:
            return await asyncio.wait_for(socket_.recv(), 10)

    return asyncio.run(read())


@pytest.mark.parametrize(
    "origin",
    [
        "https://evil.example",
        "http://127.0.0.1.evil.example",
        "null",  # a sandboxed frame or a file: page
    ],
)
def test_another_website_cannot_open_a_room(room, origin):
    with threaded_server() as server, errors_logged() as errors:
        url = server.url.replace("http://", "ws://") + f"/ws/live/{room.slug}/"
        assert refused_status(url, origin=origin) == 403
    assert [record.getMessage() for record in errors] == []


def test_a_script_without_an_origin_header_is_refused(room):
    with threaded_server() as server, errors_logged() as errors:
        url = server.url.replace("http://", "ws://") + f"/ws/live/{room.slug}/"
        assert refused_status(url) == 403
    assert [record.getMessage() for record in errors] == []


@pytest.mark.parametrize("path", ["/ws/live/", "/ws/elders/", "/ws/live/a/b/", "/ws/live/%00/"])
def test_a_guessed_path_is_refused_without_an_error(path):
    with threaded_server() as server, errors_logged() as errors:
        url = server.url.replace("http://", "ws://") + path
        assert refused_status(url, origin=server.url) == 403
        time.sleep(0.3)
    assert [record.getMessage() for record in errors] == []


def test_a_forged_session_cookie_gets_a_reader_not_someone_else(room):
    with threaded_server() as server, errors_logged() as errors:
        url = server.url.replace("http://", "ws://") + f"/ws/live/{room.slug}/"
        text = first_event(
            url, origin=server.url, additional_headers={"Cookie": "sessionid=" + "a" * 32}
        )
    state = json.loads(text)
    assert state["type"] == "room.state"
    assert state["me"] == {"pid": None, "name": None, "moderator": False, "muted": False}
    assert [record.getMessage() for record in errors] == []


def test_the_room_opens_for_a_reader_from_the_site_itself(room):
    with threaded_server() as server:
        url = server.url.replace("http://", "ws://") + f"/ws/live/{room.slug}/"
        text = first_event(url, origin=server.url)
    assert json.loads(text)["type"] == "room.state"


@pytest.mark.parametrize("refused", ["path", "origin"])
def test_a_refused_socket_never_reaches_the_channel_layer(room, monkeypatch, refused):
    """Channels' WebsocketDenier made a layer channel and a receive for every refused socket,
    under the lock the room's fan-out reads with: a flood could leave it held for good."""
    from channels.layers import get_channel_layer

    layer_class = type(get_channel_layer())
    made = []
    original = layer_class.new_channel

    async def new_channel(self, *args, **kwargs):
        made.append(args)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(layer_class, "new_channel", new_channel)
    with threaded_server() as server, errors_logged() as errors:
        base = server.url.replace("http://", "ws://")
        if refused == "path":
            url, origin = base + "/ws/onbekend/", server.url
        else:
            url, origin = base + f"/ws/live/{room.slug}/", "https://evil.example"
        for _ in range(5):
            assert refused_status(url, origin=origin) == 403
    assert made == []
    assert [record.getMessage() for record in errors] == []
