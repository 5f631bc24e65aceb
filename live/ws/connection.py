"""What each live-room connection needs apart from the room: its limits, language and place.

Kept apart from live.ws.consumer so the consumer reads as the protocol's glue.
"""

import time
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.conf import settings

# A client that keeps sending after being told to slow down is cut off (it may reconnect).
CLOSE_FLOODING = 4008
# A client so far behind that its events piled up is cut off; it reconnects with ?last=.
CLOSE_TOO_SLOW = 4009
CLOSE_NO_ROOM = 4404
# Logged out, or the account changed so that the connection no longer speaks for it.
CLOSE_SIGNED_OUT = 4401
# Too many connections or reconnects from one client, or too many tabs under one name.
CLOSE_TOO_MANY = 4429
REFUSALS_BEFORE_CLOSE = 20


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


def in_cache(function):
    """Run `function`, which only talks to the cache, in a worker thread of its own.

    database_sync_to_async runs everything in the process's one database thread, one call
    after another; counting connections must not wait in that queue behind rooms' snapshots.
    """
    return sync_to_async(function, thread_sensitive=False)


def language_of(scope):
    """The visitor's chosen language (cookie), else their browser's, else Dutch."""
    supported = {code for code, _name in settings.LANGUAGES}
    chosen = scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in supported:
        return chosen
    for name, value in scope.get("headers", []):
        if name == b"accept-language":
            for part in value.decode("latin-1").split(","):
                code = part.split(";")[0].strip().lower()[:2]
                if code in supported:
                    return code
    return settings.LANGUAGE_CODE


def last_seen_id(scope):
    """The last message id a reconnecting client saw (?last=123), or None."""
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("last", [])
    # isdigit() alone also accepts "²", which int() refuses.
    if values and values[0].isascii() and values[0].isdigit() and len(values[0]) < 16:
        return int(values[0])
    return None
