"""The workshop settings and their defaults; read on every use so tests can override them."""

from datetime import timedelta

from django.conf import settings


def retention_days() -> int:
    """Days after a session ends before its registrations are deleted."""
    return int(getattr(settings, "KRING_WORKSHOP_RETENTION_DAYS", 30))


def confirm_link_lifetime() -> timedelta:
    """How long a link to confirm an e-mail address works."""
    return timedelta(hours=int(getattr(settings, "KRING_WORKSHOP_CONFIRM_HOURS", 48)))


def reminder_lead() -> timedelta:
    """How long before a session starts the reminder goes out."""
    return timedelta(hours=int(getattr(settings, "KRING_WORKSHOP_REMINDER_HOURS", 24)))


# Mails about one address and one session per day: enough to get a lost link back, too few
# to turn the form into a way of flooding someone's mailbox.
MAILS_PER_ADDRESS_PER_DAY = 3
# Registration attempts from one client per hour.
ATTEMPTS_PER_CLIENT_PER_HOUR = 10
