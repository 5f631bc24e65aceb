"""A "rapportage": a dated page with the figures frozen, for a council meeting."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.models import EDITOR_FEATURES
from figures.tables import FIGURE_TABLES, PATTERN_TABLES


class FiguresSnapshotPage(RoutablePageMixin, Page):
    """The figures of one weekly release, copied into the page when it is first saved.

    Later releases never change it: what a council discussed stays readable as it was.
    """

    snapshot_date = models.DateField(
        _("figures as of"),
        null=True,
        blank=True,
        help_text=_(
            "Filled in when the page is first saved: the Monday the figures are frozen at."
        ),
    )
    intro = RichTextField(_("introduction"), features=EDITOR_FEATURES, blank=True)
    stories_as_of = models.DateField(null=True, blank=True, editable=False)
    tables = models.JSONField(default=dict, editable=False)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["community.HomePage"]
    subpage_types: list[str] = []
    template = "figures/snapshot_page.html"

    class Meta:
        verbose_name = _("figures report (rapportage)")
        verbose_name_plural = _("figures reports")

    def freeze(self) -> None:
        """Copy the current release in, once; a frozen page keeps its figures."""
        from figures.releases import current_release

        if self.tables:
            return
        release = current_release()
        self.snapshot_date = release.week
        self.stories_as_of = release.stories_as_of
        self.tables = release.tables

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.freeze()
        super().save(*args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from figures import conf
        from figures.display import as_of_text, displays

        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["pattern_tables"] = displays(self.tables, PATTERN_TABLES)
        context["figure_tables"] = displays(self.tables, FIGURE_TABLES)
        context["stories_as_of_text"] = as_of_text(self.stories_as_of)
        context["licence"], context["licence_url"] = conf.licence(), conf.licence_url()
        return context

    # Wagtail's page URLs allow no dots and end in a slash: /<page>/data/heard/csv/.
    @path("data/<slug:key>/<slug:fmt>/", name="download")
    def download(self, request: HttpRequest, key: str, fmt: str) -> HttpResponse:
        from figures.tables import STORY_TABLES
        from figures.views import table_file

        as_of = self.stories_as_of if key in STORY_TABLES else self.snapshot_date
        return table_file(self.tables, key, fmt, as_of)
