"""Deleting what people wrote a set time after their room closed; statements stay as numbers."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, Model, OuterRef, Q
from django.utils import timezone

from live import conf, services
from live.badges import BadgeCode
from live.models import (
    LiveRoom,
    Message,
    Participant,
    Question,
    QuestionUpvote,
    StatementVote,
)
from live.totals import room_totals


def close_idle(now: datetime | None = None) -> list[LiveRoom]:
    """Close open rooms where nobody wrote for KRING_LIVE_IDLE_CLOSE_DAYS: a room that someone
    forgot to close must not keep its history for ever. Returns the rooms closed."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.idle_close_days())
    recent_messages = Message.objects.filter(room=OuterRef("pk"), created_at__gt=cutoff)
    recent_questions = Question.objects.filter(room=OuterRef("pk"), created_at__gt=cutoff)
    idle = (
        LiveRoom.objects.filter(status=LiveRoom.Status.OPEN)
        .filter(Q(opened_at__lte=cutoff) | Q(opened_at__isnull=True, created_at__lte=cutoff))
        .exclude(Exists(recent_messages))
        .exclude(Exists(recent_questions))
    )
    return [services.do_set_status(room, LiveRoom.Status.CLOSED, by=None) for room in idle]


@transaction.atomic
def purge(now: datetime | None = None) -> dict[str, int]:
    """Delete the chat, questions, individual votes and participants of rooms closed long enough.

    A statement's results were stored as numbers when it closed, so they survive. Returns
    how many of each were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=conf.retention_days())
    rooms = LiveRoom.objects.filter(status=LiveRoom.Status.CLOSED, closed_at__lte=cutoff)
    # The open moderation totals outlive what they count, as a statement's results do.
    for room in rooms.filter(kept_totals__isnull=True):
        room.kept_totals = room_totals(room).as_dict()
        room.save(update_fields=["kept_totals"])
    counts: dict[str, int] = {}
    kinds: list[tuple[str, type[Model], str]] = [
        ("votes", StatementVote, "statement__room__in"),
        ("upvotes", QuestionUpvote, "question__room__in"),
        ("messages", Message, "room__in"),
        ("questions", Question, "room__in"),
        ("participants", Participant, "room__in"),
    ]
    for name, model, room_field in kinds:
        counts[name], _by_model = model._default_manager.filter(**{room_field: rooms}).delete()
    # Codes: used ones once their participant is gone, unused ones a while after expiring.
    stale_codes = BadgeCode.objects.filter(
        Q(used_at__isnull=False, participant__isnull=True) | Q(expires_at__lte=cutoff)
    )
    counts["badge_codes"], _by_model = stale_codes.delete()
    return counts
