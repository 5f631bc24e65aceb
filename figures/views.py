"""/verhalen/patronen/ and /cijfers/ with their downloads: read a release, never count."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _

from figures import conf
from figures.display import Display, as_of_text, displays
from figures.models import FigureRelease
from figures.releases import current_release, week_start
from figures.tables import FIGURE_TABLES, PATTERN_TABLES, STORY_TABLES

View = Callable[[HttpRequest, FigureRelease], HttpResponse]


def _context(release: Any, keys: list[str]) -> dict[str, Any]:
    return {
        "tables": displays(release.tables, keys),
        "week": formats.date_format(release.week, "j F Y"),
        "stories_as_of": as_of_text(release.stories_as_of),
        "licence": conf.licence(),
        "licence_url": conf.licence_url(),
    }


def _anonymous(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and CookieStorage.cookie_name not in cookies


def cached_for_release(timeout: int) -> Callable[[View], Callable[[HttpRequest], HttpResponse]]:
    """Keep an anonymous reader's page for the week (at most ``timeout``): no query on a hit.

    A week's release never changes once made, so its page can be reused; the key names the
    week, the path and the language. Signed-in people and anyone with a message waiting get a
    fresh render (the header shows their account links, the page their messages).
    """

    def decorator(view: View) -> Callable[[HttpRequest], HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest) -> HttpResponse:
            if request.method != "GET" or request.GET or not _anonymous(request):
                return view(request, current_release())
            week = week_start(conf.now())
            key = f"figures:page:{request.path}:{request.LANGUAGE_CODE}:{week}"
            content = cache.get(key)
            if content is not None:
                response = HttpResponse(content)
                response["X-Kring-Cache"] = "hit"
                return response
            release = current_release()
            response = view(request, release)
            # Not while another request is still making this week's release (last week's
            # figures are shown meanwhile).
            if response.status_code == 200 and release.week == week:
                cache.set(key, response.content, timeout)
            response["X-Kring-Cache"] = "miss"
            return response

        return wrapped

    return decorator


@cached_for_release(timeout=60 * 60)
def patterns(request: HttpRequest, release: FigureRelease) -> HttpResponse:
    return render(request, "figures/patterns.html", _context(release, PATTERN_TABLES))


# Shorter: the list of reports on this page changes when editors publish one.
@cached_for_release(timeout=5 * 60)
def figures(request: HttpRequest, release: FigureRelease) -> HttpResponse:
    from figures.snapshots import FiguresSnapshotPage

    context = _context(release, FIGURE_TABLES)
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
