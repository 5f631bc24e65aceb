"""How long story data is kept when nothing else ends it.

A declined story is erased a while after the decision (its author can erase it sooner through
their link). An address left with a story that never got a decision is forgotten after a
while, so no address waits forever in the database.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from stories import conf
from stories.models import StoryPage, StorySubmission
from stories.services import AuthorStatus, author_status, do_erase_story


def purge(now: datetime | None = None) -> tuple[int, int]:
    """Erase stories declined long ago and forget old addresses; returns (stories, addresses)."""
    now = now or timezone.now()
    erased = 0
    declined = StorySubmission.objects.filter(
        declined_at__lt=now - timedelta(days=conf.declined_retention_days())
    )
    for page_id in declined.values_list("page_id", flat=True):
        with transaction.atomic():
            story = StoryPage.objects.select_for_update().filter(pk=page_id).first()
            # Moderators may have taken up a declined story again since.
            if story is not None and author_status(story) == AuthorStatus.DECLINED:
                do_erase_story(story)
                erased += 1
    forgotten = (
        StorySubmission.objects.filter(
            submitted_at__lt=now - timedelta(days=conf.address_retention_days())
        )
        .exclude(email="")
        .update(email="")
    )
    return erased, forgotten
