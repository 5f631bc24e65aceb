"""What tests need to see of the channel layer, for each layer Kring runs on.

Tests run on the in-memory layer (no REDIS_URL) or on channels_redis's pub/sub layer (CI, as
production). The pub/sub layer keeps one subscription per event loop, so synchronous test code
(each `async_to_sync` call a loop of its own) listens through a Redis subscription of its own,
to the channel the layer publishes a group's messages on. The two names this relies on
(the group channel's name, `_get_layer`, `_get_shard`) fail loudly if channels_redis changes
them: tests/live/test_fanout.py's first test counts a room's subscribers through them.
"""

import asyncio
import time

import redis
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings


def on_pubsub(layer=None):
    return "pubsub" in type(layer or get_channel_layer()).__module__


def group_channel(layer, group):
    """The Redis channel the pub/sub layer publishes `group`'s messages on."""
    return f"{layer._get_layer().prefix}__group__{group}"


def listen(group):
    """A listener in `group`, as a connected browser's process is; returns receive()."""
    layer = get_channel_layer()
    if not on_pubsub(layer):
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(group, channel)

        async def receive_in_memory():
            return await asyncio.wait_for(layer.receive(channel), timeout=2)

        return async_to_sync(receive_in_memory)

    name = async_to_sync(_group_channel_name)(layer, group)
    client = redis.Redis.from_url(settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0])
    subscription = client.pubsub(ignore_subscribe_messages=True)
    subscription.subscribe(name)

    def receive():
        # `client` is kept alive by this closure: a collected client closes its pool, and the
        # subscription with it (redis-py subscribes again, losing what came meanwhile).
        assert client is not None
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            message = subscription.get_message(timeout=max(0.0, deadline - time.monotonic()))
            if message is not None:
                return layer.deserialize(message["data"])
        raise TimeoutError(f"nothing on {group} within 2 s")

    return receive


async def _group_channel_name(layer, group):
    return group_channel(layer, group)


async def layer_members(group):
    """How many listeners the layer would hand a group message to: channels in memory, or
    processes (subscriptions) on the pub/sub layer."""
    layer = get_channel_layer()
    if on_pubsub(layer):
        client = redis.asyncio.Redis.from_url(
            settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]
        )
        try:
            [(_name, count)] = await client.pubsub_numsub(group_channel(layer, group))
        finally:
            await client.aclose()
        return count
    return len(layer.groups.get(group, {}))


async def forget_groups():
    """What a Redis restart does to the layer's memberships: they are gone."""
    layer = get_channel_layer()
    if on_pubsub(layer):
        loop_layer = layer._get_layer()
        for name in list(loop_layer.groups):
            await loop_layer._get_shard(name).unsubscribe(name)
    else:
        layer.groups.clear()
