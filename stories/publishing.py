"""What happens when a workflow completes (Wagtail's WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail publishes as the last approver and asks that they hold publish permission. For a story
the completed workflow is the permission: moderators approved it and the author consented. Giving
moderators publish permission instead would let them publish without the author's consent.
Imported by Wagtail while its models load, so model imports stay inside the function.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import WorkflowState

    from community.models import User


def finish_workflow(workflow_state: WorkflowState, user: User | None = None) -> None:
    from wagtail.workflows import publish_workflow_state

    from stories.models import StoryPage

    model = workflow_state.content_type.model_class()
    if model is None or not issubclass(model, StoryPage):
        publish_workflow_state(workflow_state, user=user)
        return
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
