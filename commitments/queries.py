"""What other apps read of commitments (the event report calls `for_panel`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commitments.models import Commitment, CommitmentIndexPage, CommitmentQuerySet

if TYPE_CHECKING:
    from workshops.models import EventPanel


def for_panel(panel: EventPanel) -> CommitmentQuerySet:
    """The published commitments made in `panel`, by due date, with their updates prefetched.

    Each has `.shown` and `.get_shown_display()` (open, in progress, done or late), `.who`,
    `.what`, `.due_date` and `.updates` (newest first); `detail_url(commitment)` links to it.
    A page that shows them can call `commitments.caching.track(request, commitments)`.
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


def detail_url(commitment: Commitment) -> str:
    """The site-relative URL of a published commitment's own page, or "" without one."""
    page = CommitmentIndexPage.objects.live().first()
    if page is None or not commitment.published:
        return ""
    url: str = page.route_url("detail", commitment_id=commitment.pk)
    return url
