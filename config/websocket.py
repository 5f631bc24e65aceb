"""The worker's ASGI application: HTTP to Django; a websocket checked, identified and routed.

For a websocket this does, in one step, what Channels' `ProtocolTypeRouter`,
`AllowedHostsOriginValidator`, `AuthMiddlewareStack` and `URLRouter` do as five nested
applications, with their checks:

- the Origin header against `ALLOWED_HOSTS` (Channels' own `OriginValidator.valid_origin`): a
  page on another website, or a script that sends no Origin, is refused with 403;
- the path against the websocket routes, matched as `URLRouter` matches them; a path
  that matches none is refused with 403 too (`URLRouter` raises, which the server logs
  as an error and answers with 500: a scanner would fill the log); a refusal touches neither
  a consumer nor the channel layer;
- the cookies, the session and the user, read once (Channels' `get_user`, in the database
  thread, only when there is a session cookie).

Why not Channels' stack: each of its layers stays suspended for the whole life of the
connection, with a copy of the scope each, and Channels' session layer wraps every send to
save a session a websocket never changes. With 10,000 readers in a room, the five layers' frames
and scope copies were about 2.5 KiB of each connection's memory (bench/README.md, "Memory per
connection"), and the session wrapper 8 % of a worker's CPU ("Where a worker's CPU goes").
Kring's socket code never changes the scope's session (live.ws.identity reads and saves the
store itself), so the server's `send` is passed through as it is.
"""

from importlib import import_module
from typing import Any
from urllib.parse import ParseResult, urlparse

from channels.auth import get_user
from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http.cookie import parse_cookie

Scope = dict[str, Any]
Application = Any  # an ASGI application


def cookies_of(scope: Scope) -> dict[str, str]:
    """The request's cookies, from its Cookie header (a browser sends one)."""
    header = b""
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            header = value
    return parse_cookie(header.decode("latin-1"))


def origin_of(scope: Scope) -> ParseResult | None:
    """The Origin header, parsed as Channels' OriginValidator parses it (None: none sent)."""
    origin = None
    for name, value in scope.get("headers", ()):
        if name == b"origin":
            try:
                origin = urlparse(value.decode("latin-1"))
            except (UnicodeDecodeError, ValueError):
                origin = None
    return origin


async def deny(receive: Any, send: Any) -> None:
    """Refuse the handshake (uvicorn answers 403), without a consumer.

    Channels' WebsocketDenier is a whole consumer: for every refused socket it makes a channel
    in the layer and starts a receive on it, under the same lock as the fan-out hub's own; a
    flood of refused handshakes could leave that lock held by a cancelled receive for good,
    and the worker's rooms without events (found by a red-team review).
    """
    if (await receive())["type"] == "websocket.connect":
        await send({"type": "websocket.close", "code": 1000})


class Entry:
    """ASGI application: `http` for HTTP; for a websocket, its consumer, or a refusal."""

    def __init__(self, http: Application, websocket_routes: list[Any]) -> None:
        self.http = http
        # Channels' checks without Channels' layers: the validator for ALLOWED_HOSTS (read
        # once, as Channels reads it), the router for its checked list of routes.
        self.origins = AllowedHostsOriginValidator(None)
        self.routes = URLRouter(websocket_routes).routes
        for route in self.routes:
            if not hasattr(route.callback, "consumer_class"):
                raise ImproperlyConfigured(f"{route}: a websocket route takes Consumer.as_asgi()")

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> Any:
        if scope["type"] == "http":
            return await self.http(scope, receive, send)
        if scope["type"] != "websocket":
            raise ValueError(f"No application configured for scope type {scope['type']!r}")
        route = self.route(scope) if self.origins.valid_origin(origin_of(scope)) else None
        if route is None:
            return await deny(receive, send)
        callback, url_route = route
        cookies = cookies_of(scope)
        key = cookies.get(settings.SESSION_COOKIE_NAME)
        session = import_module(settings.SESSION_ENGINE).SessionStore(key)
        scope = dict(scope, cookies=cookies, session=session, url_route=url_route)
        # channels.auth.get_user: Django's get_user for a scope, with the session's hash checked
        # against the account, in the database thread. Without a session cookie there is no one
        # to look up: a reader's handshake does not queue behind the database thread for it.
        scope["user"] = await get_user(scope) if key else AnonymousUser()
        consumer = callback.consumer_class(**callback.consumer_initkwargs)
        return await consumer(scope, receive, send)

    def route(self, scope: Scope) -> tuple[Any, dict[str, Any]] | None:
        """The route's consumer and the scope's `url_route`, as URLRouter finds them."""
        path = scope["path"]
        root_path = scope.get("root_path", "")
        if root_path:
            if not path.startswith(root_path):
                return None
            path = path[len(root_path) :]
        path = path.lstrip("/")
        for route in self.routes:
            match = route.pattern.match(path)
            # Whole paths only (URLRouter matches a nested router's route as a prefix; Kring
            # has none): /ws/live/<slug>/anything-else/ opens nothing.
            if match and not match[0]:
                _rest, args, kwargs = match
                return route.callback, {"args": args, "kwargs": {**kwargs, **route.default_args}}
        return None
