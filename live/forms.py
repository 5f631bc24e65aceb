from django import forms

from community.forms import PseudonymField


class JoinForm(forms.Form):
    """A guest's name in the room; nothing else is asked."""

    pseudonym = PseudonymField()
