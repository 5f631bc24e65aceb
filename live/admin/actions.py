"""Moderator actions on live rooms in the Wagtail admin: confirm, then act through live.services.

Each action is an Action in ACTIONS; ActionsViewSetMixin gives a viewset a route per action and
action_buttons shows a listing row the actions a moderator may take on it now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from live import permissions, services
from live.models import LiveRoom, Message, Question, Reason, Statement

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from live.permissions import Someone

Status = LiveRoom.Status
# What an action acts on: a room, or something in one.
Row = LiveRoom | Message | Question | Statement
R = TypeVar("R", bound=Row)
# The actions a viewset offers on its rows: (name in ACTIONS, label, icon).
ActionButtons = tuple[tuple[str, "StrOrPromise", str], ...]


@dataclass(frozen=True)
class Action(Generic[R]):
    """One moderator action on one kind of row (as moderation.registry.Action for the queue).

    `perform` gets the row, the moderator and the reason they chose ("" unless `asks_reason`);
    `allowed` says whether the row's state still lets it be done.
    """

    perform: Callable[[R, Someone, str], object]
    question: StrOrPromise
    done: StrOrPromise
    allowed: Callable[[R], bool]
    # Removing a message or question asks why: the room's open totals count reasons.
    asks_reason: bool = False


InRoom = TypeVar("InRoom", Message, Question, Statement)


def _moderate(
    service: Callable[[LiveRoom, int, Someone], object],
) -> Callable[[InRoom, Someone, str], object]:
    """A service that takes (room, id, by) as an action's `perform` on a row in a room."""
    return lambda row, by, _reason: service(row.room, row.pk, by)


# Keyed by (model, name); an entry's model is the one its Action[...] names (see action()).
ACTIONS: dict[tuple[type[Model], str], Action[Any]] = {
    (Message, "remove"): Action[Message](
        lambda m, by, reason: services.do_remove_message(m.room, m.pk, by=by, reason=reason),
        gettext_lazy("Remove this chat message? Everyone in the room stops seeing it."),
        gettext_lazy("The message has been removed."),
        lambda m: m.status != Message.Status.REMOVED,
        asks_reason=True,
    ),
    (Message, "release"): Action[Message](
        _moderate(services.do_release_message),
        gettext_lazy("Post this held message in the room?"),
        gettext_lazy("The message has been posted."),
        lambda m: m.status == Message.Status.HELD,
    ),
    (Question, "approve"): Action[Question](
        _moderate(services.do_approve_question),
        gettext_lazy("Show this question to everyone in the room?"),
        gettext_lazy("The question has been approved."),
        lambda q: q.status == Question.Status.PENDING,
    ),
    (Question, "answered"): Action[Question](
        _moderate(services.do_mark_answered),
        gettext_lazy("Mark this question as answered?"),
        gettext_lazy("The question is marked as answered."),
        lambda q: q.status == Question.Status.OPEN,
    ),
    (Question, "remove"): Action[Question](
        lambda q, by, reason: services.do_remove_question(q.room, q.pk, by=by, reason=reason),
        gettext_lazy("Remove this question? Everyone in the room stops seeing it."),
        gettext_lazy("The question has been removed."),
        lambda q: q.status != Question.Status.REMOVED,
        asks_reason=True,
    ),
    (Statement, "open"): Action[Statement](
        lambda s, by, _reason: services.do_open_statement(s.room, by=by, statement_id=s.pk),
        gettext_lazy("Open this statement for votes? A statement that is open now closes."),
        gettext_lazy("The statement is open for votes."),
        lambda s: s.status == Statement.Status.DRAFT and s.room.is_open,
    ),
    (Statement, "close"): Action[Statement](
        _moderate(services.do_close_statement),
        gettext_lazy("Close voting on this statement? Its results stay visible."),
        gettext_lazy("Voting on the statement has closed."),
        lambda s: s.status == Statement.Status.OPEN,
    ),
    (LiveRoom, "open"): Action[LiveRoom](
        lambda r, by, _reason: services.do_set_status(r, Status.OPEN, by=by),
        gettext_lazy("Open this room? Everyone who has it open can take part at once."),
        gettext_lazy("The room is open."),
        lambda r: r.status != Status.OPEN,
    ),
    (LiveRoom, "close"): Action[LiveRoom](
        lambda r, by, _reason: services.do_set_status(r, Status.CLOSED, by=by),
        gettext_lazy(
            "Close this room? Nobody can write in it any more; everything stays readable."
        ),
        gettext_lazy("The room is closed."),
        lambda r: r.status != Status.CLOSED,
    ),
}


def action(model: type[R], name: str) -> Action[R]:
    """The action `name` on rows of `model`."""
    found: Action[R] = ACTIONS[(model, name)]
    return found


# Wagtail ships no types: its classes are Any to mypy, and subclassing Any needs the ignore.
class ActionView(WagtailAdminTemplateMixin, TemplateView):  # type: ignore[misc]
    """Confirm, then do one moderator action through the services (GET asks, POST does)."""

    template_name = "live/admin/action.html"
    header_icon = "warning"
    # Set per route by ActionsViewSetMixin.action_urls (as_view() takes only these names).
    model: type[Row] | None = None
    action: str | None = None
    index_url_name: str | None = None

    object: Row
    chosen: Action[Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not permissions.is_moderator(request.user):
            raise PermissionDenied
        assert self.model is not None and self.action is not None
        # A row of self.model, one of Row (get_object_or_404 says only Model).
        self.object = cast(Row, get_object_or_404(self.model, pk=kwargs["pk"]))
        self.chosen = action(self.model, self.action)
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def get_page_title(self) -> StrOrPromise:
        return self.chosen.question

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(
            object=self.object,
            allowed=self.chosen.allowed(self.object),
            back_url=self.back_url(),
            reasons=Reason.choices if self.chosen.asks_reason else None,
            **kwargs,
        )
        return context

    def back_url(self) -> str:
        assert self.index_url_name is not None
        url = reverse(self.index_url_name)
        if isinstance(self.object, LiveRoom):
            return url
        return f"{url}?room={self.object.room_id}"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.chosen.allowed(self.object):
            messages.error(request, _("This can no longer be done."))
            return redirect(self.back_url())
        reason = ""
        if self.chosen.asks_reason:
            reason = request.POST.get("reason", "")
            reason = reason if reason in Reason.values else Reason.OTHER
        try:
            self.chosen.perform(self.object, request.user, reason)
        except services.LiveError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.chosen.done)
        return redirect(self.back_url())


class RowActions:
    """What action_buttons needs of an index view: its request and the actions' URL names.

    (Wagtail's IndexView, with action_url_names from ActionsViewSetMixin.)
    """

    request: HttpRequest
    action_url_names: dict[str, str]


def action_buttons(view: RowActions, instance: Row, actions: ActionButtons) -> list[MenuItem]:
    """The "more" menu of a listing row: the actions a moderator may take on it now."""
    if not permissions.is_moderator(view.request.user):
        return []
    buttons = []
    for priority, (name, label, icon) in enumerate(actions):
        if action(type(instance), name).allowed(instance):
            url = reverse(view.action_url_names[name], args=[quote(instance.pk)])
            buttons.append(MenuItem(label, url=url, icon_name=icon, priority=20 + priority))
    return buttons


class ActionsViewSetMixin:
    """Adds the ActionView routes for `actions` [(name, label, icon)] to a ModelViewSet."""

    actions: ActionButtons = ()
    # Wagtail's ModelViewSet, after this mixin in the bases, has these.
    model: type[Row]
    get_url_name: Callable[[str], str]

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        names = {name: self.get_url_name(name) for name, _label, _icon in self.actions}
        # ModelViewSet's method, after this mixin in the MRO (mypy sees only object here).
        view_kwargs: dict[str, Any] = super().get_index_view_kwargs(  # type: ignore[misc]
            action_url_names=names, **kwargs
        )
        return view_kwargs

    def action_urls(self) -> list[URLPattern]:
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
