"""The admin's forms for a room and a prepared statement."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from community.text import clean_text
from live import conf, permissions
from live.models import LiveRoom, Statement
from workshops.models import EventPanel, Session

MODERATOR_FIELDS = ("premoderate_questions", "slow_mode_seconds")


class RoomForm(WagtailAdminModelForm):  # type: ignore[misc]  # Wagtail ships no types
    class Meta:
        model = LiveRoom
        fields = [
            "title",
            "slug",
            "panel",
            "session",
            "premoderate_questions",
            "slow_mode_seconds",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        panel = self.fields["panel"]
        panel.queryset = EventPanel.objects.select_related("page").order_by(
            "page__title", "sort_order"
        )
        panel.label_from_instance = lambda p: f"{p.page.title} – {p.title}"
        session = self.fields["session"]
        session.queryset = Session.objects.select_related("page").order_by("-starts_at")
        if not permissions.is_moderator(self.for_user):
            # Whether questions wait for approval, and how fast people may write, are
            # moderators' decisions: editors set a room up with the defaults.
            for name in MODERATOR_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Only moderators can change this.")

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        if not cleaned.get("panel") and not cleaned.get("session"):
            raise forms.ValidationError(
                _("Choose the event panel or the workshop session this room belongs to.")
            )
        return cleaned


class StatementForm(WagtailAdminModelForm):  # type: ignore[misc]  # Wagtail ships no types
    class Meta:
        model = Statement
        fields = ["room", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = LiveRoom.objects.exclude(status=LiveRoom.Status.CLOSED)

    def clean_text(self) -> str:
        text = clean_text(self.cleaned_data["text"], max_length=conf.MAX_STATEMENT_LENGTH)
        if not text:
            raise forms.ValidationError(_("Write the statement."))
        return text
