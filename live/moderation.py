"""Chat messages in the shared moderation queue: anyone can report one; enough reports hide it."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from live import services
from live.models import Message
from moderation.registry import ModerationAdapter


class MessageAdapter(ModerationAdapter):
    model = Message
    slug = "chatbericht"
    label = _("Chat message")

    def get(self, object_id):
        if not str(object_id).isdigit():
            return None
        return Message.objects.select_related("room", "participant").filter(pk=object_id).first()

    def title(self, item):
        return _("Chat message by %(name)s in %(room)s") % {
            "name": item.participant.name,
            "room": item.room.title,
        }

    def excerpt(self, item):
        return Truncator(item.text).chars(200)

    def public_url(self, item):
        return item.room.get_absolute_url()

    def is_hidden(self, item):
        return item.status != Message.Status.VISIBLE

    def hide(self, item, user):
        services.do_remove_message(item.room, item.pk, by=user, audit=False)
        return {"status": Message.Status.VISIBLE}

    def restore(self, item, user, hidden):
        services.do_restore_message(item.room, item.pk, by=user)

    def remove(self, item, user):
        services.do_remove_message(item.room, item.pk, by=user, audit=False, erase=True)
