"""What the moderators and the author say to each other while a story waits for consent.

Both sides speak through the comments Wagtail already keeps on workflow task states, so the
admin's workflow history shows the whole exchange: a moderator's "approve with comment" on the
review step is the note the author reads, and the author's reply is the comment on her consent
step when she sends the story back. Nothing is stored beside the story's own workflow, so
withdrawing the story (which deletes its workflow states) removes the exchange with it.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState

from stories.workflow import AuthorConsentTask

MODERATOR = "moderator"
AUTHOR = "author"


@dataclass(frozen=True)
class Remark:
    """One note in the exchange: who said it (moderator or author), when, and what."""

    speaker: str
    at: datetime
    text: str


def exchange(story: Page) -> list[Remark]:
    """The moderators' notes to the author and her replies, oldest first."""
    consent_tasks = set(AuthorConsentTask.objects.values_list("pk", flat=True))
    states = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(story.pk),
            status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED],
        )
        .exclude(comment="")
        .order_by("finished_at", "pk")
    )
    remarks = []
    for state in states:
        if state.task_id in consent_tasks:
            # The consent step's own comments ("approved by the author") are not replies;
            # a reply is a rejection made by nobody in the admin, i.e. the author.
            if state.status == TaskState.STATUS_REJECTED and state.finished_by_id is None:
                remarks.append(Remark(AUTHOR, state.finished_at, state.comment))
        elif state.status == TaskState.STATUS_APPROVED and state.finished_by_id is not None:
            remarks.append(Remark(MODERATOR, state.finished_at, state.comment))
    return remarks


def note_for_author(story: Page) -> str:
    """The moderators' latest note on the version that waits for the author, or ''."""
    for remark in reversed(exchange(story)):
        if remark.speaker == MODERATOR:
            return remark.text
        if remark.speaker == AUTHOR:
            return ""
    return ""
