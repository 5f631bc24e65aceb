"""One connection's side of the fan-out: its inbox, and the hub's direct write to its socket.

The hub (live.ws.fanout) hands each event to `Inbox.deliver`: written straight to the socket
when the connection is idle, else queued for the connection's own dispatch loop
(live.ws.transport), which takes the events in order with `pop()` and waits with `wait()`.
"""

import asyncio
import collections
from collections.abc import Callable, Coroutine, Generator
from typing import Any

from live import conf, events

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
