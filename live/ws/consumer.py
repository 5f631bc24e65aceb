"""The websocket of a live room: identity from the session, then thin glue to the services.

Each frame is size-checked, rate-limited and validated (live.ws.protocol) before a service sees
it; whatever goes wrong becomes an `error` event in the connection's language and the
connection stays usable. Events for the room arrive as JSON text serialised once, through the
process's fan-out (live.ws.fanout) into this connection's inbox, and are passed on unchanged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from channels.db import database_sync_to_async
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from community.help import help_numbers
from live import conf, event_types, events, outbox, services
from live.events import encode, moderators_group, participant_group, room_group, user_group
from live.models import LiveRoom, Participant, Statement
from live.ws import admission, coalesce, fanout, identity, limits, presence, protocol, rooms
from live.ws.connection import in_cache, language_of, last_seen_id
from live.ws.limits import Bucket
from live.ws.moderator import ModeratorCommands
from live.ws.transport import ClientGone, InboxConsumer

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Sent privately to someone whose message matched a watched phrase, with the help numbers.
SUPPORT = _(
    "You are not alone. If you want to talk to someone, you can call these numbers; to leave "
    "this site at once, press Escape or the button at the top."
)


def _reader_state(room_id: int) -> Callable[[], Awaitable[str]]:
    """The read of a reader's room.state, as JSON text: the participant count, then the room."""

    async def read() -> str:
        count = await in_cache(presence.count)(room_id)

        def build() -> str:
            return encode(events.reader_state(LiveRoom.objects.get(pk=room_id), count))

        text: str = await database_sync_to_async(build)()
        return text

    return read


class LiveRoomConsumer(ModeratorCommands, InboxConsumer):
    # What disconnect() lets go; also read when a connection ends before connect() ran.
    client: str | None = None
    arrived = False
    watch: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        # room_id and the rest of who is connecting are set once the room is found (_settle).
        self.language = language_of(self.scope)
        self.client, refused = await admission.admit(self.scope)
        if refused:
            self.client = None  # not counted, so not released either
            await self.close(code=conf.CLOSE_TOO_MANY)
            return
        slug = self.scope["url_route"]["kwargs"]["slug"]
        try:
            if identity.without_session(self.scope):
                found = await self._identify_reader(slug)
            else:
                found = await database_sync_to_async(self._identify)(slug)
            if not found:
                await self.close(code=conf.CLOSE_NO_ROOM)
                return
            await self._enter()
        except ClientGone:
            return  # left during the handshake: the server's disconnect counts them out
        except Exception:
            # Whatever failed half-way (a database hiccup, say), nothing may stay counted: the
            # close brings the server's disconnect, and disconnect() releases what was taken.
            logger.exception("live room %s: a connection could not be set up", slug)
            await self.close()

    async def _enter(self) -> None:
        await fanout.join(self.inbox, self._groups())
        tabs = await admission.arrive(self.room_id, self.presence_id)
        self.arrived = True
        # Tabs are limited under one name; readers without one count per network address (an
        # office or a shelter behind one address), where the limit per client applies.
        if self.actor.participant_id is not None and tabs > conf.CONNECTIONS_PER_PARTICIPANT:
            await self.close(code=conf.CLOSE_TOO_MANY)
            return
        await self.accept()
        # Joined the groups first: whatever happens while the state is read arrives after it
        # (the client ignores what it already has).
        last_id = last_seen_id(self.scope)
        if self.actor.participant_id is None and not self.actor.moderator and last_id is None:
            # A reader without a name: the state all such readers get, read once for all who
            # connect meanwhile, and only after each of them joined (live.ws.coalesce.SharedReads).
            text = await coalesce.shared_reads().get(self.room_id, _reader_state(self.room_id))
        else:
            count = await in_cache(presence.count)(self.room_id)
            text = encode(await database_sync_to_async(self._snapshot)(last_id, count))
        await self.send(text_data=text)
        # From here on the fan-out may write this room's events to the socket itself while
        # this connection waits for something to do (live.ws.fanout.Inbox.deliver).
        if not self.closing:
            self.inbox.direct = self._write
        await self._presence_changed()
        if self.actor.moderator:
            self.watch = asyncio.create_task(self._watch_moderator())

    def _groups(self) -> list[str]:
        groups = [room_group(self.room_id)]
        if self.actor.moderator:
            groups.append(moderators_group(self.room_id))
        if self.actor.participant_id:
            groups.append(participant_group(self.actor.participant_id))
        if self.identity.user_id:
            groups.append(user_group(self.identity.user_id))
        return groups

    async def _identify_reader(self, slug: str) -> bool:
        """No session: a reader, let in on the room live.ws.rooms keeps (no database thread)."""
        room = await rooms.for_reader(slug)
        if room is not None:
            self.identity = identity.READER
            self._settle(room, None, identity.Check(valid=True))
        return room is not None

    def _identify(self, slug: str) -> bool:
        room = LiveRoom.objects.filter(slug=slug).first()
        if room is None:
            return False
        user, session = self.scope.get("user"), self.scope.get("session")
        self.identity = identity.identity_of(user, session)
        checked = identity.check(self.identity)
        participant = None
        if room.status != LiveRoom.Status.CLOSED or checked.moderator:
            participant = services.do_join(room, user=user, session=session)
        self._settle(room, participant, checked)
        return True

    def _settle(
        self,
        room: LiveRoom | rooms.RoomFacts,
        participant: Participant | None,
        checked: identity.Check,
    ) -> None:
        self.room_id = room.pk
        self.room_status = room.status
        self.actor = services.Actor(
            room_id=room.pk,
            participant_id=participant.pk if participant else None,
            user=checked.user if checked.moderator else None,
            moderator=checked.moderator,
        )
        # People count once however many tabs they have; readers without a name once per
        # network address, so opening sockets cannot inflate the count.
        self.presence_id = f"p{participant.pk}" if participant else f"c{self.client}"
        self.slow_seconds = room.slow_mode_seconds
        self.bucket = Bucket(*self._bucket_size(self.slow_seconds))
        self.refusals = 0

    def _bucket_size(self, slow_seconds: int) -> tuple[int, float]:
        if self.actor.moderator:
            return conf.BUCKET_SIZE * 3, conf.REFILL_PER_SECOND * 3
        rate = conf.SLOW_REFILL_PER_SECOND if slow_seconds else conf.REFILL_PER_SECOND
        return conf.BUCKET_SIZE, rate

    def _snapshot(self, last_id: int | None, count: int) -> event_types.RoomState:
        room = LiveRoom.objects.get(pk=self.room_id)
        participant = None
        if self.actor.participant_id:
            participant = room.participants.get(pk=self.actor.participant_id)
        return events.room_state(room, participant, self.actor.moderator, last_id, count)

    async def disconnect(self, code: int) -> None:
        if self.watch is not None:
            self.watch.cancel()
        await fanout.leave(self.inbox)
        where = (self.room_id, self.presence_id) if self.arrived else ()
        await admission.leave(self.client, *where)
        if self.arrived:
            await self._presence_changed()

    # Incoming -------------------------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not self.bucket.take() or not await self._may_send():
            self.refusals += 1
            if self.refusals > conf.REFUSALS_BEFORE_CLOSE:
                # Cut off, and not straight back in: reconnecting would refill the bucket.
                if self.client is not None:
                    await in_cache(limits.cool_down)(self.client)
                await self.close(code=conf.CLOSE_FLOODING)
                return
            await self._error(
                "rate_limited", _("You are sending messages too fast. Wait a moment.")
            )
            return
        self.refusals = 0
        if bytes_data is not None:
            await self._error("invalid", _("This message is not valid."))
            return
        try:
            with translation.override(self.language):
                command = protocol.parse(text_data, moderator=self.actor.moderator)
            handler = getattr(self, "on_" + command.kind.replace(".", "_"))
            await handler(**command.arguments())
        except services.LiveError as error:
            await self._error(error.code, error.message)
        except Exception:
            logger.exception("live room %s: a message could not be handled", self.room_id)
            await self._error("failed", _("Something went wrong. Please try again."))

    async def _may_send(self) -> bool:
        """The limit per person, over all their tabs (moderators have their bucket only)."""
        if self.actor.participant_id is None or self.actor.moderator:
            return True
        return await admission.may_send(self.actor.participant_id)

    async def _error(self, code: str, message: StrOrPromise) -> None:
        with translation.override(self.language):
            await self.send(
                text_data=encode({"type": "error", "code": code, "message": str(message)})
            )

    async def _call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """A service in the database thread, in this language; its events go out from here."""
        kept = outbox.Outbox()

        def run() -> T:
            with translation.override(self.language), outbox.collecting(kept):
                return function(*args, **kwargs)

        try:
            result: T = await database_sync_to_async(run)()
            return result
        finally:
            await events.send_kept(kept)

    async def _reply(self, event: event_types.Event) -> None:
        await self.send(text_data=encode(event))

    async def on_chat_send(self, text: str) -> None:
        result = await self._call(services.do_send_chat, self.actor, text)
        if result.held:
            await self._reply({"type": "chat.held", "id": result.id})
        if result.watched:
            await self._support()

    async def on_question_ask(self, text: str) -> None:
        result = await self._call(services.do_ask_question, self.actor, text)
        await self._reply({"type": "question.received", "id": result.id, "pending": result.held})
        if result.watched:
            await self._support()

    async def on_question_upvote(self, id: int, up: bool = True) -> None:
        await self._call(services.do_upvote, self.actor, id, up)
        await self._reply({"type": "question.upvoted", "id": id, "up": up})
        await coalesce.request(("upvotes", self.room_id), conf.tally_interval(), self._upvotes)

    async def on_statement_vote(self, id: int, choice: str) -> None:
        statement_id = await self._call(services.do_vote, self.actor, id, choice)
        await self._reply({"type": "statement.voted", "id": statement_id, "choice": choice})
        await coalesce.request(
            ("tally", self.room_id, statement_id),
            conf.tally_interval(),
            lambda: self._tally(statement_id),
        )
        await coalesce.request(
            ("split", self.room_id, statement_id),
            conf.tally_interval(),
            lambda: self._split(statement_id),
        )

    async def _support(self) -> None:
        def event() -> event_types.Support:
            with translation.override(self.language):
                return {"type": "support", "message": str(SUPPORT), "help": help_numbers()}

        await self._reply(await database_sync_to_async(event)())

    # Coalesced broadcasts ---------------------------------------------------------------------

    async def _upvotes(self) -> coalesce.Broadcast:
        votes = await database_sync_to_async(events.upvote_counts)(self.room_id)
        return room_group(self.room_id), {"type": "question.votes", "votes": votes}

    async def _tally(self, statement_id: int) -> coalesce.Broadcast:
        def read() -> event_types.StatementTally | None:
            statement = Statement.objects.filter(pk=statement_id).first()
            if statement is None or statement.status != Statement.Status.OPEN:
                return None  # its final results went out when it closed
            counts = events.tally(statement)
            return {
                "type": "statement.tally",
                "id": statement.pk,
                "counts": counts,
                "total": sum(counts.values()),
            }

        event = await database_sync_to_async(read)()
        return (room_group(self.room_id), event) if event else None

    async def _split(self, statement_id: int) -> coalesce.Broadcast:
        """The split by role, live for moderators only (everyone sees it once it closed)."""

        def read() -> event_types.StatementSplit | None:
            statement = Statement.objects.filter(pk=statement_id).first()
            if statement is None or statement.status != Statement.Status.OPEN:
                return None
            return events.split_event(statement)

        event = await database_sync_to_async(read)()
        return (moderators_group(self.room_id), event) if event else None

    async def _presence_changed(self) -> None:
        room_id = self.room_id

        async def produce() -> coalesce.Broadcast:
            count = await in_cache(presence.count)(room_id)
            return room_group(room_id), {"type": "room.presence", "count": count}

        await coalesce.request(("presence", room_id), conf.presence_interval(), produce)

    # Outgoing --------------------------------------------------------------------------------

    async def live_send(self, message: fanout.Message) -> None:
        """An event for this room, already serialised: pass it on as it is."""
        meta = message.get("meta")
        if meta and "slow" in meta:
            self.slow_seconds = meta["slow"]
            self.bucket.size, self.bucket.rate = self._bucket_size(self.slow_seconds)
        await self.send(text_data=message["text"])

    async def live_resync(self, message: fanout.Message) -> None:
        """Events may have been lost on their way here: the client reconnects with ?last=.

        The client closes the socket itself (room.js): a frame it sent meanwhile still arrives
        before its close, where a close from here would drop it.
        """
        await self.send(text_data=encode({"type": "room.resync"}))

    async def live_overflow(self, message: fanout.Message) -> None:
        """This connection's inbox filled up: the client is too slow to keep up."""
        await self.close(code=conf.CLOSE_TOO_SLOW)
