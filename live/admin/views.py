"""The live rooms in the Wagtail admin: rooms, their history, and moderator actions.

Editors set rooms up and prepare statements. Moderators also read the history (chat messages
and questions, searchable and filtered by room) and act on it; every action goes through
live.services, as on the room page, so the room sees it at once and the audit log has it.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from live import services
from live.admin.actions import ActionButtons, ActionsViewSetMixin, Row, action_buttons
from live.admin.badges import BadgeCodeViewSet
from live.admin.forms import RoomForm, StatementForm
from live.models import LiveRoom, Message, Question, Statement


class RoomFilter(WagtailFilterSet):  # type: ignore[misc]  # Wagtail ships no types
    room = django_filters.ModelChoiceFilter(
        queryset=LiveRoom.objects.all(), label=gettext_lazy("Room")
    )


# Rooms ----------------------------------------------------------------------------------


class RoomIndexView(generic.IndexView):  # type: ignore[misc]  # Wagtail ships no types
    action_url_names: dict[str, str] = {}

    def get_base_queryset(self) -> QuerySet[LiveRoom]:
        rooms: QuerySet[LiveRoom] = super().get_base_queryset()
        return rooms.select_related("panel__page", "session__page")

    def get_list_more_buttons(self, instance: LiveRoom) -> list[MenuItem]:
        buttons: list[MenuItem] = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(_("Room page"), url=instance.get_absolute_url(), icon_name="link", priority=5)
        )
        for name, label in (
            ("live_messages", _("Chat messages")),
            ("live_questions", _("Questions")),
            ("live_statements", _("Statements")),
        ):
            url = reverse(f"{name}:index") + f"?room={instance.pk}"
            buttons.append(MenuItem(label, url=url, icon_name="list-ul", priority=15))
        return buttons + action_buttons(self, instance, RoomViewSet.actions)


class RoomEditView(generic.EditView):  # type: ignore[misc]  # Wagtail ships no types
    def save_instance(self) -> LiveRoom:
        room: LiveRoom = super().save_instance()
        services.do_update_room(room, by=self.request.user)
        return room


class RoomViewSet(ActionsViewSetMixin, ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    model = LiveRoom
    index_view_class = RoomIndexView
    edit_view_class = RoomEditView
    icon = "group"
    menu_label = gettext_lazy("Rooms")
    add_to_admin_menu = False
    copy_view_enabled = False
    search_fields = ["title", "slug"]
    list_filter = ["status"]
    list_display = [
        "title",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        "panel",
        "created_at",
    ]
    actions = (
        ("open", gettext_lazy("Open the room"), "view"),
        ("close", gettext_lazy("Close the room"), "lock"),
    )

    def get_form_class(self, for_update: bool = False) -> type[RoomForm]:
        return RoomForm

    def get_urlpatterns(self) -> list[URLPattern]:
        patterns: list[URLPattern] = super().get_urlpatterns()
        return patterns + self.action_urls()


# History: chat messages and questions ---------------------------------------------------


class MessageFilter(RoomFilter):
    class Meta:
        model = Message
        fields = ["room", "status", "watched", "removal_reason"]


class HistoryIndexView(generic.IndexView):  # type: ignore[misc]  # Wagtail ships no types
    action_url_names: dict[str, str] = {}
    row_actions: ActionButtons = ()

    def get_base_queryset(self) -> QuerySet[Message | Question]:
        rows: QuerySet[Message | Question] = super().get_base_queryset()
        return rows.select_related("room", "participant")

    def get_list_more_buttons(self, instance: Row) -> list[MenuItem]:
        buttons: list[MenuItem] = super().get_list_more_buttons(instance)
        return buttons + action_buttons(self, instance, self.row_actions)


def text_column() -> Column:
    return Column(
        "text", label=gettext_lazy("Text"), accessor=lambda obj: Truncator(obj.text).chars(80)
    )


def author_column() -> Column:
    return Column(
        "participant", label=gettext_lazy("Pseudonym"), accessor=lambda obj: obj.participant.name
    )


class HistoryViewSet(ActionsViewSetMixin, ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    """Read-only: what people wrote is never edited, only removed or let through."""

    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-id"]
    search_fields = ["text"]

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_index_view_kwargs(row_actions=self.actions, **kwargs)

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )
        return view_kwargs

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            *self.action_urls(),
        ]


class MessageViewSet(HistoryViewSet):
    model = Message
    index_view_class = HistoryIndexView
    icon = "comment"
    menu_label = gettext_lazy("Chat messages")
    filterset_class = MessageFilter
    list_display = [
        text_column(),
        author_column(),
        "room",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        BooleanColumn("watched", label=gettext_lazy("Help shown")),
        "created_at",
    ]
    inspect_view_fields = [
        "room",
        "text",
        "status",
        "by_moderator",
        "watched",
        "created_at",
        "held_at",
        "removed_at",
        "removal_reason",
    ]
    actions = (
        ("release", gettext_lazy("Post"), "tick"),
        ("remove", gettext_lazy("Remove"), "bin"),
    )


class QuestionFilter(RoomFilter):
    class Meta:
        model = Question
        fields = ["room", "status", "decline_reason"]


class QuestionViewSet(HistoryViewSet):
    model = Question
    index_view_class = HistoryIndexView
    icon = "help"
    menu_label = gettext_lazy("Questions")
    filterset_class = QuestionFilter
    ordering = ["-id"]
    list_display = [
        text_column(),
        author_column(),
        "room",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        Column("upvotes", label=gettext_lazy("Up-votes"), sort_key="upvotes"),
        "created_at",
    ]
    inspect_view_fields = [
        "room",
        "text",
        "status",
        "upvotes",
        "created_at",
        "approved_at",
        "answered_at",
        "decline_reason",
    ]
    actions = (
        ("approve", gettext_lazy("Approve"), "tick"),
        ("answered", gettext_lazy("Mark answered"), "success"),
        ("remove", gettext_lazy("Remove"), "bin"),
    )


# Statements -----------------------------------------------------------------------------


class StatementFilter(RoomFilter):
    class Meta:
        model = Statement
        fields = ["room", "status"]


class StatementIndexView(generic.IndexView):  # type: ignore[misc]  # Wagtail ships no types
    action_url_names: dict[str, str] = {}

    def get_base_queryset(self) -> QuerySet[Statement]:
        statements: QuerySet[Statement] = super().get_base_queryset()
        return statements.select_related("room")

    def get_edit_url(self, instance: Statement) -> str | None:
        # Only a prepared statement can still be worded differently.
        return super().get_edit_url(instance) if instance.status == Statement.Status.DRAFT else None

    def get_list_more_buttons(self, instance: Statement) -> list[MenuItem]:
        buttons: list[MenuItem] = super().get_list_more_buttons(instance)
        return buttons + action_buttons(self, instance, StatementViewSet.actions)


class StatementEditView(generic.EditView):  # type: ignore[misc]  # Wagtail ships no types
    def get_object(self, queryset: QuerySet[Statement] | None = None) -> Statement:
        return get_object_or_404(Statement, pk=self.kwargs["pk"], status=Statement.Status.DRAFT)


class StatementViewSet(ActionsViewSetMixin, ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    model = Statement
    index_view_class = StatementIndexView
    edit_view_class = StatementEditView
    icon = "tasks"
    menu_label = gettext_lazy("Statements")
    add_to_admin_menu = False
    copy_view_enabled = False
    filterset_class = StatementFilter
    search_fields = ["text"]
    ordering = ["-id"]
    list_display = [
        "text",
        "room",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        Column("agree_count", label=gettext_lazy("Agree")),
        Column("disagree_count", label=gettext_lazy("Disagree")),
        Column("neutral_count", label=gettext_lazy("Neutral")),
    ]
    actions = (
        ("open", gettext_lazy("Open for votes"), "view"),
        ("close", gettext_lazy("Close voting"), "lock"),
    )

    def get_form_class(self, for_update: bool = False) -> type[StatementForm]:
        return StatementForm

    def get_urlpatterns(self) -> list[URLPattern]:
        patterns: list[URLPattern] = super().get_urlpatterns()
        return patterns + self.action_urls()


class LiveAdminGroup(ModelViewSetGroup):  # type: ignore[misc]  # Wagtail ships no types
    menu_label = gettext_lazy("Live rooms")
    menu_icon = "group"
    menu_order = 260
    items = (
        RoomViewSet("live_rooms"),
        StatementViewSet("live_statements"),
        QuestionViewSet("live_questions"),
        MessageViewSet("live_messages"),
        BadgeCodeViewSet("live_badges"),
    )
