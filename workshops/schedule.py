"""When a live room is meant to be live, and what its label may truthfully say at a moment.

A room's status is what moderators did (scheduled, open, closed); its time comes from what it
belongs to: a session's start and end, or a panel's start on the day of its event, until the
next panel starts (the last one until the event's session ends). "Live now" needs both: an open
room during its time. The label changes at those moments, so whatever shows it (the page cache)
learns from `LiveStatus.changes_at` when it stops being right.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import time as dt_time
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from live.models import LiveRoom
    from workshops.models import EventPage, EventPanel, Session


class State:
    LIVE = "live"  # open, and its time is now
    OPEN_EARLY = "open-early"  # open before its time: people can look around
    OPEN_LATE = "open-late"  # its time is over, the room is still open
    OPEN = "open"  # open, with no time known
    SCHEDULED = "scheduled"  # not opened yet, its time still to come (or unknown)
    STARTING = "starting"  # its time has come, a moderator has yet to open it
    NOT_OPENED = "not-opened"  # its time passed without the room being opened
    CLOSED = "closed"


@dataclass(frozen=True)
class LiveStatus:
    state: str
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    changes_at: datetime | None = None  # the next moment the label would read differently

    @property
    def is_live(self) -> bool:
        return self.state == State.LIVE


def window_of_session(session: Session) -> tuple[datetime | None, datetime | None]:
    return session.starts_at, session.ends_at


def _event_day_session(page: EventPage, now: datetime) -> Session | None:
    """The event's session that its panels belong to: the next one, else the last one."""
    # The page's sessions through modelcluster (Any): the draft's own in a preview.
    sessions: list[Session] = sorted(page.sessions.all(), key=lambda s: s.starts_at)
    upcoming = [s for s in sessions if s.ends_at >= now]
    if upcoming:
        return upcoming[0]
    return sessions[-1] if sessions else None


def window_of_panel(panel: EventPanel, now: datetime) -> tuple[datetime | None, datetime | None]:
    session = _event_day_session(panel.page, now)
    if session is None:
        return None, None
    if panel.starts_at is None:
        return session.starts_at, session.ends_at
    day = timezone.localtime(session.starts_at).date()
    zone = timezone.get_current_timezone()

    def on_the_day(time: dt_time) -> datetime:
        return timezone.make_aware(datetime.combine(day, time), zone)

    starts_at = on_the_day(panel.starts_at)
    others = [p.starts_at for p in panel.page.panels.all() if p.starts_at]
    later = sorted(start for start in others if start > panel.starts_at)
    ends_at = on_the_day(later[0]) if later else session.ends_at
    return starts_at, max(ends_at, starts_at)


def live_status(
    room: LiveRoom, owner: EventPanel | Session | None = None, now: datetime | None = None
) -> LiveStatus:
    """The label of `room` (of a panel or a session, `owner`) at `now`."""
    from workshops.models import EventPanel

    now = now or timezone.now()
    owner = owner or room.panel or room.session
    if owner is None:
        starts_at = ends_at = None
    elif isinstance(owner, EventPanel):
        starts_at, ends_at = window_of_panel(owner, now)
    else:
        starts_at, ends_at = window_of_session(owner)
    if room.status == room.Status.CLOSED:
        return LiveStatus(State.CLOSED, starts_at, ends_at)
    if starts_at is None or ends_at is None:
        state = State.OPEN if room.is_open else State.SCHEDULED
        return LiveStatus(state, starts_at, ends_at)
    if now < starts_at:
        state = State.OPEN_EARLY if room.is_open else State.SCHEDULED
        changes_at = starts_at
    elif now < ends_at:
        state = State.LIVE if room.is_open else State.STARTING
        changes_at = ends_at
    else:
        state = State.OPEN_LATE if room.is_open else State.NOT_OPENED
        changes_at = None
    return LiveStatus(state, starts_at, ends_at, changes_at)
