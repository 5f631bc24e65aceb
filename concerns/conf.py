"""The tool's tunable numbers, each overridable in settings; the defaults are the safe choice.

One typed function per setting, read on each call so tests and deployments can change them.
The reasoning behind each number is in THREAT_MODEL.md.
"""

from django.conf import settings


def _int(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def delay_days() -> tuple[int, int]:
    """A new signal counts for others from a day drawn at random in this range after it was
    sent (both ends included), so a change in the band cannot be tied to a day or a visit."""
    low = _int("KRING_CONCERN_DELAY_MIN_DAYS", 2)
    high = _int("KRING_CONCERN_DELAY_MAX_DAYS", 4)
    return max(low, 1), max(high, low, 1)


def addresses_per_day(*, checked: bool) -> int:
    """Distinct addresses one client may see a band for (or withdraw a signal of) per day,
    with the proof-of-work solved and without it (no JavaScript)."""
    if checked:
        return _int("KRING_CONCERN_ADDRESSES_PER_DAY", 3)
    return _int("KRING_CONCERN_ADDRESSES_PER_DAY_UNCHECKED", 1)


def unchecked_per_hour() -> int:
    """Signals without a proof-of-work the whole site accepts per hour."""
    return _int("KRING_CONCERN_UNCHECKED_PER_HOUR", 30)


def checked_per_hour() -> int:
    """Signals with a proof-of-work the whole site accepts per hour: a ceiling for a scraper
    with many addresses. Beyond it nothing is stored or shown, but the signposting is."""
    return _int("KRING_CONCERN_CHECKED_PER_HOUR", 300)


def per_day_weight() -> int:
    """Signals about one address sent on one day count at most this many times: a burst from
    one party adds at most this much, and can never take anything away."""
    return max(_int("KRING_CONCERN_BURST_LIMIT", 2), 1)


def retention_days() -> int:
    """How long a signal lives and counts."""
    return _int("KRING_CONCERN_RETENTION_DAYS", 365)


def v6_prefix() -> int:
    """IPv6 clients are counted per network of this size: a home connection may get a /48."""
    return _int("KRING_CONCERN_V6_PREFIX", 48)


def pow_cost() -> int:
    """PBKDF2-SHA-256 iterations per try of the proof-of-work."""
    return max(_int("KRING_CONCERN_POW_COST", 5_000), 1)


def pow_max_number() -> int:
    """The highest number of tries a browser may need (it needs 10-100 % of it)."""
    return max(_int("KRING_CONCERN_POW_MAX_NUMBER", 500), 10)


def pow_ttl() -> int:
    """Seconds a challenge stays valid."""
    return _int("KRING_CONCERN_POW_TTL", 20 * 60)
