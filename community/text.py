"""The one place where user text is made safe. Every app cleans user input through here.

bleach is the chosen sanitiser; keeping it behind these two functions lets it be swapped
(e.g. for nh3) in one place.
"""

import html
import re
import unicodedata

import bleach

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


def clean_html(value, tags=SAFE_TAGS):
    """Return `value` as HTML that only holds `tags`, without attributes; everything else goes."""
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value or ""))
    return bleach.clean(
        value,
        tags=set(tags),
        attributes={},
        protocols=set(),
        strip=True,
        strip_comments=True,
    ).strip()


def clean_text(value, max_length=None):
    """Return plain text: no markup, no control or bidi-override characters, tidy spaces.

    Markup is removed, not escaped, so the result is what a person meant to say; templates
    escape it again when they show it.
    """
    value = _CONTROL.sub("", unicodedata.normalize("NFC", value or ""))
    value = html.unescape(
        bleach.clean(value, tags=set(), attributes={}, strip=True, strip_comments=True)
    )
    value = _CONTROL.sub("", value)  # again: an entity such as &#8203; may have made one
    lines = [_SPACES.sub(" ", line).strip() for line in value.replace("\r\n", "\n").split("\n")]
    value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if max_length is not None:
        value = value[:max_length]
    return value
