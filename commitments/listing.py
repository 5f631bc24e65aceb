"""What the public list shows: commitments filtered by the status a visitor sees, with links."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from commitments import caching, queries
from commitments.models import Commitment, Shown

if TYPE_CHECKING:
    from commitments.models import CommitmentIndexPage
    from workshops.models import EventPage

REPORT_SLUG = "verslag"
FILTERS = [("", _("All")), *Shown.choices]


def index_context(request: HttpRequest, page: CommitmentIndexPage) -> dict[str, Any]:
    caching.track(request)
    wanted = request.GET.get("status", "")
    found = queries.published()
    if wanted in Shown.values:
        found = found.shown_as(wanted)
    else:
        wanted = ""
    commitments = list(found)
    caching.track(request, commitments)
    annotate(page, commitments)
    filters = [
        {
            "label": label,
            "url": page.url + (f"?status={value}" if value else ""),
            "current": value == wanted,
        }
        for value, label in FILTERS
    ]
    return {"commitments": commitments, "filters": filters, "status": wanted}


def annotate(page: CommitmentIndexPage, commitments: list[Commitment]) -> None:
    """Give each commitment its `url` and its event's `event_url`, `panel_url`, `report_url`."""
    reports: dict[int, str] = {}
    for commitment in commitments:
        commitment.url = page.route_url("detail", commitment_id=commitment.pk)
        commitment.event_url = commitment.panel_url = commitment.report_url = ""
        panel = commitment.panel
        if panel is None:
            continue
        event = panel.page
        if not event.live:
            continue
        commitment.event_title = event.title
        commitment.panel_title = panel.title
        commitment.event_url = event.url
        commitment.panel_url = f"{event.url}#panel-{panel.pk}"
        if event.pk not in reports:
            reports[event.pk] = report_url(event)
        commitment.report_url = reports[event.pk]


def report_url(event: EventPage) -> str:
    """The event's report (/evenementen/<event>/verslag/) if the site serves one, else "".

    Asks Wagtail's own routing, so it holds whether the report is a page under the event or a
    sub-URL of it. Routing marks the request it is given, so it gets a blank one: the page being
    served must not look like a sub-URL to the page cache.
    """
    try:
        event.specific.route(HttpRequest(), [REPORT_SLUG])
    except Http404:
        return ""
    url: str = event.url
    return url.rstrip("/") + f"/{REPORT_SLUG}/"
