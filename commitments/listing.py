"""What the public list shows: commitments filtered by the status a visitor sees, PER_PAGE to a
page, with links.

Each page is stored in the page cache under its own query string (`?status=…&pagina=…`, in that
spelling; see `community.page_cache.reads_query`). A page number that is not a number or less
than 1 shows the first page, one past the end the last, and neither is stored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from commitments import caching, queries
from commitments.models import Commitment, Shown
from community.page_cache import QueryValue, query_string, reads_query

if TYPE_CHECKING:
    from commitments.models import CommitmentIndexPage
    from workshops.models import EventPage

REPORT_SLUG = "verslag"
PER_PAGE = 20
PAGE = "pagina"
FILTERS = [("", _("All")), *Shown.choices]


def index_context(request: HttpRequest, page: CommitmentIndexPage) -> dict[str, Any]:
    caching.track(request)
    wanted = request.GET.get("status", "")
    found = queries.published()
    if wanted in Shown.values:
        found = found.shown_as(wanted)
    else:
        wanted = ""
    # A commitment turning late can move others between pages (or out of a filter): every
    # commitment of the filter, not only this page's, says when the stored copy ends.
    timing = found.select_related(None).prefetch_related(None).only("pk", "status", "due_date")
    caching.track(request, timing)
    paginator = Paginator(found, PER_PAGE)
    shown = paginator.page(page_number(request.GET.get(PAGE, ""), paginator.num_pages))
    commitments = list(shown.object_list)
    annotate(page, commitments)
    reads_query(request, {"status": wanted, PAGE: _number_in_url(shown.number)})
    filters = [
        {
            "label": label,
            "url": page.url + _query({"status": value}),
            "current": value == wanted,
        }
        for value, label in FILTERS
    ]
    return {
        "commitments": commitments,
        "filters": filters,
        "status": wanted,
        "pages": shown,
        "previous_url": _page_url(page, wanted, shown.number - 1) if shown.has_previous() else "",
        "next_url": _page_url(page, wanted, shown.number + 1) if shown.has_next() else "",
    }


def page_number(asked: str, last: int) -> int:
    """The page to show for `?pagina=asked`: 1 for anything but digits, at most `last`."""
    if not re.fullmatch(r"[0-9]+", asked):
        return 1
    # Python refuses to read very long numbers; anything that long is past the end.
    number = int(asked) if len(asked) <= 9 else last
    return min(max(number, 1), last)


def _number_in_url(number: int) -> int | None:
    return number if number > 1 else None


def _query(params: dict[str, QueryValue]) -> str:
    query = query_string(params)
    return "?" + query if query else ""


def _page_url(page: CommitmentIndexPage, status: str, number: int) -> str:
    url: str = page.url
    return url + _query({"status": status, PAGE: _number_in_url(number)})


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
