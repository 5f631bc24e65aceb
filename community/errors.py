"""Error pages that render without the database: help numbers come from the cache or defaults."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from community.private import private


def _render(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    from community.help import help_numbers

    context = {
        "help": help_numbers(use_database=False),
        "quick_exit_url": settings.KRING_QUICK_EXIT_URL,
        "error_page": True,
        "request_path": getattr(request, "path", "/"),
    }
    body = loader.get_template(template_name).render(context)
    response = HttpResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = "30"
    # An error may answer a private link's address: never stored or indexed, like that page.
    return private(response)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _render(request, "404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this from inside its exception handler, so the cause is still at hand.
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        return service_unavailable(request)
    return _render(request, "500.html", 500)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    return _render(request, "503.html", 503)
