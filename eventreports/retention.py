"""Askers' addresses are kept only as long as they can still serve their one answer."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from eventreports import conf
from eventreports.models import AnswerRequest, ReportQuestion


def purge(now: datetime | None = None) -> int:
    """Delete addresses past their retention period, and those no answer can come for any more:
    the question was removed, answered live, or is gone from the room without a report entry.
    Returns how many were deleted."""
    cutoff = (now or timezone.now()) - timedelta(days=conf.address_retention_days())
    from live.models import Question

    stale = AnswerRequest.objects.filter(
        Q(created_at__lt=cutoff)
        | Q(question__isnull=True, entry__isnull=True)
        | Q(question__status=Question.Status.REMOVED)
        | Q(entry__status=ReportQuestion.Status.LIVE)
    )
    deleted, _by_model = stale.delete()
    return deleted
