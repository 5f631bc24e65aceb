"""Chat in a live room for the moderation tests: messages, staff who log in, the room's ear."""

import asyncio

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.test import Client

from live.events import participant_group, room_group
from live.models import Message, Participant
from tests.helpers import make_staff, staff_login

QUEUE = "/admin/moderatie/"


def say(room, name, text, status=Message.Status.VISIBLE, user=None):
    """A message in `room` by the guest (or member) called `name`."""
    if user is not None:
        participant, _ = Participant.objects.get_or_create(
            room=room, user=user, defaults={"name": name}
        )
    else:
        participant, _ = Participant.objects.get_or_create(
            room=room, guest_key=f"key-{name}", defaults={"name": name}
        )
    return Message.objects.create(room=room, participant=participant, text=text, status=status)


def staff_client(group):
    """A staff member of `group` logged in with password and authenticator code."""
    user, secret = make_staff(group)
    client = Client()
    staff_login(client, user, secret)
    client.user = user
    return client


def listen(group):
    """A channel in a channel-layer group, as a connected browser has; returns receive()."""
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(group, channel)

    async def receive():
        return await asyncio.wait_for(layer.receive(channel), timeout=2)

    return async_to_sync(receive)


def listen_to_room(room):
    return listen(room_group(room.pk))


def listen_as_participant(participant):
    return listen(participant_group(participant.pk))


def report(message, address, reason="hateful", note=""):
    """Someone at `address` reports `message` through the public form."""
    return Client(REMOTE_ADDR=address).post(
        f"/melden/chatbericht/{message.pk}/", {"reason": reason, "note": note}
    )


def decide(client, message, action, why=""):
    """A moderator presses a button in the queue's row for `message`."""
    return client.post(
        QUEUE,
        {"slug": "chatbericht", "object_id": message.pk, "action": action, "why": why},
        follow=True,
    )


def room_page(room):
    return Client().get(f"/live/{room.slug}/").content.decode()


def hide(client, slug, object_id, reason="identifying", note="", follow=True):
    """A moderator confirms hiding on the hide page, with a reason and a note."""
    return client.post(
        f"/admin/moderatie/verbergen/{slug}/{object_id}/",
        {"confirm": "1", "reason": reason, "note": note},
        follow=follow,
    )


def remove(client, slug, object_id, reason="identifying", note="", follow=True):
    """A moderator confirms removing on the remove page, with a reason and a note."""
    return client.post(
        f"/admin/moderatie/verwijderen/{slug}/{object_id}/",
        {"confirm": "1", "reason": reason, "note": note},
        follow=follow,
    )


def page_is_public(page):
    """Does an anonymous visitor get the page?"""
    return Client().get(page.url).status_code == 200
