"""The report page of an event: /evenementen/<event>/verslag/."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.models import EDITOR_FEATURES

if TYPE_CHECKING:
    from eventreports.report import Report
    from workshops.models import EventPage

SLUG = "verslag"


class EventReportPage(RoutablePageMixin, Page):
    """What an event's panels said, asked, answered and promised; the figures come live from
    the rooms and the answers, the editor writes the introduction."""

    intro = RichTextField(gettext_lazy("introduction"), features=EDITOR_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["workshops.EventPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "eventreports/report_page.html"

    class Meta:
        verbose_name = gettext_lazy("event report")
        verbose_name_plural = gettext_lazy("event reports")

    def clean(self) -> None:
        super().clean()
        if self.slug != SLUG:
            # Links to a report (from the figures, the commitments) count on this address.
            raise ValidationError(
                {"slug": _("An event's report lives at “%(slug)s”.") % {"slug": SLUG}}
            )

    @property
    def event(self) -> EventPage:
        event: EventPage = self.get_parent().specific
        return event

    def report(self, request: HttpRequest | None = None) -> Report:
        from eventreports import caching
        from eventreports.report import build

        event = self.event
        caching.track_event(request, event)
        report = build(event)
        shown = [c for panel in report.panels for c in panel.commitments or []]
        caching.track_report(request, report.due_dates, report.rooms_open, shown)
        return report

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["report"] = self.report(request)
        context["event"] = context["report"].event
        return context

    # Wagtail's page URLs end in a slash and allow no dots: /verslag/csv/.
    @re_path(r"^(?P<fmt>csv|json)/$", name="download")
    def download(self, request: HttpRequest, fmt: str) -> HttpResponse:
        report = self.report(request)
        name = f"kring-verslag-{self.event.slug}.{fmt}"
        if fmt == "json":
            response: HttpResponse = JsonResponse(
                report.as_json(), json_dumps_params={"ensure_ascii": False, "indent": 1}
            )
        else:
            out = io.StringIO()
            csv.writer(out).writerows(report.records())
            response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
