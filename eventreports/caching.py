"""Event reports in the anonymous page cache (community.page_cache).

A report's stored copy depends on its event's scope in workshops.caching (rooms and
statements) and on one of its own, bumped when a question of the event changes or gets a
written answer, or a moderator decides on a chat message (the moderation totals; a new
message only counts while its room is open, when the copy is kept a minute). Time does the
rest: a copy is not served past the midnight a promised answer
becomes overdue, and only briefly while a room is open (its moderation totals move).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone

from community import page_cache

if TYPE_CHECKING:
    from commitments.models import Commitment
    from eventreports.models import ReportQuestion
    from workshops.models import EventPage


def event_scope(event_id: int) -> str:
    return f"eventreports.event:{event_id}"


def bump_event(event_id: int | None) -> None:
    if event_id is not None:
        page_cache.bump_scope(event_scope(event_id))


def track_event(request: HttpRequest | None, event: EventPage) -> None:
    """Tie this render of an event's report to its scopes; call before reading the report."""
    from workshops.caching import track_page

    if request is None:
        return
    from eventreports.sources import track_commitments

    track_page(request, event)
    page_cache.depends_on(request, event_scope(event.pk))
    track_commitments(request)


def track_report(
    request: HttpRequest | None,
    due_dates: Iterable[date],
    rooms_open: bool,
    commitments: Iterable[Commitment] = (),
) -> None:
    """What the report read tells about how long it stays right."""
    from eventreports.sources import track_commitments

    if request is None:
        return
    track_commitments(request, commitments)
    today = timezone.localdate()
    coming = [day for day in due_dates if day >= today]
    if coming:
        midnight = datetime.combine(min(coming) + timedelta(days=1), time.min)
        page_cache.valid_until(request, timezone.make_aware(midnight))
    if rooms_open:
        page_cache.valid_until(request, timezone.now() + timedelta(minutes=1))


def _entry_changed(sender: type[ReportQuestion], instance: ReportQuestion, **kwargs: Any) -> None:
    panel = instance.panel
    bump_event(panel.page_id if panel is not None else None)


def _message_moderated(
    sender: type[Any], instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    # Not on every new chat message: that would touch the cache once per message in a busy
    # room. Deletions are the purge's, which saves the room's totals first (a room change).
    if created or raw:
        return
    panel = instance.room.panel
    bump_event(panel.page_id if panel is not None else None)


def connect() -> None:
    from eventreports.models import ReportQuestion
    from live.models import Message

    post_save.connect(_entry_changed, sender=ReportQuestion, dispatch_uid="eventreports.cache.s")
    post_delete.connect(_entry_changed, sender=ReportQuestion, dispatch_uid="eventreports.cache.d")
    post_save.connect(_message_moderated, sender=Message, dispatch_uid="eventreports.cache.msg")
