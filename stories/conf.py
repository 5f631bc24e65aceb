"""The stories settings and their defaults; read on every use so tests can override them."""

from django.conf import settings


def declined_retention_days() -> int:
    """Days after a decline before the story is erased (its author can erase it sooner)."""
    return int(getattr(settings, "KRING_STORY_DECLINED_DAYS", 30))


def address_retention_days() -> int:
    """Days an author's address is kept when her story never got a decision, so no address
    waits forever in the database."""
    return int(getattr(settings, "KRING_STORY_ADDRESS_DAYS", 180))


# Sharing a story takes time; a few per hour from one client is already a lot.
SUBMISSIONS_PER_CLIENT_PER_HOUR = 3
# How long a sent form's key is remembered, so that sending the same form twice (a double
# click, the back button) makes one story.
SUBMITTED_KEY_SECONDS = 60 * 60 * 24
