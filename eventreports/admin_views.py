"""Questions after panels in the Wagtail admin: panel members and editors answer them here.

The list has every approved question of every event panel (filter by event, panel, status or
"overdue"); the edit view takes the written answer, who answered (role and organisation) and
the date it is due by. Saving goes through eventreports.answers, which logs it and mails the
asker who left an address. Entries come from the rooms, so there is no add, copy or delete.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from eventreports import answers
from eventreports.models import ReportQuestion
from eventreports.models.questions import ReportQuestionQuerySet
from workshops.models import EventPage, EventPanel


class ReportQuestionFilter(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(
        field_name="panel__page",
        queryset=EventPage.objects.order_by("title"),
        label=gettext_lazy("Event"),
    )
    panel = django_filters.ModelChoiceFilter(
        queryset=EventPanel.objects.select_related("page").order_by("page__title", "sort_order"),
        label=gettext_lazy("Panel"),
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("Past its due date without an answer"), method="filter_overdue"
    )

    class Meta:
        model = ReportQuestion
        fields = ["event", "panel", "status", "overdue"]

    def filter_overdue(
        self, queryset: ReportQuestionQuerySet, name: str, value: bool | None
    ) -> ReportQuestionQuerySet:
        overdue = queryset.overdue()
        if value is None:
            return queryset
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class AnswerForm(WagtailAdminModelForm):
    class Meta:
        model = ReportQuestion
        fields = ["answer", "answered_by", "due_on"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 8})}

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        if cleaned.get("answer", "").strip() and not cleaned.get("answered_by", "").strip():
            self.add_error(
                "answered_by",
                gettext_lazy("Say who answers: a role and organisation is enough."),
            )
        return cleaned


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[ReportQuestion]:
        queryset: QuerySet[ReportQuestion] = super().get_base_queryset()
        return queryset.select_related("panel__page")


class AnswerEditView(generic.EditView):
    def save_instance(self) -> ReportQuestion:
        data = self.form.cleaned_data
        return answers.do_answer(
            self.request.user,
            self.object,
            answer=data["answer"].strip(),
            answered_by=data["answered_by"].strip(),
            due_on=data["due_on"],
        )


def _panel(entry: ReportQuestion) -> str:
    panel = entry.panel
    return f"{panel.page.title} · {panel.title}" if panel else "—"


def _status(entry: ReportQuestion) -> str:
    if entry.is_overdue:
        return str(gettext_lazy("overdue: not answered yet"))
    return entry.get_status_display()


class ReportQuestionViewSet(ModelViewSet):
    model = ReportQuestion
    icon = "help"
    menu_label = gettext_lazy("Questions after panels")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    edit_view_class = AnswerEditView
    filterset_class = ReportQuestionFilter
    search_fields = ["text", "answer", "answered_by"]
    ordering = ["due_on", "pk"]
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        TitleColumn(
            "text",
            label=gettext_lazy("Question"),
            accessor=lambda entry: Truncator(entry.text).chars(90),
            url_name="report_questions:edit",
        ),
        Column("panel", label=gettext_lazy("Event and panel"), accessor=_panel),
        Column("status", label=gettext_lazy("Status"), accessor=_status, sort_key="status"),
        DateColumn("due_on", label=gettext_lazy("Answer due by"), sort_key="due_on"),
        "answered_by",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("text", read_only=True, heading=gettext_lazy("Question")),
            FieldPanel("answer"),
            FieldPanel("answered_by"),
            FieldPanel("due_on"),
        ]
    )

    def get_form_class(self, for_update: bool = False) -> type[AnswerForm]:
        return AnswerForm

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # Entries come from the live rooms: nobody adds or deletes one here.
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(
            add_url_name=None, delete_url_name=None, **kwargs
        )
        return view_kwargs
