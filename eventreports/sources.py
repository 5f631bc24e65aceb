"""The only module that reads other apps for the report: live rooms, voices, commitments.

``live.voices.split_by_role`` gives a statement's results by role, ``live.totals.room_totals``
a room's moderation totals (kept as numbers after the room's purge), and
``commitments.queries`` a panel's published commitments. Every count here is raw:
``eventreports.report`` passes it through figures.aggregation before anything shows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.http import HttpRequest

from commitments import caching as commitment_caching
from commitments.queries import detail_url, for_panel
from live.totals import room_totals
from live.voices import StatementSplit, split_by_role

if TYPE_CHECKING:
    from commitments.models import Commitment
    from live.models import LiveRoom, Statement
    from workshops.models import EventPanel


def statement_split(statement: Statement) -> StatementSplit:
    """The statement's results by role, suppressed and shared out (live.voices)."""
    return split_by_role(statement)


def panel_commitments(panel: EventPanel) -> list[Commitment]:
    """The panel's published commitments, each with `.url` (its own page, or "")."""
    commitments = list(for_panel(panel))
    for commitment in commitments:
        commitment.url = detail_url(commitment)
    return commitments


def track_commitments(request: HttpRequest | None, commitments: Iterable[Commitment] = ()) -> None:
    """Tie a render of the report to the commitments' cache scope (before reading them), and
    then to the moments the shown ones turn late."""
    commitment_caching.track(request, commitments)


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


def moderation_counts(room: LiveRoom, written: int, waiting: int) -> ModerationCounts:
    """From the room's own questions and messages while it keeps them (``live.services.retention``).

    ``written`` and ``waiting`` come from the report's own copies, which outlive the room's.
    ``live.totals.room_totals`` gives the live part: it keeps "held" after a release, the
    reasons for declining, and the numbers after the purge.
    """
    from live.models import Question

    pending = Question.objects.filter(room=room, status=Question.Status.PENDING).count()
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
