"""A room only for registered people, over the socket: a name chosen elsewhere does not count."""

import pytest

from live.models import Message
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def only_for_registered(page):
    page.rooms_for_registered = True
    page.save_revision().publish()


async def test_a_guest_without_a_seat_cannot_chat_once_the_room_is_for_registered_people(
    room, event, guest, member
):
    await db_call(only_for_registered, event)
    guest_socket = await guest.connect(room)
    member_socket = await member.connect(room)

    for socket in (guest_socket, member_socket):
        assert socket.state["me"]["pid"] is None
        await socket.send(type="chat.send", text="Mag ik toch iets zeggen?")
        assert (await socket.expect("error"))["code"] == "no_name"
    assert await db_call(lambda: Message.objects.count()) == 0


async def test_a_moderator_still_takes_part(room, event, moderator):
    await db_call(only_for_registered, event)
    socket = await moderator.connect(room)

    await socket.send(type="chat.send", text="Welkom allemaal.")

    assert (await socket.expect("chat.message"))["message"]["author"] == "Moderator Mo"
