"""The guide's views: the page itself, and the path that lets its posts through without CSRF.

Why the guide's posts skip Django's CSRF check: a CSRF token needs a cookie (or a session),
and the guide must set neither. The check guards state changes made in a visitor's name; the
guide changes nothing and stores nothing, and a forged post only renders a page that the
forging site cannot read (same-origin policy, `Cross-Origin-Resource-Policy: same-origin`).
Only the guide page is exempt: any other page served at the guide's path is checked as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt
from wagtail import views as wagtail_views
from wagtail.models import Page

from bystanders.walk import DANGER, Answers, Guide, Screen, next_screen
from community.csrf import CsrfViewMiddleware
from community.private import private

if TYPE_CHECKING:
    from bystanders.models import GuidePage

READ = ("GET", "HEAD")
# django-stubs types a middleware decorator's result as "a view or a decorator"; here it is the
# view: Wagtail's serve with the CSRF check in front.
_checked_serve = cast(
    Callable[..., HttpResponse], decorator_from_middleware(CsrfViewMiddleware)(wagtail_views.serve)
)


@csrf_exempt
def guide_path(request: HttpRequest) -> HttpResponse:
    """Wagtail's own page view for the guide's URL, without the CSRF check for the guide."""
    from bystanders.models import GuidePage

    path = request.path_info.lstrip("/")
    route = Page.route_for_request(request, path)
    if route is not None and isinstance(route[0], GuidePage):
        response: HttpResponse = wagtail_views.serve(request, path)
        return response
    return _checked_serve(request, path)


def serve_guide(request: HttpRequest, page: GuidePage) -> HttpResponse:
    """GET: the first step, the same for everyone. POST: the screen that answers the post."""
    if request.method in READ:
        # Holds no answer, so the page cache and browsers may keep it like any public page.
        return _render(request, page, Guide(page), Screen(DANGER, Answers()))
    if request.method != "POST":
        return HttpResponseNotAllowed([*READ, "POST"])
    guide = Guide(page)
    response = _render(request, page, guide, next_screen(guide, request.POST))
    # A screen after the first shows answers: no browser, proxy or shared cache may keep it.
    return private(response)


def _render(
    request: HttpRequest, page: GuidePage, guide: Guide, screen: Screen
) -> TemplateResponse:
    context = page.get_context(request)
    context.update(screen=screen, guide=guide, answers=screen.answers)
    return TemplateResponse(request, page.get_template(request), context)
