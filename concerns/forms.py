from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from concerns.addresses import Address, normalise_addition, normalise_postcode, split_house_number

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What a neighbour may tick. No free text: nothing about people is written down here.
NOTICED = [
    ("screaming", _("Screaming or shouting")),
    ("crying", _("Children crying for a long time")),
    ("violence", _("Sounds of hitting, throwing or things breaking")),
    ("injuries", _("Injuries, such as bruises")),
    ("isolation", _("Someone who is never allowed out, or seems afraid")),
    ("threats", _("Threats I overheard")),
    ("other", _("Something else that worries me")),
]
WHEN = [
    ("week", _("This week")),
    ("month", _("This month")),
    ("longer", _("Longer ago, or it has been going on for a while")),
]

# The browser must not remember what was typed: a shared computer would show it to the next
# person.
_PRIVATE_INPUT = {
    "autocomplete": "off",
    "autocapitalize": "characters",
    "spellcheck": "false",
    "aria-describedby": "address_helptext",
}
ADDRESS_FIELDS = ("postcode", "house_number", "addition")


class ConcernForm(forms.Form):
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=12,
        error_messages={"required": _("Enter the postcode.")},
        widget=forms.TextInput(attrs={**_PRIVATE_INPUT, "size": 8}),
    )
    house_number = forms.CharField(
        label=_("House number"),
        max_length=12,
        error_messages={"required": _("Enter the house number.")},
        widget=forms.TextInput(attrs={**_PRIVATE_INPUT, "inputmode": "numeric", "size": 6}),
    )
    addition = forms.CharField(
        label=_("Letter or addition"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={**_PRIVATE_INPUT, "size": 6}),
    )
    noticed = forms.MultipleChoiceField(
        label=_("What did you notice?"),
        help_text=_("Tick everything that fits."),
        choices=NOTICED,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one thing you noticed.")},
    )
    when = forms.ChoiceField(
        label=_("Roughly when?"),
        choices=WHEN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose roughly when you noticed it.")},
    )
    # Filled in by concerns/static/concerns/pow.js; empty when JavaScript does not run.
    altcha = forms.CharField(required=False, widget=forms.HiddenInput)

    too_long = _("This is longer than an address field can be.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ADDRESS_FIELDS:
            self.fields[name].error_messages["max_length"] = self.too_long
        self.address: Address | None = None

    def address_fields(self) -> list[BoundField]:
        return [self["postcode"], self["house_number"], self["addition"]]

    def full_clean(self) -> None:
        super().full_clean()
        # Tie each error to its input for screen readers, next to the shared hint.
        for name in self.errors:
            if name in ADDRESS_FIELDS:
                described = f"{self[name].auto_id}_error address_helptext"
                self.fields[name].widget.attrs["aria-describedby"] = described

    @sensitive_variables()
    def clean_postcode(self) -> str:
        return normalise_postcode(self.cleaned_data["postcode"])

    @sensitive_variables()
    def clean_house_number(self) -> tuple[int, str]:
        return split_house_number(self.cleaned_data["house_number"])

    @sensitive_variables()
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or self.cleaned_data
        postcode = cleaned.get("postcode")
        number_parts = cleaned.get("house_number")
        if "addition" not in cleaned or number_parts is None:
            return cleaned
        number, addition_in_number = number_parts
        typed_addition = cleaned["addition"]
        if addition_in_number and typed_addition.strip():
            self.add_error(
                "addition",
                _("You typed an addition in both fields. Put it in this field only."),
            )
            return cleaned
        try:
            addition = normalise_addition(addition_in_number or typed_addition)
        except forms.ValidationError as error:
            self.add_error("house_number" if addition_in_number else "addition", error)
            return cleaned
        if postcode:
            self.address = Address(postcode=postcode, number=number, addition=addition)
        return cleaned

    def noticed_labels(self) -> list[StrOrPromise]:
        chosen = set(self.cleaned_data.get("noticed", []))
        return [label for value, label in NOTICED if value in chosen]

    def when_label(self) -> str:
        return str(dict(WHEN).get(self.cleaned_data.get("when") or "", ""))


# What someone may answer on their private link to "have you done anything yet?"
DONE = [
    ("talked", _("I talked about it, with the person or with someone else")),
    ("advice", _("I asked Veilig Thuis or someone else for advice")),
    ("reported", _("I made a report")),
    ("not_yet", _("Not yet")),
]


class LinkActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("called", "called"), ("withdraw", "withdraw"), ("done", "done")]
    )
    # Withdrawing cannot be undone: the first press asks, the second (with confirm) deletes.
    confirm = forms.BooleanField(required=False)


class DoneForm(forms.Form):
    """The question on a private link, from its second visit on."""

    answer = forms.ChoiceField(
        label=_("Have you done anything yet?"),
        help_text=_(
            "We only count how many people gave each answer, never who or about which address."
        ),
        choices=DONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what you have done so far, or “Not yet”."),
            "invalid_choice": _("Choose one of the answers below."),
        },
    )
