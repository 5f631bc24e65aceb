"""Kring's own actions in Wagtail's audit log, with the moderator's reason shown as its comment."""

from wagtail.log_actions import LogFormatter


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
    return (log_entry.data or {}).get("why", "")
