"""The live rooms in the Wagtail admin: rooms, their history, and moderator actions.

Editors set rooms up and prepare statements. Moderators also read the history (chat messages
and questions, searchable and filtered by room) and act on it; every action goes through
live.services, as on the room page, so the room sees it at once and the audit log has it.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from live import permissions, services
from live.admin_forms import RoomForm, StatementForm
from live.models import LiveRoom, Message, Question, Statement

Status = LiveRoom.Status


def _moderate(function, *args):
    return lambda obj, by: function(obj.room, obj.pk, *args, by=by)


# (model, action): (service call, confirm question, done message, allowed?)
ACTIONS = {
    (Message, "remove"): (
        _moderate(services.do_remove_message),
        gettext_lazy("Remove this chat message? Everyone in the room stops seeing it."),
        gettext_lazy("The message has been removed."),
        lambda m: m.status != Message.Status.REMOVED,
    ),
    (Message, "release"): (
        _moderate(services.do_release_message),
        gettext_lazy("Post this held message in the room?"),
        gettext_lazy("The message has been posted."),
        lambda m: m.status == Message.Status.HELD,
    ),
    (Question, "approve"): (
        _moderate(services.do_approve_question),
        gettext_lazy("Show this question to everyone in the room?"),
        gettext_lazy("The question has been approved."),
        lambda q: q.status == Question.Status.PENDING,
    ),
    (Question, "answered"): (
        _moderate(services.do_mark_answered),
        gettext_lazy("Mark this question as answered?"),
        gettext_lazy("The question is marked as answered."),
        lambda q: q.status == Question.Status.OPEN,
    ),
    (Question, "remove"): (
        _moderate(services.do_remove_question),
        gettext_lazy("Remove this question? Everyone in the room stops seeing it."),
        gettext_lazy("The question has been removed."),
        lambda q: q.status != Question.Status.REMOVED,
    ),
    (Statement, "open"): (
        lambda s, by: services.do_open_statement(s.room, by=by, statement_id=s.pk),
        gettext_lazy("Open this statement for votes? A statement that is open now closes."),
        gettext_lazy("The statement is open for votes."),
        lambda s: s.status == Statement.Status.DRAFT and s.room.is_open,
    ),
    (Statement, "close"): (
        _moderate(services.do_close_statement),
        gettext_lazy("Close voting on this statement? Its results stay visible."),
        gettext_lazy("Voting on the statement has closed."),
        lambda s: s.status == Statement.Status.OPEN,
    ),
    (LiveRoom, "open"): (
        lambda r, by: services.do_set_status(r, Status.OPEN, by=by),
        gettext_lazy("Open this room? Everyone who has it open can take part at once."),
        gettext_lazy("The room is open."),
        lambda r: r.status != Status.OPEN,
    ),
    (LiveRoom, "close"): (
        lambda r, by: services.do_set_status(r, Status.CLOSED, by=by),
        gettext_lazy(
            "Close this room? Nobody can write in it any more; everything stays readable."
        ),
        gettext_lazy("The room is closed."),
        lambda r: r.status != Status.CLOSED,
    ),
}


class ActionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then do one moderator action through the services (GET asks, POST does)."""

    template_name = "live/admin/action.html"
    header_icon = "warning"
    model = None
    action = None
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_moderator(request.user):
            raise PermissionDenied
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])
        self.perform, self.question, self.done, self.allowed = ACTIONS[(self.model, self.action)]
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.question

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            allowed=self.allowed(self.object),
            back_url=self.back_url(),
            **kwargs,
        )

    def back_url(self):
        url = reverse(self.index_url_name)
        room_id = self.object.pk if self.model is LiveRoom else self.object.room_id
        return url if self.model is LiveRoom else f"{url}?room={room_id}"

    def post(self, request, *args, **kwargs):
        if not self.allowed(self.object):
            messages.error(request, _("This can no longer be done."))
            return redirect(self.back_url())
        try:
            self.perform(self.object, request.user)
        except services.LiveError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.done)
        return redirect(self.back_url())


def action_buttons(view, instance, actions):
    """The "more" menu of a listing row: the actions a moderator may take on it now."""
    if not permissions.is_moderator(view.request.user):
        return []
    buttons = []
    for priority, (name, label, icon) in enumerate(actions):
        if ACTIONS[(type(instance), name)][3](instance):
            url = reverse(view.action_url_names[name], args=[quote(instance.pk)])
            buttons.append(MenuItem(label, url=url, icon_name=icon, priority=20 + priority))
    return buttons


class ActionsViewSetMixin:
    """Adds the ActionView routes for `actions` [(name, label, icon)] to a viewset."""

    actions = ()

    def get_index_view_kwargs(self, **kwargs):
        names = {name: self.get_url_name(name) for name, _label, _icon in self.actions}
        return super().get_index_view_kwargs(action_url_names=names, **kwargs)

    def action_urls(self):
        return [
            path(
                f"{name}/<int:pk>/",
                ActionView.as_view(
                    model=self.model, action=name, index_url_name=self.get_url_name("index")
                ),
                name=name,
            )
            for name, _label, _icon in self.actions
        ]


class RoomFilter(WagtailFilterSet):
    room = django_filters.ModelChoiceFilter(
        queryset=LiveRoom.objects.all(), label=gettext_lazy("Room")
    )


# Rooms ----------------------------------------------------------------------------------


class RoomIndexView(generic.IndexView):
    action_url_names = {}

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("panel__page", "session__page")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
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


class RoomEditView(generic.EditView):
    def save_instance(self):
        room = super().save_instance()
        services.do_update_room(room, by=self.request.user)
        return room


class RoomViewSet(ActionsViewSetMixin, ModelViewSet):
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

    def get_form_class(self, for_update=False):
        return RoomForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + self.action_urls()


# History: chat messages and questions ---------------------------------------------------


class MessageFilter(RoomFilter):
    class Meta:
        model = Message
        fields = ["room", "status", "watched"]


class HistoryIndexView(generic.IndexView):
    action_url_names = {}
    row_actions = ()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("room", "participant")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return buttons + action_buttons(self, instance, self.row_actions)


def text_column():
    return Column(
        "text", label=gettext_lazy("Text"), accessor=lambda obj: Truncator(obj.text).chars(80)
    )


def author_column():
    return Column(
        "participant", label=gettext_lazy("Pseudonym"), accessor=lambda obj: obj.participant.name
    )


class HistoryViewSet(ActionsViewSetMixin, ModelViewSet):
    """Read-only: what people wrote is never edited, only removed or let through."""

    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-id"]
    search_fields = ["text"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(row_actions=self.actions, **kwargs)

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )

    def get_urlpatterns(self):
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
        "removed_at",
    ]
    actions = (
        ("release", gettext_lazy("Post"), "tick"),
        ("remove", gettext_lazy("Remove"), "bin"),
    )


class QuestionFilter(RoomFilter):
    class Meta:
        model = Question
        fields = ["room", "status"]


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


class StatementIndexView(generic.IndexView):
    action_url_names = {}

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("room")

    def get_edit_url(self, instance):
        # Only a prepared statement can still be worded differently.
        return super().get_edit_url(instance) if instance.status == Statement.Status.DRAFT else None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return buttons + action_buttons(self, instance, StatementViewSet.actions)


class StatementEditView(generic.EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(Statement, pk=self.kwargs["pk"], status=Statement.Status.DRAFT)


class StatementViewSet(ActionsViewSetMixin, ModelViewSet):
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

    def get_form_class(self, for_update=False):
        return StatementForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + self.action_urls()


class LiveAdminGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Live rooms")
    menu_icon = "group"
    menu_order = 260
    items = (
        RoomViewSet("live_rooms"),
        StatementViewSet("live_statements"),
        QuestionViewSet("live_questions"),
        MessageViewSet("live_messages"),
    )
