"""Verified badge codes in the Wagtail admin: editors issue them per event and see each code once.

The code itself is shown only on the page that answers the form; the database keeps its hash.
A code cannot be edited (delete it to revoke it and issue a new one).
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.template.response import TemplateResponse
from django.urls import URLPattern
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from community.private import private
from live.badges import BadgeCode, new_code
from workshops.models import BookablePage


class BadgeCodeForm(WagtailAdminModelForm):  # type: ignore[misc]  # Wagtail ships no types
    class Meta:
        model = BadgeCode
        fields = ["page", "label", "role", "expires_at"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        page = self.fields["page"]
        page.queryset = BookablePage.objects.live().order_by("title")
        page.help_text = gettext_lazy("The code works in every live room of this event, once.")


class BadgeCodeFilter(WagtailFilterSet):  # type: ignore[misc]  # Wagtail ships no types
    used = django_filters.BooleanFilter(
        field_name="used_at", lookup_expr="isnull", exclude=True, label=gettext_lazy("Used")
    )

    class Meta:
        model = BadgeCode
        fields = ["page", "role", "used"]


class BadgeCodeCreateView(generic.CreateView):  # type: ignore[misc]  # Wagtail ships no types
    def get_edit_url(self) -> str:
        url: str = self.get_success_url()
        return url  # codes are never edited

    def save_instance(self) -> BadgeCode:
        self.code, self.form.instance.digest = new_code()
        self.form.instance.created_by = self.request.user
        badge: BadgeCode = super().save_instance()
        return badge

    def save_action(self) -> TemplateResponse:
        # The only time the code exists outside the editor's hands: shown here, never stored.
        response = TemplateResponse(
            self.request,
            "live/admin/badge_code.html",
            {
                "code": self.code,
                "badge": self.object,
                "index_url": self.get_success_url(),
                "page_title": gettext_lazy("Verification code"),
                "header_icon": "key",
            },
        )
        # A one-time code on screen: kept by no cache, named in no Referer header.
        return private(response)


class BadgeCodeViewSet(ModelViewSet):  # type: ignore[misc]  # Wagtail ships no types
    model = BadgeCode
    form_class = BadgeCodeForm
    add_view_class = BadgeCodeCreateView
    icon = "key"
    menu_label = gettext_lazy("Verified badges")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = BadgeCodeFilter
    search_fields = ["label", "page__title"]
    ordering = ["-created_at"]
    list_display = [
        "label",
        "page",
        Column("get_role_display", label=gettext_lazy("Role"), sort_key="role"),
        Column("state", label=gettext_lazy("Status")),
        "expires_at",
        "used_at",
    ]
    inspect_view_fields = ["label", "page", "role", "expires_at", "created_at", "used_at"]

    def get_form_class(self, for_update: bool = False) -> type[BadgeCodeForm]:
        return BadgeCodeForm

    def get_urlpatterns(self) -> list[URLPattern]:
        # No edit view: a used code's label is already beside someone's name.
        patterns: list[URLPattern] = super().get_urlpatterns()
        return [pattern for pattern in patterns if pattern.name != "edit"]

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(edit_url_name=None, **kwargs)
        return view_kwargs
