from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from concerns.admin_views import PERMISSION, StatisticsView


@hooks.register("register_admin_urls")
def register_statistics_url() -> list[URLPattern]:
    return [
        path(
            "bezorgd-om-je-buren/statistiek/",
            StatisticsView.as_view(),
            name="concerns_statistics",
        )
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item() -> MenuItem:
    return StatisticsMenuItem(
        _("Neighbour concerns"),
        reverse("concerns_statistics"),
        name="concern-statistics",
        icon_name="view",
        order=1300,
    )
