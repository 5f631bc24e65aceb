"""Keeping the plain address out of error reports, including Django's debug page.

Django's SafeExceptionReporterFilter only hides sensitive values when DEBUG is off. An address
typed into this tool must stay hidden on a developer's debug page as well, so the tool's
requests carry a filter that is always on. Together with `sensitive_post_parameters()` and
`sensitive_variables()` on ConcernPage.serve this hides the POST data and the local variables
of every frame the request passes through inside the tool.
"""

from django.views.debug import SafeExceptionReporterFilter


class AlwaysSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True


def hide_request_from_error_reports(request):
    request.exception_reporter_filter = AlwaysSafeExceptionReporterFilter()
