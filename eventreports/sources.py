"""The only module that reads other apps for the report: live rooms, voices, commitments.

Helpers come from apps built beside this one: ``live.voices.split_by_role`` (a statement's
results by role), ``live.totals.room_totals`` (a room's moderation totals) and
``commitments.queries.for_panel``. Each is used
when it is installed; until then the report shows the plain totals and no commitments, and the
template leaves their places empty. Every count here is raw: ``eventreports.report`` passes
it through figures.aggregation before anything shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.db.models import Count, Q


def _helper(module: str, name: str):
    try:
        if find_spec(module) is None:
            return None
    except ModuleNotFoundError:
        return None
    return getattr(import_module(module), name, None)


def statement_split(statement) -> Any | None:
    """The statement's results by role (``live.voices.split_by_role``), once it exists."""
    split_by_role = _helper("live.voices", "split_by_role")
    return split_by_role(statement) if split_by_role else None


def panel_commitments(panel) -> list[Any] | None:
    """The panel's published commitments, each with `.url` (its own page, or ""), or None
    while the commitments app is not there."""
    for_panel = _helper("commitments.queries", "for_panel")
    if for_panel is None:
        return None
    detail_url = _helper("commitments.queries", "detail_url")
    commitments = list(for_panel(panel))
    for commitment in commitments:
        commitment.url = detail_url(commitment) if detail_url else ""
    return commitments


def track_commitments(request, commitments=()) -> None:
    """Tie a render of the report to the commitments' cache scope (before reading them), and
    then to the moments the shown ones turn late."""
    track = _helper("commitments.caching", "track")
    if track is not None:
        track(request, commitments)


@dataclass(frozen=True)
class ModerationCounts:
    """Raw counts of what happened to a room's questions and chat; never shown as they are."""

    answered_live: int
    answered_written: int
    waiting: int
    declined: int
    pending: int
    chat_held: int
    chat_removed: int
    # reason -> count, from live.totals.room_totals once it exists (empty before).
    declined_by_reason: dict[str, int] = field(default_factory=dict)

    @property
    def received(self) -> int:
        return (
            self.answered_live + self.answered_written + self.waiting + self.declined + self.pending
        )


def moderation_counts(room, written: int, waiting: int) -> ModerationCounts:
    """From the room's own questions and messages while it keeps them (``live.retention``).

    ``written`` and ``waiting`` come from the report's own copies, which outlive the room's.
    ``live.totals.room_totals`` gives the live part once it exists: it keeps "held" after a
    release, and the reasons for declining.
    """
    from live.models import Message, Question

    pending = Question.objects.filter(room=room, status=Question.Status.PENDING).count()
    room_totals = _helper("live.totals", "room_totals")
    if room_totals is not None:
        totals = room_totals(room)
        return ModerationCounts(
            answered_live=totals.questions_answered_live or 0,
            answered_written=written,
            waiting=waiting,
            declined=totals.questions_declined or 0,
            pending=pending,
            chat_held=totals.messages_held or 0,
            chat_removed=totals.messages_removed or 0,
            declined_by_reason={
                reason: count or 0 for reason, count in totals.declined_by_reason.items()
            },
        )

    questions = Question.objects.filter(room=room).aggregate(
        live=Count("pk", filter=Q(status=Question.Status.ANSWERED)),
        declined=Count("pk", filter=Q(status=Question.Status.REMOVED)),
    )
    messages = Message.objects.filter(room=room).aggregate(
        held=Count("pk", filter=Q(status=Message.Status.HELD)),
        removed=Count("pk", filter=Q(status=Message.Status.REMOVED)),
    )
    return ModerationCounts(
        answered_live=questions["live"],
        answered_written=written,
        waiting=waiting,
        declined=questions["declined"],
        pending=pending,
        chat_held=messages["held"],
        chat_removed=messages["removed"],
    )
