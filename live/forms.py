from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import PseudonymField, name_skeleton


class JoinForm(forms.Form):
    """A guest's name in the room; nothing else is asked."""

    pseudonym = PseudonymField()

    def __init__(self, *args, room=None, **kwargs):
        self.room = room
        super().__init__(*args, **kwargs)

    def clean_pseudonym(self):
        pseudonym = self.cleaned_data["pseudonym"]
        if self.room is not None:
            # Two people who look the same on screen could speak for each other.
            wanted = name_skeleton(pseudonym)
            # A plain list: an iterator() left half-read would keep a server-side cursor open.
            names = list(self.room.participants.values_list("name", flat=True))
            if any(name_skeleton(name) == wanted for name in names):
                raise forms.ValidationError(
                    _("Someone in this room already uses this name. Choose another one."),
                    code="taken",
                )
        return pseudonym
