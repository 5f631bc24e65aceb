from typing import Any

from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_rejected

from stories.models import StoryPage, StorySubmission
from stories.notifications import notify_declined, notify_published
from stories.workflow import AuthorConsentTask


@receiver(page_published, sender=StoryPage)
def story_published(sender: type[StoryPage], instance: StoryPage, **kwargs: Any) -> None:
    submission = StorySubmission.objects.filter(page_id=instance.pk).exclude(email="").first()
    if submission:
        transaction.on_commit(lambda: notify_published(submission.pk))


@receiver(workflow_rejected)
def story_declined(sender: type[WorkflowState], instance: WorkflowState, **kwargs: Any) -> None:
    model = instance.content_type.model_class()
    if model is None or not issubclass(model, StoryPage) or not instance.current_task_state:
        return
    if isinstance(instance.current_task_state.task.specific, AuthorConsentTask):
        return  # moderators took the story back from the author's step to edit it further
    submission = StorySubmission.objects.filter(page_id=instance.object_id).first()
    if submission:
        StorySubmission.objects.filter(pk=submission.pk).update(declined_at=timezone.now())
        transaction.on_commit(lambda: notify_declined(submission.pk))
