from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from community.text import clean_text

if TYPE_CHECKING:
    from community.models import User

_PSEUDONYM = re.compile(r"^[\w .'-]+$")
_LOOKS_LIKE_CONTACT = re.compile(r"@|(\d[\s-]?){6,}")

# Names that would speak for Kring, its staff or the services it points to: nobody may take
# them, in any spelling (case, accents, look-alike Greek or Cyrillic letters).
RESERVED_NAMES = frozenset(
    {
        "112",
        "admin",
        "administrator",
        "beheer",
        "beheerder",
        "kring",
        "moderatie",
        "moderator",
        "moderatoren",
        "politie",
        "redactie",
        "veiligthuis",
    }
)
# Greek and Cyrillic letters that look like Latin ones, as they are after casefold().
_LOOK_ALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "m", "ν": "v",
        "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z",
    }
)  # fmt: skip


def name_skeleton(value: str) -> str:
    """What a name looks like on screen, for comparing: no case, accents or look-alikes."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.translate(_LOOK_ALIKES).replace("'", " ").split())


def is_reserved_name(value: str) -> bool:
    """True for "Moderator Mo", "Veilig Thuis", "veilig-thuis" and "M o d e r a t o r" alike."""
    words = [word for word in re.split(r"[\s.'-]+", name_skeleton(value)) if word]
    pairs = ["".join(words[i : i + 2]) for i in range(len(words) - 1)]
    return any(name in RESERVED_NAMES for name in [*words, *pairs, "".join(words)])


_CHARACTERS_MESSAGE = _("Use letters, numbers, spaces, dots, hyphens or apostrophes only.")


def validate_pseudonym(value: str) -> None:
    if not _PSEUDONYM.match(value):
        raise forms.ValidationError(_CHARACTERS_MESSAGE, code="characters")
    if _LOOKS_LIKE_CONTACT.search(value):
        raise forms.ValidationError(
            _("A pseudonym must not contain an e-mail address or phone number."), code="contact"
        )
    if is_reserved_name(value):
        raise forms.ValidationError(
            _("This name could be mistaken for Kring's staff or a help service. Choose another."),
            code="reserved",
        )


class PseudonymField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Pseudonym"))
        kwargs.setdefault("min_length", 2)
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault(
            "help_text",
            _("The name others see. Do not use your real name or anything that identifies you."),
        )
        kwargs.setdefault("validators", [validate_pseudonym])
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        raw = super().to_python(value) or ""
        # Markup is refused, not stripped: "<script>…</script>" must not become an empty,
        # silently accepted name.
        if "<" in raw or ">" in raw:
            raise forms.ValidationError(_CHARACTERS_MESSAGE, code="characters")
        return clean_text(raw)


class PseudonymSignupForm(forms.Form):
    pseudonym = PseudonymField()

    def signup(self, request: HttpRequest, user: User) -> None:
        user.pseudonym = self.cleaned_data["pseudonym"]
        user.save(update_fields=["pseudonym"])


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and everything linked to it will be deleted for good."
        )
    )

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."), code="password")
        return password
