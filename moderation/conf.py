"""Moderation's settings, read on every call so tests and operators can change them."""

from django.conf import settings


def report_window_hours() -> int:
    """How long one reporter stays one reporter for an item: a fixed window from its first report.

    Inside the window a reporter's key does not change, so reporting once a day counts once.
    When the window ends, its salt is erased and the keys can no longer be linked to anyone.
    """
    return int(getattr(settings, "KRING_REPORT_WINDOW_HOURS", 7 * 24))


def report_min_networks() -> int:
    """Different networks (IPv4 /24, IPv6 /48) the reporters must come from before auto-hide."""
    return int(getattr(settings, "KRING_REPORT_MIN_NETWORKS", 2))


def staff_invitation_hours() -> int:
    """How long a staff member's invitation to set up a second factor can be used."""
    return int(getattr(settings, "KRING_STAFF_INVITATION_HOURS", 48))


def hide_undo_hours() -> int:
    """How long a moderator's hiding can be undone from the result message and the queue.

    Short enough that the reports it closed are still there (they are kept 30 days after a
    decision), long enough for a second moderator to look the next day.
    """
    return int(getattr(settings, "KRING_HIDE_UNDO_HOURS", 24))


def report_retention_days() -> int:
    """Days a decided report is kept: its note is free text about people, and goes once the
    decision is old enough to appeal."""
    return int(getattr(settings, "KRING_REPORT_RETENTION_DAYS", 30))


def staff_idle_seconds() -> int:
    """A staff session ends after this long without activity (live rooms' moderator checks
    read the same setting)."""
    return int(getattr(settings, "KRING_STAFF_IDLE_SECONDS", 30 * 60))


def staff_max_seconds() -> int:
    """A staff session ends after this long in any case."""
    return int(getattr(settings, "KRING_STAFF_MAX_SECONDS", 12 * 60 * 60))


# Reports one client may send per hour.
REPORTS_PER_CLIENT_PER_HOUR = 20
