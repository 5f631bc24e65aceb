import re

from django import forms
from django.utils.translation import gettext_lazy as _

from community.text import clean_text

_PSEUDONYM = re.compile(r"^[\w .'-]+$")
_LOOKS_LIKE_CONTACT = re.compile(r"@|(\d[\s-]?){6,}")


def validate_pseudonym(value):
    if not _PSEUDONYM.match(value):
        raise forms.ValidationError(
            _("Use letters, numbers, spaces, dots, hyphens or apostrophes only."), code="characters"
        )
    if _LOOKS_LIKE_CONTACT.search(value):
        raise forms.ValidationError(
            _("A pseudonym must not contain an e-mail address or phone number."), code="contact"
        )


class PseudonymField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Pseudonym"))
        kwargs.setdefault("min_length", 2)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault(
            "help_text",
            _("The name others see. Do not use your real name or anything that identifies you."),
        )
        kwargs.setdefault("validators", [validate_pseudonym])
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value))


class PseudonymSignupForm(forms.Form):
    pseudonym = PseudonymField()

    def signup(self, request, user):
        user.pseudonym = self.cleaned_data["pseudonym"]
        user.save(update_fields=["pseudonym"])


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and everything linked to it will be deleted for good."
        )
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."), code="password")
        return password
