from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from live.admin.views import LiveAdminGroup

if TYPE_CHECKING:
    from wagtail.log_actions import LogActionRegistry

LOG_ACTIONS = [
    ("live.message.remove", _("Remove chat message"), _("Chat message removed by a moderator")),
    ("live.message.release", _("Post held message"), _("Held chat message posted by a moderator")),
    ("live.question.approve", _("Approve question"), _("Question approved by a moderator")),
    ("live.question.answered", _("Mark question answered"), _("Question marked answered")),
    ("live.question.remove", _("Remove question"), _("Question removed by a moderator")),
    ("live.statement.open", _("Open statement"), _("Statement opened for votes")),
    ("live.statement.close", _("Close statement"), _("Voting on statement closed")),
    ("live.participant.mute", _("Mute participant"), _("Participant muted by a moderator")),
    ("live.participant.unmute", _("Unmute participant"), _("Participant unmuted by a moderator")),
    ("live.room.slow", _("Change slow mode"), _("Slow mode changed")),
    ("live.room.open", _("Open room"), _("Live room opened")),
    ("live.room.closed", _("Close room"), _("Live room closed")),
]


def register_live_admin() -> LiveAdminGroup:
    return LiveAdminGroup()


def register_live_log_actions(actions: LogActionRegistry) -> None:
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


# Registered by call, not as decorators: wagtail.hooks has no types, and a decorator without
# types would hide the functions' own from mypy.
hooks.register("register_admin_viewset", register_live_admin)
hooks.register("register_log_actions", register_live_log_actions)
