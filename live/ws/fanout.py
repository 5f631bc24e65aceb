"""Getting an event to every connection in a room: the subscribing side of the fan-out.

Each event is serialised to JSON once, when it is published (live.events), and handed to the
channel layer as text; every connection forwards that text as it is.

The fan-out happens in two steps. Between processes, the channel layer's groups (the Redis
layer shares them between workers): each process is one member of a group, with one channel
of its own, however many of its connections are in the group. Inside a process, a `Hub` hands
each event to the inbox of every local connection in the group. A message to a room of 2,000
people is then one layer message per worker process instead of 2,000, and nothing about it
touches Redis more than once per process.

A connection reads its inbox in its own dispatch loop (see LiveRoomConsumer), so events reach
it in order, after its `room.state`, and never in the middle of one of its own handlers: the
same guarantees Channels gives a consumer's own channel.

Most of the time a connection has nothing to do but wait: its state went out, its inbox is
empty, no handler runs. Waking 1,000 such tasks for every event, each to pass the same text on,
cost more than writing it (bench/README.md, "Where a worker's CPU goes"). So the hub writes an
event to an idle connection's socket itself, in one pass over the room, as
`websockets.broadcast()` does; a connection that is busy, behind, or whose socket cannot take
the frame at once keeps the inbox, so its order holds (live.ws.inbox).
"""

import asyncio
import contextlib
import logging
import uuid
import weakref
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from channels.layers import get_channel_layer

from live import conf, events
from live.ws.inbox import OVERFLOW, Inbox, Message, Write, start

__all__ = ["OVERFLOW", "Hub", "Inbox", "Message", "Write", "close", "hub", "join", "leave", "start"]

logger = logging.getLogger(__name__)

# A message the hub sends itself through a group of its own, to learn that its memberships
# still hold (live.conf.heartbeat_seconds).
PING = "live.hub.ping"
STOP = "live.hub.stop"


class Hub:
    """This process's membership of the layer's groups, and its connections in each group.

    A heartbeat keeps the memberships honest: every `conf.heartbeat_seconds()` the hub sends a
    ping through a group only it belongs to. When its reads fail, a ping cannot be sent, or
    none comes back within `conf.heartbeat_timeout()` (Redis restarted and forgot the groups;
    three timeouts while other events still arrive: the channel overflowed), the layer counts
    as lost: the hub joins all its
    groups again as soon as the layer answers, then tells every local connection to resync.
    """

    def __init__(self, layer: Any) -> None:
        # A channels layer (channels ships no types): RedisChannelLayer or, in tests, in memory.
        self.layer = layer
        if getattr(layer, "brpop_timeout", 0) > conf.POP_SECONDS:
            layer.brpop_timeout = conf.POP_SECONDS
        self.channel: str | None = None
        self.members: defaultdict[str, set[Inbox]] = defaultdict(set)
        self.lock = asyncio.Lock()
        self.reader: asyncio.Task[None] | None = None
        self.ping_group = f"live.hub.{uuid.uuid4().hex}"
        self.lost = False
        self.answered = 0.0  # loop time at which the last ping came back
        self.last_read = 0.0  # loop time at which the layer last handed this process anything
        self.restored = float("-inf")  # loop time of the last restore

    async def join(self, inbox: Inbox, groups: Iterable[str]) -> None:
        async with self.lock:
            if self.channel is None:
                self.channel = await self.layer.new_channel("live.hub")
            if self.reader is None or self.reader.done():
                self.reader = asyncio.create_task(self._read())
            inbox.groups = tuple(groups)
            try:
                for group in groups:
                    first = not self.members[group]
                    self.members[group].add(inbox)
                    if first:
                        # Bounded: the lock is held, and every new connection waits for it.
                        async with asyncio.timeout(conf.heartbeat_timeout()):
                            await self.layer.group_add(group, self.channel)
            except Exception:
                # The connection fails; the groups others are in here are joined again by
                # the restore once the layer answers.
                for group in groups:
                    members = self.members.get(group)
                    if members is not None:
                        members.discard(inbox)
                        if not members:
                            del self.members[group]
                inbox.groups = ()
                self._lose("join")
                raise

    async def leave(self, inbox: Inbox) -> None:
        async with self.lock:
            for group in inbox.groups:
                members = self.members.get(group)
                if members is None:
                    continue
                members.discard(inbox)
                if not members:
                    del self.members[group]
                    with contextlib.suppress(Exception):
                        async with asyncio.timeout(conf.heartbeat_timeout()):
                            await self.layer.group_discard(group, self.channel)
            inbox.groups = ()
            # The reader and its heartbeat go on without members: cancelling a read of the
            # Redis layer and starting another, when a room's last socket closed to resync,
            # could leave the next read waiting (and every join with it) for good.

    def _lose(self, where: str) -> None:
        if not self.lost:
            logger.warning("live fan-out: lost the channel layer (%s); restoring", where)
        self.lost = True

    async def _read(self) -> None:
        """Hand every message on this process's channel to the connections in its group."""
        loop = asyncio.get_running_loop()
        heartbeat = asyncio.create_task(self._heartbeat())
        try:
            while True:
                try:
                    message = await self.layer.receive(self.channel)
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    # Right after a restore, pooled connections to the old server fail once
                    # each; the heartbeat still notices if the memberships went again.
                    if loop.time() - self.restored > conf.heartbeat_timeout():
                        # The class only: redis-py's messages name the server's address.
                        self._lose(f"read: {type(error).__name__}")
                    await asyncio.sleep(min(1.0, conf.heartbeat_seconds()))
                    continue
                self.last_read = loop.time()
                if message.get("type") == STOP and message.get("hub") == self.ping_group:
                    return
                group = message.get("group")
                if group == self.ping_group:
                    self.answered = loop.time()
                    continue
                for inbox in list(self.members.get(group, ())):
                    inbox.deliver(message)
        finally:
            heartbeat.cancel()

    async def close(self) -> None:
        """End the reader and its heartbeat (tests; a worker shutting down).

        The reader is told through its own channel, so it leaves between two reads: a
        cancelled read of the Redis layer may never end (channels_redis's receive lock and a
        blocking pop in flight), and an event loop that closes waits for it for good. A reader
        that does not stop within the heartbeat timeout is cancelled after all.
        """
        reader = self.reader
        if reader is None or reader.done():
            return
        try:
            async with asyncio.timeout(conf.heartbeat_timeout()):
                await self.layer.send(self.channel, {"type": STOP, "hub": self.ping_group})
                await asyncio.wait({reader})
        except Exception:
            reader.cancel()

    async def _heartbeat(self) -> None:
        loop = asyncio.get_running_loop()
        joined: float | None = None
        renewed: float | None = None
        lag = 0.0  # how much later than asked this loop woke the heartbeat, added up
        while True:
            now = loop.time()
            # A ping that waits behind the rooms' own events is late, not lost: while the layer
            # keeps handing over events, wait three timeouts for it. Declaring the layer lost
            # under load would make every connection here reconnect at once. Nor is a ping
            # lost that this process had no time to read: the time its own loop ran late
            # (the heartbeat's sleeps overran) does not count as the layer's silence.
            timeout = conf.heartbeat_timeout()
            silent = now - self.answered - lag
            missing = joined is not None and (
                (silent > timeout and now - self.last_read > timeout) or silent > 3 * timeout
            )
            if missing:
                self._lose("no heartbeat")
            due = renewed is None or self.lost or now - renewed > conf.RENEW_SECONDS
            if due and await self._rejoin():
                if self.lost:
                    self.lost = False
                    self.restored = loop.time()
                    self._resync_here()
                    logger.warning("live fan-out: channel layer back; rooms resync")
                joined = renewed = self.answered = loop.time()
                lag = 0.0
            if not self.lost:
                try:
                    await self.layer.group_send(
                        self.ping_group, {"type": PING, "group": self.ping_group}
                    )
                except Exception as error:
                    self._lose(f"ping: {type(error).__name__}")
                else:
                    if events.missed_groups:
                        await events.resync_missed(self.layer)
            asked = loop.time() + conf.heartbeat_seconds()
            await asyncio.sleep(conf.heartbeat_seconds())
            overrun = loop.time() - asked
            # Since the last answer only: a ping that came back settles what was late before.
            lag = overrun if self.answered >= asked - conf.heartbeat_seconds() else lag + overrun

    async def _rejoin(self) -> bool:
        """Join the ping group and every group with members here, and ping; False on failure."""
        try:
            await self.layer.group_add(self.ping_group, self.channel)
            for group in list(self.members):
                await self.layer.group_add(group, self.channel)
            await self.layer.group_send(self.ping_group, {"type": PING, "group": self.ping_group})
        except Exception:
            return False
        return True

    def _resync_here(self) -> None:
        """Tell every connection of this process that it may have missed events."""
        inboxes = {inbox for members in self.members.values() for inbox in members}
        for inbox in inboxes:
            inbox.put({"type": events.RESYNC})


# One hub per event loop (a worker has one; tests may start several) and channel layer.
_hubs: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Hub] = weakref.WeakKeyDictionary()


def hub() -> Hub:
    loop = asyncio.get_running_loop()
    layer = get_channel_layer()
    current = _hubs.get(loop)
    if current is None or current.layer is not layer:
        current = _hubs[loop] = Hub(layer)
    return current


async def close() -> None:
    """End this event loop's hub, if it has one (see Hub.close)."""
    current = _hubs.pop(asyncio.get_running_loop(), None)
    if current is not None:
        await current.close()


async def join(inbox: Inbox, groups: Iterable[str]) -> None:
    """From now on, put the events of `groups` into `inbox`."""
    await hub().join(inbox, groups)


async def leave(inbox: Inbox) -> None:
    """Stop putting events into `inbox`."""
    await hub().leave(inbox)
