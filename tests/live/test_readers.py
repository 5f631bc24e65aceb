"""Readers without a session get in without the database thread; nobody else gets in that way.

A socket without a session cookie cannot be a member, a guest or a moderator, so it is let in
on the room's id, status and slow mode, kept per process for a second (live.ws.rooms). Whoever
has a session is looked up as before, whatever a reader left in that cache: the attacks below
try to use the shortcut to speak when muted, shut out or in a closed room.
"""

import pytest
from django.utils import timezone

import config.websocket
from live import permissions, services
from live.models import LiveRoom, Message, Participant
from live.ws import identity, rooms
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def stored_texts():
    return list(Message.objects.values_list("text", flat=True))


def calls_to(monkeypatch, module, name):
    """Count the calls of module.name (still calling it)."""
    calls = []
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


async def test_readers_without_a_session_are_let_in_on_one_read_of_the_room(
    room, people, monkeypatch
):
    reads = calls_to(monkeypatch, rooms, "_read")
    joins = calls_to(monkeypatch, services, "do_join")
    checks = calls_to(monkeypatch, identity, "check")

    readers = [await people().connect(room) for _ in range(3)]

    assert [reader.state["me"]["pid"] for reader in readers] == [None, None, None]
    assert [reader.state["room"]["slug"] for reader in readers] == [room.slug] * 3
    assert len(reads) == 1
    assert joins == [] and checks == []


async def test_only_a_socket_with_a_session_cookie_looks_up_its_account(
    room, people, member, monkeypatch
):
    """Finding the account is a trip through the database thread: readers skip it."""
    lookups = calls_to(monkeypatch, config.websocket, "get_user")

    await people().connect(room)
    assert lookups == []
    assert (await member.connect(room)).state["me"]["name"] == "Sanne"
    assert len(lookups) == 1


async def test_a_reader_of_a_room_that_does_not_exist_is_refused(people, room):
    socket = await people().connect(LiveRoom(slug="bestaat-niet"), expect_state=False)

    assert not socket.connected


async def test_a_reader_with_a_session_but_no_name_does_not_ask_about_registration(
    room, people, monkeypatch
):
    person = people()
    await db_call(person.client.get, f"/live/{room.slug}/")  # the room page: a session cookie
    asked = calls_to(monkeypatch, permissions, "is_registration_only")

    socket = await person.connect(room)

    assert socket.state["me"]["pid"] is None
    assert asked == []


async def test_a_muted_guest_is_still_muted_after_readers_came_in_without_a_session(
    room, guest, people
):
    first = await guest.connect(room)
    pid = first.state["me"]["pid"]
    await first.close()
    await db_call(Participant.objects.filter(pk=pid).update, muted_at=timezone.now())
    await people().connect(room)  # the room is now kept for readers

    again = await guest.connect(room)

    assert again.state["me"]["pid"] == pid
    assert again.state["me"]["muted"] is True
    await again.send(type="chat.send", text="Ik ben terug")
    assert (await again.expect("error"))["code"] == "muted"
    assert await db_call(stored_texts) == []


async def test_a_muted_guest_who_drops_the_cookie_can_only_read(room, guest, people):
    first = await guest.connect(room)
    await db_call(
        Participant.objects.filter(pk=first.state["me"]["pid"]).update, muted_at=timezone.now()
    )

    anonymous = await people().connect(room)
    await anonymous.send(type="chat.send", text="Nu zonder naam")

    assert anonymous.state["me"]["pid"] is None
    assert (await anonymous.expect("error"))["code"] == "no_name"
    assert await db_call(stored_texts) == []


async def test_a_deactivated_member_gets_no_name_after_readers_came_in(room, member, people):
    await people().connect(room)
    await db_call(type(member.user).objects.filter(pk=member.user.pk).update, is_active=False)

    socket = await member.connect(room)
    await socket.send(type="chat.send", text="Toch nog even")

    assert socket.state["me"]["pid"] is None
    assert (await socket.expect("error"))["code"] == "no_name"
    assert await db_call(stored_texts) == []


async def test_a_room_closed_a_moment_after_a_reader_came_in_is_closed_for_who_comes_next(
    room, guest, people, moderator
):
    await people().connect(room)  # the room, still open, is now kept for readers
    mod_user = moderator.user
    await db_call(services.do_set_status, room, LiveRoom.Status.CLOSED, mod_user)

    merel = await guest.connect(room)
    reader = await people().connect(room)
    await merel.send(type="chat.send", text="Is er nog iemand?")

    assert merel.state["me"]["pid"] is None
    assert (await merel.expect("error"))["code"] == "closed"
    assert reader.state["room"]["status"] == "closed"
    assert await db_call(stored_texts) == []


async def test_slow_mode_set_a_moment_after_a_reader_came_in_holds_for_who_comes_next(
    room, guest, people, moderator
):
    await people().connect(room)
    await db_call(services.do_set_slow_mode, room, 30, moderator.user)

    merel = await guest.connect(room)
    reader = await people().connect(room)
    await merel.send(type="chat.send", text="Eén")
    await merel.expect("chat.message")
    await merel.send(type="chat.send", text="Twee")

    assert merel.state["room"]["slow"] == 30
    assert reader.state["room"]["slow"] == 30
    assert (await merel.expect("error"))["code"] == "slow"
    assert await db_call(stored_texts) == ["Eén"]


async def test_a_room_for_registered_people_reads_along_but_gives_no_name_without_a_seat(
    room, event, member, people
):
    def only_for_registered():
        event.rooms_for_registered = True
        event.save_revision().publish()

    await people().connect(room)
    await db_call(only_for_registered)

    reader = await people().connect(room)
    socket = await member.connect(room)
    await socket.send(type="chat.send", text="Ik heb geen plek")

    assert reader.state["me"]["pid"] is None
    assert socket.state["me"]["pid"] is None
    assert (await socket.expect("error"))["code"] == "no_name"
    assert await db_call(stored_texts) == []


async def test_a_reader_without_a_session_is_refused_once_the_room_is_gone(room, people):
    await people().connect(room)
    await db_call(LiveRoom.objects.filter(pk=room.pk).delete)
    rooms.forget()  # past the second a room is kept

    socket = await people().connect(room, expect_state=False)

    assert not socket.connected
