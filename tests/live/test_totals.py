"""Open moderation: per room, what moderators did, counted; held stays held after release."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from live import conf, services
from live.badges import BadgeCode, new_code
from live.models import LiveRoom, Message, Participant, Question
from live.totals import room_totals
from tests.helpers import make_staff, staff_login

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


def test_the_purge_keeps_the_totals_and_drops_stale_codes(room, asker, event):
    for question in ask(room, asker, 6):
        services.do_remove_question(room, question.pk, by=None, reason="already_asked")
    used = BadgeCode.objects.create(
        page=event,
        label="Wethouder",
        digest=new_code()[1],
        used_at=timezone.now(),
        participant=asker,
    )
    waiting = BadgeCode.objects.create(page=event, label="Raadslid", digest=new_code()[1])
    long_ago = timezone.now() - timedelta(days=conf.retention_days() + 1)
    LiveRoom.objects.filter(pk=room.pk).update(status="closed", closed_at=long_ago)
    before = room_totals(LiveRoom.objects.get(pk=room.pk))

    call_command("purge_live_rooms", stdout=io.StringIO())

    assert not Question.objects.filter(room=room).exists()
    assert room_totals(LiveRoom.objects.get(pk=room.pk)) == before
    assert before.declined_by_reason["already_asked"] == 6
    assert not BadgeCode.objects.filter(pk=used.pk).exists()  # its participant is gone
    assert BadgeCode.objects.filter(pk=waiting.pk).exists()  # still valid, not used yet


def test_removing_in_the_admin_asks_why_and_counts_it(room, asker):
    user, secret = make_staff("Moderatoren")
    client = Client()
    staff_login(client, user, secret)
    [question] = ask(room, asker, 1)
    url = f"/admin/live_questions/remove/{question.pk}/"

    form = client.get(url).content.decode()
    client.post(url, {"reason": "already_asked"})

    assert 'name="reason"' in form and "Al gevraagd" in form
    assert Question.objects.get().decline_reason == "already_asked"
    assert room_totals(room).declined_by_reason["already_asked"] == 1
