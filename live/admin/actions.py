"""Moderator actions on live rooms in the Wagtail admin: confirm, then act through live.services.

Each action is a row of ACTIONS; ActionsViewSetMixin gives a viewset a route per action and
action_buttons shows a listing row the actions a moderator may take on it now.
"""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from live import permissions, services
from live.models import LiveRoom, Message, Question, Reason, Statement

Status = LiveRoom.Status


def _moderate(function, *args):
    return lambda obj, by, **extra: function(obj.room, obj.pk, *args, by=by, **extra)


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

    @property
    def asks_reason(self):
        """Removing a message or question asks why: the room's open totals count reasons."""
        return self.action == "remove"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            object=self.object,
            allowed=self.allowed(self.object),
            back_url=self.back_url(),
            reasons=Reason.choices if self.asks_reason else None,
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
        extra = {}
        if self.asks_reason:
            reason = request.POST.get("reason", "")
            extra["reason"] = reason if reason in Reason.values else Reason.OTHER
        try:
            self.perform(self.object, request.user, **extra)
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
