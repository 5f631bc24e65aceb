"""The fan-out writes events to idle connections itself, without waking their tasks.

What must hold: every connection still gets every event once, in order, after its state; a
socket that cannot take a frame at once holds up neither the others nor its own later events'
order; a socket that is gone fails nothing; events the consumer must read itself (a slow-mode
change) still go through it.
"""

import asyncio

import pytest

from live import conf, events
from live.events import room_group
from live.ws import fanout
from live.ws.consumer import LiveRoomConsumer
from tests.live.conftest import closed_with

pytestmark = [pytest.mark.anyio]


def event(number):
    return {"type": events.HANDLER, "group": "g", "text": str(number)}


class Waiting:
    """A consumer parked in its inbox's wait(), as between two events."""

    def __init__(self, inbox):
        self.inbox = inbox
        self.task = None

    async def __aenter__(self):
        self.task = asyncio.ensure_future(self.inbox.wait())
        await asyncio.sleep(0)  # it is waiting now
        return self

    async def __aexit__(self, *exc):
        self.task.cancel()


async def test_a_socket_that_cannot_take_a_frame_holds_up_neither_the_others_nor_its_order():
    written = {"fast": [], "slow": []}
    gate = asyncio.Event()

    async def fast(text):
        written["fast"].append(text)

    async def slow(text):
        await gate.wait()  # its buffer is full until the client reads
        written["slow"].append(text)

    quick, stuck = fanout.Inbox(), fanout.Inbox()
    quick.direct, stuck.direct = fast, slow
    async with Waiting(quick), Waiting(stuck):
        for number in range(3):
            stuck.deliver(event(number))
            quick.deliver(event(number))

        # Written at once, in order, with no task switch between deliveries.
        assert written["fast"] == ["0", "1", "2"]
        # The stuck socket's first frame is under way; the later two wait behind it.
        assert written["slow"] == []
        assert [message["text"] for message in stuck.messages] == ["1", "2"]
        assert stuck.pop() is None

        gate.set()
        await asyncio.sleep(0.01)
    assert written["slow"] == ["0"]
    # Its consumer, woken once the write finished, sends the rest in order.
    assert [stuck.pop()["text"], stuck.pop()["text"]] == ["1", "2"]


def recording_inbox():
    """An inbox whose direct writes are kept in a list."""
    writes = []

    async def write(text):
        writes.append(text)

    inbox = fanout.Inbox()
    inbox.direct = write
    return inbox, writes


async def test_a_busy_connection_gets_its_events_through_its_inbox():
    inbox, writes = recording_inbox()
    # No one waits: its consumer is in a handler (or has not sent its state yet).
    inbox.deliver(event(1))
    async with Waiting(inbox):
        # Waiting now, but an earlier event is still queued: this one goes behind it.
        inbox.deliver(event(2))
    assert writes == []
    assert [inbox.pop()["text"], inbox.pop()["text"]] == ["1", "2"]


async def test_a_slow_mode_change_goes_through_the_consumer_which_reads_its_meta():
    inbox, writes = recording_inbox()
    async with Waiting(inbox):
        inbox.deliver({**event(1), "meta": {"slow": 10}})
    assert writes == []
    assert inbox.pop()["meta"] == {"slow": 10}


async def test_a_socket_that_is_gone_fails_nothing_and_is_not_written_to_again():
    calls = []

    async def gone(text):
        calls.append(text)
        raise ConnectionResetError

    inbox = fanout.Inbox()
    inbox.direct = gone
    async with Waiting(inbox):
        inbox.deliver(event(1))
        inbox.deliver(event(2))
    assert calls == ["1"]
    assert inbox.direct is None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("handmade_events")
async def test_idle_readers_get_a_burst_in_order_without_their_consumers_waking(
    room, people, monkeypatch
):
    woken = []
    original = LiveRoomConsumer.live_send

    async def counting(self, message):
        woken.append(message["text"])
        await original(self, message)

    monkeypatch.setattr(LiveRoomConsumer, "live_send", counting)
    readers = [await people().connect(room) for _ in range(3)]
    await asyncio.sleep(0.2)  # each has sent its state and waits
    woken.clear()

    for number in range(50):
        await events.apublish(room_group(room.pk), {"type": "chat.message", "n": number})

    for reader in readers:
        received = [(await reader.expect("chat.message"))["n"] for _ in range(50)]
        assert received == list(range(50))
    # Each event went to each socket once, straight from the hub, with no consumer woken for
    # it (a consumer busy at that moment would take it from its inbox: allowed, but none was).
    assert woken == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_connection_closed_by_the_room_is_not_written_to_by_the_hub(room, people):
    """An overflowing inbox closes the connection; the hub stops writing to it at once."""
    reader = await people().connect(room)
    consumer_inboxes = [
        inbox for inbox in fanout.hub().members[room_group(room.pk)] if inbox.direct is not None
    ]
    assert len(consumer_inboxes) == 1
    inbox = consumer_inboxes[0]
    inbox.put({"type": "live.overflow"})

    assert await closed_with(reader) == conf.CLOSE_TOO_SLOW
    assert inbox.direct is None
