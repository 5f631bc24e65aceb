"""The commitments settings and their defaults; read on every use so tests can override them."""

from datetime import timedelta

from django.conf import settings


def reminder_lead_days() -> int:
    """How many days before a due date editors get a reminder."""
    return int(getattr(settings, "KRING_COMMITMENT_REMINDER_DAYS", 7))


def follower_retention_days() -> int:
    """Days a follower is kept after the commitment is done, or after unsubscribing."""
    return int(getattr(settings, "KRING_COMMITMENT_FOLLOWER_RETENTION_DAYS", 30))


def confirm_link_lifetime() -> timedelta:
    """How long the link to confirm an address works; unconfirmed followers go after it."""
    return timedelta(hours=int(getattr(settings, "KRING_COMMITMENT_CONFIRM_HOURS", 48)))


# Follow attempts from one client per hour.
ATTEMPTS_PER_CLIENT_PER_HOUR = 10
# Mails about one address and one commitment per day: enough to get a lost link back, too few
# to turn the form into a way of flooding someone's mailbox.
MAILS_PER_ADDRESS_PER_DAY = 3
