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

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
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
    value = unicodedata.normalize("NFC", value or "")
    value = html.unescape(
        bleach.clean(value, tags=set(), attributes={}, strip=True, strip_comments=True)
    )
    value = _CONTROL.sub("", value)
    lines = [_SPACES.sub(" ", line).strip() for line in value.replace("\r\n", "\n").split("\n")]
    value = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if max_length is not None:
        value = value[:max_length]
    return value
