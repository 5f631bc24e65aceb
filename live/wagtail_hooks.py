from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from live.admin.views import LiveAdminGroup

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


@hooks.register("register_admin_viewset")
def register_live_admin():
    return LiveAdminGroup()


@hooks.register("register_log_actions")
def register_live_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)
