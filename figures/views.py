"""/verhalen/patronen/ and /cijfers/ with their downloads: read a release, never count."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from community import page_cache
from figures import conf
from figures.display import Display, as_of_text, displays
from figures.models import FigureRelease
from figures.releases import current_release, week_start
from figures.tables import FIGURE_TABLES, PATTERN_TABLES, STORY_TABLES


def _context(release: Any, keys: list[str]) -> dict[str, Any]:
    return {
        "tables": displays(release.tables, keys),
        "week": formats.date_format(release.week, "j F Y"),
        "stories_as_of": as_of_text(release.stories_as_of),
        "licence": conf.licence(),
        "licence_url": conf.licence_url(),
    }


def _stored_until_next_release(request: HttpRequest, release: FigureRelease) -> None:
    """The page reads only the week's release, which never changes once made: the page
    cache may keep it until the next Monday. While another request is still making this
    week's release (last week's figures are shown meanwhile), it keeps nothing."""
    week = week_start(conf.now())
    if release.week != week:
        page_cache.valid_until(request, timezone.now())
        return
    next_release = timezone.make_aware(
        datetime.datetime.combine(week + datetime.timedelta(weeks=1), datetime.time.min)
    )
    # The page cache runs on Django's clock; the figures' clock may be pinned (tests).
    page_cache.valid_until(request, timezone.now() + (next_release - conf.now()))


@page_cache.public_view
def patterns(request: HttpRequest) -> HttpResponse:
    release = current_release()
    _stored_until_next_release(request, release)
    return render(request, "figures/patterns.html", _context(release, PATTERN_TABLES))


@page_cache.public_view
def figures(request: HttpRequest) -> HttpResponse:
    from figures.snapshots import FiguresSnapshotPage

    release = current_release()
    _stored_until_next_release(request, release)
    context = _context(release, FIGURE_TABLES)
    # An editor publishing a report changes this list: every page save makes stored pages
    # stale (community.page_cache), this one too.
    context["snapshots"] = list(
        FiguresSnapshotPage.objects.live().public().order_by("-snapshot_date", "-pk")[:20]
    )
    return render(request, "figures/figures.html", context)


def download(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    release = current_release()
    if key not in [*STORY_TABLES, *FIGURE_TABLES]:
        raise Http404
    as_of = release.stories_as_of if key in STORY_TABLES else release.week
    return table_file(release.tables, key, fmt, as_of)


def table_file(tables: dict[str, Any], key: str, fmt: str, as_of: Any) -> HttpResponse:
    """One table as CSV or JSON, with the licence and the date the figures are frozen at."""
    found = displays(tables, [key])
    if not found or fmt not in ("csv", "json"):
        raise Http404
    table = found[0]
    date = as_of.isoformat() if as_of else ""
    if fmt == "json":
        response: HttpResponse = JsonResponse(
            _as_json(table, date), json_dumps_params={"ensure_ascii": False, "indent": 1}
        )
    else:
        response = HttpResponse(_as_csv(table, date), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kring-{key}-{date or "leeg"}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _licence_line() -> str:
    return _("Licence: %(licence)s (%(url)s), source: Kring") % {
        "licence": conf.licence(),
        "url": conf.licence_url(),
    }


def _as_csv(table: Display, date: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"# {table.title}"])
    writer.writerow([f"# {_('Figures as of')} {date}"])
    writer.writerow([f"# {_licence_line()}"])
    writer.writerow([f"# {_('Counts are rounded to 5; fewer than 5 is not shown.')}"])
    writer.writerows(table.records())
    return out.getvalue()


def _as_json(table: Display, date: str) -> dict[str, Any]:
    records = table.records()
    return {
        "title": table.title,
        "as_of": date,
        "licence": conf.licence(),
        "licence_url": conf.licence_url(),
        "source": "Kring",
        "note": _("Counts are rounded to 5; fewer than 5 is not shown."),
        "columns": records[0],
        "rows": records[1:],
    }
