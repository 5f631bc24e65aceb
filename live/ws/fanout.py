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
the frame at once keeps the inbox, so its order holds (`Inbox.deliver`).
"""

import asyncio
import collections
import contextlib
import logging
import uuid
import weakref
from collections import defaultdict
from collections.abc import Callable, Coroutine, Generator, Iterable
from typing import Any

from channels.layers import get_channel_layer

from live import conf, events

logger = logging.getLogger(__name__)

# A message the hub sends itself through a group of its own, to learn that its memberships
# still hold (live.conf.heartbeat_seconds).
PING = "live.hub.ping"
STOP = "live.hub.stop"
# What an inbox hands its consumer once it overflowed (LiveRoomConsumer.live_overflow).
OVERFLOW = "live.overflow"

# A message as the channel layer carries it: "type", "group", and for events the JSON "text".
Message = dict[str, Any]
# Writes one text frame to a socket (the consumer's `_write`).
Write = Callable[[str], Coroutine[Any, Any, None]]


class Inbox:
    """The events for one connection, read by its consumer's dispatch loop.

    A plain deque and one future to wake the loop: with 1,000 connections in a process, each
    event is 1,000 puts, and asyncio.Queue plus a new task and an asyncio.wait() per event
    (Channels' await_many_dispatch) cost more than sending the frame.
    """

    # No __dict__ per connection; the queue is made when the first event has to wait (an
    # empty deque is 0.6 KiB, and most readers' events go straight to the socket).
    __slots__ = ("direct", "groups", "messages", "overflowed", "waiter", "writing")

    def __init__(self) -> None:
        self.messages: collections.deque[Message] | None = None
        self.overflowed = False
        self.groups: tuple[str, ...] = ()
        self.waiter: asyncio.Future[None] | None = None
        # Set by the consumer once its state went out: writes one event's text to the socket.
        self.direct: Write | None = None
        # A direct write that could not finish at once (see deliver): later events wait for it.
        self.writing: asyncio.Future[None] | None = None

    def deliver(self, message: Message) -> None:
        """Hand `message` over: straight to the socket when the connection is idle, else put it.

        Idle means: the consumer waits in `wait()` for its inbox (no handler running), nothing
        is queued before this event, and no earlier direct write is still under way. Only
        plain events go straight out (`live.send` without meta for the consumer to read).
        """
        if (
            self.direct is None
            or self.messages
            or self.writing is not None
            or self.waiter is None
            or self.waiter.done()
            or message.get("type") != events.HANDLER
            or "meta" in message
        ):
            self.put(message)
            return
        try:
            self.writing = start(self.direct(message["text"]))
        except Exception:
            # The socket is gone; the consumer hears it from the server and cleans up.
            self.direct = self.writing = None
            return
        if self.writing is not None:
            self.writing.add_done_callback(self._written)

    def _written(self, task: asyncio.Future[None]) -> None:
        self.writing = None
        if task.cancelled() or task.exception() is not None:
            self.direct = None  # as above: the consumer hears from the server
        self.wake()

    def put(self, message: Message) -> None:
        if self.overflowed:
            return  # told to close; what it missed it reads from the history on reconnecting
        if self.messages is None:
            self.messages = collections.deque()
        if len(self.messages) >= conf.INBOX_CAPACITY:
            # Too far behind: the consumer's next event tells it to close the connection.
            self.overflowed = True
            self.wake()
            return
        self.messages.append(message)
        self.wake()

    def pop(self) -> Message | None:
        """The next event, or None (also while a direct write is under way: it goes first).

        Once the inbox overflowed, the next event is `live.overflow`, ahead of what is queued
        and of a write that is under way: for a client that stopped reading, that write never
        ends, and the close may not wait behind it.
        """
        if self.overflowed and self.messages is not None:
            self.messages = None
            return {"type": OVERFLOW}
        if self.writing is not None or not self.messages:
            return None
        message = self.messages.popleft()
        if not self.messages:
            self.messages = None  # an empty deque is 0.6 KiB, kept by 10,000 idle readers
        return message

    def wake(self, _future: object = None) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def wait(self) -> asyncio.Future[None]:
        """What the consumer awaits until an event is put (or wake(): the client sent a frame).

        A future, not a coroutine: a coroutine would stay suspended with its frame between two
        events, for every idle connection.
        """
        self.waiter = asyncio.get_running_loop().create_future()
        return self.waiter


def start(coroutine: Coroutine[Any, Any, None]) -> asyncio.Future[None] | None:
    """Run `coroutine` now, up to where it first waits; None if it finished, else its task.

    uvicorn's websocket `send` writes the frame to the transport without waiting while the
    socket takes data, so for almost every connection the write is done by the time this
    returns, without a task. A socket whose buffer is full waits; the rest of that one write
    goes on in a task of its own, and the hub goes on to the next connection. (Python 3.12's
    `asyncio.eager_task_factory` does this for a whole loop; Kring runs on 3.11.)
    """
    try:
        first = coroutine.send(None)
    except StopIteration:
        return None
    except BaseException:
        coroutine.close()
        raise
    return asyncio.ensure_future(_Rest(coroutine, first))


class _Rest:
    """The rest of a coroutine that already ran up to what it yielded first (see start)."""

    def __init__(self, coroutine: Coroutine[Any, Any, None], first: Any) -> None:
        self.coroutine = coroutine
        self.first = first

    def __await__(self) -> Generator[Any, None, None]:
        # What a task does with a coroutine: pass each yielded future up, resume it with None
        # once the future is done, or throw in what the task was told (a cancellation).
        yielded = self.first
        while True:
            try:
                yield yielded
            except BaseException as error:
                try:
                    yielded = self.coroutine.throw(error)
                except StopIteration:
                    return  # the write returns nothing
                continue
            try:
                yielded = self.coroutine.send(None)
            except StopIteration:
                return


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
