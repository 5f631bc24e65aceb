"""A word-by-word comparison of the author's version with the moderators' version."""

import re
from difflib import SequenceMatcher

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


Piece = tuple[str, str]


def diff_words(old: str | None, new: str | None) -> list[Piece]:
    """[(op, text)] with op "equal", "delete" or "insert", adjacent pieces of one kind merged."""
    old_tokens, new_tokens = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    pieces: list[Piece] = []
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        if removed:
            pieces.append(("delete", "".join(removed)))
        if added:
            pieces.append(("insert", "".join(added)))
        removed.clear()
        added.clear()

    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        old_part, new_part = "".join(old_tokens[i1:i2]), "".join(new_tokens[j1:j2])
        between_changes = 0 < index < len(opcodes) - 1
        if tag == "equal" and (re.search(r"\w", old_part) or not between_changes):
            flush()
            pieces.append(("equal", old_part))
        else:
            # A change, or only spaces and punctuation between two changes: one readable block.
            removed.append(old_part)
            added.append(new_part)
    flush()
    return [(op, text) for op, text in pieces if text]


def has_changes(pieces: list[Piece]) -> bool:
    return any(op != "equal" for op, _ in pieces)
