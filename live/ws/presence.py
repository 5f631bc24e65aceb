"""How many people are in a room right now, counted in the cache that all workers share.

A person with the room open in two tabs counts once: connections are counted per participant
(or per connection for someone who has not chosen a name yet), and the room's count only
moves when a participant's first connection opens or their last one closes. The numbers are
kept for a day at most, so a worker that died without saying goodbye cannot skew them for long.
"""

from django.core.cache import cache

TTL = 24 * 60 * 60


def _room_key(room_id):
    return f"live:presence:{room_id}"


def _person_key(room_id, who):
    return f"live:presence:{room_id}:{who}"


def _incr(key, step):
    cache.add(key, 0, TTL)
    try:
        value = cache.incr(key, step)
    except ValueError:  # expired between add() and incr()
        cache.add(key, max(step, 0), TTL)
        value = max(step, 0)
    cache.touch(key, TTL)
    return value


def arrive(room_id, who):
    """Count one more connection of `who`; returns how many connections `who` has now."""
    connections = _incr(_person_key(room_id, who), 1)
    if connections == 1:
        _incr(_room_key(room_id), 1)
    return connections


def leave(room_id, who):
    """Count one connection of `who` less; returns the room's count."""
    remaining = _incr(_person_key(room_id, who), -1)
    if remaining <= 0:
        cache.delete(_person_key(room_id, who))
        if _incr(_room_key(room_id), -1) < 0:
            cache.set(_room_key(room_id), 0, TTL)
        return count(room_id)
    return count(room_id)


def count(room_id):
    return max(int(cache.get(_room_key(room_id)) or 0), 0)
