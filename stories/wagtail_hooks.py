from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import URLPattern, path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from stories.admin_messages import after_workflow_action
from stories.experience_admin import CorrectExperienceView
from stories.models import ContentWarning, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    # Translatable: Wagtail adds the language filter and "Translate" (simple_translation).
    search_fields = ["name", "slug"]
    search_backend_name = None


class ContentWarningViewSet(SnippetViewSet):
    model = ContentWarning
    icon = "warning"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    # Translatable: Wagtail adds the language filter and "Translate" (simple_translation).
    search_fields = ["name", "slug"]
    search_backend_name = None


class StoryLabelsViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, ContentWarningViewSet)
    menu_icon = "doc-full"
    menu_label = _("Story labels")
    menu_name = "story-labels"


register_snippet(StoryLabelsViewSetGroup)


@hooks.register("insert_global_admin_css")
def identifying_details_css() -> str:
    # A stylesheet file: the admin runs under the same strict CSP as the site.
    return format_html('<link rel="stylesheet" href="{}">', static("stories/admin.css"))


@hooks.register("register_admin_urls")
def experience_urls() -> list[URLPattern]:
    return [
        path(
            "verhalen/<int:page_id>/ervaringen/",
            CorrectExperienceView.as_view(),
            name="stories_experience",
        )
    ]


@hooks.register("register_log_actions")
def experience_log_actions(actions: Any) -> None:
    actions.register_action(
        "stories.experience_corrected",
        _("Correct experience answers"),
        _("Experience answers corrected"),
    )


@hooks.register("after_edit_page")
def say_what_happens_next(request: HttpRequest, page: Page) -> None:
    after_workflow_action(request, page)
