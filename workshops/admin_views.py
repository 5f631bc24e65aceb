"""The editors' side: sessions with their counts, registrations, export, cancel and move.

Registrations are never edited directly: cancelling and moving go through workshops.booking,
so seats stay right and the waiting list moves up. Only cancelled registrations can be
deleted (e.g. when someone asks for their data to be erased).
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.log_actions import log

from workshops import booking
from workshops.models import Registration, Session
from workshops.models.sessions import SessionQuerySet

Status = Registration.Status
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """Text a spreadsheet will not run as a formula (people type what they like into forms)."""
    value = force_str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


# Sessions -------------------------------------------------------------------------------


class SessionIndexView(generic.IndexView):
    registrations_url_name = ""

    def get_base_queryset(self) -> SessionQuerySet:
        return Session.objects.with_counts().select_related("page")

    def get_edit_url(self, instance: Session) -> str:
        return reverse(self.registrations_url_name) + f"?session={instance.pk}"

    def get_list_more_buttons(self, instance: Session) -> list[MenuItem]:
        return [
            MenuItem(_("Registrations"), url=self.get_edit_url(instance), icon_name="list-ul"),
            MenuItem(
                _("Edit the page"),
                url=reverse("wagtailadmin_pages:edit", args=[instance.page_id]),
                icon_name="edit",
            ),
        ]


class SessionViewSet(ModelViewSet):
    """A read-only overview: sessions are edited on their workshop or event page."""

    model = Session
    index_view_class = SessionIndexView
    icon = "date"
    menu_label = gettext_lazy("Sessions")
    add_to_admin_menu = False
    sort_order_field = None
    copy_view_enabled = False
    ordering = ["-starts_at"]
    search_fields = ["page__title", "title"]
    list_filter = ["registration_open"]
    list_display = [
        "__str__",
        Column("seats", label=gettext_lazy("Seats"), sort_key="seats"),
        Column("confirmed_count", label=gettext_lazy("Confirmed"), sort_key="confirmed_count"),
        Column("waiting_count", label=gettext_lazy("Waiting list"), sort_key="waiting_count"),
        Column("pending_count", label=gettext_lazy("Not yet confirmed"), sort_key="pending_count"),
        BooleanColumn("registration_open", label=gettext_lazy("Registration open")),
    ]

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, delete_url_name=None, **kwargs
        )
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_index_view_kwargs(
            registrations_url_name="workshops_registrations:index", **kwargs
        )
        return view_kwargs

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


# Registrations --------------------------------------------------------------------------


class RegistrationFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(
        queryset=Session.objects.select_related("page").order_by("-starts_at"),
        label=gettext_lazy("Session"),
    )

    class Meta:
        model = Registration
        fields = ["status", "session"]


class RegistrationIndexView(generic.IndexView):
    cancel_url_name = ""
    move_url_name = ""
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        str: {"csv": spreadsheet_safe, "xlsx": spreadsheet_safe},
    }

    def get_base_queryset(self) -> QuerySet[Registration]:
        registrations: QuerySet[Registration] = super().get_base_queryset()
        return registrations.select_related("session__page")

    def get_edit_url(self, instance: Registration) -> str | None:
        url: str | None = self.get_inspect_url(instance)
        return url

    def get_delete_url(self, instance: Registration) -> str | None:
        if instance.status == Status.CANCELLED:
            url: str | None = super().get_delete_url(instance)
            return url
        return None

    def get_list_more_buttons(self, instance: Registration) -> list[MenuItem]:
        buttons: list[MenuItem] = []
        if url := self.get_inspect_url(instance):
            buttons.append(
                MenuItem(
                    pgettext("registration", "View"), url=url, icon_name="info-circle", priority=10
                )
            )
        if self.user_has_permission("change") and instance.status != Status.CANCELLED:
            if not instance.session.has_ended():
                url = reverse(self.cancel_url_name, args=[quote(instance.pk)])
                label = pgettext("registration", "Cancel")
                buttons.append(MenuItem(label, url=url, icon_name="cross", priority=20))
            if not instance.session.has_started():
                url = reverse(self.move_url_name, args=[quote(instance.pk)])
                label = pgettext("registration", "Move")
                buttons.append(MenuItem(label, url=url, icon_name="resubmit", priority=30))
        if url := self.get_delete_url(instance):
            label = pgettext("registration", "Delete")
            buttons.append(MenuItem(label, url=url, icon_name="bin", priority=40))
        return buttons


class RegistrationDeleteView(generic.DeleteView):
    def get_object(self, queryset: QuerySet[Registration] | None = None) -> Registration:
        return get_object_or_404(Registration, pk=self.kwargs["pk"], status=Status.CANCELLED)


class SessionChoiceField(forms.ModelChoiceField[Session]):
    def label_from_instance(self, session: Session) -> str:
        return _("%(when)s (%(left)s of %(seats)s free)") % {
            "when": session.when(),
            "left": session.seats_left,
            "seats": session.seats,
        }


class MoveForm(forms.Form):
    session = SessionChoiceField(queryset=Session.objects.none(), label=gettext_lazy("To"))

    def __init__(self, registration: Registration, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, SessionChoiceField)  # a deep copy of the field above
        field.queryset = (
            Session.objects.filter(
                page_id=registration.session.page_id, starts_at__gt=timezone.now()
            )
            .exclude(pk=registration.session_id)
            .with_counts()
            .order_by("starts_at")
        )


class RegistrationActionView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView[forms.Form]
):
    """Cancel or move one registration, through the booking service."""

    model = Registration
    permission_required = "change"
    template_name = "workshops/admin/registration_action.html"
    header_icon = "group"
    index_url_name = ""
    action = "cancel"

    def setup(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().setup(request, *args, **kwargs)
        self.registration = get_object_or_404(
            Registration.objects.select_related("session__page"), pk=kwargs["pk"]
        )

    def get_page_title(self) -> str:
        return _("Move registration") if self.action == "move" else _("Cancel registration")

    def get_page_subtitle(self) -> str:
        return str(self.registration.pseudonym)

    def get_breadcrumbs_items(self) -> list[dict[str, str]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Registrations")},
            {"url": "", "label": self.get_header_title()},
        ]

    def get_form(self, form_class: type[forms.Form] | None = None) -> forms.Form:
        if self.action == "move":
            return MoveForm(self.registration, **self.get_form_kwargs())
        return forms.Form(**self.get_form_kwargs())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            registration=self.registration, action=self.action, back_url=self.back_url(), **kwargs
        )

    def back_url(self) -> str:
        return reverse(self.index_url_name) + f"?session={self.registration.session_id}"

    def form_valid(self, form: forms.Form) -> HttpResponse:
        registration = self.registration
        title = _("registration %(id)s") % {"id": registration.pk}
        try:
            if self.action == "move":
                to_session = form.cleaned_data["session"]
                booking.do_move(self.request.user, registration, to_session)
                data = {"from_session": registration.session_id, "to_session": to_session.pk}
                log(registration, "workshops.registration.move", title=title, data=data)
                messages.success(self.request, _("The registration has been moved."))
            else:
                booking.do_cancel(self.request.user, registration, by_editor=True)
                log(registration, "workshops.registration.cancel", title=title)
                messages.success(self.request, _("The registration has been cancelled."))
        except booking.BookingError as error:
            messages.error(self.request, error.message)
            return self.form_invalid(form)
        return redirect(self.back_url())


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    delete_view_class = RegistrationDeleteView
    icon = "group"
    menu_label = gettext_lazy("Registrations")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["id"]
    ordering = ["-created_at"]
    search_fields = ["pseudonym", "email"]
    filterset_class = RegistrationFilterSet
    list_display = [
        "pseudonym",
        "email",
        "session",
        Column("get_status_display", label=gettext_lazy("Status"), sort_key="status"),
        "created_at",
    ]
    list_export = [
        "session",
        "pseudonym",
        "email",
        "get_status_display",
        "needs",
        "interpreter",
        "created_at",
        "confirmed_at",
    ]
    export_headings = {"get_status_display": gettext_lazy("Status")}
    export_filename = "aanmeldingen"

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, **kwargs
        )
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        view_kwargs: dict[str, Any] = super().get_index_view_kwargs(
            cancel_url_name=self.get_url_name("cancel"),
            move_url_name=self.get_url_name("move"),
            **kwargs,
        )
        return view_kwargs

    def action_view(self, action: str) -> Any:
        return RegistrationActionView.as_view(
            action=action, index_url_name=self.get_url_name("index")
        )

    def get_urlpatterns(self) -> list[URLPattern]:
        # No add, edit or copy: registrations come from the public form, changes go through
        # the booking service.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("cancel/<int:pk>/", self.action_view("cancel"), name="cancel"),
            path("move/<int:pk>/", self.action_view("move"), name="move"),
        ]


class WorkshopAdminGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Registrations")
    menu_icon = "group"
    menu_order = 250
    items = (
        SessionViewSet("workshops_sessions"),
        RegistrationViewSet("workshops_registrations"),
    )
