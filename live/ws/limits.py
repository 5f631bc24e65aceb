"""How much one client may open and send, across all its connections and worker processes.

A connection's own token bucket (live.ws.consumer) slows one socket down; these limits stop the
ways around it: many sockets at once, reconnecting after being cut off, many tabs under one
name. Clients are counted by a salted key of their network address (community.clients), kept
in the shared cache only, so nothing here can be tied back to an address after a day.
"""

from types import SimpleNamespace

from django.core.cache import cache

from community.clients import client_key
from community.ratelimit import allow
from live.conf import connections_per_client, connects_per_client_per_minute

TTL = 24 * 60 * 60


# Tabs one person may have open in one room; more are refused.
CONNECTIONS_PER_PARTICIPANT = 5
# Messages one participant may send in MESSAGE_WINDOW seconds, over all their tabs together.
MESSAGES_PER_PARTICIPANT = 30
MESSAGE_WINDOW = 10
# After a connection was cut off for flooding, its client may not connect for this long.
COOL_DOWN_SECONDS = 60


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
    if not allow(f"live-connect:{client}", connects_per_client_per_minute(), 60):
        return "too_fast"
    cache.add(_open_key(client), 0, TTL)
    try:
        open_now = cache.incr(_open_key(client))
    except ValueError:  # expired between add() and incr()
        cache.add(_open_key(client), 1, TTL)
        open_now = 1
    if open_now > connections_per_client():
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
    cache.set(f"live:cool-down:{client}", 1, COOL_DOWN_SECONDS)


def may_send(participant_id):
    """One more message from this participant, over all their connections?"""
    return allow(f"live-send:{participant_id}", MESSAGES_PER_PARTICIPANT, MESSAGE_WINDOW)
