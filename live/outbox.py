"""Events kept until the service that committed them returned to the event loop.

publish_on_commit() used to publish from inside the one database thread (through
async_to_sync, back to the event loop, the thread waiting meanwhile). A caller on the event
loop that runs a service in that thread collects instead (collecting()): the commit still
decides (a rolled-back write keeps nothing), and the caller publishes what was kept once the
service returned (live.events.send_kept). An event that commits after the caller stopped
collecting (an outer transaction) is published as before, from the thread.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from live.event_types import Published

# For the consumers, never sent to clients (the slow mode a room.updated sets, say).
Meta: TypeAlias = dict[str, object]


class Outbox:
    """Filled in the database thread, emptied on the event loop: hence the lock."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Published, Meta | None]] = []
        self.open = True
        self._lock = threading.Lock()

    def keep(self, group: str, event: Published, meta: Meta | None) -> bool:
        """Keep a committed event for the caller; False once the caller stopped collecting."""
        with self._lock:
            if self.open:
                self.events.append((group, event, meta))
            return self.open

    def stop(self) -> None:
        with self._lock:
            self.open = False

    def take(self) -> list[tuple[str, Published, Meta | None]]:
        """Stop keeping and hand over what was kept. What commits later (the caller gave up
        waiting while the service still ran) is published from the thread, not lost here."""
        with self._lock:
            self.open = False
            taken, self.events = self.events, []
            return taken


_current: contextvars.ContextVar[Outbox | None] = contextvars.ContextVar(
    "live_outbox", default=None
)


def collecting_now() -> Outbox | None:
    return _current.get()


@contextlib.contextmanager
def collecting(outbox: Outbox) -> Iterator[Outbox]:
    """Within this block (in the database thread), committed events go into `outbox`."""
    token = _current.set(outbox)
    try:
        yield outbox
    finally:
        outbox.stop()
        _current.reset(token)
