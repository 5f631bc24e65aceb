"""Letting a connection in, counting it out, and its messages: one Redis round trip each.

live.ws.limits (cool-down, connect rate, open sockets per client) and live.ws.presence (people
in a room) count through Django's cache: about ten commands per connection, each through
sync_to_async in a small thread pool. With 2,000 readers connecting at once that queue was most
of a worker's time. When the cache is Redis, the same counting runs here as Lua scripts through
redis.asyncio: the same keys (Django's cache key of each), the same expiry and the same limits,
each step in one atomic script instead of a race between add() and incr(). The limit on a
person's messages over all their tabs (limits.may_send) is checked the same way, so that a
chat message does not wait for a thread before it reaches the database. With any other
cache (locmem in development and `make test` without Redis) the functions below call
limits/presence as before.

The client key needs today's salt (community.clients). It is kept per process and sent with
every admission; the script refuses a salt that is no longer the stored one (the day's salt
ran out, or Redis restarted), and the salt is read again: a process never counts a client
under a key that another process would not compute.
"""

from __future__ import annotations

import weakref
from asyncio import AbstractEventLoop, get_running_loop
from typing import Any

import redis.asyncio
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisSerializer

from community.clients import SALT_KEY, current_salt
from community.ratelimit import cache_key as attempts_key
from live import conf
from live.ws import limits, presence
from live.ws.connection import in_cache

# Connections to Redis per worker process for admission, and how long a handshake waits for
# one before it fails (the proposal's tunables; to move to live.conf).
CONNECTIONS = 20
POOL_WAIT_SECONDS = 10

# Lua: SET NX EX + INCRBY + EXPIRE is presence._incr (add, incr, touch); `release` is
# limits.release (decr only if the key exists, never below zero); `attempt` is
# community.ratelimit.allow (a fixed window: true while at most `limit` fell in it).
_INCR = """
local function attempt(key, limit, window)
  if redis.call('SET', key, 1, 'EX', window, 'NX') then return true end
  local count = redis.call('INCR', key)
  -- A count without an expiry (left by an older cache path's race) would refuse for good.
  if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, window) end
  return count <= tonumber(limit)
end
local function incr(key, step, ttl)
  redis.call('SET', key, 0, 'EX', ttl, 'NX')
  local value = redis.call('INCRBY', key, step)
  redis.call('EXPIRE', key, ttl)
  return value
end
local function release(key, ttl)
  if redis.call('EXISTS', key) == 1 and redis.call('DECR', key) < 0 then
    redis.call('SET', key, 0, 'EX', ttl)
  end
end
"""

# KEYS: salt, cool-down, connect rate, open sockets.
# ARGV: the salt the keys were made with, connects per window, window, open at most, open TTL.
ADMIT = (
    _INCR
    + """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 'stale_salt' end
local cool = redis.call('GET', KEYS[2])
if cool and cool ~= '0' then return 'cool_down' end
if not attempt(KEYS[3], ARGV[2], ARGV[3]) then return 'too_fast' end
redis.call('SET', KEYS[4], 0, 'EX', ARGV[5], 'NX')
if redis.call('INCR', KEYS[4]) > tonumber(ARGV[4]) then
  release(KEYS[4], ARGV[5])
  return 'too_many'
end
return ''
"""
)

# KEYS: the person's connections, the room's people. ARGV: TTL. Returns the person's count.
ARRIVE = (
    _INCR
    + """
local connections = incr(KEYS[1], 1, ARGV[1])
if connections == 1 then incr(KEYS[2], 1, ARGV[1]) end
return connections
"""
)

# KEYS: open sockets, the person's connections, the room's people.
# ARGV: open TTL, presence TTL, '1' to release the socket, '1' to leave the room.
LEAVE = (
    _INCR
    + """
if ARGV[3] == '1' then release(KEYS[1], ARGV[1]) end
if ARGV[4] == '1' and incr(KEYS[2], -1, ARGV[2]) <= 0 then
  redis.call('DEL', KEYS[2])
  if incr(KEYS[3], -1, ARGV[2]) < 0 then redis.call('SET', KEYS[3], 0, 'EX', ARGV[2]) end
end
return 0
"""
)

# KEYS: the person's message count. ARGV: messages per window, the window. 1: allowed.
SEND = (
    _INCR
    + """
if attempt(KEYS[1], ARGV[1], ARGV[2]) then return 1 end
return 0
"""
)


class _Redis:
    """The cache's Redis for one event loop, with the scripts registered on it."""

    def __init__(self, url: str) -> None:
        # A crowd's handshakes wait for one of a few connections rather than each opening one.
        pool = redis.asyncio.BlockingConnectionPool.from_url(
            url, max_connections=CONNECTIONS, timeout=POOL_WAIT_SECONDS
        )
        self.client = redis.asyncio.Redis(connection_pool=pool)
        self.admit = self.client.register_script(ADMIT)
        self.arrive = self.client.register_script(ARRIVE)
        self.leave = self.client.register_script(LEAVE)
        self.send = self.client.register_script(SEND)


_clients: weakref.WeakKeyDictionary[AbstractEventLoop, dict[str, _Redis]] = (
    weakref.WeakKeyDictionary()
)
# Today's salt as the cache stores it (raw) and as the client key uses it, kept per process.
_salt: dict[str, bytes] = {}


def _redis() -> _Redis | None:
    """The cache's Redis on this loop, or None when the cache is not Redis."""
    if not isinstance(caches["default"], RedisCache):
        return None
    location = settings.CACHES["default"]["LOCATION"]
    url = (location if isinstance(location, str) else location[0]).split(",")[0]
    per_loop = _clients.setdefault(get_running_loop(), {})
    if url not in per_loop:
        per_loop[url] = _Redis(url)
    return per_loop[url]


def _key(key: str) -> str:
    return caches["default"].make_key(key)


async def _read_salt(connection: _Redis) -> tuple[bytes, bytes]:
    raw = await connection.client.get(_key(SALT_KEY))
    if raw is None:
        await in_cache(current_salt)()  # makes today's, as every other use of the salt would
        raw = await connection.client.get(_key(SALT_KEY))
    if not isinstance(raw, bytes):
        raise RuntimeError("the cache holds no salt for client keys")
    _salt["raw"], _salt["used"] = raw, str(RedisSerializer().loads(raw)).encode()
    return _salt["raw"], _salt["used"]


async def admit(scope: dict[str, Any]) -> tuple[str, str | None]:
    """The client behind `scope`, and why its new connection is refused (None: counted).

    limits.client_of() and limits.admit() in one round trip.
    """
    connection = _redis()
    if connection is None:
        client = await in_cache(limits.client_of)(scope)
        return client, await in_cache(limits.admit)(client)
    if "raw" in _salt:
        raw, salt = _salt["raw"], _salt["used"]
    else:
        raw, salt = await _read_salt(connection)
    for _attempt in range(3):
        client = limits.client_of(scope, salt=salt)
        refused = await connection.admit(
            keys=[
                _key(SALT_KEY),
                _key(limits.cool_down_key(client)),
                _key(attempts_key(limits.connect_key(client))),
                _key(limits.open_key(client)),
            ],
            args=[
                raw,
                conf.connects_per_client_per_minute(),
                limits.CONNECT_WINDOW,
                conf.connections_per_client(),
                limits.TTL,
            ],
        )
        if refused != b"stale_salt":
            return client, refused.decode() or None
        raw, salt = await _read_salt(connection)
    raise RuntimeError("the clients' salt changed three times during one admission")


async def arrive(room_id: int, who: str) -> int:
    """presence.arrive(): how many connections `who` has in the room now."""
    connection = _redis()
    if connection is None:
        connections: int = await in_cache(presence.arrive)(room_id, who)
        return connections
    keys = [_key(presence.person_key(room_id, who)), _key(presence.room_key(room_id))]
    return int(await connection.arrive(keys=keys, args=[presence.TTL]))


async def leave(client: str | None, room_id: int | None = None, who: str | None = None) -> None:
    """limits.release(client) and presence.leave(room_id, who), each where given."""
    if client is None and (room_id is None or who is None):
        return
    connection = _redis()
    if connection is None:
        if client is not None:
            await in_cache(limits.release)(client)
        if room_id is not None and who is not None:
            await in_cache(presence.leave)(room_id, who)
        return
    open_key = _key(limits.open_key(client)) if client is not None else ""
    person = room = ""  # keys the script does not touch
    if room_id is not None and who is not None:
        person, room = _key(presence.person_key(room_id, who)), _key(presence.room_key(room_id))
    args = [limits.TTL, presence.TTL, int(client is not None), int(bool(person))]
    await connection.leave(keys=[open_key, person, room], args=args)


async def may_send(participant_id: int) -> bool:
    """limits.may_send(): one more message from this person, over all their connections?"""
    connection = _redis()
    if connection is None:
        allowed: bool = await in_cache(limits.may_send)(participant_id)
        return allowed
    key = _key(attempts_key(limits.send_key(participant_id)))
    args = [conf.MESSAGES_PER_PARTICIPANT, conf.MESSAGE_WINDOW]
    return bool(await connection.send(keys=[key], args=args))
