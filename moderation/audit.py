"""Kring's own actions in Wagtail's audit log, with the moderator's reason shown as its comment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from wagtail.log_actions import LogFormatter

from moderation.models import reason_label

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise
    from wagtail.models import BaseLogEntry


def register_actions(actions: Any, table: Sequence[tuple[str, StrOrPromise, StrOrPromise]]) -> None:
    """Register (action, label, message) rows; Wagtail's history views show data["why"]."""
    for action, label, message in table:
        formatter = type(
            "WhyFormatter",
            (LogFormatter,),
            {"label": label, "message": message, "format_comment": _why},
        )
        actions.register_action(action)(formatter)


def _why(formatter: LogFormatter, log_entry: BaseLogEntry) -> str:
    data = log_entry.data or {}
    if data.get("reason"):
        return " — ".join(
            part for part in (reason_label(data["reason"]), data.get("why", "")) if part
        )
    return str(data.get("why", ""))
