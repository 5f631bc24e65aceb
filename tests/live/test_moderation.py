"""What moderators do in the room, and that only real moderators can do it."""

import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import ModelLogEntry

from live.models import LiveRoom, Message, Participant
from moderation.staff import SESSION_SEEN
from tests.helpers import make_staff
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def messages():
    return list(Message.objects.order_by("id").values_list("text", "status"))


def log_actions():
    return list(ModelLogEntry.objects.order_by("id").values_list("action", flat=True))


async def test_a_moderator_removes_a_message_for_everyone_and_the_audit_log_keeps_it(
    room, guest, moderator
):
    merel = await guest.connect(room)
    mod = await moderator.connect(room)
    await merel.send(type="chat.send", text="Iets wat niet kan")
    message = (await mod.expect("chat.message"))["message"]

    await mod.send(type="message.remove", id=message["id"])

    assert (await merel.expect("message.removed"))["id"] == message["id"]
    assert await db_call(messages) == [("Iets wat niet kan", "removed")]
    assert await db_call(log_actions) == ["live.message.remove"]
    entry = await db_call(ModelLogEntry.objects.get)
    assert "Iets wat niet kan" not in entry.label


async def test_a_muted_participant_is_refused_with_a_message_but_still_reads_and_votes(
    room, guest, moderator
):
    merel = await guest.connect(room)
    mod = await moderator.connect(room)
    pid = merel.state["me"]["pid"]

    await mod.send(type="participant.mute", id=pid)
    assert (await merel.expect("me.muted"))["muted"] is True
    assert (await mod.expect("participant.muted"))["name"] == "Merel"

    await merel.send(type="chat.send", text="Ik praat gewoon door")
    error = await merel.expect("error")
    assert error["code"] == "muted"
    assert error["message"].startswith("Een moderator heeft je in deze ruimte gedempt.")
    await merel.send(type="question.ask", text="En een vraag dan?")
    assert (await merel.expect("error"))["code"] == "muted"
    assert await db_call(messages) == []

    await mod.send(type="statement.open", text="Gedempt mag je nog stemmen.")
    statement = (await merel.expect("statement.opened"))["statement"]
    await merel.send(type="statement.vote", id=statement["id"], choice="agree")
    assert (await merel.expect("statement.voted"))["choice"] == "agree"

    # A muted guest who comes back is still muted.
    again = await guest.connect(room)
    assert again.state["me"]["muted"] is True

    await mod.send(type="participant.mute", id=pid, muted=False)
    assert (await merel.expect("me.muted"))["muted"] is False
    await merel.send(type="chat.send", text="Sorry")
    assert (await mod.expect("chat.message"))["message"]["text"] == "Sorry"


async def test_slow_mode_lets_a_participant_send_one_message_per_interval(room, guest, moderator):
    merel = await guest.connect(room)
    mod = await moderator.connect(room)

    await mod.send(type="room.slow", seconds=30)
    assert (await merel.expect("room.updated"))["room"]["slow"] == 30

    await merel.send(type="chat.send", text="Eén")
    await merel.expect("chat.message")
    await merel.send(type="chat.send", text="Twee")
    error = await merel.expect("error")
    assert error["code"] == "slow"
    assert "30 seconden" in error["message"]

    # Moderators are never slowed down.
    await mod.send(type="chat.send", text="Een")
    await mod.send(type="chat.send", text="Twee")
    texts = [(await mod.expect("chat.message"))["message"]["text"] for _ in range(3)]
    assert texts == ["Eén", "Een", "Twee"]
    assert await db_call(messages) == [("Eén", "visible"), ("Een", "visible"), ("Twee", "visible")]


async def test_a_moderator_closes_the_room_which_closes_the_statement_and_stops_the_chat(
    room, guest, moderator
):
    merel = await guest.connect(room)
    mod = await moderator.connect(room)
    await mod.send(type="statement.open", text="Nog open bij sluiten.")
    await merel.expect("statement.opened")

    await mod.send(type="room.close")

    assert (await merel.expect("statement.closed"))["statement"]["status"] == "closed"
    assert (await merel.expect("room.updated"))["room"]["status"] == "closed"
    await merel.send(type="chat.send", text="Hallo?")
    assert (await merel.expect("error"))["code"] == "closed"
    closed = await db_call(LiveRoom.objects.get, pk=room.pk)
    assert closed.closed_at is not None


async def test_a_moderator_opens_a_scheduled_room(make_room, people, moderator):
    room = await db_call(make_room, status=LiveRoom.Status.SCHEDULED)
    merel = await (await db_call(join_as, people(), room, "Merel")).connect(room)
    mod = await moderator.connect(room)

    await mod.send(type="room.open")

    assert (await merel.expect("room.updated"))["room"]["status"] == "open"
    await merel.send(type="chat.send", text="Eindelijk")
    assert (await merel.expect("chat.message"))["message"]["text"] == "Eindelijk"


async def test_a_moderator_without_a_second_factor_has_no_powers(room, guest, people):
    def staff_without_totp():
        user, _secret = make_staff("Moderatoren", with_totp=False, pseudonym="Zonder")
        person = people()
        person.client.force_login(user)
        return person

    merel = await guest.connect(room)
    await merel.send(type="chat.send", text="Bericht")
    message = (await merel.expect("chat.message"))["message"]
    impostor = await (await db_call(staff_without_totp)).connect(room)
    assert impostor.state["me"]["moderator"] is False

    await impostor.send(type="message.remove", id=message["id"])

    assert (await impostor.expect("error"))["code"] == "forbidden"
    assert await db_call(messages) == [("Bericht", "visible")]


async def test_a_moderator_whose_staff_session_went_idle_has_no_powers(room, moderator):
    def let_session_idle():
        session = SessionStore(moderator.client.cookies["kring_session"].value)
        session[SESSION_SEEN] = time.time() - 2 * 60 * 60
        session.save()

    await db_call(let_session_idle)
    socket = await moderator.connect(room)

    assert socket.state["me"]["moderator"] is False
    await socket.send(type="room.close")
    assert (await socket.expect("error"))["code"] == "forbidden"


async def test_a_moderator_who_leaves_the_group_loses_powers_at_once(room, moderator, guest):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    await merel.send(type="chat.send", text="Blijft staan")
    message = (await mod.expect("chat.message"))["message"]
    await db_call(moderator.user.groups.clear)

    # Told at once, and from then on an ordinary participant (tests/live/test_access.py).
    assert (await mod.expect("error"))["code"] == "not_moderator"
    assert (await mod.expect("room.state"))["me"]["moderator"] is False
    await mod.send(type="message.remove", id=message["id"])

    assert (await mod.expect("error"))["code"] == "forbidden"
    assert await db_call(messages) == [("Blijft staan", "visible")]


async def test_moderators_see_who_is_muted_when_they_connect(room, guest, moderator):
    def mute():
        from django.utils import timezone

        Participant.objects.filter(name="Merel").update(muted_at=timezone.now())

    await guest.connect(room)
    await db_call(mute)
    mod = await moderator.connect(room)

    assert [p["name"] for p in mod.state["moderation"]["muted"]] == ["Merel"]
