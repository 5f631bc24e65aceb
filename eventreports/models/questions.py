"""A panel's questions as its report keeps them, their written answers, and askers' addresses.

The live room's own questions are deleted some weeks after the room closes
(live.services.retention), but a promise to answer outlives that: so the report keeps its own
copy of each approved question's text, without the pseudonym of whoever asked it.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from live.conf import MAX_QUESTION_LENGTH


class ReportQuestionQuerySet(models.QuerySet["ReportQuestion"]):
    def waiting(self) -> ReportQuestionQuerySet:
        return self.filter(status=ReportQuestion.Status.WAITING)

    def overdue(self, today: datetime.date | None = None) -> ReportQuestionQuerySet:
        return self.waiting().filter(due_on__lt=today or timezone.localdate())


class ReportQuestion(models.Model):
    """An approved question of an event panel: answered live, in writing, or still waiting."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for a written answer")
        LIVE = "live", _("answered during the panel")
        WRITTEN = "written", _("answered in writing")

    question = models.OneToOneField(
        "live.Question",
        verbose_name=_("question in the live room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_entry",
        editable=False,
    )
    panel = models.ForeignKey(
        "workshops.EventPanel",
        verbose_name=_("panel"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="report_questions",
        editable=False,
    )
    text = models.TextField(_("question"), max_length=MAX_QUESTION_LENGTH, editable=False)
    asked_at = models.DateTimeField(_("asked at"), editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING, editable=False
    )
    answer = models.TextField(
        _("written answer"),
        blank=True,
        max_length=4000,
        help_text=_("Published on the event's report as soon as you save it."),
    )
    answered_by = models.CharField(
        _("answered by"),
        max_length=200,
        blank=True,
        help_text=_(
            "A role and organisation, e.g. “beleidsadviseur, gemeente Utrecht”. A person's name "
            "only if they agreed to be named."
        ),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True, editable=False)
    due_on = models.DateField(
        _("answer due by"),
        help_text=_("Past this date the report shows the question as not answered yet."),
    )

    objects = ReportQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question after a panel")
        verbose_name_plural = _("questions after panels")
        ordering = ["panel__sort_order", "asked_at", "id"]

    def __str__(self) -> str:
        # Never the text: this label ends up in the audit log, which outlives the question.
        return _("question %(id)s") % {"id": self.pk}

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.WAITING and self.due_on < timezone.localdate()


class AnswerRequest(models.Model):
    """An asker's address for the written answer to one question: nothing else is sent to it.

    Deleted when the answer is mailed, when the question is removed, or after
    KRING_ANSWER_ADDRESS_DAYS (eventreports.retention).
    """

    question = models.OneToOneField(
        "live.Question", null=True, on_delete=models.SET_NULL, related_name="answer_request"
    )
    entry = models.ForeignKey(
        ReportQuestion, null=True, on_delete=models.CASCADE, related_name="answer_requests"
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("address for a written answer")
        verbose_name_plural = _("addresses for written answers")

    def __str__(self) -> str:
        return f"answer request {self.pk}"
