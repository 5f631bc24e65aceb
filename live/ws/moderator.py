"""The moderators' side of a live-room connection, and who the connection speaks for.

A mixin of live.ws.consumer.LiveRoomConsumer: every moderator command checks the account, its
group, its second factor and the staff session again (as the admin does per request), and a
connection whose account changed re-reads its session (live.ws.identity).
"""

import asyncio
import contextlib
from dataclasses import replace

from channels.db import database_sync_to_async
from django.utils.translation import gettext_lazy as _

from live import conf, services
from live.events import encode
from live.models import LiveRoom
from live.ws import fanout, identity, presence
from live.ws.connection import in_cache


class ModeratorCommands:
    """The moderator commands of the protocol and the checks of who the connection is."""

    async def _moderate(self, function, *args, **kwargs):
        def run():
            # As the admin checks every request: the account, its group, its second factor
            # and the staff session's time limits, read now, not when the socket opened.
            checked = identity.check(self.identity)
            if not checked.moderator:
                raise services.LiveError("forbidden", _("Only moderators can do that."))
            identity.count_as_activity(checked.session)
            room = LiveRoom.objects.get(pk=self.room_id)
            return function(room, *args, by=checked.user, **kwargs)

        try:
            return await self._call(run)
        except services.LiveError as error:
            if error.code == "forbidden":
                await self._check_identity()
            raise

    async def on_message_remove(self, id, reason=""):
        await self._moderate(services.do_remove_message, id, reason=reason)

    async def on_message_approve(self, id):
        await self._moderate(services.do_release_message, id)

    async def on_question_approve(self, id):
        await self._moderate(services.do_approve_question, id)

    async def on_question_answered(self, id):
        await self._moderate(services.do_mark_answered, id)

    async def on_question_remove(self, id, reason=""):
        await self._moderate(services.do_remove_question, id, reason=reason)

    async def on_statement_open(self, id=None, text=None):
        await self._moderate(services.do_open_statement, statement_id=id, text=text)

    async def on_statement_close(self, id):
        await self._moderate(services.do_close_statement, id)

    async def on_participant_mute(self, id, muted=True):
        await self._moderate(services.do_mute, id, muted=muted)

    async def on_room_slow(self, seconds):
        await self._moderate(services.do_set_slow_mode, seconds)

    async def on_room_open(self):
        await self._moderate(services.do_set_status, LiveRoom.Status.OPEN)

    async def on_room_close(self):
        await self._moderate(services.do_set_status, LiveRoom.Status.CLOSED)

    # Who this connection speaks for ------------------------------------------------------------

    async def live_check(self, message):
        """Something changed about this account (live.ws.identity): check who we are again."""
        await self._check_identity()

    async def _watch_moderator(self):
        """Moderators' staff sessions end after a while idle: notice it while connected."""
        with contextlib.suppress(asyncio.CancelledError):
            while self.actor.moderator:
                await asyncio.sleep(conf.CHECK_MODERATOR_SECONDS)
                await self._check_identity()

    async def _check_identity(self):
        checked = await database_sync_to_async(identity.check)(self.identity)
        if not checked.valid:
            await self._error(
                "signed_out", _("You are no longer logged in. Reload the page to take part.")
            )
            await self.close(code=conf.CLOSE_SIGNED_OUT)
        elif self.actor.moderator and not checked.moderator:
            await self._step_down()

    async def _step_down(self):
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
