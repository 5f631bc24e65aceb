import logging
import time
from collections.abc import Callable
from typing import Any

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.views.defaults import bad_request

from community.errors import service_unavailable
from community.logformat import redact

access_log = logging.getLogger("kring.access")

ADMIN_PREFIX = "/admin/"


def redact_path(path: str) -> str:
    """The path without anything that looks like a private token, an address or an e-mail.

    Tokens are found by what they are (a long run of token characters that does not read like
    words, see community.logformat), not by the slashes around them: punctuation a mail client
    adds (`<token>./`, `<token>)`), a zero-width space or percent-encoding do not hide one.
    """
    return redact(path)


# What a middleware wraps: the rest of the stack, down to the view.
GetResponse = Callable[[HttpRequest], HttpResponseBase]


class AccessLogMiddleware:
    """One line per request, without the client's address, query string or private tokens."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.monotonic()
        response = self.get_response(request)
        access_log.info(
            "%s %s %s %.1fms",
            request.method,
            redact_path(request.path),
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response


class BadHostMiddleware:
    """Answer a request whose Host header is not allowed with a quiet 400, before anything asks.

    Django raises DisallowedHost from the first `request.get_host()` (the page cache's key, the
    SSL redirect, CommonMiddleware) and logs it with a traceback that names the header. Scanners
    send such requests all day; they get Django's own 400 answer, and the access log's line.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            request.get_host()
        except DisallowedHost as error:
            return bad_request(request, error)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set itself."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.KRING_CROSS_ORIGIN_RESOURCE_POLICY
        )
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into a calm 503 page that still shows the help numbers."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, (OperationalError, InterfaceError)):
            logging.getLogger(__name__).error("database unavailable: %s", type(exception).__name__)
            return service_unavailable(request)
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, but for the Wagtail admin.

    Wagtail 8's editor still runs inline scripts and styles, so the admin (staff only, behind
    login and a second factor) also allows inline code. Public pages never do.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> Any:  # django-csp's PolicyParts
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {
                **(parts.update or {}),
                "script-src": ["'self'", "'unsafe-inline'"],
                "style-src": ["'self'", "'unsafe-inline'"],
            }
        return parts
