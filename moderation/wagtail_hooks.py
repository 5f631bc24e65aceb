from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from community.models import User
from moderation.admin_views import QueueView, can_moderate
from moderation.audit import register_actions
from moderation.hide_views import HideView, UndoHideView
from moderation.queue import waiting_summary
from moderation.remove_views import RemoveView

LOG_ACTIONS = [
    ("kring.moderation.auto_hide", _("Hide after reports"), _("Hidden after reports")),
    ("kring.moderation.flag", _("Flag after reports"), _("Flagged after reports")),
    ("kring.moderation.dismiss", _("Dismiss reports"), _("Reports dismissed")),
    ("kring.moderation.hide", _("Hide"), _("Hidden by a moderator")),
    ("kring.moderation.remove", _("Remove"), _("Removed by a moderator")),
    ("kring.moderation.restore", _("Restore"), _("Restored by a moderator")),
    ("kring.moderation.undo_hide", _("Undo hiding"), _("Hiding undone by a moderator")),
]


@hooks.register("register_admin_urls")
def register_queue_url() -> list[URLPattern]:
    return [
        path("moderatie/", QueueView.as_view(), name="moderation_queue"),
        path(
            "moderatie/verbergen/<slug:slug>/<str:object_id>/",
            HideView.as_view(),
            name="moderation_hide",
        ),
        path(
            "moderatie/verwijderen/<slug:slug>/<str:object_id>/",
            RemoveView.as_view(),
            name="moderation_remove",
        ),
        path(
            "moderatie/ongedaan-maken/<slug:slug>/<str:object_id>/<int:entry_id>/",
            UndoHideView.as_view(),
            name="moderation_undo_hide",
        ),
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_queue_menu_item() -> QueueMenuItem:
    return QueueMenuItem(
        _("Moderation queue"), reverse("moderation_queue"), icon_name="warning", order=150
    )


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    register_actions(actions, LOG_ACTIONS)


class WaitingPanel(Component):
    name = "kring_moderation_waiting"
    order = 50

    def __init__(self, user: User | AnonymousUser) -> None:
        self.user = user

    def render_html(self, parent_context: dict[str, Any] | None = None) -> str:
        summary = waiting_summary(self.user, details=False)
        return render_to_string("moderation/admin/dashboard_panel.html", summary)


@hooks.register("construct_homepage_panels")
def add_waiting_panel(request: HttpRequest, panels: list[Any]) -> None:
    if can_moderate(request.user):
        panels.insert(0, WaitingPanel(request.user))
