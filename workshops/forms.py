from typing import Any, TypedDict

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from community.forms import PseudonymField
from community.text import clean_text
from workshops import conf
from workshops.models import Role

NEEDS_MAX = 500
INTERPRETER_MAX = 100


class Details(TypedDict):
    """What a registrant tells about herself, as workshops.booking takes it."""

    pseudonym: str
    needs: str
    interpreter: str
    role: str


class BookingData(Details):
    email: str


class RoleField(forms.ChoiceField):
    """Who someone speaks as, optional: for registrations and live rooms alike."""

    widget = forms.RadioSelect

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Do you want to say who you speak as?"))
        kwargs.setdefault("choices", Role.choices)
        kwargs.setdefault("initial", Role.UNSAID)
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _(
                "It helps to see where experience experts, professionals and policy makers "
                "agree or differ. Results are only shown per group of at least 5 people."
            ),
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        return str(super().clean(value) or Role.UNSAID)


class DetailsForm(forms.Form):
    """What a registrant can change later: her pseudonym and what would help her take part."""

    pseudonym = PseudonymField(
        error_messages={
            "required": _("Choose a pseudonym: any name, as long as it is not your real one."),
            "min_length": _("A pseudonym has at least 2 characters."),
            "max_length": _("A pseudonym has at most 40 characters."),
        }
    )
    needs = forms.CharField(
        label=_("What would help you take part?"),
        required=False,
        max_length=NEEDS_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example captions, breaks, or joining by phone. Only the organisers see this."
        ),
        error_messages={"max_length": _("Please keep this under 500 characters.")},
    )
    interpreter = forms.CharField(
        label=_("Do you need an interpreter?"),
        required=False,
        max_length=INTERPRETER_MAX,
        help_text=_("For example Dutch Sign Language (NGT), or the language you prefer."),
        error_messages={"max_length": _("Please keep this under 100 characters.")},
    )

    role = RoleField(
        help_text=_(
            "In the event's live rooms, results of statements are shown per group of at "
            "least 5 people; you choose there whether your role shows beside your name."
        )
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pseudonym"].widget.attrs["autocomplete"] = "off"

    def clean_needs(self) -> str:
        return clean_text(self.cleaned_data["needs"], max_length=NEEDS_MAX)

    def clean_interpreter(self) -> str:
        return clean_text(self.cleaned_data["interpreter"], max_length=INTERPRETER_MAX)

    def field_errors(self) -> list[tuple[BoundField, str]]:
        """(bound field, message) pairs, for the summary at the top of the form."""
        return [(field, str(error)) for field in self.visible_fields() for error in field.errors]

    def details(self) -> Details:
        data = self.cleaned_data
        return {
            "pseudonym": data["pseudonym"],
            "needs": data["needs"],
            "interpreter": data["interpreter"],
            "role": data["role"],
        }


class RegistrationForm(DetailsForm):
    field_order = ["pseudonym", "email", "needs", "interpreter", "role", "consent"]

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "Only for this session: to confirm your registration, send you the link to "
            "join and a reminder. Nobody else sees it."
        ),
        error_messages={
            "required": _("Fill in your e-mail address."),
            "invalid": _("Fill in a complete e-mail address, like naam@voorbeeld.nl."),
            "max_length": _("This e-mail address is too long."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Kring keeps my pseudonym, e-mail address and the needs I gave to "
            "organise this session, and deletes them %(days)s days after it."
        ),
        error_messages={"required": _("Tick this box to register: without it we cannot.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consent = self.fields["consent"]
        consent.label = str(consent.label) % {"days": conf.retention_days()}
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def booking_data(self) -> BookingData:
        return {**self.details(), "email": self.cleaned_data["email"]}
