"""Questions: asking, up-voting once, pre-moderation with a public waiting count, answering."""

import pytest

from live.models import Question
from tests.live.conftest import db_call, join_as

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def questions():
    return list(Question.objects.order_by("id").values_list("text", "status", "upvotes"))


async def test_in_an_open_room_a_question_shows_at_once_and_up_votes_count_once_each(
    room, guest, people
):
    other = await db_call(join_as, people(), room, "Noor")
    asker = await guest.connect(room)
    voter = await other.connect(room)

    await asker.send(type="question.ask", text="Wat verandert er voor slachtoffers?")
    received = await asker.expect("question.received")
    question = (await voter.expect("question.new"))["question"]
    assert received["pending"] is False
    assert question["text"] == "Wat verandert er voor slachtoffers?"

    await voter.send(type="question.upvote", id=question["id"])
    assert (await voter.expect("question.upvoted"))["up"] is True
    await voter.send(type="question.upvote", id=question["id"])
    await voter.expect("question.upvoted")

    votes = (await asker.expect("question.votes"))["votes"]
    assert votes == [[question["id"], 1]]
    assert await db_call(questions) == [("Wat verandert er voor slachtoffers?", "open", 1)]

    await voter.send(type="question.upvote", id=question["id"], up=False)
    # Tallies are coalesced: a push of the earlier count may still be on its way first.
    while (votes := (await asker.expect("question.votes"))["votes"]) != [[question["id"], 0]]:
        assert votes == [[question["id"], 1]]


async def test_questions_come_ordered_by_up_votes(room, guest, people):
    def ask():
        participant = guest_participant()
        for text, votes in [("Weinig steun?", 1), ("Veel steun?", 9), ("Wat steun?", 4)]:
            Question.objects.create(
                room=room, participant=participant, text=text, status="open", upvotes=votes
            )

    def guest_participant():
        from live.models import Participant

        return Participant.objects.create(room=room, guest_key="k", name="Iemand")

    await db_call(ask)
    socket = await guest.connect(room)

    assert [q["text"] for q in socket.state["questions"]] == [
        "Veel steun?",
        "Wat steun?",
        "Weinig steun?",
    ]


async def test_in_a_premoderated_room_a_question_waits_and_everyone_sees_how_many_wait(
    make_room, people, moderator
):
    room = await db_call(make_room, premoderate_questions=True)
    asker = await (await db_call(join_as, people(), room, "Merel")).connect(room)
    other = await (await db_call(join_as, people(), room, "Noor")).connect(room)
    mod = await moderator.connect(room)

    await asker.send(type="question.ask", text="Kan de dader zien dat ik meldde?")

    assert (await asker.expect("question.received"))["pending"] is True
    assert (await other.expect("question.waiting"))["count"] == 1
    pending = (await mod.expect("question.pending"))["question"]
    assert await other.nothing("question.new")

    await mod.send(type="question.approve", id=pending["id"])

    approved = (await other.expect("question.new"))["question"]
    assert approved["text"] == "Kan de dader zien dat ik meldde?"
    assert (await other.expect("question.waiting"))["count"] == 0
    assert await db_call(questions) == [("Kan de dader zien dat ik meldde?", "open", 0)]


async def test_a_guest_cannot_approve_a_waiting_question(make_room, people):
    room = await db_call(make_room, premoderate_questions=True)
    asker = await (await db_call(join_as, people(), room, "Merel")).connect(room)
    await asker.send(type="question.ask", text="Mag ik mezelf goedkeuren?")
    received = await asker.expect("question.received")

    await asker.send(type="question.approve", id=received["id"])

    error = await asker.expect("error")
    assert error["code"] == "forbidden"
    assert error["message"] == "Alleen moderatoren kunnen dat."
    assert await db_call(questions) == [("Mag ik mezelf goedkeuren?", "pending", 0)]


async def test_a_moderator_marks_a_question_answered_and_can_remove_one(room, guest, moderator):
    asker = await guest.connect(room)
    mod = await moderator.connect(room)
    await asker.send(type="question.ask", text="Eerste vraag?")
    first = (await mod.expect("question.new"))["question"]
    await asker.send(type="question.ask", text="Tweede vraag?")
    second = (await mod.expect("question.new"))["question"]

    await mod.send(type="question.answered", id=first["id"])
    await mod.send(type="question.remove", id=second["id"])

    assert (await asker.expect("question.answered"))["id"] == first["id"]
    assert (await asker.expect("question.removed"))["id"] == second["id"]
    assert await db_call(questions) == [
        ("Eerste vraag?", "answered", 0),
        ("Tweede vraag?", "removed", 0),
    ]


async def test_an_answered_question_can_no_longer_be_up_voted(room, guest, moderator):
    asker = await guest.connect(room)
    mod = await moderator.connect(room)
    await asker.send(type="question.ask", text="Al beantwoord?")
    question = (await mod.expect("question.new"))["question"]
    await mod.send(type="question.answered", id=question["id"])
    await asker.expect("question.answered")

    await asker.send(type="question.upvote", id=question["id"])

    assert (await asker.expect("error"))["code"] == "gone"
    assert await db_call(questions) == [("Al beantwoord?", "answered", 0)]


async def test_one_participant_cannot_bury_others_under_waiting_questions(make_room, people):
    room = await db_call(make_room, premoderate_questions=True)
    asker = await (await db_call(join_as, people(), room, "Merel")).connect(room)

    for number in range(3):
        await asker.send(type="question.ask", text=f"Vraag {number}?")
        assert (await asker.expect("question.received"))["pending"] is True
    await asker.send(type="question.ask", text="Nog een vraag?")

    error = await asker.expect("error")
    assert error["code"] == "too_many_waiting"
    assert "al 3 vragen" in error["message"]
    assert len(await db_call(questions)) == 3


async def test_a_writer_cannot_up_vote_their_own_question(room, guest, people):
    other = await db_call(join_as, people(), room, "Noor")
    asker = await guest.connect(room)
    voter = await other.connect(room)
    await asker.send(type="question.ask", text="Mag ik mezelf steunen?")
    question = (await voter.expect("question.new"))["question"]

    await asker.send(type="question.upvote", id=question["id"])

    error = await asker.receive()
    while error["type"] != "error":
        error = await asker.receive()
    assert error["code"] == "own_question"
    assert "eigen vraag" in error["message"]
    assert await db_call(questions) == [("Mag ik mezelf steunen?", "open", 0)]
    await voter.send(type="question.upvote", id=question["id"])  # others still can
    assert (await asker.expect("question.votes"))["votes"] == [[question["id"], 1]]
