"""How much one client may open and send, across all its connections and worker processes.

A connection's own token bucket (Bucket, below) slows one socket down; the other limits stop the
ways around it: many sockets at once, reconnecting after being cut off, many tabs under one
name. Clients are counted by a salted key of their network address (community.clients), kept
in the shared cache only, so nothing here can be tied back to an address after a day.
"""

import time
from types import SimpleNamespace

from django.core.cache import cache

from community.clients import client_key
from community.ratelimit import allow
from live import conf

TTL = 24 * 60 * 60


def client_of(scope):
    """The salted key of the client behind a websocket (its address, as the proxy gave it)."""
    meta = {
        "HTTP_" + name.decode("latin-1").upper().replace("-", "_"): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }
    meta["REMOTE_ADDR"] = (scope.get("client") or ("", 0))[0] or ""
    return client_key(SimpleNamespace(META=meta), "live")


def _open_key(client):
    return f"live:open:{client}"


def admit(client):
    """Count a new connection of `client`; returns why it is refused, or None."""
    if cache.get(f"live:cool-down:{client}"):
        return "cool_down"
    if not allow(f"live-connect:{client}", conf.connects_per_client_per_minute(), 60):
        return "too_fast"
    cache.add(_open_key(client), 0, TTL)
    try:
        open_now = cache.incr(_open_key(client))
    except ValueError:  # expired between add() and incr()
        cache.add(_open_key(client), 1, TTL)
        open_now = 1
    if open_now > conf.connections_per_client():
        release(client)
        return "too_many"
    return None


def release(client):
    """Count a connection of `client` that ended."""
    try:
        if cache.decr(_open_key(client)) < 0:
            cache.set(_open_key(client), 0, TTL)
    except ValueError:
        pass


def cool_down(client):
    cache.set(f"live:cool-down:{client}", 1, conf.COOL_DOWN_SECONDS)


def may_send(participant_id):
    """One more message from this participant, over all their connections?"""
    return allow(f"live-send:{participant_id}", conf.MESSAGES_PER_PARTICIPANT, conf.MESSAGE_WINDOW)


class Bucket:
    """Tokens per connection: each message takes one; they refill by the second."""

    def __init__(self, size, rate):
        self.size, self.rate = size, rate
        self.tokens, self.at = float(size), time.monotonic()

    def take(self):
        now = time.monotonic()
        self.tokens = min(self.size, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
