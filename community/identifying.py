"""Hints for moderators: details in a story that could identify the author or someone else.

Names, street names and house numbers, phone numbers, e-mail and web addresses, postcodes,
social media names, and an age together with a place. The hints are generous on purpose: a
moderator glances past a false alarm, but a missed address can put someone in danger.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from community.identifying_words import (
    AMBIGUOUS_NAMES,
    FIRST_NAMES,
    NAME_TITLES,
    NOT_STREETS,
    STREET_SUFFIXES,
    SURNAME_PARTICLES,
)

KINDS = {
    "email": _("e-mail address"),
    "url": _("web address"),
    "handle": _("social media name"),
    "phone": _("phone number"),
    "postcode": _("postcode"),
    "street": _("street name"),
    "house_number": _("house number"),
    "name": _("name"),
    "age_place": _("age with a place"),
}
# When two hints overlap, the one earlier in this list wins.
PRIORITY = list(KINDS)

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’-]+"
_PARTICLES = "|".join(re.escape(p) for p in SURNAME_PARTICLES)
_SURNAME = rf"(?:(?:{_PARTICLES})\s+)?{_CAPITALISED}"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|be|com|org|net|eu|info|io|me|nu|de|app)\b"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?\d{2}\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s./)-]{0,3}\d){7,11}(?![\d])"
)
POSTCODE = re.compile(r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b")
_SUFFIXES = "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True))
STREET = re.compile(
    rf"\b(?:{_CAPITALISED}\s)?([{_UPPER}a-z][{_LOWER}'’-]+?(?:{_SUFFIXES}))\b"
    r"(?:\s+\d{1,4}(?:\s?[a-zA-Z]\b)?)?"
)
HOUSE_NUMBER = re.compile(r"\b(?i:huisnummer|nummer|nr\.?|no\.?)\s*\d{1,4}(?:\s?[a-zA-Z]\b)?")
_TITLES = "|".join(re.escape(t) for t in sorted(NAME_TITLES, key=len, reverse=True))
TITLED_NAME = re.compile(rf"(?<![\w.])(?i:{_TITLES})\s+({_SURNAME}(?:\s+{_SURNAME})?)")
FIRST_NAME = re.compile(rf"\b({_CAPITALISED})((?:\s+{_SURNAME})?)")
INITIALS = re.compile(rf"\b(?:[{_UPPER}]\.\s?){{1,3}}\s*{_SURNAME}")
PARTICLE_NAME = re.compile(rf"(?<=[{_LOWER},]\s)(?:van der|van den|van)\s+{_CAPITALISED}")
AGE = re.compile(r"\b\d{1,3}\s*(?:jaar|jr\.?)(?=\W|$)|\b\d{1,3}-jarige?\b", re.IGNORECASE)
PLACE = re.compile(
    rf"\b(?:uit|in|te|bij|naar|rond|buiten|vlakbij)\s+({_CAPITALISED}(?:[- ]{_CAPITALISED})?)"
)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# Strong street endings are also recognised without a capital ("kerkstraat").
STRONG_SUFFIXES = ("straat", "laan", "gracht", "singel", "kade", "dreef", "steeg", "plein")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self):
        return KINDS[self.kind]


def _at_sentence_start(text, start):
    before = text[:start].rstrip(" \t\"'“‘(")
    return (
        not before or before[-1] in ".!?:\n" or bool(re.search(r"(^|\n)\s*([-*•>]|\d+\.)$", before))
    )


def _candidates(text):
    for kind, pattern in (("email", EMAIL), ("url", URL), ("handle", HANDLE)):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in ".,;:!?)":
                end -= 1
            yield kind, match.start(), end

    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 13:
            yield "phone", match.start(), match.end()

    for match in POSTCODE.finditer(text):
        if match.group()[-2:].upper() not in ("SA", "SD", "SS"):
            yield "postcode", match.start(), match.end()

    for match in STREET.finditer(text):
        word = match.group(1)
        lowered = word.lower()
        if lowered in NOT_STREETS or lowered in STREET_SUFFIXES:
            continue
        if word[0].islower() and not lowered.endswith(STRONG_SUFFIXES):
            continue
        yield "street", match.start(), match.end()

    for match in HOUSE_NUMBER.finditer(text):
        yield "house_number", match.start(), match.end()

    yield from _names(text)
    yield from _ages_with_places(text)


def _names(text):
    for match in TITLED_NAME.finditer(text):
        yield "name", match.start(1), match.end(1)
    for match in INITIALS.finditer(text):
        yield "name", match.start(), match.end()
    for match in PARTICLE_NAME.finditer(text):
        yield "name", match.start(), match.end()
    for match in FIRST_NAME.finditer(text):
        name = match.group(1)
        if name not in FIRST_NAMES:
            continue
        if name in AMBIGUOUS_NAMES and _at_sentence_start(text, match.start()):
            continue
        yield "name", match.start(), match.end()


def _ages_with_places(text):
    for sentence in SENTENCE.finditer(text):
        ages = list(AGE.finditer(sentence.group()))
        places = list(PLACE.finditer(sentence.group()))
        if not (ages and places):
            continue
        offset = sentence.start()
        for age in ages:
            yield "age_place", offset + age.start(), offset + age.end()
        for place in places:
            yield "age_place", offset + place.start(1), offset + place.end(1)


def find_identifying_details(text):
    """All hints in `text`, in reading order, without overlaps (the stronger hint wins)."""
    candidates = sorted(
        set(_candidates(text or "")), key=lambda c: (PRIORITY.index(c[0]), c[1], -(c[2] - c[1]))
    )
    taken = []
    for kind, start, end in candidates:
        if end <= start or any(start < t_end and t_start < end for _, t_start, t_end in taken):
            continue
        taken.append((kind, start, end))
    return [
        Finding(kind, start, end, text[start:end])
        for kind, start, end in sorted(taken, key=lambda c: c[1])
    ]


def segments(text, findings=None):
    """`text` cut into (part, finding-or-None) pairs, for templates that highlight hints."""
    text = text or ""
    findings = find_identifying_details(text) if findings is None else findings
    parts, position = [], 0
    for finding in findings:
        if finding.start > position:
            parts.append((text[position : finding.start], None))
        parts.append((finding.text, finding))
        position = finding.end
    if position < len(text):
        parts.append((text[position:], None))
    return parts
