"""Open moderation: per room, what moderators did, counted; held stays held after release."""

import pytest

from live import services
from live.models import Message, Participant, Question
from live.totals import room_totals

pytestmark = pytest.mark.django_db


def ask(room, participant, count, **fields):
    return [
        Question.objects.create(room=room, participant=participant, text=f"Vraag {n}", **fields)
        for n in range(count)
    ]


@pytest.fixture
def asker(room):
    return Participant.objects.create(room=room, guest_key="asker", name="Merel")


def test_totals_count_what_moderators_did_by_reason(room, asker):
    pending = ask(room, asker, 9)
    for question in pending[:6]:
        services.do_approve_question(room, question.pk, by=None)
    for question in pending[:2]:
        services.do_mark_answered(room, question.pk, by=None)
    services.do_remove_question(room, pending[6].pk, by=None, reason="hurtful")
    services.do_remove_question(room, pending[7].pk, by=None, reason="off_topic")
    services.do_remove_question(room, pending[5].pk, by=None)  # approved, then declined
    held = [
        Message.objects.create(room=room, participant=asker, text="x", status="held", held_at=now)
        for now in [room.created_at] * 3
    ]
    services.do_release_message(room, held[0].pk, by=None)
    services.do_remove_message(room, held[1].pk, by=None, reason="identifying")
    visible = Message.objects.create(room=room, participant=asker, text="y")
    services.do_remove_message(room, visible.pk, by=None, reason="hurtful")

    totals = room_totals(room)

    assert totals.questions_received == 9
    assert totals.questions_approved == 6
    assert totals.questions_answered_live == 2
    assert totals.questions_declined == 3
    assert totals.declined_by_reason == {
        "off_topic": 1,
        "already_asked": 0,
        "identifying": 0,
        "hurtful": 1,
        "other": 1,
    }
    assert totals.messages_held == 3  # the one posted after all stays counted
    assert totals.messages_removed == 2


def test_published_totals_hide_small_counts_and_their_complements(room, asker):
    questions = ask(room, asker, 14)
    for question in questions[:6]:
        services.do_remove_question(room, question.pk, by=None, reason="off_topic")
    services.do_remove_question(room, questions[6].pk, by=None, reason="hurtful")
    for question in questions[7:12]:
        services.do_remove_question(room, question.pk, by=None, reason="already_asked")

    published = room_totals(room).published()

    assert published.questions_received == 15  # 14, rounded to 5
    assert published.questions_declined == 10  # 12
    # hurtful (1) is hidden, and with it the zeros: three hidden, no single one to subtract.
    assert published.declined_by_reason == {
        "off_topic": 5,
        "already_asked": 5,
        "identifying": None,
        "hurtful": None,
        "other": None,
    }
    assert published.questions_approved is None  # 0
    assert published.messages_held is None
