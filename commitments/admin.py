"""The editors' side: commitments with inline dated updates, searchable and filterable.

A snippet with revisions, so every change is in the history and Wagtail's audit log. Followers
have no admin screen: editors see how many follow a commitment, never who.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from commitments.models import Commitment, Status
from commitments.models.commitments import CommitmentQuerySet
from workshops.models import EventPage, EventPanel


class PanelChoiceField(forms.ModelChoiceField[EventPanel]):
    def label_from_instance(self, panel: EventPanel) -> str:
        return f"{panel.page.title} – {panel.title}"


class CommitmentForm(WagtailAdminModelForm):
    """A new update that carries a status sets the commitment's status (the newest one wins)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "panel" in self.fields:
            field = self.fields["panel"]
            self.fields["panel"] = PanelChoiceField(
                queryset=EventPanel.objects.select_related("page").order_by(
                    "page__title", "sort_order"
                ),
                required=False,
                label=field.label,
                help_text=field.help_text,
                widget=field.widget,
            )

    def save(self, commit: bool = True) -> Commitment:
        formset = self.formsets.get("updates")
        if formset is not None:
            changes = [
                (form.cleaned_data["date"], index, form.cleaned_data["status"])
                for index, form in enumerate(formset.forms)
                if form.instance.pk is None
                and getattr(form, "cleaned_data", None)
                and form.cleaned_data.get("status")
                and not formset._should_delete_form(form)
            ]
            if changes:
                self.instance.status = max(changes)[2]
        commitment: Commitment = super().save(commit)
        return commitment


# Choices rather than booleans: the admin's filter pill then reads "Late: yes", not "True".
YES_NO = [("1", _("yes")), ("0", _("no"))]


class CommitmentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    event = django_filters.ModelChoiceFilter(
        label=_("Event"), field_name="panel__page", queryset=EventPage.objects.order_by("title")
    )
    overdue = django_filters.ChoiceFilter(
        label=_("Late"), choices=YES_NO, method="filter_overdue", empty_label=_("All")
    )
    published = django_filters.ChoiceFilter(
        label=_("Published"), choices=YES_NO, method="filter_published", empty_label=_("All")
    )

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_overdue(
        self, queryset: CommitmentQuerySet, name: str, value: str
    ) -> CommitmentQuerySet:
        return queryset.overdue() if value == "1" else queryset.not_overdue()

    def filter_published(
        self, queryset: CommitmentQuerySet, name: str, value: str
    ) -> CommitmentQuerySet:
        return queryset.filter(published=value == "1")


class CommitmentIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet[Commitment]:
        followers = Count(
            "followers",
            filter=Q(
                followers__confirmed_at__isnull=False, followers__unsubscribed_at__isnull=True
            ),
        )
        queryset: QuerySet[Commitment] = (
            super().get_base_queryset().annotate(follower_count=followers)
        )
        return queryset


class CommitmentViewSet(SnippetViewSet):
    model = Commitment
    index_view_class = CommitmentIndexView
    icon = "tick-inverse"
    menu_label = _("Commitments")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    search_fields = ["what", "organisation", "person_name", "event_title", "panel_title"]
    search_backend_name = None
    filterset_class = CommitmentFilterSet
    ordering = ["due_date", "pk"]
    list_display = [
        "__str__",
        Column("event_title", label=_("Event"), sort_key="event_title"),
        Column("due_date", label=_("Due date"), sort_key="due_date"),
        Column("get_shown_display", label=_("Status shown")),
        BooleanColumn("published", label=_("Published")),
        Column("follower_count", label=_("Followers"), sort_key="follower_count"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("panel"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
                    FieldPanel("person_name"),
                    FieldPanel("name_consent"),
                ],
                heading=_("Who"),
            ),
            FieldPanel("what"),
            FieldRowPanel([FieldPanel("due_date"), FieldPanel("status")]),
            FieldPanel("published"),
            InlinePanel("updates", heading=_("Updates"), label=_("Update")),
        ],
        base_form_class=CommitmentForm,
    )
