"""A member's live-room data: in their export, and out of the rooms when they delete the account."""

import json

import pytest

from live.models import Message
from tests.live.conftest import db_call

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


async def test_a_members_messages_questions_and_votes_are_in_their_data_export(
    room, member, moderator
):
    socket = await member.connect(room)
    mod = await moderator.connect(room)
    await socket.send(type="chat.send", text="Goed gesprek")
    await socket.expect("chat.message")
    await socket.send(type="question.ask", text="Wat doet Veilig Thuis?")
    await socket.expect("question.received")
    await mod.send(type="statement.open", text="Melden heeft zin.")
    opened = (await socket.expect("statement.opened"))["statement"]
    await socket.send(type="statement.vote", id=opened["id"], choice="agree")
    await socket.expect("statement.voted")

    response = await db_call(member.client.get, "/accounts/mijn-gegevens/?download=1")

    [exported] = json.loads(response.content)["live_rooms"]
    assert exported["room"] == room.title
    assert exported["name"] == "Sanne"
    assert [m["text"] for m in exported["messages"]] == ["Goed gesprek"]
    assert [q["text"] for q in exported["questions"]] == ["Wat doet Veilig Thuis?"]
    assert exported["votes"] == [{"statement": "Melden heeft zin.", "choice": "agree"}]


async def test_deleting_an_account_takes_its_messages_out_of_the_room_for_everyone(
    room, member, guest
):
    writer = await member.connect(room)
    reader = await guest.connect(room)
    await writer.send(type="chat.send", text="Dit was ik")
    sent = (await reader.expect("chat.message"))["message"]

    await db_call(member.user.delete)

    assert (await reader.expect("message.removed"))["id"] == sent["id"]
    assert not await db_call(Message.objects.filter(pk=sent["id"]).exists)
