"""Chat messages in the shared moderation queue.

Anyone can report a visible message; enough reports hide it. Messages that a hold phrase or
contact details held back wait in the queue too, to be posted or removed. From any of these
rows a moderator can also mute the writer. Every change goes through live.services, so the room
sees it at once and the audit log has it; only live moderators (with a second factor) see or
touch chat messages in the queue.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from live import permissions, services
from live.models import Message
from moderation.registry import Action, Hidden, ModerationAdapter, Refused

if TYPE_CHECKING:
    from live.permissions import Someone as Moderator

# How many messages of the room the queue shows around a message.
CONTEXT_BEFORE = 3
CONTEXT_AFTER = 2


class MessageAdapter(ModerationAdapter[Message]):
    model = Message
    slug = "chatbericht"
    label = _("Chat message")
    context_template = "moderation/admin/chat_context.html"
    actions = {
        "post": Action(_("Post"), _("The message has been posted in the room.")),
        "remove": Action(
            _("Remove"), _("The message has been removed. Nobody sees it."), danger=True
        ),
        # Muting silences a person for the rest of the room: the audit log must say why.
        "mute": Action(
            _("Mute the writer"),
            _("The writer is muted in this room."),
            needs_why=True,
            danger=True,
        ),
        "unmute": Action(_("Unmute the writer"), _("The writer can write in this room again.")),
    }

    def get(self, object_id: str) -> Message | None:
        object_id = str(object_id)
        if not (object_id.isascii() and object_id.isdigit()):
            return None
        return Message.objects.select_related("room", "participant").filter(pk=object_id).first()

    def can_moderate(self, user: Moderator) -> bool:
        return permissions.is_moderator(user)

    def title(self, item: Message) -> str:
        return _("Chat message by %(name)s in %(room)s") % {
            "name": item.participant.name,
            "room": item.room.title,
        }

    def excerpt(self, item: Message) -> str:
        return Truncator(item.text).chars(200)

    def public_url(self, item: Message) -> str | None:
        return item.room.get_absolute_url()

    def is_hidden(self, item: Message) -> bool:
        return item.status != Message.Status.VISIBLE

    def hide(self, item: Message, user: Moderator | None) -> Hidden:
        # Removed meanwhile (by a moderator in the room, or a report at the same moment).
        with suppress(services.LiveError):
            services.do_remove_message(item.room, item.pk, by=user, audit=False)
        return {"status": Message.Status.VISIBLE}

    def restore(self, item: Message, user: Moderator | None, hidden: Hidden | None) -> None:
        try:
            services.do_restore_message(item.room, item.pk, by=user)
        except services.LiveError as error:
            raise Refused(error.message) from error

    def remove(self, item: Message, user: Moderator | None) -> None:
        try:
            services.do_remove_message(item.room, item.pk, by=user, audit=False, erase=True)
        except services.LiveError as error:
            raise Refused(error.message) from error

    def author_email(self, item: Message) -> str | None:
        user = item.participant.user
        return user.email if user is not None and user.email else None

    def context(self, item: Message) -> dict[str, Any]:
        """The room, the writer and the messages around this one, as the room showed them."""
        visible = Message.objects.filter(room=item.room_id, status=Message.Status.VISIBLE)
        visible = visible.select_related("participant")
        before = list(visible.filter(id__lt=item.pk).order_by("-id")[:CONTEXT_BEFORE])
        # Nobody saw a held message, so what came after it cannot be about it.
        after: list[Message] = []
        if item.status != Message.Status.HELD:
            after = list(visible.filter(id__gt=item.pk).order_by("id")[:CONTEXT_AFTER])
        return {
            "message": item,
            "room": item.room,
            "writer": item.participant,
            "before": before[::-1],
            "after": after,
            "history_url": f"{reverse('live_messages:index')}?room={item.room_id}",
        }

    def held(self) -> list[Message]:
        held = Message.objects.filter(status=Message.Status.HELD)
        return list(held.select_related("room", "participant").order_by("created_at", "id"))

    def waiting_since(self, item: Message) -> datetime:
        return item.created_at

    def allowed_actions(self, item: Message) -> list[str]:
        names = ["post", "remove"] if item.status == Message.Status.HELD else []
        if not item.by_moderator:
            names.append("unmute" if item.participant.is_muted else "mute")
        return names

    def act(self, item: Message, action: str, user: Moderator, why: str) -> None:
        room = item.room
        try:
            if action == "post":
                services.do_release_message(room, item.pk, by=user, why=why)
            elif action == "remove":
                services.do_remove_message(room, item.pk, by=user, why=why)
            else:
                muted = action == "mute"
                services.do_mute(room, item.participant_id, by=user, muted=muted, why=why)
        except services.LiveError as error:
            raise Refused(error.message) from error
