"""Hints for moderators: details in a story that could identify the author or someone else.

Names, street names and house numbers, phone numbers, e-mail and web addresses, postcodes,
social media names, Dutch place names, and an age together with a place. The hints are
generous on purpose: a moderator glances past a false alarm, but a missed address can put
someone in danger. Live chat holds a message with contact details (live/safety.py), so those
patterns also read what people type quickly: lower case, spaces or none, abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from community.identifying_words import (
    AMBIGUOUS_NAMES,
    AMBIGUOUS_PLACES,
    FIRST_NAMES,
    NAME_TITLES,
    NOT_POSTCODE_LETTERS,
    NOT_STREETS,
    PLATFORMS,
    SERVICE_DOMAINS,
    STREET_ABBREVIATIONS,
    STREET_SUFFIXES,
    SURNAME_PARTICLES,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PLACES_FILE = Path(__file__).parent / "data" / "places_nl.txt"

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
    "place": _("place name"),
}
# When two hints overlap, the one earlier in this list wins.
PRIORITY = list(KINDS)

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’-]+"
_PARTICLES = "|".join(re.escape(p) for p in SURNAME_PARTICLES)
_SURNAME = rf"(?:(?:{_PARTICLES})\s+)?{_CAPITALISED}"

EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # Written around a filter: "jan (at) gmail punt com", "jan [at] gmail.com".
    r"|[\w.+-]+\s*[(\[{]\s*(?i:at|apenstaartje)\s*[)\]}]\s*[\w-]+"
    r"(?:\s*(?:\.|\s(?i:punt|dot)\s|[(\[{]\s*(?i:punt|dot)\s*[)\]}])\s*[\w-]+)+"
)
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|be|com|org|net|eu|info|io|me|nu|de|app)\b"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@.])@\s?[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PLATFORMS = "|".join(sorted(PLATFORMS, key=len, reverse=True))
# "insta janjansen1985", "snap: jan_j": a name with a digit, "_" or "." after a platform.
PLATFORM_HANDLE = re.compile(
    rf"\b(?i:{_PLATFORMS})\s*[:=-]?\s*"
    r"([A-Za-z0-9_.]*(?:\d|_|\.[A-Za-z0-9])[A-Za-z0-9_.]*[A-Za-z0-9_])"
)
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?\d{2}\s?(?:\(0\)\s?)?|\(?0[\s.-]?)\d(?:[\s./)-]{0,3}\d){7,11}"
    r"(?![\d])"
)
# Any case, with a space, several or none: "3511 AB", "3511ab", "3511 ab", "3511  Ab".
POSTCODE = re.compile(r"(?<![\w.,])[1-9]\d{3}(\s*)([A-Za-z]{2})\b")
_SUFFIXES = "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True))
# A house number may be glued on: "Marktstraat12".
STREET = re.compile(
    rf"\b(?:{_CAPITALISED}\s)?([{_UPPER}a-z][{_LOWER}'’-]+?(?:{_SUFFIXES}))(?![{_LOWER}])"
    r"(?:\s*\d{1,4}(?:\s?[a-zA-Z]\b)?)?"
)
_ABBREVIATIONS = "|".join(sorted(STREET_ABBREVIATIONS, key=len, reverse=True))
# "Kerkstr. 12", "kerkstr 12", "Dorpsln.4": an abbreviated street with a dot or a number.
STREET_ABBREVIATED = re.compile(
    rf"\b[{_UPPER}{_LOWER}][{_LOWER}]+?(?:{_ABBREVIATIONS})(?:\.\s*\d{{1,4}}|\s*\d{{1,4}}|\.(?=\s|$))"
    r"(?:\s?[a-zA-Z]\b)?"
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
    def label(self) -> StrOrPromise:
        return KINDS[self.kind]


# A hint before it becomes a Finding: its kind and where it starts and ends in the text.
Span = tuple[str, int, int]


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return (
        not before or before[-1] in ".!?:\n" or bool(re.search(r"(^|\n)\s*([-*•>]|\d+\.)$", before))
    )


def _candidates(text: str) -> Iterator[Span]:
    for kind, pattern in (("email", EMAIL), ("url", URL), ("handle", HANDLE)):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in ".,;:!?)":
                end -= 1
            if kind == "url" and _is_service(text[match.start() : end]):
                continue
            yield kind, match.start(), end
    for match in PLATFORM_HANDLE.finditer(text):
        yield "handle", match.start(1), match.end(1)

    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 13:
            yield "phone", match.start(), match.end()

    for match in POSTCODE.finditer(text):
        space, letters = match.groups()
        if letters.upper() in ("SA", "SD", "SS"):
            continue
        # "in 2019 is", "1985 en": a number followed by a short word, not a postcode.
        if space and not letters.isupper() and letters.lower() in NOT_POSTCODE_LETTERS:
            continue
        yield "postcode", match.start(), match.end()

    for match in STREET.finditer(text):
        word = match.group(1)
        lowered = word.lower()
        if lowered in NOT_STREETS or lowered in STREET_SUFFIXES:
            continue
        numbered = any(char.isdigit() for char in match.group())
        if word[0].islower() and not (lowered.endswith(STRONG_SUFFIXES) or numbered):
            continue
        yield "street", match.start(), match.end()

    for match in STREET_ABBREVIATED.finditer(text):
        yield "street", match.start(), match.end()

    for match in HOUSE_NUMBER.finditer(text):
        yield "house_number", match.start(), match.end()

    yield from _names(text)
    yield from _ages_with_places(text)
    yield from _places(text)


def _is_service(url: str) -> bool:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/", 1)[0]
    return host in SERVICE_DOMAINS


@cache
def _place_pattern() -> re.Pattern[str]:
    lines = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    names = sorted(
        {line.strip() for line in lines if line.strip() and not line.startswith("#")},
        key=len,
        reverse=True,
    )
    words = "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", n))) for n in names)
    return re.compile(rf"(?<![\w'’-])(?i:{words})(?![\w'’-])")


@cache
def _place_names() -> dict[str, str]:
    lines = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    return {line.strip().casefold(): line.strip() for line in lines if not line.startswith("#")}


def _places(text: str) -> Iterator[tuple[str, int, int]]:
    """Dutch municipalities and towns. Lower case counts too ("ik woon in zwolle"), except for
    names that are also ordinary words, which need a capital and a place mid-sentence."""
    for match in _place_pattern().finditer(text):
        written = match.group()
        name = _place_names().get(re.sub(r"[\s-]+", " ", written).casefold())
        name = name or _place_names().get(written.casefold(), written)
        if name in AMBIGUOUS_PLACES and (
            not written[0].isupper() or _at_sentence_start(text, match.start())
        ):
            continue
        yield "place", match.start(), match.end()


def _names(text: str) -> Iterator[Span]:
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


def _ages_with_places(text: str) -> Iterator[Span]:
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


def find_identifying_details(text: str | None) -> list[Finding]:
    """All hints in `text`, in reading order, without overlaps (the stronger hint wins)."""
    text = text or ""
    candidates = sorted(
        set(_candidates(text)), key=lambda c: (PRIORITY.index(c[0]), c[1], -(c[2] - c[1]))
    )
    taken: list[Span] = []
    for kind, start, end in candidates:
        if end <= start or any(start < t_end and t_start < end for _, t_start, t_end in taken):
            continue
        taken.append((kind, start, end))
    return [
        Finding(kind, start, end, text[start:end])
        for kind, start, end in sorted(taken, key=lambda c: c[1])
    ]


def segments(
    text: str | None, findings: list[Finding] | None = None
) -> list[tuple[str, Finding | None]]:
    """`text` cut into (part, finding-or-None) pairs, for templates that highlight hints."""
    text = text or ""
    findings = find_identifying_details(text) if findings is None else findings
    parts: list[tuple[str, Finding | None]] = []
    position = 0
    for finding in findings:
        if finding.start > position:
            parts.append((text[position : finding.start], None))
        parts.append((finding.text, finding))
        position = finding.end
    if position < len(text):
        parts.append((text[position:], None))
    return parts
