"""Keeping the report's copy of an event panel's questions in step with its live room.

A question enters the report once a moderator approves it (or at once in a room without
pre-moderation), is marked when answered live, and leaves it when a moderator removes it: the
report publishes no text of a declined question. Every change goes through the live room's
services, which save the question, so a post_save receiver sees them all.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models.signals import post_save
from django.utils import timezone

from eventreports import caching, conf
from eventreports.models import AnswerRequest, ReportQuestion

if TYPE_CHECKING:
    from live.models import LiveRoom, Question
    from workshops.models import EventPanel


def due_date(room: LiveRoom, panel: EventPanel) -> date:
    """A written answer is due some weeks after the panel: after its room closed, or else after
    the event's first session, or else from today."""
    moment: datetime | None = room.closed_at
    if moment is None:
        session = panel.page.sessions.order_by("starts_at").first() if panel.page_id else None
        moment = session.ends_at if session else None
    day = timezone.localdate(moment) if moment else timezone.localdate()
    return day + timedelta(days=conf.answer_due_days())


def on_question_saved(
    sender: type[Question], instance: Question, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    sync_question(instance)


def sync_question(question: Question) -> ReportQuestion | None:
    """The report entry for this live question after its change, or None if it has none."""
    from live.models import Question

    room = question.room
    panel = room.panel
    if panel is None:
        return None  # a workshop session's room: no report
    caching.bump_event(panel.page_id)
    entry = ReportQuestion.objects.filter(question=question).first()
    if question.status == Question.Status.REMOVED:
        if entry is not None:
            entry.delete()
        AnswerRequest.objects.filter(question=question).delete()
        return None
    if question.status == Question.Status.PENDING:
        return entry
    if entry is None:
        entry = ReportQuestion(
            question=question,
            panel=panel,
            due_on=due_date(room, panel),
            asked_at=question.created_at,
        )
    entry.text = question.text
    if (
        question.status == Question.Status.ANSWERED
        and entry.status != ReportQuestion.Status.WRITTEN
    ):
        entry.status = ReportQuestion.Status.LIVE
    elif entry.status == ReportQuestion.Status.LIVE and question.status == Question.Status.OPEN:
        entry.status = ReportQuestion.Status.WAITING
    entry.save()
    AnswerRequest.objects.filter(question=question, entry__isnull=True).update(entry=entry)
    return entry


def connect() -> None:
    from live.models import Question

    post_save.connect(on_question_saved, sender=Question, dispatch_uid="eventreports.sync")
