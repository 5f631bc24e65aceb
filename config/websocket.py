"""The cookies, session and user of a websocket, read once at its handshake.

Channels' `AuthMiddlewareStack` (cookies, session, auth) puts the same into the scope, and its
session layer also wraps the connection's `send`, to save a changed session and set its cookie
on an HTTP response. A websocket sends none, so for a socket the wrapper only costs: every frame
to every connection asked `session.modified` and `session.is_empty()` through Django's
`LazyObject` (8 % of a worker's time with 2,000 readers, bench/README.md "Where a worker's CPU
goes"), and each of the three layers kept a copy of the scope for the connection's lifetime.
Kring's socket code never changes the scope's session (live.ws.identity reads and saves the
store itself), so this middleware reads the three once and passes the server's `send` through.
"""

from importlib import import_module
from typing import Any

from channels.auth import get_user
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http.cookie import parse_cookie

Scope = dict[str, Any]


def cookies_of(scope: Scope) -> dict[str, str]:
    """The request's cookies, from its Cookie header (a browser sends one)."""
    header = b""
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            header = value
    return parse_cookie(header.decode("latin-1"))


class SessionAndUser:
    """ASGI middleware: `cookies`, `session` and `user` in the scope of a websocket."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        cookies = cookies_of(scope)
        key = cookies.get(settings.SESSION_COOKIE_NAME)
        session = import_module(settings.SESSION_ENGINE).SessionStore(key)
        scope = dict(scope, cookies=cookies, session=session)
        # channels.auth.get_user: Django's get_user for a scope, with the session's hash checked
        # against the account, in the database thread. Without a session cookie there is no one
        # to look up: a reader's handshake does not queue behind the database thread for it.
        scope["user"] = await get_user(scope) if key else AnonymousUser()
        return await self.inner(scope, receive, send)
