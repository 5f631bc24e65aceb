"""Coalescing broadcasts: vote results, up-vote counts and the participant count.

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

import asyncio
import logging

from django.core.cache import cache

from live.events import apublish

logger = logging.getLogger(__name__)

# How long a key may outlive a process that died before its broadcast.
GUARD_SECONDS = 5

_scheduled = set()
_tasks = set()


def _guard(key):
    return "live:coalesce:" + ":".join(map(str, key))


async def request(key, delay, produce):
    """Ask for a broadcast of `await produce()` -> (group, event) within `delay` seconds."""
    if key in _scheduled:
        return
    _scheduled.add(key)
    try:
        claimed = await cache.aadd(_guard(key), 1, GUARD_SECONDS)
    except Exception:  # a cache that is down must not stop the results going out
        logger.warning("cache unavailable while coalescing %s", key[0])
        claimed = True
    if not claimed:
        _scheduled.discard(key)
        return
    task = asyncio.create_task(_broadcast(key, delay, produce))
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


async def _broadcast(key, delay, produce):
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


async def settle():
    """Wait for every scheduled broadcast (tests, and a worker that shuts down)."""
    while _tasks:
        await asyncio.gather(*list(_tasks), return_exceptions=True)
