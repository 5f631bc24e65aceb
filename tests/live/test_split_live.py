"""The split by role in the room: live for moderators, for everyone once the statement closes.

Also how moderators decline with a reason, over the socket, counted in the open totals.
"""

import pytest

from live import conf
from live.models import Participant, Question
from live.totals import room_totals
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROLES = ["experience"] * 5 + ["policy"] * 5
CHOICES = ["agree"] * 4 + ["neutral"] + ["agree"] * 3 + ["disagree"] * 2


def set_role(name, role):
    Participant.objects.filter(name=name).update(role=role)


async def vote_in(room, people, votes):
    """People with the given roles, each voting; returns their sockets."""
    sockets = []
    for number, (role, choice) in enumerate(votes):
        person = await db_call(join_as, people(), room, f"Stemmer {number}")
        socket = await person.connect(room)
        await db_call(set_role, f"Stemmer {number}", role)
        sockets.append((socket, choice))
    return sockets


async def test_moderators_see_the_split_live_and_everyone_after_closing(
    room, people, moderator, monkeypatch
):
    # Ten people from one test client: more than one address may name itself in an hour.
    monkeypatch.setattr(conf, "JOINS_PER_CLIENT_PER_HOUR", 50)
    mod = await moderator.connect(room)
    votes = list(zip(ROLES, CHOICES, strict=True))
    sockets = await vote_in(room, people, votes)
    reader = await people().connect(room)

    await mod.send(type="statement.open", text="Melden heeft zin.")
    statement = (await mod.expect("statement.opened"))["statement"]
    for socket, choice in sockets:
        await socket.send(type="statement.vote", id=statement["id"], choice=choice)
        await socket.expect("statement.voted")

    split = (await mod.expect("statement.split"))["split"]
    while split["total"] < len(votes):
        split = (await mod.expect("statement.split"))["split"]
    rows = {row["role"]: row for row in split["roles"]}
    assert (rows["experience"]["voters"], rows["experience"]["agree"]) == (5, 80)
    assert (rows["policy"]["voters"], rows["policy"]["agree"]) == (5, 60)
    assert rows["close"]["voters"] is None
    assert split["gap"] == 20 and split["bridge"] == "agree"
    # Participants and readers get the tally, never the split while it is open.
    assert await reader.nothing("statement.split")
    assert await sockets[0][0].nothing("statement.split")

    await mod.send(type="statement.close", id=statement["id"])
    closed = (await reader.expect("statement.closed"))["statement"]

    assert closed["split"] == split
    state = (await people().connect(room)).state
    assert state["closed"][0]["split"] == split
    page = (await db_call(people().client.get, f"/live/{room.slug}/")).content.decode()
    assert "Stemmen per rol" in page and "Een brug:" in page and "te weinig stemmen" in page


async def test_a_moderator_declines_a_question_with_a_reason(room, guest, moderator):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    await merel.send(type="question.ask", text="Waar woont hij?")
    question = (await merel.expect("question.new"))["question"]

    await mod.send(type="question.remove", id=question["id"], reason="identifying")
    await merel.expect("question.removed")

    assert await db_call(lambda: Question.objects.get().decline_reason) == "identifying"
    totals = await db_call(room_totals, room)
    assert totals.declined_by_reason["identifying"] == 1


async def test_a_reason_outside_the_list_is_refused(room, guest, moderator):
    mod = await moderator.connect(room)
    merel = await guest.connect(room)
    await merel.send(type="chat.send", text="Hallo")
    message = (await mod.expect("chat.message"))["message"]

    await mod.send(type="message.remove", id=message["id"], reason="<script>")

    assert (await mod.expect("error"))["code"] == "invalid"
    await mod.send(type="message.remove", id=message["id"], reason="hurtful")
    assert (await merel.expect("message.removed"))["id"] == message["id"]
