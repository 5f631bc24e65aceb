"""Coalescing: broadcasts of vote results, up-vote counts and the participant count, and the
reads of room.state for readers without a name (SharedReads).

A thousand votes in a second must not become a thousand broadcasts to a thousand people. The
first change in a window schedules one broadcast `delay` seconds later; changes until then
ride along, because the broadcast reads the numbers when it goes out, not when it was asked
for.

Between worker processes a short-lived cache key plays the same part, so the whole room sees
at most one broadcast per window whichever process the votes came in on. The key is deleted
*before* the numbers are read: a vote that finds no key schedules a broadcast of its own, and
a vote that still finds it was committed before the read. With the in-memory cache (one
process, or tests) this reduces to the local check.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

from django.core.cache import cache

from live import conf, event_types
from live.events import apublish

logger = logging.getLogger(__name__)

# What is coalesced: ("tally", statement id), ("presence", room id), ... (its kind first).
Key = tuple[str, int] | tuple[str, int, int]  # ("tally", room, statement)
# What a broadcast sends when it goes out: (group, event), or None for nothing after all.
Broadcast = tuple[str, event_types.Published] | None

_scheduled: set[Key] = set()
_tasks: set[asyncio.Task[None]] = set()


def _guard(key: Key) -> str:
    return "live:coalesce:" + ":".join(map(str, key))


async def request(key: Key, delay: float, produce: Callable[[], Awaitable[Broadcast]]) -> None:
    """Ask for a broadcast of `await produce()` -> (group, event) within `delay` seconds."""
    if key in _scheduled:
        return
    _scheduled.add(key)
    try:
        claimed = await cache.aadd(_guard(key), 1, conf.GUARD_SECONDS)
    except Exception:  # a cache that is down must not stop the results going out
        logger.warning("cache unavailable while coalescing %s", key[0])
        claimed = True
    if not claimed:
        _scheduled.discard(key)
        return
    task = asyncio.create_task(_broadcast(key, delay, produce))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def _broadcast(key: Key, delay: float, produce: Callable[[], Awaitable[Broadcast]]) -> None:
    try:
        await asyncio.sleep(delay)
        _scheduled.discard(key)
        try:
            await cache.adelete(_guard(key))
        except Exception:
            logger.warning("cache unavailable while coalescing %s", key[0])
        result = await produce()
        if result is not None:
            await apublish(*result)
    except Exception:
        logger.exception("broadcast of %s failed", key[0])
    finally:
        _scheduled.discard(key)


# One room.state for all readers without a name ------------------------------------------------


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SharedReads(Generic[K, V]):
    """Reads that every caller of one key shares, each begun only after its callers asked.

    A reader without a name (no participant, not a moderator, no ?last=) gets exactly the same
    room.state as every other such reader in the room, so a process builds it once for all
    readers who connect at about the same time, instead of once per connection: when 2,000
    people open a room, most of them arrive while a state is being built and share the next.

    What makes this safe is the order: a connection joins the room's fan-out first and asks for
    the state after. A state read before it joined could miss an event that reached the room in
    between, which it would then never get. So a caller never gets a read that had already
    begun when it asked: callers share the *next* read, which begins when the one running
    ends (one at a time per key); events that arrive meanwhile wait in the callers' inboxes,
    to be passed on after the state, as for a state read per connection.
    """

    def __init__(self) -> None:
        self.waiting: dict[K, asyncio.Future[V]] = {}  # the next read, not begun yet
        self.running: dict[K, asyncio.Task[None]] = {}  # the read under way

    async def get(self, key: K, read: Callable[[], Awaitable[V]]) -> V:
        """The result of `await read()`, begun after this call (shared with other callers)."""
        future = self.waiting.get(key)
        if future is None:
            future = self.waiting[key] = asyncio.get_running_loop().create_future()
            task = asyncio.create_task(self._read(key, future, read, self.running.get(key)))
            self.running[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        # A caller that goes away (its client closed) must not cancel the others' read.
        return await asyncio.shield(future)

    async def _read(
        self,
        key: K,
        future: asyncio.Future[V],
        read: Callable[[], Awaitable[V]],
        previous: asyncio.Task[None] | None,
    ) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        # From here on, new callers wait for the next read: this one may be too early for them.
        if self.waiting.get(key) is future:
            del self.waiting[key]
        try:
            result = await read()
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as error:
            if not future.done():
                future.set_exception(error)
        else:
            if not future.done():
                future.set_result(result)

    def _finished(self, key: K, task: asyncio.Task[None]) -> None:
        if self.running.get(key) is task:
            del self.running[key]


# Per event loop: room id -> room.state as JSON text.
_shared: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, SharedReads[int, str]] = (
    weakref.WeakKeyDictionary()
)


def shared_reads() -> SharedReads[int, str]:
    """This event loop's shared reads (a worker has one loop; tests may start several)."""
    loop = asyncio.get_running_loop()
    current = _shared.get(loop)
    if current is None:
        current = _shared[loop] = SharedReads()
    return current
