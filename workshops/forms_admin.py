"""The page editor's form for workshops and events: guards the sessions people registered for."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm


class BookablePageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned_data: dict[str, Any] = super().clean()
        sessions = self.formsets.get("sessions")
        if sessions is None or not sessions.is_valid():
            return cleaned_data
        from workshops.models import Registration

        for form in sessions.forms:
            session = form.instance
            if not session.pk:
                continue
            registrations = Registration.objects.filter(session_id=session.pk)
            if sessions._should_delete_form(form):
                if registrations.exists():
                    self.add_error(
                        None,
                        _(
                            "The session of %(when)s has registrations, so it cannot be "
                            "removed. Close its registration instead; registrations are "
                            "deleted automatically some time after the session."
                        )
                        % {"when": session.when()},
                    )
                continue
            seats = form.cleaned_data.get("seats")
            confirmed = registrations.filter(status=Registration.Status.CONFIRMED).count()
            if seats is not None and seats < confirmed:
                form.add_error(
                    "seats",
                    ngettext(
                        "%(count)d person already has a seat; cancel registrations first.",
                        "%(count)d people already have a seat; cancel registrations first.",
                        confirmed,
                    )
                    % {"count": confirmed},
                )
        return cleaned_data
