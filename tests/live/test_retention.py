"""Retention: what people wrote goes a set time after the room closed; results stay as numbers."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from live.models import (
    LiveRoom,
    Message,
    Participant,
    Question,
    QuestionUpvote,
    Statement,
    StatementVote,
)

pytestmark = pytest.mark.django_db


def fill(room):
    merel = Participant.objects.create(room=room, guest_key=f"m{room.pk}", name="Merel")
    Message.objects.create(room=room, participant=merel, text="Bericht")
    question = Question.objects.create(room=room, participant=merel, text="Vraag?", status="open")
    QuestionUpvote.objects.create(question=question, participant=merel)
    statement = Statement.objects.create(
        room=room, text="Stelling.", status="closed", agree_count=1, neutral_count=0
    )
    StatementVote.objects.create(statement=statement, participant=merel, choice="agree")


def test_a_room_closed_longer_ago_than_the_retention_keeps_only_its_statement_results(
    make_room, settings
):
    settings.KRING_LIVE_RETENTION_DAYS = 30
    old = make_room(status=LiveRoom.Status.CLOSED, closed_at=timezone.now() - timedelta(days=31))
    recent = make_room(status=LiveRoom.Status.CLOSED, closed_at=timezone.now() - timedelta(days=5))
    fill(old)
    fill(recent)

    call_command("purge_live_rooms")

    for model in (Message, Question, QuestionUpvote, StatementVote, Participant):
        assert not model.objects.filter(**_in_room(model, old)).exists(), model
        assert model.objects.filter(**_in_room(model, recent)).exists(), model
    assert list(old.statements.values_list("text", "agree_count")) == [("Stelling.", 1)]


def test_an_open_room_keeps_its_history(room, settings):
    settings.KRING_LIVE_RETENTION_DAYS = 0
    fill(room)

    call_command("purge_live_rooms")

    assert Message.objects.filter(room=room).count() == 1


def test_an_open_room_where_nobody_wrote_for_days_is_closed_and_later_purged(make_room, settings):
    settings.KRING_LIVE_IDLE_CLOSE_DAYS = 2
    now = timezone.now()
    forgotten = make_room(opened_at=now - timedelta(days=10))
    busy = make_room(opened_at=now - timedelta(days=10))
    fill(forgotten)
    fill(busy)
    Message.objects.filter(room=forgotten).update(created_at=now - timedelta(days=3))
    Question.objects.filter(room=forgotten).update(created_at=now - timedelta(days=3))

    call_command("purge_live_rooms")

    forgotten.refresh_from_db()
    busy.refresh_from_db()
    assert forgotten.status == LiveRoom.Status.CLOSED and forgotten.closed_at is not None
    assert busy.status == LiveRoom.Status.OPEN
    assert Message.objects.filter(room=forgotten).exists()  # the retention counts from now


def test_the_daily_timer_runs_every_purge_command():
    root = Path(__file__).resolve().parents[2]
    unit = (root / "site/deploy/kring-daily.service").read_text()
    commands = sorted(path.stem for path in root.glob("*/management/commands/purge_*.py"))

    assert "purge_live_rooms" in commands
    for command in commands:
        assert f"manage.py {command}\n" in unit, command


def _in_room(model, room):
    return {
        Message: {"room": room},
        Question: {"room": room},
        Participant: {"room": room},
        QuestionUpvote: {"question__room": room},
        StatementVote: {"statement__room": room},
    }[model]
