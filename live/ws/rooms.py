"""The room as a reader without a session needs it: read once a second per process.

A socket without a session cookie cannot speak for a member, a guest or a moderator, so all it
needs to be let in is the room's id, status and slow mode. Two thousand readers arriving within
seconds must not each queue a read in the process's one database thread: the first one reads,
those arriving meanwhile wait for that read, and the answer is kept for READ_SECONDS. A room
that closes or slows down is therefore seen by new readers within that time (the state they
get is read afterwards, from the database). Whoever has a session is always looked up afresh
(live.ws.consumer's _identify): nothing here decides who may speak.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from channels.db import database_sync_to_async

from live.models import LiveRoom

# How long a room read for readers is used, counted from the start of the read.
READ_SECONDS = 1.0


@dataclass(frozen=True)
class RoomFacts:
    """What a reader's connection keeps of its room (the names LiveRoom's fields have)."""

    pk: int
    status: str
    slow_mode_seconds: int


_kept: dict[str, tuple[float, RoomFacts]] = {}
_reading: dict[str, asyncio.Task[RoomFacts | None]] = {}


def _read(slug: str) -> RoomFacts | None:
    row = (
        LiveRoom.objects.filter(slug=slug).values_list("pk", "status", "slow_mode_seconds").first()
    )
    return RoomFacts(*row) if row is not None else None


async def for_reader(slug: str) -> RoomFacts | None:
    """The room at `slug` as read at most READ_SECONDS ago, or None when there is none."""
    kept = _kept.get(slug)
    if kept is not None and kept[0] > time.monotonic():
        return kept[1]
    task = _reading.get(slug)
    if task is None or task.get_loop() is not asyncio.get_running_loop():
        task = asyncio.ensure_future(_read_and_keep(slug))
        _reading[slug] = task
        task.add_done_callback(
            lambda done: _reading.pop(slug, None) if _reading.get(slug) is done else None
        )
    # Shielded: a handshake given up on must not cancel the read the others wait for.
    return await asyncio.shield(task)


async def _read_and_keep(slug: str) -> RoomFacts | None:
    until = time.monotonic() + READ_SECONDS
    facts: RoomFacts | None = await database_sync_to_async(_read)(slug)
    if facts is not None:
        _kept[slug] = (until, facts)
    else:
        _kept.pop(slug, None)
    return facts


def forget() -> None:
    """Read every room afresh (tests: room slugs repeat from test to test)."""
    _kept.clear()
    _reading.clear()
