from django import forms
from django.utils.translation import gettext_lazy as _

from community.text import clean_text
from moderation.models import Reason


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
    # Left empty by people; filled in by bots that fill in every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_note(self):
        return clean_text(self.cleaned_data["note"], max_length=500)


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("dismiss", _("Dismiss")),
            ("hide", _("Hide")),
            ("remove", _("Remove")),
            ("restore", _("Restore")),
        ]
    )
    why = forms.CharField(label=_("Why"), required=False, max_length=300)
