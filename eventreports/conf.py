"""The event reports' settings; read on every use so tests can override them."""

from django.conf import settings


def answer_due_days() -> int:
    """Days after a panel by which a question not answered live should have a written answer."""
    return int(getattr(settings, "KRING_ANSWER_DUE_DAYS", 21))


def address_retention_days() -> int:
    """Days an asker's address for the written answer is kept when no answer is mailed.

    Long enough for a late answer; the address goes as soon as the answer is mailed.
    """
    return int(getattr(settings, "KRING_ANSWER_ADDRESS_DAYS", 60))


# Addresses one client may save per hour.
SAVES_PER_CLIENT_PER_HOUR = 10
