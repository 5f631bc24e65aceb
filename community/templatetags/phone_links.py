"""Tap-to-call links for the help numbers wherever they appear in text editors wrote."""

import re

from django import template
from django.utils.safestring import SafeString, mark_safe

from community.help import help_numbers

register = template.Library()

_TAG = re.compile(r"(<[^>]*>)")
_PHONE_FIELDS = ("emergency_phone", "veilig_thuis_phone")


def _number_pattern() -> re.Pattern[str] | None:
    numbers = {help_numbers().get(field, "").strip() for field in _PHONE_FIELDS}
    variants = set()
    for number in filter(None, numbers):
        variants |= {number, number.replace("-", " "), number.replace("-", "")}
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    # Not part of a longer number ("1120", "06-112233") or of a word.
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-]|[.,]?\d)")


def _link(match: re.Match[str]) -> str:
    number = match.group(1)
    return f'<a href="tel:{re.sub(r"[^0-9+]", "", number)}">{number}</a>'


@register.filter(is_safe=True)
def tel_links(html: str) -> SafeString:
    """Wrap 112 and the Veilig Thuis number in `tel:` links, outside existing links and tags.

    Applied to HTML that is already safe (rich text): only text between tags is touched, and
    the inserted markup holds digits only.
    """
    pattern = _number_pattern()
    if pattern is None:
        return mark_safe(html)  # noqa: S308 (input is rendered, already-safe rich text)
    parts, depth = [], 0
    for piece in _TAG.split(str(html)):
        if piece.startswith("<"):
            name = piece[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if piece[1:] else ""
            if name == "a":
                depth += -1 if piece.startswith("</") else 1
            parts.append(piece)
        elif depth > 0:
            parts.append(piece)
        else:
            parts.append(pattern.sub(_link, piece))
    return mark_safe("".join(parts))  # noqa: S308 (see docstring)
