"""Open moderation: what moderators did in a room, as counts and never with a text.

`room_totals(room)` gives the raw counts (for moderators and editors); `RoomTotals.published()`
passes them through figures.aggregation before a public page shows them: counts under K are
hidden, others rounded to K, and the reasons for declining, which add up to the number
declined, are protected against differencing as one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Q

from figures.aggregation import protect, protect_series

if TYPE_CHECKING:
    from live.models import LiveRoom

REASONS = ("off_topic", "already_asked", "identifying", "hurtful", "other")


@dataclass(frozen=True)
class RoomTotals:
    """Counts for one room. In `published()` form every count may be None ("minder dan 5")."""

    questions_received: int | None
    questions_approved: int | None
    questions_answered_live: int | None
    questions_declined: int | None
    # reason -> count, every reason present (see live.models.Reason; "" counts as "other").
    declined_by_reason: Mapping[str, int | None]
    messages_held: int | None
    messages_removed: int | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def published(self) -> RoomTotals:
        """The same figures, k-anonymous (figures.aggregation), for a public page or file."""
        reasons = [self.declined_by_reason[reason] or 0 for reason in REASONS]
        line = protect([reasons], row_totals=True)
        assert line.row_totals is not None  # asked for above
        received, approved, answered, held, removed = protect_series(
            [
                self.questions_received or 0,
                self.questions_approved or 0,
                self.questions_answered_live or 0,
                self.messages_held or 0,
                self.messages_removed or 0,
            ]
        )
        return RoomTotals(
            questions_received=received,
            questions_approved=approved,
            questions_answered_live=answered,
            questions_declined=line.row_totals[0],
            declined_by_reason=dict(zip(REASONS, line.cells[0], strict=True)),
            messages_held=held,
            messages_removed=removed,
        )


def room_totals(room: LiveRoom) -> RoomTotals:
    """The raw moderation counts of one room (approved includes those answered later).

    After the purge (live.services.retention) deleted the room's questions and messages, the counts
    kept just before are returned.
    """
    from live.models import Message, Question

    if room.kept_totals:
        return RoomTotals(**room.kept_totals)

    questions = Question.objects.filter(room=room).aggregate(
        received=Count("id"),
        approved=Count("id", filter=Q(approved_at__isnull=False)),
        answered=Count("id", filter=Q(status=Question.Status.ANSWERED)),
        declined=Count("id", filter=Q(status=Question.Status.REMOVED)),
    )
    declined = dict.fromkeys(REASONS, 0)
    rows = (
        Question.objects.filter(room=room, status=Question.Status.REMOVED)
        .values_list("decline_reason")
        .annotate(count=Count("id"))
        .order_by()
    )
    for reason, count in rows:
        declined[reason if reason in declined else "other"] += count
    messages = Message.objects.filter(room=room).aggregate(
        held=Count("id", filter=Q(held_at__isnull=False)),
        removed=Count("id", filter=Q(status=Message.Status.REMOVED)),
    )
    return RoomTotals(
        questions_received=questions["received"],
        questions_approved=questions["approved"],
        questions_answered_live=questions["answered"],
        questions_declined=questions["declined"],
        declined_by_reason=declined,
        messages_held=messages["held"],
        messages_removed=messages["removed"],
    )
