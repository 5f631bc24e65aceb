"""Moderators correct a story's experience answers (an obvious slip, a detail that identifies)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from stories.experience import answers_of, do_save_experience
from stories.experience_forms import ExperienceForm
from stories.models import StoryPage


def check_may_correct(user: Any, story: StoryPage) -> None:
    """Whoever may edit the story in the workflow may correct its answers."""
    if not story.permissions_for_user(user).can_edit():
        raise PermissionDenied


class CorrectExperienceView(WagtailAdminTemplateMixin, FormView[ExperienceForm]):
    template_name = "stories/admin/experience_correct.html"
    page_title = gettext_lazy("Answers about organisations")
    header_icon = "doc-full"
    form_class = ExperienceForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.story = get_object_or_404(StoryPage, pk=kwargs["page_id"])
        check_may_correct(request.user, self.story)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self) -> str:
        title: str = self.story.get_admin_display_title()
        return title

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [*self.breadcrumbs_items, {"url": "", "label": str(self.page_title)}]

    def get_form(self, form_class: Any = None) -> ExperienceForm:
        if self.request.method == "POST":
            return ExperienceForm(self.request.POST)
        return ExperienceForm.from_answers(answers_of(self.story))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["story"] = self.story
        return context

    def form_valid(self, form: ExperienceForm) -> HttpResponse:
        do_save_experience(self.story, form.answers())
        log(instance=self.story, action="stories.experience_corrected", user=self.request.user)
        messages.success(self.request, _("The answers have been saved."))
        return redirect("wagtailadmin_pages:edit", self.story.pk)
