"""Chatting in a live room as a guest, a member and a moderator."""

import pytest

from live.models import LiveRoom, Message
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def stored_texts():
    return list(Message.objects.order_by("id").values_list("text", flat=True))


async def test_a_guest_with_a_pseudonym_chats_and_everyone_in_the_room_sees_it(room, guest, people):
    other = await db_call(join_as, people(), room, "Noor")
    mine = await guest.connect(room)
    theirs = await other.connect(room)

    await mine.send(type="chat.send", text="Goedemiddag allemaal")

    for socket in (mine, theirs):
        event = await socket.expect("chat.message")
        assert event["message"]["author"] == "Merel"
        assert event["message"]["text"] == "Goedemiddag allemaal"
        assert event["message"]["mod"] is False
    assert await db_call(stored_texts) == ["Goedemiddag allemaal"]


async def test_a_member_chats_under_their_display_name(room, member, guest):
    mine = await member.connect(room)
    theirs = await guest.connect(room)
    assert mine.state["me"]["name"] == "Sanne"

    await mine.send(type="chat.send", text="Hallo, ik ben er ook")

    event = await theirs.expect("chat.message")
    assert event["message"]["author"] == "Sanne"


async def test_a_moderators_messages_are_marked_as_from_a_moderator(room, moderator, guest):
    mine = await moderator.connect(room)
    theirs = await guest.connect(room)
    assert mine.state["me"]["moderator"] is True

    await mine.send(type="chat.send", text="Welkom! Houd het respectvol.")

    event = await theirs.expect("chat.message")
    assert event["message"]["mod"] is True
    assert event["message"]["author"] == "Moderator Mo"


async def test_someone_without_a_pseudonym_can_read_along_but_not_write(room, guest, people):
    reader = await people().connect(room)
    writer = await guest.connect(room)
    assert reader.state["me"]["pid"] is None

    await reader.send(type="chat.send", text="Mag ik iets zeggen?")
    error = await reader.expect("error")
    await writer.send(type="chat.send", text="Hallo")

    assert error["code"] == "no_name"
    assert error["message"] == "Kies eerst een schuilnaam om mee te doen."
    assert (await reader.expect("chat.message"))["message"]["text"] == "Hallo"
    assert await db_call(stored_texts) == ["Hallo"]


async def test_the_name_comes_from_the_session_not_from_the_message(room, guest):
    socket = await guest.connect(room)

    await socket.send(type="chat.send", text="Ik ben de moderator", author="Moderator")

    assert (await socket.expect("error"))["code"] == "invalid"
    assert await db_call(stored_texts) == []


async def test_markup_is_removed_from_messages_before_anyone_sees_them(room, guest, people):
    other = await db_call(join_as, people(), room, "Noor")
    theirs = await other.connect(room)
    mine = await guest.connect(room)

    await mine.send(type="chat.send", text='<b>Hoi</b> <img src=x onerror="alert(1)">\u202edaar')

    event = await theirs.expect("chat.message")
    assert event["message"]["text"] == "Hoi daar"
    assert await db_call(stored_texts) == ["Hoi daar"]


async def test_a_message_that_is_too_long_is_refused_and_not_stored(room, guest):
    socket = await guest.connect(room)

    await socket.send(type="chat.send", text="a" * 501)

    error = await socket.expect("error")
    assert error["code"] == "too_long"
    assert "500" in error["message"]
    assert await db_call(stored_texts) == []


@pytest.mark.parametrize(
    ("status", "code"),
    [(LiveRoom.Status.SCHEDULED, "not_open"), (LiveRoom.Status.CLOSED, "closed")],
)
async def test_nobody_chats_in_a_room_that_is_not_open(make_room, people, status, code):
    room = await db_call(make_room, status=status)
    person = await db_call(join_as, people(), room, "Merel") if status != "closed" else people()
    socket = await person.connect(room)

    await socket.send(type="chat.send", text="Is er iemand?")

    assert (await socket.expect("error"))["code"] == code
    assert await db_call(stored_texts) == []
