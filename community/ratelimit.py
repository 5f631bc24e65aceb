"""Counting attempts in the cache: a fixed window per key, nothing stored in the database."""

import contextlib

from django.core.cache import cache


def cache_key(key: str) -> str:
    """Where the attempts for `key` are counted."""
    return f"ratelimit:{key}"


def allow(key: str, limit: int, period: int) -> bool:
    """Count one attempt for `key`; return False once `limit` attempts fell in `period` seconds."""
    counted = cache_key(key)
    if cache.add(counted, 1, period):
        return True
    try:
        count = cache.incr(counted)
    except ValueError:  # expired between add() and incr()
        cache.add(counted, 1, period)
        return True
    if count == 1:
        # The key expired between incr()'s check and its INCR (Redis), which made it again
        # without an expiry: left so, it would refuse this key for good after `limit` more.
        cache.touch(counted, period)
    return count <= limit


def give_back(key: str) -> None:
    """Undo one attempt counted by allow(key, ...), when what it guarded did not happen."""
    # The window may have expired in between: then there is nothing to give back.
    with contextlib.suppress(ValueError):
        cache.decr(cache_key(key))
