from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from community.text import clean_text
from moderation.models import HideReason, Reason
from moderation.registry import adapters
from moderation.reports import ACTIONS


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=Reason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Anything moderators should know"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Please do not write names or other details about people."),
    )
    # Left empty by people (the page hides it); filled in by bots that fill in every field.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_note(self) -> str:
        return clean_text(self.cleaned_data["note"], max_length=500)


class DecisionForm(forms.Form):
    """One button press in the queue: a decision on reports, or an action of the item's app."""

    action = forms.ChoiceField()
    why = forms.CharField(label=_("Why"), required=False, max_length=300)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = set(ACTIONS)
        for adapter in adapters():
            names.update(adapter.actions)
        action = self.fields["action"]
        assert isinstance(action, forms.ChoiceField)
        action.choices = [(name, name) for name in sorted(names)]

    def clean_why(self) -> str:
        return clean_text(self.cleaned_data["why"], max_length=300)


class HideForm(forms.Form):
    """The confirmation step before hiding: why, in the audit log's words."""

    reason = forms.ChoiceField(
        label=_("Why do you hide it?"), choices=HideReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note for the audit log"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Other moderators read this. Leave out names and other details about people."),
    )

    def clean_note(self) -> str:
        return clean_text(self.cleaned_data["note"], max_length=300)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("reason") == HideReason.OTHER and not cleaned.get("note"):
            self.add_error("note", _("Write down the reason in the note."))
        return cleaned


class RemoveForm(HideForm):
    """The confirmation step before removing for good: the same reasons, asked as such."""

    reason = forms.ChoiceField(
        label=_("Why do you remove it?"), choices=HideReason.choices, widget=forms.RadioSelect
    )
