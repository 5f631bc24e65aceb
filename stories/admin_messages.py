"""What a moderator reads after approving a story: what happens next, not "has been updated".

Wagtail's edit view ends every workflow action with the same "Page '…' has been updated."; for
a story the next step matters (published, with the author, or with another moderator), so the
after_edit_page hook swaps that message for one that says it.
"""

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.admin import messages as admin_messages
from wagtail.models import Page, WorkflowState

from stories.models import StoryPage
from stories.workflow import author_submission


def next_step_message(story: StoryPage) -> str | None:
    """What happens to the story now that its current step was approved, in a sentence."""
    story = StoryPage.objects.get(pk=story.pk)
    title = story.get_admin_display_title()
    state = story.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        if story.live:
            return _("“%(title)s” is approved and published: readers can see it now.") % {
                "title": title
            }
        return None
    task = state.current_task_state.task if state.current_task_state else None
    if task is None:
        return None
    if getattr(task.specific_class, "outside_admin", False):
        submission = author_submission(story)
        mail = (
            _("They get a discreet e-mail about it.")
            if submission is not None and submission.email
            else _("They left no e-mail address, so they see it when they open their private link.")
        )
        return "{} {}".format(
            _(
                "“%(title)s” is approved and sent to its author. They approve your version, or "
                "reply, on their private link; it is published only when they approve."
            )
            % {"title": title},
            mail,
        )
    return _(
        "“%(title)s” is approved by you and now waits for the next step, “%(task)s”, by "
        "another moderator."
    ) % {"title": title, "task": task.name}


def replace_update_message(request: HttpRequest, text: str) -> None:
    """Swap the edit view's "has been updated" for `text`.

    Django keeps messages added in this request in the storage's `_queued_messages`; the
    contract test in tests/stories/test_admin_messages.py fails the day that changes.
    """
    queued = getattr(messages.get_messages(request), "_queued_messages", [])
    if queued and queued[-1].level == messages.SUCCESS:
        queued.pop()
    admin_messages.success(request, text)


def after_workflow_action(request: HttpRequest, page: Page) -> None:
    """The after_edit_page hook: only an approval of a story's step gets the new message."""
    if not isinstance(page, StoryPage):
        return
    if not request.POST.get("action-workflow-action"):
        return
    if request.POST.get("workflow-action-name") != "approve":
        return
    text = next_step_message(page)
    if text:
        replace_update_message(request, text)
