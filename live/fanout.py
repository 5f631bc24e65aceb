"""Getting an event to everyone in a room: the one place that knows how.

Each event is serialised to JSON once, here, and handed to the channel layer as text; every
connection forwards that text as it is. Today the fan-out is the channel layer's groups (the
Redis layer shares them between worker processes). To fan out inside each process instead
(one layer message per process, then a loop over local connections), only this module and the
consumer's join/leave change.
"""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

# The handler on the consumer: LiveRoomConsumer.live_send.
HANDLER = "live.send"


def room_group(room_id):
    return f"live.{room_id}"


def moderators_group(room_id):
    return f"live.{room_id}.mod"


def participant_group(participant_id):
    return f"live.p.{participant_id}"


def encode(event):
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


async def apublish(group, event, meta=None):
    """Send `event` to everyone in `group`; `meta` is for the consumers, not the clients."""
    message = {"type": HANDLER, "text": encode(event)}
    if meta:
        message["meta"] = meta
    await get_channel_layer().group_send(group, message)


def publish(group, event, meta=None):
    """Send from synchronous code (services, admin views); call it after the commit."""
    async_to_sync(apublish)(group, event, meta)


def publish_on_commit(group, event, meta=None):
    # robust: what was stored stays stored if the layer is down; clients get it on reconnect.
    transaction.on_commit(lambda: publish(group, event, meta), robust=True)
