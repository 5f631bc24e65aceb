"""Dutch addresses: validate, normalise, and turn into a key that cannot be read back.

The plain address lives only in the request that carries it. It is validated and normalised
here, keyed with HMAC-SHA256 under settings.KRING_ADDRESS_KEY (a secret kept apart from the
database and from SECRET_KEY), and then dropped. Every function that holds the plain address
hides its local variables from error reports (`sensitive_variables`), and an `Address` never
shows its contents in a repr, so a stray log line or traceback cannot print it.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

KEY_VERSION = "nl-address-v1"
MAX_HOUSE_NUMBER = 99_999
MAX_ADDITION = 4

_SPACES = re.compile(r"\s+")
_POSTCODE = re.compile(r"[0-9]{4}[A-Z]{2}")
# Letter combinations PostNL never uses (they recall the Second World War).
_EXCLUDED_LETTERS = frozenset({"SA", "SD", "SS"})
# "12a", "12-a", "12 bis": a number with its addition typed into the number field.
_NUMBER_WITH_ADDITION = re.compile(r"([0-9]+)[\s/-]*([A-Za-z0-9][A-Za-z0-9\s/-]*)")
_ADDITION_SEPARATORS = re.compile(r"[\s/.-]+")
_ADDITION = re.compile(r"[A-Z0-9]+")


@dataclass(frozen=True, repr=False)
class Address:
    """A normalised Dutch address. Its repr never shows what it holds."""

    postcode: str
    number: int
    addition: str = ""

    def __repr__(self) -> str:
        return "<Address (hidden)>"

    __str__ = __repr__

    @property
    def key(self) -> str:
        return address_key(self)


@sensitive_variables()
def normalise_postcode(value: str | None) -> str:
    """'1234 ab' -> '1234AB', or a ValidationError saying what is wrong."""
    postcode = _SPACES.sub("", value or "").upper()
    if not postcode:
        raise ValidationError(_("Enter the postcode."), code="required")
    if not _POSTCODE.fullmatch(postcode):
        raise ValidationError(
            _("Enter a Dutch postcode: four digits and two letters, for example 1234 AB."),
            code="format",
        )
    if postcode[0] == "0":
        raise ValidationError(_("A Dutch postcode never starts with 0."), code="leading_zero")
    if postcode[4:] in _EXCLUDED_LETTERS:
        raise ValidationError(
            _("This postcode does not exist: Dutch postcodes never end in SA, SD or SS."),
            code="excluded_letters",
        )
    return postcode


@sensitive_variables()
def normalise_addition(value: str | None) -> str:
    """' -a ' -> 'A': upper case, without spaces, hyphens, dots or slashes."""
    addition = _ADDITION_SEPARATORS.sub("", (value or "").strip()).upper()
    if not addition:
        return ""
    if not _ADDITION.fullmatch(addition):
        raise ValidationError(
            _("Use only letters and digits in the addition, for example A or 2."),
            code="addition_characters",
        )
    if len(addition) > MAX_ADDITION:
        raise ValidationError(
            _("An addition has at most %(max)d letters or digits, for example A, 2 or BIS.")
            % {"max": MAX_ADDITION},
            code="addition_length",
        )
    return addition


@sensitive_variables()
def split_house_number(value: str | None) -> tuple[int, str]:
    """'12a' -> (12, 'a'); '12' -> (12, ''). Raises a ValidationError for anything else."""
    text = (value or "").strip()
    if not text:
        raise ValidationError(_("Enter the house number."), code="required")
    if text.isdigit():
        digits, addition = text, ""
    else:
        match = _NUMBER_WITH_ADDITION.fullmatch(text)
        if not match:
            raise ValidationError(
                _("Enter the house number in digits, for example 12."), code="number_format"
            )
        digits, addition = match.groups()
    number = int(digits)
    if not 1 <= number <= MAX_HOUSE_NUMBER:
        raise ValidationError(
            _("A house number is between 1 and %(max)d.") % {"max": MAX_HOUSE_NUMBER},
            code="number_range",
        )
    return number, addition


@sensitive_variables()
def address_key(address: Address) -> str:
    """HMAC-SHA256 of the normalised address under KRING_ADDRESS_KEY, as 64 hex characters."""
    secret = settings.KRING_ADDRESS_KEY
    if not secret:
        raise ImproperlyConfigured("KRING_ADDRESS_KEY is empty: addresses cannot be keyed.")
    message = f"{KEY_VERSION}|{address.postcode}|{address.number}|{address.addition}"
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()
