"""Kring's own actions in Wagtail's audit log, with the moderator's reason shown as its comment."""

from wagtail.log_actions import LogFormatter

from moderation.models import reason_label


def register_actions(actions, table):
    """Register (action, label, message) rows; Wagtail's history views show data["why"]."""
    for action, label, message in table:
        formatter = type(
            "WhyFormatter",
            (LogFormatter,),
            {"label": label, "message": message, "format_comment": _why},
        )
        actions.register_action(action)(formatter)


def _why(formatter, log_entry):
    data = log_entry.data or {}
    if data.get("reason"):
        return " — ".join(
            part for part in (reason_label(data["reason"]), data.get("why", "")) if part
        )
    return data.get("why", "")
