from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import PseudonymField
from live.services.base import name_taken


class JoinForm(forms.Form):
    """A guest's name in the room; nothing else is asked."""

    pseudonym = PseudonymField()

    def __init__(self, *args, room=None, **kwargs):
        self.room = room
        super().__init__(*args, **kwargs)

    def clean_pseudonym(self):
        pseudonym = self.cleaned_data["pseudonym"]
        if self.room is not None and name_taken(self.room, pseudonym):
            raise forms.ValidationError(
                _("Someone in this room already uses this name. Choose another one."),
                code="taken",
            )
        return pseudonym
