"""Reading chat messages for words that call for care: help for the writer, or a moderator first.

The word lists live in the Wagtail setting "Live chat safety". Each process compiles them
once and looks again every WORDS_TTL seconds (at once after a save in the same process), so a
message costs a few regular-expression searches, not a database query.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from dataclasses import dataclass

from community.identifying import Finding, find_identifying_details
from community.identifying_words import PLATFORMS

WORDS_TTL = 30

# What holds a message when "hold contact details" is on: what could lead someone to a person
# or a house, including a profile ("insta @...", "facebook.com/..."). The same detector gives
# moderators their hints in stories (free service numbers such as Veilig Thuis' 0800-2000 and
# help sites such as veiligthuis.nl are not contact details to it, so people can share them).
# Names and place names are hints for stories only: a chat that could not say "Zwolle" or
# "Sanne" would hold half of what people write.
HOLD_KINDS = frozenset({"email", "url", "handle", "phone", "postcode", "street", "house_number"})


@dataclass(frozen=True)
class Verdict:
    watched: bool = False
    hold: bool = False


def fold(text: str) -> str:
    """Lower case without accents, so "Suïcide" matches "suicide" and the other way round."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def compile_phrases(lines: str) -> re.Pattern[str] | None:
    """One pattern for a list of phrases, each matched as whole words, spaces flexible."""
    phrases = [fold(line).strip() for line in lines.splitlines()]
    parts = [r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases if phrase]
    if not parts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


class _Lists:
    def __init__(self) -> None:
        self.lock = threading.RLock()  # loading may save the row, whose signal forgets
        self.loaded_at: float | None = None
        self.watched: re.Pattern[str] | None = None
        self.hold: re.Pattern[str] | None = None
        self.hold_contacts = True

    def forget(self) -> None:
        with self.lock:
            self.loaded_at = None

    def current(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, bool]:
        with self.lock:
            if self.loaded_at is None or time.monotonic() - self.loaded_at > WORDS_TTL:
                from live.models import LiveSafetySettings

                row = LiveSafetySettings.load()
                self.watched = compile_phrases(row.watched_phrases)
                self.hold = compile_phrases(row.hold_phrases)
                self.hold_contacts = row.hold_contact_details
                self.loaded_at = time.monotonic()
            return self.watched, self.hold, self.hold_contacts


_lists = _Lists()
forget = _lists.forget


def read(text: str) -> Verdict:
    """What a chat message calls for (runs in the database thread: it may load the lists)."""
    watched, hold, hold_contacts = _lists.current()
    folded = fold(text)
    return Verdict(
        watched=bool(watched and watched.search(folded)),
        hold=bool((hold and hold.search(folded)) or (hold_contacts and has_contact_details(text))),
    )


def has_contact_details(text: str) -> bool:
    return any(_holds(finding, text) for finding in find_identifying_details(text))


_PLATFORM_BEFORE = re.compile(
    r"(?i:" + "|".join(sorted(PLATFORMS, key=len, reverse=True)) + r")\W{0,3}$"
)


def _holds(finding: Finding, text: str) -> bool:
    """A handle holds when it looks like an account ("@janjansen1985", "insta @jan"); a plain
    "@Noor" is how people answer each other in a room."""
    if finding.kind != "handle":
        return finding.kind in HOLD_KINDS
    if re.search(r"[\d_.]", finding.text):
        return True
    before = text[max(0, finding.start - 14) : finding.start]
    return bool(_PLATFORM_BEFORE.search(before))
