"""History and reconnecting: a client that comes back gets what it missed, by the last id seen."""

import pytest

from live import conf
from live.models import Message, Participant
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


async def test_a_reconnecting_client_gets_exactly_the_messages_it_missed(room, guest, people):
    other = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    away = await guest.connect(room)
    for text in ["Een", "Twee"]:
        await other.send(type="chat.send", text=text)
        last_seen = (await away.expect("chat.message"))["message"]["id"]
    await away.close()

    for text in ["Drie", "Vier"]:
        await other.send(type="chat.send", text=text)
    # Stored once the writer sees its own message come back (its echoes of Een and Twee first).
    while (await other.expect("chat.message"))["message"]["text"] != "Vier":
        pass
    back = await guest.connect(room, last=last_seen)

    assert [m["text"] for m in back.state["messages"]] == ["Drie", "Vier"]
    assert back.state["replace"] is False


async def test_a_message_removed_while_away_is_taken_away_on_reconnect(
    room, guest, people, moderator
):
    other = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    mod = await moderator.connect(room)
    away = await guest.connect(room)
    await other.send(type="chat.send", text="Wordt zo weggehaald")
    message = (await away.expect("chat.message"))["message"]
    await away.close()

    await mod.send(type="message.remove", id=message["id"])
    await other.expect("message.removed")
    back = await guest.connect(room, last=message["id"])

    assert back.state["messages"] == []
    assert message["id"] in back.state["removed"]


async def test_a_client_that_missed_too_much_gets_the_latest_messages_instead(room, guest):
    def many():
        participant = Participant.objects.create(room=room, guest_key="veel", name="Veel")
        Message.objects.bulk_create(
            Message(room=room, participant=participant, text=f"Bericht {n}")
            for n in range(conf.MISSED_AT_MOST + 10)
        )
        return Message.objects.order_by("id").first().pk

    first = await db_call(many)
    back = await guest.connect(room, last=first)

    assert back.state["replace"] is True
    assert len(back.state["messages"]) == conf.HISTORY_ON_CONNECT
    assert back.state["messages"][-1]["text"] == f"Bericht {conf.MISSED_AT_MOST + 9}"


async def test_a_new_client_gets_the_recent_history_and_the_rooms_state(room, guest, moderator):
    mod = await moderator.connect(room)
    await mod.send(type="chat.send", text="Welkom")
    await mod.expect("chat.message")
    await mod.send(type="statement.open", text="Open stelling.")
    await mod.expect("statement.opened")

    socket = await guest.connect(room)

    state = socket.state
    assert [m["text"] for m in state["messages"]] == ["Welkom"]
    assert state["statement"]["text"] == "Open stelling."
    assert state["room"] == {
        "slug": room.slug,
        "title": "Het Verdrag van Istanbul",
        "status": "open",
        "slow": 0,
        "premoderated": False,
    }
    assert state["me"] == {
        "pid": state["me"]["pid"],
        "name": "Merel",
        "moderator": False,
        "muted": False,
    }
    assert "moderation" not in state


async def test_a_reconnecting_voter_sees_their_own_vote_and_up_votes(room, guest, moderator):
    mod = await moderator.connect(room)
    socket = await guest.connect(room)
    await mod.send(type="question.ask", text="Een vraag van de moderator?")
    question = (await socket.expect("question.new"))["question"]
    await socket.send(type="question.upvote", id=question["id"])  # not one's own
    await socket.expect("question.upvoted")
    await mod.send(type="statement.open", text="Stelling.")
    statement = (await socket.expect("statement.opened"))["statement"]
    await socket.send(type="statement.vote", id=statement["id"], choice="disagree")
    await socket.expect("statement.voted")
    await socket.close()

    back = await guest.connect(room)

    assert back.state["vote"] == "disagree"
    assert back.state["upvoted"] == [question["id"]]


async def test_the_participant_count_counts_people_not_tabs(room, guest, people):
    first = await guest.connect(room)
    assert first.state["presence"] == 1
    second_tab = await guest.connect(room)
    assert second_tab.state["presence"] == 1

    other = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    assert other.state["presence"] == 2
    count = await first.expect("room.presence")
    while count["count"] != 2:
        count = await first.expect("room.presence")

    await other.close()
    await second_tab.close()
    count = await first.expect("room.presence")
    while count["count"] != 1:
        count = await first.expect("room.presence")
    assert count["count"] == 1
