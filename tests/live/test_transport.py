"""Contract test: what live.ws.transport relies on of Channels' consumer still holds.

The consumer's `__call__` and dispatch loop are Kring's own (fed by the fan-out's inbox), but
they hand frames to Channels' `AsyncWebsocketConsumer` (connect, receive, disconnect), name
handlers as Channels does and send through `base_send`. A Channels upgrade that changes any of
that fails here, not silently in production.
"""

import asyncio

import pytest
from channels.consumer import get_handler_name

from live import events
from live.ws.transport import InboxConsumer

pytestmark = [pytest.mark.anyio]


@pytest.fixture
def anyio_backend():
    return "asyncio"


class Echo(InboxConsumer):
    """Accepts, echoes each frame, passes each fan-out event on."""

    async def connect(self):
        await self.accept()

    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=f"echo {text_data}")

    async def live_send(self, message):
        await self.send(text_data=message["text"])


def test_handler_names_are_the_message_type_with_underscores():
    assert get_handler_name({"type": events.HANDLER}) == "live_send"
    assert get_handler_name({"type": "live.resync"}) == "live_resync"


# Channels' own dispatch closes old database connections before each client frame's handler.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_frames_and_inbox_events_reach_their_handlers_through_channels_own_dispatch():
    inbound: asyncio.Queue = asyncio.Queue()
    sent = []

    async def send(message):
        sent.append(message)

    consumer = Echo()
    task = asyncio.ensure_future(
        consumer({"type": "websocket", "path": "/", "headers": []}, inbound.get, send)
    )
    await inbound.put({"type": "websocket.connect"})
    await inbound.put({"type": "websocket.receive", "text": "hallo"})
    await asyncio.sleep(0.05)
    consumer.inbox.put({"type": events.HANDLER, "text": "uit de zaal"})
    await asyncio.sleep(0.05)
    consumer.inbox.direct = consumer._write
    await consumer.close(code=4000)
    await inbound.put({"type": "websocket.disconnect", "code": 4000})
    # The disconnect ends the consumer (Channels raises StopConsumer, caught in __call__).
    await asyncio.wait_for(task, 2)

    assert sent == [
        {"type": "websocket.accept", "subprotocol": None},
        {"type": "websocket.send", "text": "echo hallo"},
        {"type": "websocket.send", "text": "uit de zaal"},
        {"type": "websocket.close", "code": 4000},
    ]
    # After its close the consumer writes nothing more, neither itself nor through the hub.
    assert consumer.inbox.direct is None
