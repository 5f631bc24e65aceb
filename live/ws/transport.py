"""Channels' websocket consumer, fed by the fan-out's inbox: the one adapter to Channels' insides.

Channels gives each consumer a channel of its own in the layer and reads it beside the client's
frames (`AsyncConsumer.__call__`, `await_many_dispatch`). Kring's consumers get the room's
events through live.ws.fanout instead, so `__call__` and the dispatch loop are Kring's own,
written after Channels 4's; `dispatch` skips Channels' per-handler database trip for the
fan-out's events. What this relies on of Channels (the handler names, `StopConsumer`,
`AsyncWebsocketConsumer.dispatch`, `send` and `close` through `base_send`) is checked by
tests/live/test_transport.py, which fails when a Channels upgrade changes it.
"""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer

from live import conf
from live.ws import fanout

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Coroutine[Any, Any, None]]


class ClientGone(Exception):
    """The client closed its socket before a send reached it: not an error, only an end."""


class InboxConsumer(AsyncWebsocketConsumer):  # type: ignore[misc]  # Channels ships no types
    """A websocket consumer whose second source of messages is its fan-out inbox."""

    # Channels' own per-connection groups stay empty: the room's events come through
    # live.ws.fanout, joined once the room and the person are known.
    groups: list[str] = []
    # Loop time by which a connection that is closing has ended (see _idle).
    ending_by: float | None = None

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        """As Channels' AsyncConsumer.__call__ and its await_many_dispatch, made cheap.

        As there, one message at a time, each handler run to its end before the next starts,
        the inbox's events in order. The difference: the second source of messages is this
        connection's fan-out inbox, not a channel of its own in the layer, and there is no new
        task and no asyncio.wait() per event, only a future that the inbox (or the next frame)
        completes. Frames and events take turns, so neither a busy room nor a busy client
        starves the other. One coroutine for all of it: each coroutine more would stay
        suspended, with its frame, for as long as the connection is open.
        """
        self.scope = scope
        self.channel_layer = None
        self.channel_name = None
        self.inbox = inbox = fanout.Inbox()
        self.closing = False
        self.base_send = send
        self.ended = False
        frame = asyncio.ensure_future(receive())
        frame.add_done_callback(inbox.wake)
        try:
            while True:
                if frame.done():
                    message, frame = frame.result(), asyncio.ensure_future(receive())
                    frame.add_done_callback(inbox.wake)
                    await self.dispatch(message)
                event = inbox.pop()
                if event is not None:
                    await self.dispatch(event)
                elif not frame.done():
                    await self._idle(inbox)
        except (StopConsumer, ClientGone):
            # ClientGone: a send found the client gone in a handler that did not expect it;
            # the connection simply ends (uvicorn would log anything else as an error).
            pass
        finally:
            frame.cancel()
            with contextlib.suppress(BaseException):
                await frame
            if not self.ended:
                # The loop ended without the server's disconnect (an error escaped a handler):
                # what the connection holds (counts, groups) is let go all the same.
                await self.disconnect(1011)

    async def _idle(self, inbox: fanout.Inbox) -> None:
        """Wait for the next event or frame; once closing, only until `ending_by`.

        After a close the server's disconnect should follow. A client that stopped reading
        never completes the closing handshake, and the server would keep the connection (and
        Kring its counts) until the proxy's send_timeout or TCP ends it, if ever.
        """
        if self.ending_by is None:
            await inbox.wait()
            return
        try:
            async with asyncio.timeout_at(self.ending_by):
                await inbox.wait()
        except TimeoutError:
            raise ClientGone from None

    async def dispatch(self, message: Message) -> None:
        # Channels runs close_old_connections() in the process's one database thread before
        # every handler. The fan-out's events (live.*) touch no database; with 1,000 readers a
        # message was 1,000 trips through that thread, one after another, and delivery fell
        # seconds behind. Whatever here does use the database goes through
        # database_sync_to_async, which closes old connections itself, before and after.
        if message["type"].startswith("live."):
            handler = getattr(self, get_handler_name(message), None)
            if handler is None:
                raise ValueError(f"No handler for message type {message['type']}")
            await handler(message)
            return
        await super().dispatch(message)

    async def close(self, code: int | None = None, reason: str | None = None) -> None:
        # Events still in the inbox are dropped from here on: an ASGI server refuses a send
        # after the close, and the failure would end the connection before disconnect() ran.
        self._gone()
        try:
            # The server's send waits while the socket's buffer is full: for a client that
            # stopped reading, for good. It then counts as gone (ClientGone ends the loop, and
            # __call__ lets go of what the connection held); the server keeps its socket until
            # the proxy's send_timeout or TCP ends it.
            async with asyncio.timeout(conf.CLOSE_WAIT_SECONDS):
                await super().close(code=code, reason=reason)
        except OSError:
            # A client that already went (uvicorn raises its ClientDisconnected, an OSError):
            # the server hands its disconnect to the loop, or the loop's end lets go.
            pass
        except TimeoutError as error:
            raise ClientGone from error

    async def accept(self, subprotocol: str | None = None, headers: Any = None) -> None:
        try:
            await super().accept(subprotocol=subprotocol, headers=headers)
        except OSError as error:
            self._gone()
            raise ClientGone from error

    async def send(
        self, text_data: str | None = None, bytes_data: bytes | None = None, close: bool = False
    ) -> None:
        if self.closing:
            return
        try:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)
        except OSError as error:
            self._gone()
            raise ClientGone from error

    def _gone(self) -> None:
        """Nothing more is sent: not by the handlers, not by the fan-out's direct path."""
        self.closing = True
        self.inbox.direct = None
        if self.ending_by is None:
            self.ending_by = asyncio.get_running_loop().time() + conf.CLOSE_WAIT_SECONDS

    async def websocket_disconnect(self, message: Message) -> None:
        self.ended = True
        await super().websocket_disconnect(message)

    def _write(self, text: str) -> Coroutine[Any, Any, None]:
        """The server's own send of one text frame (the fan-out's direct path)."""
        return self.base_send({"type": "websocket.send", "text": text})
