"""/wat-kun-je-doen/: the bystanders' guide, a page whose steps editors write in Wagtail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from bystanders.blocks import MeldcodeStepBlock, OptionBlock, RelationBlock, SignGroupBlock
from community.models import EDITOR_FEATURES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LEAVE_EMPTY = _("Leave empty for the standard text.")
# The guide's posts skip the CSRF check at this path only (config/urls.py, bystanders/views.py).
SLUG = "wat-kun-je-doen"


def _text(label: StrOrPromise, *, long: bool = False) -> models.Field[Any, Any]:
    if long:
        return models.TextField(label, blank=True, help_text=LEAVE_EMPTY)
    return models.CharField(label, max_length=200, blank=True, help_text=LEAVE_EMPTY)


class GuidePage(Page):
    """From what a bystander noticed to a next step, with words to use; it stores nothing."""

    intro = models.CharField(
        _("introduction"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the title and on the home page."),
    )
    danger_question = _text(_("step 1: question about danger now"))
    emergency_text = _text(_("step 1: text under “call 112”"), long=True)
    relation_question = _text(_("step 2: question"))
    relation_intro = _text(_("step 2: introduction"), long=True)
    signs_question = _text(_("step 3: question"))
    signs_intro = _text(_("step 3: introduction"), long=True)
    options_intro = _text(_("step 4: introduction"), long=True)
    summary_intro = _text(_("step 5: introduction"), long=True)

    relations = StreamField(
        [("relation", RelationBlock())], verbose_name=_("relations"), blank=True
    )
    sign_groups = StreamField(
        [("group", SignGroupBlock())], verbose_name=_("groups of signs"), blank=True
    )
    options = StreamField([("option", OptionBlock())], verbose_name=_("options"), blank=True)
    meldcode_intro = RichTextField(
        _("Meldcode: introduction"), features=EDITOR_FEATURES, blank=True
    )
    meldcode_steps = StreamField(
        [("step", MeldcodeStepBlock())], verbose_name=_("Meldcode: steps"), blank=True
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    step_panels = [
        MultiFieldPanel(
            [FieldPanel("danger_question"), FieldPanel("emergency_text")], _("1. Danger now")
        ),
        MultiFieldPanel(
            [FieldPanel("relation_question"), FieldPanel("relation_intro")], _("2. Relation")
        ),
        MultiFieldPanel([FieldPanel("signs_question"), FieldPanel("signs_intro")], _("3. Signs")),
        MultiFieldPanel([FieldPanel("options_intro")], _("4. Options")),
        MultiFieldPanel([FieldPanel("summary_intro")], _("5. Summary")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(step_panels, heading=_("Steps")),
            ObjectList([FieldPanel("relations")], heading=_("Relations")),
            ObjectList([FieldPanel("sign_groups")], heading=_("Signs")),
            ObjectList([FieldPanel("options")], heading=_("Options")),
            ObjectList(
                [FieldPanel("meldcode_intro"), FieldPanel("meldcode_steps")], heading=_("Meldcode")
            ),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )

    parent_page_types = ["community.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("bystanders' guide")

    def clean(self) -> None:
        super().clean()
        if self.slug != SLUG:
            raise ValidationError(
                {
                    "slug": _("The guide must stay at /%(slug)s/: its steps are sent there.")
                    % {"slug": SLUG}
                }
            )
        # Every walk must end with something to do, whatever was answered.
        unconditional = [
            option
            for option in self.options
            if not option.value["for_relations"]
            and not option.value["for_sign_groups"]
            and not option.value["urgent_only"]
        ]
        if self.options and not unconditional:
            raise ValidationError(
                {"options": _("Give at least one option without conditions, for every walk.")}
            )

    @method_decorator(sensitive_post_parameters())
    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from bystanders.views import serve_guide

        return serve_guide(request, self)
