"""The moderators' side of a live-room connection, and who the connection speaks for.

A mixin of live.ws.consumer.LiveRoomConsumer: every moderator command checks the account, its
group, its second factor and the staff session again (as the admin does per request), and a
connection whose account changed re-reads its session (live.ws.identity).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from channels.db import database_sync_to_async
from django.utils.translation import gettext_lazy as _

from live import conf, services
from live.events import encode
from live.models import LiveRoom
from live.ws import fanout, identity, presence
from live.ws.connection import in_cache

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from live import event_types
    from live.permissions import Someone
    from live.ws.identity import Identity
    from live.ws.limits import Bucket

T = TypeVar("T")
# What a moderator command does, in the database thread: (room, moderator) -> whatever.
Act = Callable[[LiveRoom, "Someone"], object]


class ModeratorCommands:
    """The moderator commands of the protocol and the checks of who the connection is."""

    # What live.ws.consumer.LiveRoomConsumer, whose mixin this is, sets up when it connects.
    identity: Identity
    room_id: int
    actor: services.Actor
    bucket: Bucket
    inbox: fanout.Inbox
    slow_seconds: int

    if TYPE_CHECKING:
        # LiveRoomConsumer's methods that the commands use, with their types.
        async def _call(self, function: Callable[[], T]) -> T: ...
        async def _error(self, code: str, message: StrOrPromise) -> None: ...
        async def close(self, code: int | None = None, reason: str | None = None) -> None: ...
        async def send(
            self, text_data: str | None = None, bytes_data: bytes | None = None, close: bool = False
        ) -> None: ...
        def _bucket_size(self, slow_seconds: int) -> tuple[int, float]: ...
        def _groups(self) -> list[str]: ...
        def _snapshot(self, last_id: int | None, count: int) -> event_types.RoomState: ...

    async def _moderate(self, act: Act) -> None:
        def run() -> None:
            # As the admin checks every request: the account, its group, its second factor
            # and the staff session's time limits, read now, not when the socket opened.
            checked = identity.check(self.identity)
            if not checked.moderator:
                raise services.LiveError("forbidden", _("Only moderators can do that."))
            assert checked.session is not None  # a moderator's check read their session
            identity.count_as_activity(checked.session)
            room = LiveRoom.objects.get(pk=self.room_id)
            act(room, checked.user)

        try:
            await self._call(run)
        except services.LiveError as error:
            if error.code == "forbidden":
                await self._check_identity()
            raise

    async def on_message_remove(self, id: int, reason: str = "") -> None:
        await self._moderate(
            lambda room, by: services.do_remove_message(room, id, by=by, reason=reason)
        )

    async def on_message_approve(self, id: int) -> None:
        await self._moderate(lambda room, by: services.do_release_message(room, id, by=by))

    async def on_question_approve(self, id: int) -> None:
        await self._moderate(lambda room, by: services.do_approve_question(room, id, by=by))

    async def on_question_answered(self, id: int) -> None:
        await self._moderate(lambda room, by: services.do_mark_answered(room, id, by=by))

    async def on_question_remove(self, id: int, reason: str = "") -> None:
        await self._moderate(
            lambda room, by: services.do_remove_question(room, id, by=by, reason=reason)
        )

    async def on_statement_open(self, id: int | None = None, text: str | None = None) -> None:
        await self._moderate(
            lambda room, by: services.do_open_statement(room, by=by, statement_id=id, text=text)
        )

    async def on_statement_close(self, id: int) -> None:
        await self._moderate(lambda room, by: services.do_close_statement(room, id, by=by))

    async def on_participant_mute(self, id: int, muted: bool = True) -> None:
        await self._moderate(lambda room, by: services.do_mute(room, id, by=by, muted=muted))

    async def on_room_slow(self, seconds: int) -> None:
        await self._moderate(lambda room, by: services.do_set_slow_mode(room, seconds, by=by))

    async def on_room_open(self) -> None:
        await self._moderate(
            lambda room, by: services.do_set_status(room, LiveRoom.Status.OPEN, by=by)
        )

    async def on_room_close(self) -> None:
        await self._moderate(
            lambda room, by: services.do_set_status(room, LiveRoom.Status.CLOSED, by=by)
        )

    # Who this connection speaks for ------------------------------------------------------------

    async def live_check(self, message: dict[str, str]) -> None:
        """Something changed about this account (live.ws.identity): check who we are again."""
        await self._check_identity()

    async def _watch_moderator(self) -> None:
        """Moderators' staff sessions end after a while idle: notice it while connected."""
        with contextlib.suppress(asyncio.CancelledError):
            while self.actor.moderator:
                await asyncio.sleep(conf.CHECK_MODERATOR_SECONDS)
                await self._check_identity()

    async def _check_identity(self) -> None:
        checked = await database_sync_to_async(identity.check)(self.identity)
        if not checked.valid:
            await self._error(
                "signed_out", _("You are no longer logged in. Reload the page to take part.")
            )
            await self.close(code=conf.CLOSE_SIGNED_OUT)
        elif self.actor.moderator and not checked.moderator:
            await self._step_down()

    async def _step_down(self) -> None:
        """No longer a moderator: leave the moderators' events and start again as a participant."""
        self.actor = replace(self.actor, moderator=False, user=None)
        self.bucket.size, self.bucket.rate = self._bucket_size(self.slow_seconds)
        await fanout.leave(self.inbox)
        await fanout.join(self.inbox, self._groups())
        await self._error(
            "not_moderator",
            _("You can no longer moderate here. Log in again in the admin to go on moderating."),
        )
        count = await in_cache(presence.count)(self.room_id)
        await self.send(text_data=encode(await database_sync_to_async(self._snapshot)(None, count)))
