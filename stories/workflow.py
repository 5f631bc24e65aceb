"""The stories workflow: moderators review, then the author consents to any change they made.

Wagtail's workflows have no step for someone outside the admin. AuthorConsentTask is that
step: it passes by itself when the text is still the author's own, and otherwise waits until
the author approves the final version through their private link.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState, Workflow, WorkflowState

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from community.models import User
    from stories.models import StoryPage, StorySubmission


class AuthorConsentTask(AbstractGroupApprovalTask):
    """The author approves the moderators' version; the chosen groups may take it back to edit."""

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields
    # Waits for the author, not for moderators: the moderation dashboard counts it apart.
    outside_admin = True

    class Meta:
        verbose_name = _("Author consent task")
        verbose_name_plural = _("Author consent tasks")

    @classmethod
    def get_description(cls) -> StrOrPromise:
        return _(
            "When moderators changed the text, the author approves the final version through "
            "their private link, or sends it back with a reply. A comment given when approving "
            "the review step is shown to the author as the moderator's note. An unchanged story "
            "passes this step by itself. Members of the chosen groups may take the story back "
            "for more edits."
        )

    def start(self, workflow_state: WorkflowState, user: User | None = None) -> TaskState:
        task_state: TaskState = super().start(workflow_state, user=user)
        story = workflow_state.content_object.get_latest_revision_as_object()
        submission = author_submission(story)
        if submission is None or author_version(story) == submission_version(submission):
            # Nothing the author has not seen: let the workflow move on at once.
            task_state.approve(
                user=None,
                update=False,
                comment=gettext("The text is the author's own, so no consent was needed."),
            )
        else:
            from stories.notifications import notify_consent_needed

            transaction.on_commit(lambda: notify_consent_needed(submission.pk))
        return task_state

    def get_actions(self, obj: Model, user: User) -> list[tuple[str, StrOrPromise, bool]]:
        if user.is_superuser or self._user_in_groups(user):
            return [("reject", _("Take back for more edits"), True)]
        return []

    def get_task_states_user_can_moderate(self, user: User, **kwargs: Any) -> QuerySet[TaskState]:
        # Only the author can approve this step; it is never in a moderator's review queue.
        none: QuerySet[TaskState] = TaskState.objects.none()
        return none


def story_workflow() -> Workflow | None:
    """The active workflow that ends with the author's consent (seeded as "Verhalen").

    Found by its task rather than its name, so editors may rename it in the admin.
    """
    workflow: Workflow | None = (
        Workflow.objects.active()
        .filter(workflow_tasks__task__in=AuthorConsentTask.objects.filter(active=True))
        .order_by("pk")
        .first()
    )
    return workflow


def author_submission(story: StoryPage | None) -> StorySubmission | None:
    from stories.models import StorySubmission

    if story is None or not story.pk:
        return None
    return StorySubmission.objects.filter(page_id=story.pk).first()


Version = dict[str, str]


def author_version(story: StoryPage, *, prose: bool = False) -> Version:
    """The parts of a story that are the author's words: what consent is about.

    With `prose`, the text reads as prose (no emphasis markers), for showing a diff to the
    author; consent itself is always about the text with its formatting.
    """
    from stories.formatting import html_to_text

    return {
        "title": story.title.strip(),
        "pseudonym": story.pseudonym.strip(),
        "text": html_to_text(story.body, markers=not prose),
    }


def submission_version(submission: StorySubmission, *, prose: bool = False) -> Version:
    from stories.formatting import html_to_text

    return {
        "title": submission.author_title.strip(),
        "pseudonym": submission.author_pseudonym.strip(),
        "text": html_to_text(submission.author_body, markers=not prose),
    }


def fingerprint(version: Version) -> str:
    """A short digest of a version, so the author approves exactly the text they read."""
    data = json.dumps(version, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:32]
