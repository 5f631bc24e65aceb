"""The moderator's view of a story's experience answers, on the story's edit view."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from wagtail.admin.panels import Panel


class ExperiencePanel(Panel):
    """Shows the answers that came with the story and links to the correction form.

    The answers are not part of the page's revisions (they are not text readers see), so they
    are corrected on their own screen rather than in the page form.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/experience_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            from stories.experience import StoryExperience

            context: dict[str, Any] = super().get_context_data(parent_context)
            story = self.instance
            context["experience"] = (
                StoryExperience.objects.filter(page_id=story.pk).first() if story.pk else None
            )
            context["correct_url"] = (
                reverse("stories_experience", args=[story.pk]) if story.pk else ""
            )
            return context
