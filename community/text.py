"""The one place where user text is made safe. Every app cleans user input through here.

The sanitiser is nh3 (Python bindings to ammonia, a Rust HTML sanitiser with an allowlist
parser built on html5ever). It replaced bleach, whose maintainers stopped maintaining it, with
the same allowlist; keeping it behind these two functions keeps such a swap in one place.
"""

import html
import re
import unicodedata

import nh3

# Formatting a story or a message may keep: paragraphs, emphasis, lists and quotes.
# No links, no images, no attributes at all.
SAFE_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "blockquote"})

# Control characters (but tab and line breaks) and every invisible "format" character (Unicode
# category Cf: zero-width spaces and joiners, soft hyphens, bidi overrides, tag characters).
# Invisible characters have no place in a message; left in, they would let "06\u20601234…"
# pass for something other than a phone number, or turn text around on screen.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f"
    "\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_SPACES = re.compile(r"[ \t]+")


def _sanitise(value: str, tags: frozenset[str]) -> str:
    # Other tags are dropped and their text kept, except script and style, whose content goes
    # too; no attribute, no URL scheme and no comment survives.
    return nh3.clean(
        value,
        tags=set(tags),
        attributes={},
        url_schemes=set(),
        strip_comments=True,
        link_rel=None,
    )


def clean_html(value: str | None, tags: frozenset[str] = SAFE_TAGS) -> str:
    """Return `value` as HTML that only holds `tags`, without attributes; everything else goes."""
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value or ""))
    return _sanitise(value, tags).strip()


def clean_text(value: str | None, max_length: int | None = None) -> str:
    """Return plain text: no markup, no control or bidi-override characters, tidy spaces.

    Markup is removed, not escaped, so the result is what a person meant to say; templates
    escape it again when they show it.
    """
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value or ""))
    value = html.unescape(_sanitise(value, frozenset()))
    value = _CONTROL.sub("", value)  # again: an entity such as &#8203; may have made one
    lines = [_SPACES.sub(" ", line).strip() for line in value.replace("\r\n", "\n").split("\n")]
    value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if max_length is not None:
        value = value[:max_length]
    return value
