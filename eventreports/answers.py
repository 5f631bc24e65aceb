"""Written answers to a panel's questions, and askers' addresses to receive them.

Panel members and editors answer in the Wagtail admin (eventreports.admin_views); an asker
leaves an address on a page of her own (eventreports.views). Both go through here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from wagtail.log_actions import log

from community.mail import queue_mail
from eventreports.models import AnswerRequest, ReportQuestion
from workshops.mails import page_path, site_url

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from community.models import User
    from live.models import Participant, Question

PERMISSION = "eventreports.change_reportquestion"
ANSWER_ACTION = "eventreports.answer"
CHANGE_ACTION = "eventreports.answer_changed"


def check_answer(actor: User | AnonymousUser | None, target: ReportQuestion) -> None:
    """Panel members (group "Panelleden") and editors may answer; nobody else."""
    if not (actor is not None and actor.is_authenticated and actor.has_perm(PERMISSION)):
        raise PermissionDenied


@transaction.atomic
def do_answer(
    actor: User | AnonymousUser | None,
    target: ReportQuestion,
    *,
    answer: str,
    answered_by: str,
    due_on: date,
) -> ReportQuestion:
    """Save a written answer (or a new due date); the report shows it at once.

    The first answer is mailed to the asker if she left an address, which is deleted as soon
    as the mail is queued.
    """
    check_answer(actor, target)
    entry: ReportQuestion = ReportQuestion.objects.select_for_update().get(pk=target.pk)
    first_answer = bool(answer) and entry.status == ReportQuestion.Status.WAITING
    entry.answer, entry.answered_by, entry.due_on = answer, answered_by, due_on
    if first_answer:
        entry.status = ReportQuestion.Status.WRITTEN
        entry.answered_at = timezone.now()
    elif not answer and entry.status == ReportQuestion.Status.WRITTEN:
        entry.status = ReportQuestion.Status.WAITING  # withdrawn: promised again
        entry.answered_at = None
    entry.save()
    log(entry, ANSWER_ACTION if first_answer else CHANGE_ACTION, user=actor)
    if first_answer:
        for request in list(entry.answer_requests.all()):
            _mail_answer(entry, request)
            request.delete()
    return entry


def _mail_answer(entry: ReportQuestion, request: AnswerRequest) -> None:
    from eventreports.models import EventReportPage

    event = entry.panel.page if entry.panel else None
    report = EventReportPage.objects.child_of(event).live().first() if event else None
    context = {
        "question": entry.text,
        "answer": entry.answer,
        "answered_by": entry.answered_by,
        "event": event.title if event else "",
        "report_url": site_url(page_path(report)) if report else "",
    }
    email, language = request.email, request.language

    def send() -> None:
        with translation.override(language):
            queue_mail("eventreports/mail/answer", email, context)

    transaction.on_commit(send)


# The asker's address -------------------------------------------------------------------


def asker_questions(participant: Participant) -> QuerySet[Question]:
    """Her questions that may still get a written answer: waiting for approval or open."""
    from live.models import Question

    return Question.objects.filter(
        participant=participant, status__in=[Question.Status.PENDING, Question.Status.OPEN]
    ).order_by("id")


def check_leave_address(actor: Participant | None, target: Question) -> None:
    """Only the participant who asked a question may leave an address for its answer."""
    if actor is None or target.participant_id != actor.pk:
        raise PermissionDenied
    if not asker_questions(actor).filter(pk=target.pk).exists():
        raise PermissionDenied


@transaction.atomic
def do_leave_address(
    actor: Participant | None, target: Question, *, email: str, language: str
) -> AnswerRequest:
    check_leave_address(actor, target)
    entry = ReportQuestion.objects.filter(question=target).first()
    request, _created = AnswerRequest.objects.update_or_create(
        question=target, defaults={"email": email, "language": language, "entry": entry}
    )
    return request


@transaction.atomic
def do_forget_address(actor: Participant | None, target: Question) -> None:
    check_leave_address(actor, target)
    AnswerRequest.objects.filter(question=target).delete()
