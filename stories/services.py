"""What can happen to a story: submitted, approved by its author, withdrawn; and its status.

Views and signal handlers stay thin and call these; mails go out after the commit.
"""

import logging
import secrets
import unicodedata

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from community.tokens import new_token
from stories.models import ContentWarning, StoryIndexPage, StoryPage, StorySubmission, Theme
from stories.workflow import AuthorConsentTask, author_version, fingerprint, story_workflow

logger = logging.getLogger(__name__)


class AuthorStatus(models.TextChoices):
    IN_REVIEW = "in_review", _("Being read by a moderator")
    WAITING_FOR_AUTHOR = "waiting", _("Waiting for your approval")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Not published")


class NotWaitingForAuthor(Exception):
    """The story is not (or no longer) waiting for the author's approval."""


class VersionChanged(Exception):
    """The text changed after the author loaded it; they must look again."""


def _new_slug(index: StoryIndexPage) -> str:
    # A neutral slug: a title can name someone, and slugs outlive a moderator's redaction.
    while True:
        slug = f"verhaal-{secrets.token_hex(4)}"
        if not index.get_children().filter(slug=slug).exists():
            return slug


@transaction.atomic
def do_submit_story(
    index: StoryIndexPage,
    *,
    title: str,
    pseudonym: str,
    body: str,
    themes: list[Theme],
    content_warnings: list[ContentWarning],
    email: str,
    language: str,
    is_fictional: bool = False,
) -> tuple[StoryPage, str]:
    """Create the draft story and its submission, and start the stories workflow.

    Returns (story, token); the token is the author's private link and is not stored.
    """
    token, digest = new_token()
    story = StoryPage(
        title=title,
        slug=_new_slug(index),
        pseudonym=pseudonym,
        body=body,
        is_fictional=is_fictional,
        live=False,
    )
    story.themes.set(themes)
    story.content_warnings.set(content_warnings)
    index.add_child(instance=story)
    StorySubmission.objects.create(
        page=story,
        token_digest=digest,
        email=email,
        language=language,
        author_title=story.title,
        author_pseudonym=story.pseudonym,
        author_body=story.body,
        consented_at=timezone.now(),
    )
    story.save_revision(log_action=True)
    workflow = story_workflow()
    if workflow is None:
        # The story is kept as a draft; an editor must restore the workflow to review it.
        logger.error("no active stories workflow: story %s waits as a draft", story.pk)
    else:
        workflow.start(story, user=None)
    return story, token


def author_status(story: StoryPage) -> AuthorStatus:
    if story.live:
        return AuthorStatus.PUBLISHED
    state = story.current_workflow_state
    if state and state.current_task_state:
        waiting_on_author = isinstance(state.current_task_state.task.specific, AuthorConsentTask)
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # Taken back from the author's step means more edits, not a refusal.
            return AuthorStatus.IN_REVIEW if waiting_on_author else AuthorStatus.DECLINED
        return AuthorStatus.WAITING_FOR_AUTHOR if waiting_on_author else AuthorStatus.IN_REVIEW
    if getattr(story, "submission", None) and story.submission.declined_at:
        return AuthorStatus.DECLINED
    return AuthorStatus.IN_REVIEW


def _lock_waiting_version(
    submission: StorySubmission, seen_fingerprint: str
) -> tuple[StoryPage, TaskState, StoryPage]:
    """Lock the story; check it waits for its author and its text is the version she read.

    Returns (story, the author's task state, the latest version). Call inside a transaction.
    """
    story = StoryPage.objects.select_for_update().get(pk=submission.page_id)
    task_state = story.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, AuthorConsentTask):
        raise NotWaitingForAuthor
    latest = story.get_latest_revision_as_object()
    if fingerprint(author_version(latest)) != seen_fingerprint:
        raise VersionChanged
    return story, task_state, latest


def do_approve_as_author(submission: StorySubmission, seen_fingerprint: str) -> None:
    """The author agrees to the version they saw; the workflow then publishes it."""
    with transaction.atomic():
        _, task_state, latest = _lock_waiting_version(submission, seen_fingerprint)
        submission.author_title = latest.title
        submission.author_pseudonym = latest.pseudonym
        submission.author_body = latest.body
        submission.save(update_fields=["author_title", "author_pseudonym", "author_body"])
        task_state.approve(user=None, comment=gettext("Approved by the author."))


REPLY_MAX_LENGTH = 2000


def do_reply_as_author(submission: StorySubmission, seen_fingerprint: str, text: str) -> None:
    """The author sends the story back to the moderators with what she wants kept or changed.

    Her reply becomes the comment of her consent step, which the admin's workflow history and
    the story's edit view show; the story then starts the workflow again, so it is back in the
    moderators' review queue, and after their next approval it waits for her once more.
    """
    text = clean_reply(text)
    with transaction.atomic():
        story, task_state, _ = _lock_waiting_version(submission, seen_fingerprint)
        workflow_state = task_state.workflow_state
        task_state.reject(user=None, comment=text)
        workflow_state.refresh_from_db()
        workflow_state.cancel(user=None)
        workflow = story_workflow()
        if workflow is None:
            logger.error("no active stories workflow: story %s waits as a draft", story.pk)
        else:
            workflow.start(story, user=None)


def clean_reply(text: str | None) -> str:
    """Plain text as the author typed it: no control characters, tidy line ends, bounded."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")
    return text.strip()[:REPLY_MAX_LENGTH]


def do_withdraw_story(submission: StorySubmission) -> None:
    """The author takes their story back: unpublish it and erase it with every revision."""
    with transaction.atomic():
        story = StoryPage.objects.select_for_update().get(pk=submission.page_id)
        do_erase_story(story)


def do_erase_story(story: StoryPage) -> None:
    """Delete a story and what Wagtail keeps beside it; audit entries stay, without the text."""
    story_id = str(story.pk)
    page_type = ContentType.objects.get_for_model(Page)
    if story.live:
        story.unpublish(log_action=True)
    # Wagtail's generic relations do not reach revisions and workflow states of a subclass
    # when a page is deleted, so they are removed explicitly (task states go with them).
    WorkflowState.objects.filter(base_content_type=page_type, object_id=story_id).delete()
    Revision.objects.filter(base_content_type=page_type, object_id=story_id).delete()
    story_types = [page_type, ContentType.objects.get_for_model(StoryPage)]
    FormState.objects.filter(content_type__in=story_types, object_id=story_id).delete()
    EditingSession.objects.filter(content_type__in=story_types, object_id=story_id).delete()
    Page.objects.get(pk=story.pk).specific.delete()
    PageLogEntry.objects.filter(page_id=story.pk).update(label=gettext("Withdrawn story"), data={})
