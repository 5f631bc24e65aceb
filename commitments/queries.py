"""What other apps read of commitments (the event report calls `for_panel`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commitments.models import Commitment, CommitmentQuerySet

if TYPE_CHECKING:
    from workshops.models import EventPanel


def for_panel(panel: EventPanel) -> CommitmentQuerySet:
    """The published commitments made in `panel`, by due date, with their updates prefetched.

    Each has `.shown` (open, in progress, done or late), `.who` and `.updates` (newest first).
    """
    return Commitment.objects.published().filter(panel=panel).in_order().prefetch_related("updates")


def published() -> CommitmentQuerySet:
    """Every published commitment, by due date, with its panel and event."""
    return (
        Commitment.objects.published()
        .in_order()
        .select_related("panel__page")
        .prefetch_related("updates")
    )
