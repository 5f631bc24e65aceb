"""Readers without a name share one room.state per process, read only after they joined."""

import asyncio

import pytest

from live import conf, events
from live.events import room_group
from live.models import Message, Participant
from live.ws.coalesce import SharedReads
from tests.live.conftest import db_call

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # These tests publish events of their own making to test the transport, not the shapes.
    pytest.mark.usefixtures("handmade_events"),
]


def history(room, count=3):
    writer = Participant.objects.create(room=room, guest_key="a" * 64, name="Lotus")
    for number in range(count):
        Message.objects.create(room=room, participant=writer, text=f"Eerder {number}")


async def test_a_reader_gets_the_same_state_as_one_read_for_that_connection(room, people):
    await db_call(history, room)

    reader = await people().connect(room)

    def expected():
        return events.room_state(room, None, False, None, reader.state["presence"])

    assert reader.state == await db_call(expected)
    assert [m["text"] for m in reader.state["messages"]] == ["Eerder 0", "Eerder 1", "Eerder 2"]
    assert reader.state["me"] == {"pid": None, "name": None, "moderator": False, "muted": False}


async def test_named_and_reconnecting_readers_still_get_their_own_state(room, guest, people):
    await db_call(history, room)
    shared = []
    original = events.reader_state

    def counting(*args, **kwargs):
        shared.append(1)
        return original(*args, **kwargs)

    events.reader_state = counting
    try:
        mine = await guest.connect(room)
        back = await people().connect(room, last=mine.state["messages"][0]["id"])
    finally:
        events.reader_state = original

    assert shared == []
    assert mine.state["me"]["name"] == "Merel"
    assert [m["text"] for m in back.state["messages"]] == ["Eerder 1", "Eerder 2"]
    assert back.state["replace"] is False


async def test_an_event_that_arrives_while_the_shared_state_is_read_is_not_lost(room, people):
    """It reached the room after the reader joined and before the state was read: it comes
    after the state, as it does for a state read per connection."""
    original = events.reader_state

    def event_during_the_read(*args, **kwargs):
        events.publish(room_group(room.pk), {"type": "chat.message", "message": {"text": "Net"}})
        return original(*args, **kwargs)

    events.reader_state = event_during_the_read
    try:
        reader = await people().connect(room)
    finally:
        events.reader_state = original

    assert reader.state["messages"] == []
    assert (await reader.expect("chat.message"))["message"]["text"] == "Net"


async def test_readers_connecting_together_share_one_read(room, people):
    reads = []
    original = events.reader_state

    def counting(*args, **kwargs):
        reads.append(1)
        return original(*args, **kwargs)

    events.reader_state = counting
    try:
        readers = await asyncio.gather(*(people().connect(room) for _ in range(6)))
    finally:
        events.reader_state = original

    assert all(reader.state["type"] == "room.state" for reader in readers)
    # The first reads alone; the others asked while it ran and share the next read (or two).
    assert 1 <= len(reads) < 6


async def test_a_caller_never_gets_a_read_that_began_before_it_asked():
    reads = SharedReads()
    began, release = [], asyncio.Event()

    async def read():
        began.append(len(began) + 1)
        number = len(began)
        await release.wait()
        return number

    first = asyncio.create_task(reads.get("room", read))
    while not began:
        await asyncio.sleep(0)
    # The first read has begun: these two callers must share the next one.
    second = asyncio.create_task(reads.get("room", read))
    third = asyncio.create_task(reads.get("room", read))
    await asyncio.sleep(0.05)
    assert began == [1]  # one read at a time per key

    release.set()
    assert await first == 1
    assert await second == 2
    assert await third == 2
    assert began == [1, 2]


async def test_a_failed_read_reaches_its_callers_and_the_next_one_reads_again():
    reads = SharedReads()
    outcomes = iter([RuntimeError("database hiccup"), "ok"])

    async def read():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    with pytest.raises(RuntimeError):
        await reads.get("room", read)
    assert await reads.get("room", read) == "ok"
    assert reads.waiting == {} and reads.running == {}


async def test_a_caller_that_goes_away_does_not_cancel_the_others_read():
    reads = SharedReads()
    release = asyncio.Event()

    async def read():
        await release.wait()
        return "state"

    leaving = asyncio.create_task(reads.get("room", read))
    staying = asyncio.create_task(reads.get("room", read))
    await asyncio.sleep(0)
    leaving.cancel()
    release.set()
    assert await staying == "state"


async def test_more_than_five_readers_from_one_address_may_read(room, people):
    """Five tabs is the limit under one name; readers without a name share an address."""
    readers = [await people().connect(room) for _ in range(conf.CONNECTIONS_PER_PARTICIPANT + 2)]
    assert all(reader.connected for reader in readers)
