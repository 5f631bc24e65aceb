"""Stories in the moderation queue: reports flag a story, only a moderator unpublishes it.

A published story was read and approved by a moderator; reports alone must not let the person
it is about take it offline (see the README, "Reports").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from moderation.registry import PageAdapter
from stories.models import StoryPage
from stories.services import do_erase_story

if TYPE_CHECKING:
    from moderation.registry import Moderator


class StoryAdapter(PageAdapter[StoryPage]):
    model = StoryPage
    slug = "verhaal"
    label = _("Story")
    hide_on_reports = False

    def excerpt(self, item: StoryPage) -> str:
        return Truncator(strip_tags(item.body)).words(40)

    def remove(self, item: StoryPage, user: Moderator | None) -> None:
        # Removing a story must not leave its text behind in revisions or workflow states.
        do_erase_story(item)

    def author_email(self, item: StoryPage) -> str | None:
        submission = getattr(item, "submission", None)
        return str(submission.email) if submission and submission.email else None
