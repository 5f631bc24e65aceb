"""Deleting what people wrote a set time after their room closed; statements stay as numbers."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from live import conf
from live.models import LiveRoom, Message, Participant, Question, QuestionUpvote, StatementVote


@transaction.atomic
def purge(now=None):
    """Delete the chat, questions, individual votes and participants of rooms closed long enough.

    A statement's results were stored as numbers when it closed, so they survive. Returns
    how many of each were deleted.
    """
    cutoff = (now or timezone.now()) - timedelta(days=conf.retention_days())
    rooms = LiveRoom.objects.filter(status=LiveRoom.Status.CLOSED, closed_at__lte=cutoff)
    counts = {}
    for name, model, room_field in [
        ("votes", StatementVote, "statement__room__in"),
        ("upvotes", QuestionUpvote, "question__room__in"),
        ("messages", Message, "room__in"),
        ("questions", Question, "room__in"),
        ("participants", Participant, "room__in"),
    ]:
        counts[name], _by_model = model.objects.filter(**{room_field: rooms}).delete()
    return counts
