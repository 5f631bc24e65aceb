"""Whatever a client sends: oversize, malformed, unknown or too fast gets an `error` reply,
nothing is stored, and the connection stays usable."""

import asyncio
import json

import pytest

from live.models import Message
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def stored():
    return Message.objects.count()


async def still_works(socket):
    await socket.send(type="chat.send", text="Gaat het nog?")
    return (await socket.expect("chat.message"))["message"]["text"] == "Gaat het nog?"


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("x" * 5000, "too_large"),
        (json.dumps({"type": "chat.send", "text": "é" * 2100}), "too_large"),
        ("{niet: json", "invalid"),
        ("[1, 2, 3]", "invalid"),
        ('"chat.send"', "invalid"),
        ("[" * 3000 + "]" * 1000, "invalid"),
        (json.dumps({"text": "zonder type"}), "invalid"),
        (json.dumps({"type": "chat.shout", "text": "Hoi"}), "unknown"),
        (json.dumps({"type": "chat.send"}), "invalid"),
        (json.dumps({"type": "chat.send", "text": 42}), "invalid"),
        (json.dumps({"type": "chat.send", "text": "   "}), "empty"),
        (json.dumps({"type": "chat.send", "text": "<script></script>"}), "empty"),
        (json.dumps({"type": "question.upvote", "id": "7"}), "invalid"),
        (json.dumps({"type": "question.upvote", "id": True}), "invalid"),
        (json.dumps({"type": "question.upvote", "id": -1}), "invalid"),
        (json.dumps({"type": "question.upvote", "id": 2**60}), "invalid"),
        (json.dumps({"type": "question.upvote", "id": 999}), "gone"),
        (json.dumps({"type": "statement.vote", "id": 1, "choice": "agree"}), "gone"),
        (json.dumps({"type": "room.close"}), "forbidden"),
    ],
)
async def test_a_bad_frame_gets_an_error_and_the_connection_stays_usable(room, guest, frame, code):
    socket = await guest.connect(room)

    await socket.send_raw(text=frame)

    error = await socket.expect("error")
    assert error["code"] == code
    assert error["message"]
    assert await db_call(stored) == 0
    assert await still_works(socket)


async def test_a_binary_frame_is_refused(room, guest):
    socket = await guest.connect(room)

    await socket.send_raw(data=b"\x00\x01")

    assert (await socket.expect("error"))["code"] == "invalid"
    assert await still_works(socket)


async def test_errors_speak_the_visitors_language(room, guest):
    guest.client.cookies["kring_language"] = "en"
    socket = await guest.connect(room)

    await socket.send(type="chat.shout")

    assert (await socket.expect("error"))["message"] == "This kind of message is not known here."


async def test_a_connection_that_sends_too_fast_is_slowed_and_then_cut_off(room, guest):
    socket = await guest.connect(room)

    for number in range(12):
        await socket.send(type="chat.send", text=f"Bericht {number}")
    events = []
    while len([e for e in events if e["type"] in ("chat.message", "error")]) < 12:
        events.append(await socket.receive())
    limited = [e for e in events if e["type"] == "error"]
    assert limited and all(e["code"] == "rate_limited" for e in limited)
    assert await db_call(stored) == 12 - len(limited)

    for number in range(40):
        await socket.send(type="chat.send", text=f"Spam {number}")
    output = None
    while output is None or output.get("type") != "websocket.close":
        output = await socket.communicator.receive_output(timeout=2)
    assert output["code"] == 4008
    socket.closed = True


async def test_another_website_cannot_open_the_room(room, guest):
    from channels.testing import WebsocketCommunicator

    from config.asgi import application

    communicator = WebsocketCommunicator(
        application,
        f"/ws/live/{room.slug}/",
        headers=[(b"origin", b"https://evil.example"), (b"cookie", guest.cookie.encode())],
    )
    connected, _code = await communicator.connect()

    assert connected is False


async def test_an_unknown_room_refuses_the_connection(room, guest):
    room.slug = "bestaat-niet"
    socket = await guest.connect(room, expect_state=False)

    assert socket.connected is False


async def test_messages_after_a_slow_down_go_through_again(room, guest):
    socket = await guest.connect(room)
    for number in range(10):
        await socket.send(type="chat.send", text=f"Snel {number}")
    # The server has handled the whole burst once it has said nothing for a while; only then
    # does the pause start (on a loaded machine the burst itself can take over a second).
    while not await socket.nothing(timeout=0.5):
        pass
    await asyncio.sleep(1.5)
    while not await socket.nothing(timeout=0.1):
        pass

    assert await still_works(socket)
