"""The editors' view of the tool: aggregates only, never an address, a key or a signal."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseBase
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from concerns import statistics

PERMISSION = "concerns.view_concern_statistics"


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "concerns/admin/statistics.html"
    page_title = _("Neighbour concerns")
    header_icon = "view"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["rows"], context["totals"] = statistics.summary()
        return context
