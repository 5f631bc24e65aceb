"""What happens when a workflow completes (Wagtail's WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail publishes as the last approver and asks that they hold publish permission. For a story
the completed workflow is the permission: moderators approved it and the author consented. Giving
moderators publish permission instead would let them publish without the author's consent.
Imported by Wagtail while its models load, so model imports stay inside the function.
"""


def finish_workflow(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    from stories.models import StoryPage

    model = workflow_state.content_type.model_class()
    if model is None or not issubclass(model, StoryPage):
        return publish_workflow_state(workflow_state, user=user)
    revision = workflow_state.content_object.get_latest_revision()
    return revision.publish(user=user, skip_permission_checks=True)
