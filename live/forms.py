from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from community.forms import PseudonymField
from live.badges import GROUP_LENGTH, GROUPS
from live.services.base import name_taken
from workshops.forms import RoleField

if TYPE_CHECKING:
    from live.models import LiveRoom

SHOW_ROLE_LABEL = _("Show my role beside my name")
SHOW_ROLE_HELP = _(
    "Off unless you tick it: then everyone in the room sees your role beside what you write."
)
# A code with its dashes and a few stray spaces; anything longer is no code of ours.
CODE_MAX = GROUPS * GROUP_LENGTH + 10


class CodeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Verification code"))
        kwargs.setdefault("max_length", CODE_MAX)
        kwargs.setdefault(
            "help_text",
            _(
                "Only for panel members and officials who received a code from the organisers. "
                "Your verified label is then shown beside your name."
            ),
        )
        kwargs.setdefault(
            "error_messages",
            {"max_length": _("This is not a code from the organisers: it is too long.")},
        )
        super().__init__(**kwargs)
        self.widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class RoleForm(forms.Form):
    """Who you speak as in this room, and whether it shows beside your name."""

    role = RoleField()
    show_role = forms.BooleanField(label=SHOW_ROLE_LABEL, help_text=SHOW_ROLE_HELP, required=False)


class JoinForm(RoleForm):
    """A guest's name in the room, and optionally their role or a verification code."""

    field_order = ["pseudonym", "role", "show_role", "code"]

    pseudonym = PseudonymField()
    code = CodeField(required=False)

    def __init__(self, *args: Any, room: LiveRoom | None = None, **kwargs: Any) -> None:
        self.room = room
        super().__init__(*args, **kwargs)

    def clean_pseudonym(self) -> str:
        pseudonym: str = self.cleaned_data["pseudonym"]
        if self.room is not None and name_taken(self.room, pseudonym):
            raise forms.ValidationError(
                _("Someone in this room already uses this name. Choose another one."),
                code="taken",
            )
        return pseudonym


class CodeForm(forms.Form):
    code = CodeField()
