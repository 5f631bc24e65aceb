"""The private link: finding its signal, and what its holder may say once per link.

"I called Veilig Thuis" and the answer to "have you done anything yet?" are counted only in the
weekly tally. A LinkMarker (a hash of the token for that purpose, no foreign key) only stops one
link counting twice; no row says that a neighbour of a given address called or acted.
"""

import hashlib

from community.tokens import token_digest
from concerns import statistics
from concerns.models import LinkMarker, Signal
from concerns.signals_service import expiry_cutoff, today

# What someone may answer to "have you done anything yet?", in the order shown.
DONE_ANSWERS = ("talked", "advice", "reported", "not_yet")


def find_signal(token: str) -> Signal | None:
    """The live signal behind a private link, or None (unknown, withdrawn or expired)."""
    if not token or len(token) > 100:
        return None
    return Signal.objects.filter(
        token_digest=token_digest(token), counts_from__gt=expiry_cutoff(today())
    ).first()


def _mark(purpose: str, token: str) -> bool:
    """Set this link's marker for `purpose`; True the first time only."""
    digest = hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()
    _, created = LinkMarker.objects.get_or_create(
        digest=digest, defaults={"week": statistics.week_of(today())}
    )
    return created


def _marked(purpose: str, token: str) -> bool:
    digest = hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()
    return LinkMarker.objects.filter(digest=digest).exists()


def came_back(token: str) -> bool:
    """Record a visit of the link; True from its second visit on."""
    return not _mark("visited", token)


def answered(token: str) -> bool:
    return _marked("done", token)


def say_called(token: str) -> bool:
    """Count "I called Veilig Thuis" once per private link, only in the weekly aggregate."""
    created = _mark("called", token)
    if created:
        statistics.record(called=1)
    return created


def say_done(token: str, answer: str) -> bool:
    """Count the answer to "have you done anything yet?" once per link, only in the tally."""
    if answer not in DONE_ANSWERS:
        raise ValueError(answer)
    created = _mark("done", token)
    if created:
        statistics.record(**{f"did_{answer}": 1})
    return created
