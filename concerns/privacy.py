"""Keeping the plain address out of error reports, including Django's debug page.

Django's SafeExceptionReporterFilter only hides sensitive values when DEBUG is off, and only
for views that mark them. An address typed into this tool must stay hidden on a developer's
debug page as well, also when the request fails before it reaches the tool: a POST to
`/bezorgd-om-je-buren` without its slash fails in CommonMiddleware (APPEND_SLASH cannot redirect
a POST), and the debug page would list the form. So:

- the tool's own requests carry a filter that is always on (`hide_request_from_error_reports`,
  with `sensitive_post_parameters()` and `sensitive_variables()` on ConcernPage.serve);
- `ExceptionReporter` (settings.DEFAULT_EXCEPTION_REPORTER) treats every request for any
  spelling of the tool's path, and every request that carries one of the address fields, the
  same way, before any view ran: POST and GET values hidden, the query string hidden
  everywhere it appears (the URI, META, the exception message, local variables).
"""

import re
from typing import Any
from urllib.parse import unquote, unquote_plus

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.views.debug import ExceptionReporter as DjangoExceptionReporter
from django.views.debug import SafeExceptionReporterFilter

# The tool's slug (stable: links and tests rely on it), however a path spells it.
TOOL_SLUG = "bezorgd-om-je-buren"
ADDRESS_FIELDS = ("postcode", "house_number", "addition")
HIDDEN = SafeExceptionReporterFilter.cleansed_substitute
_SLASHES = re.compile(r"/+")


class AlwaysSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    """On even with DEBUG; hides every POST value and shows a request only as its kind."""

    def is_active(self, request: HttpRequest | None) -> bool:
        return True

    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        if request is None:
            return {}
        cleansed = request.POST.copy()
        for key in cleansed:
            cleansed[key] = HIDDEN
        return cleansed

    def get_safe_request_meta(self, request: HttpRequest) -> dict[str, Any]:
        meta = super().get_safe_request_meta(request)
        for key in ("QUERY_STRING", "REQUEST_URI", "RAW_URI"):
            if meta.get(key):
                meta[key] = HIDDEN
        return meta

    def cleanse_special_types(self, request: HttpRequest | None, value: Any) -> Any:
        if isinstance(value, HttpRequest):
            return f"<{type(value).__name__}: {value.method} (hidden)>"
        return super().cleanse_special_types(request, value)


def hide_request_from_error_reports(request: HttpRequest) -> None:
    request.exception_reporter_filter = AlwaysSafeExceptionReporterFilter()  # type: ignore[attr-defined]


def is_tool_request(request: HttpRequest | None) -> bool:
    """Whether a request is for the tool, or carries what its form asks, by any spelling."""
    if request is None:
        return False
    path = _SLASHES.sub("/", unquote(request.path_info or request.path)).lower()
    if TOOL_SLUG in path:
        return True
    try:
        sent = set(request.GET) | (set(request.POST) if request.method == "POST" else set())
    except Exception:  # an unreadable body: hide rather than guess
        return True
    return bool(sent & set(ADDRESS_FIELDS))


class ExceptionReporter(DjangoExceptionReporter):
    """Django's reporter, with the tool's requests hidden (see the module docstring)."""

    def __init__(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.hide = is_tool_request(request)
        if self.hide:
            self.filter = AlwaysSafeExceptionReporterFilter()

    def _secrets(self) -> list[str]:
        """Text of the request that may hold what was typed, longest first."""
        if self.request is None:
            return []
        query = self.request.META.get("QUERY_STRING", "")
        found = {query, unquote(query), unquote_plus(query)}
        values: list[str] = []
        try:
            for data in (self.request.GET, self.request.POST):
                values += [value for _key, listed in data.lists() for value in listed]
        except Exception:
            values = []
        for value in values:
            found |= {value, value.strip(), value.replace(" ", ""), value.upper()}
        # Very short values ("2", "a") cannot be replaced in the page without mangling it;
        # they only appear where the filter above already hid them.
        return sorted((text for text in found if len(text) >= 3), key=len, reverse=True)

    def _scrub(self, text: str) -> str:
        for secret in self._secrets():
            text = text.replace(secret, HIDDEN)
        return text

    def get_traceback_data(self) -> dict[str, Any]:
        data = super().get_traceback_data()
        if self.hide and self.request is not None:
            data["request_GET_items"] = [(key, HIDDEN) for key in self.request.GET]
            data["request_insecure_uri"] = self._scrub(data.get("request_insecure_uri", ""))
        return data

    def get_traceback_html(self) -> SafeString:
        html = super().get_traceback_html()
        # Only replaces text with a fixed placeholder: what was safe stays safe.
        return mark_safe(self._scrub(html)) if self.hide else html  # noqa: S308

    def get_traceback_text(self) -> SafeString:
        text = super().get_traceback_text()
        return mark_safe(self._scrub(text)) if self.hide else text  # noqa: S308
