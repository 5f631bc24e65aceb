"""Turning what an author typed into safe story HTML, and story HTML back into plain text.

Authors write plain text. Blank lines separate paragraphs; lines starting with "- " make a
list, "1. " a numbered list and "> " a quote; *word* is emphasis and **word** strong. Anything
that looks like HTML is shown as the characters the author typed, never as markup. The result
always ends with community.text.clean_html, so a mistake here cannot let markup through.
"""

import html
import math
import re
from html.parser import HTMLParser
from typing import Any

from community.text import clean_html

WORDS_PER_MINUTE = 200

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")
_QUOTE = re.compile(r"^\s*&gt;\s?(.*)$")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")


def _inline(line: str) -> str:
    line = _STRONG.sub(r"<strong>\1</strong>", line)
    return _EMPHASIS.sub(r"<em>\1</em>", line)


def _kind(line: str) -> tuple[str, str]:
    for kind, pattern in (("ul", _BULLET), ("ol", _NUMBERED), ("blockquote", _QUOTE)):
        match = pattern.match(line)
        if match:
            return kind, match.group(1)
    return "p", line


def _render_group(kind: str, lines: list[str]) -> str:
    if kind in ("ul", "ol"):
        items = "".join(f"<li>{_inline(line)}</li>" for line in lines)
        return f"<{kind}>{items}</{kind}>"
    inner = "<br>".join(_inline(line) for line in lines)
    if kind == "blockquote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    return f"<p>{inner}</p>"


def text_to_html(text: str | None) -> str:
    """Convert an author's plain text to the small HTML subset a story may hold."""
    text = html.escape((text or "").replace("\r\n", "\n").replace("\r", "\n"), quote=False)
    parts: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        groups: list[tuple[str, list[str]]] = []
        for line in block.split("\n"):
            if not line.strip():
                continue
            kind, content = _kind(line)
            content = content.strip()
            if groups and groups[-1][0] == kind:
                groups[-1][1].append(content)
            else:
                groups.append((kind, [content]))
        parts.extend(_render_group(kind, lines) for kind, lines in groups if any(lines))
    return clean_html("".join(parts))


# Emphasis comes back as the author typed it, so a diff shows formatting changes too.
_MARKERS = {"em": "*", "i": "*", "strong": "**", "b": "**"}


class _TextExtractor(HTMLParser):
    """Collect the text of story HTML as blocks: paragraphs, list items and quotes."""

    def __init__(self, markers: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.blocks: list[str] = []
        self.current: list[str] = []
        # [kind ("ul" or "ol"), items so far] of each open list
        self.lists: list[list[Any]] = []
        self.quote_depth = 0
        self.prefix = ""

    def _flush(self) -> None:
        text = re.sub(r"[ \t]+", " ", "".join(self.current)).strip()
        if text:
            quote = "> " * self.quote_depth if self.markers else ""
            prefix = self.prefix if self.markers or self.prefix[:1].isdigit() else "• "
            self.blocks.append(quote + (prefix if self.prefix else "") + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li", "blockquote", "ul", "ol", "h2", "h3", "h4", "div"):
            self._flush()
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li" and self.lists:
            self.lists[-1][1] += 1
            kind, number = self.lists[-1]
            self.prefix = "- " if kind == "ul" else f"{number}. "
        elif tag == "blockquote":
            self.quote_depth += 1
        elif tag == "br":
            self.current.append("\n" + ("> " * self.quote_depth if self.markers else ""))
        elif tag in _MARKERS and self.markers:
            self.current.append(_MARKERS[tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in _MARKERS:
            if self.markers:
                self.current.append(_MARKERS[tag])
        elif tag in ("p", "li", "h2", "h3", "h4", "div"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "blockquote":
            self._flush()
            self.quote_depth = max(0, self.quote_depth - 1)

    def handle_data(self, data: str) -> None:
        self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text(value: str | None, *, markers: bool = True) -> str:
    """Plain text of story HTML, one block per paragraph, list item or quote.

    With `markers`, the text is what the author would type to get this HTML (`*word*`, `- `,
    `> `); without, it reads as prose: no emphasis or quote markers, list items after "•".
    """
    parser = _TextExtractor(markers=markers)
    parser.feed(value or "")
    parser.close()
    lines: list[str] = []
    for index, block in enumerate(parser.blocks):
        is_item = re.match(r"^(> )*(- |• |\d+\. )", block)
        previous_item = index and re.match(r"^(> )*(- |• |\d+\. )", parser.blocks[index - 1])
        if lines and not (is_item and previous_item):
            lines.append("")
        lines.append(block)
    return "\n".join(lines)


def word_count(value: str | None) -> int:
    return len(re.findall(r"\w+", html_to_text(value)))


def reading_minutes(value: str | None) -> int:
    """Minutes an average reader needs, at least one."""
    return max(1, math.ceil(word_count(value) / WORDS_PER_MINUTE))
