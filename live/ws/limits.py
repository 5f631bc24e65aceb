"""How much one client may open and send, across all its connections and worker processes.

A connection's own token bucket (Bucket, below) slows one socket down; the other limits stop the
ways around it: many sockets at once, reconnecting after being cut off, many tabs under one
name. Clients are counted by a salted key of their network address (community.clients), kept
in the shared cache only, so nothing here can be tied back to an address after a day.

These functions talk to the cache through Django; with Redis, live.ws.admission does admit(),
release() and may_send() in one round trip each on the event loop, with the same keys and the
same meaning.
"""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from community.clients import client_key
from community.ratelimit import allow
from live import conf

TTL = 24 * 60 * 60
# The connect rate's window, in seconds.
CONNECT_WINDOW = 60


def client_of(scope: dict[str, Any], salt: bytes | None = None) -> str:
    """The salted key of the client behind a websocket (its address, as the proxy gave it)."""
    meta = {
        "HTTP_" + name.decode("latin-1").upper().replace("-", "_"): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }
    meta["REMOTE_ADDR"] = (scope.get("client") or ("", 0))[0] or ""
    request: HttpRequest = SimpleNamespace(META=meta)  # type: ignore[assignment]
    return client_key(request, "live", salt=salt)


def open_key(client: str) -> str:
    return f"live:open:{client}"


def cool_down_key(client: str) -> str:
    return f"live:cool-down:{client}"


def connect_key(client: str) -> str:
    """The connect rate's key for community.ratelimit."""
    return f"live-connect:{client}"


def admit(client: str) -> str | None:
    """Count a new connection of `client`; returns why it is refused, or None."""
    if cache.get(cool_down_key(client)):
        return "cool_down"
    if not allow(connect_key(client), conf.connects_per_client_per_minute(), CONNECT_WINDOW):
        return "too_fast"
    cache.add(open_key(client), 0, TTL)
    try:
        open_now = cache.incr(open_key(client))
    except ValueError:  # expired between add() and incr()
        cache.add(open_key(client), 1, TTL)
        open_now = 1
    if open_now > conf.connections_per_client():
        release(client)
        return "too_many"
    return None


def release(client: str) -> None:
    """Count a connection of `client` that ended."""
    try:
        if cache.decr(open_key(client)) < 0:
            cache.set(open_key(client), 0, TTL)
    except ValueError:
        pass


def cool_down(client: str) -> None:
    cache.set(cool_down_key(client), 1, conf.COOL_DOWN_SECONDS)


def send_key(participant_id: int) -> str:
    """The message rate's key for community.ratelimit."""
    return f"live-send:{participant_id}"


def may_send(participant_id: int) -> bool:
    """One more message from this participant, over all their connections?"""
    return allow(send_key(participant_id), conf.MESSAGES_PER_PARTICIPANT, conf.MESSAGE_WINDOW)


class Bucket:
    """Tokens per connection: each message takes one; they refill by the second."""

    __slots__ = ("at", "rate", "size", "tokens")

    def __init__(self, size: int, rate: float) -> None:
        self.size, self.rate = size, rate
        self.tokens, self.at = float(size), time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.size, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
