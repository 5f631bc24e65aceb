"""How many people are in a room right now, counted in the cache that all workers share.

A person with the room open in two tabs counts once: connections are counted per participant
(or per connection for someone who has not chosen a name yet), and the room's count only
moves when a participant's first connection opens or their last one closes. The numbers are
kept for a day at most, so a worker that died without saying goodbye cannot skew them for long.

With Redis, live.ws.admission does arrive() and leave() in one round trip each, on the event
loop, with the same keys and the same meaning.
"""

from __future__ import annotations

from django.core.cache import cache

TTL = 24 * 60 * 60


def room_key(room_id: int) -> str:
    return f"live:presence:{room_id}"


def person_key(room_id: int, who: str) -> str:
    return f"live:presence:{room_id}:{who}"


def _incr(key: str, step: int) -> int:
    cache.add(key, 0, TTL)
    try:
        value = cache.incr(key, step)
    except ValueError:  # expired between add() and incr()
        cache.add(key, max(step, 0), TTL)
        value = max(step, 0)
    cache.touch(key, TTL)
    return value


def arrive(room_id: int, who: str) -> int:
    """Count one more connection of `who`; returns how many connections `who` has now."""
    connections = _incr(person_key(room_id, who), 1)
    if connections == 1:
        _incr(room_key(room_id), 1)
    return connections


def leave(room_id: int, who: str) -> int:
    """Count one connection of `who` less; returns the room's count."""
    remaining = _incr(person_key(room_id, who), -1)
    if remaining <= 0:
        cache.delete(person_key(room_id, who))
        if _incr(room_key(room_id), -1) < 0:
            cache.set(room_key(room_id), 0, TTL)
        return count(room_id)
    return count(room_id)


def count(room_id: int) -> int:
    return max(int(cache.get(room_key(room_id)) or 0), 0)
