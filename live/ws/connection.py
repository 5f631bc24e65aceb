"""What each live-room connection needs apart from the room: its language and place.

Kept apart from live.ws.consumer so the consumer reads as the protocol's glue.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from django.conf import settings

P = ParamSpec("P")
T = TypeVar("T")
# An ASGI connection scope (Channels adds "cookies", "user" and "session" to it).
Scope = dict[str, Any]


def in_cache(function: Callable[P, T]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Run `function`, which only talks to the cache, in a worker thread of its own.

    database_sync_to_async runs everything in the process's one database thread, one call
    after another; counting connections must not wait in that queue behind rooms' snapshots.
    """
    return sync_to_async(function, thread_sensitive=False)


def language_of(scope: Scope) -> str:
    """The visitor's chosen language (cookie), else their browser's, else Dutch."""
    supported = {code for code, _name in settings.LANGUAGES}
    cookies: dict[str, str] = scope.get("cookies", {})
    chosen = cookies.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in supported:
        return chosen
    headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
    for name, value in headers:
        if name == b"accept-language":
            for part in value.decode("latin-1").split(","):
                code = part.split(";")[0].strip().lower()[:2]
                if code in supported:
                    return code
    language: str = settings.LANGUAGE_CODE
    return language


def last_seen_id(scope: Scope) -> int | None:
    """The last message id a reconnecting client saw (?last=123), or None."""
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("last", [])
    # isdigit() alone also accepts "²", which int() refuses.
    if values and values[0].isascii() and values[0].isdigit() and len(values[0]) < 16:
        return int(values[0])
    return None
