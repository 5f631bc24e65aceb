"""The tool's tunable numbers, each overridable in settings; the defaults are the safe choice."""

from django.conf import settings

DEFAULTS = {
    # A new signal starts counting for other neighbours only after this many hours (and then at
    # the next midnight), so nobody can tie a change in the band to a neighbour they just saw.
    "KRING_CONCERN_DELAY_HOURS": 24,
    # Distinct addresses one client may see a band for per day: with the proof-of-work check,
    # and without it (no JavaScript).
    "KRING_CONCERN_ADDRESSES_PER_DAY": 3,
    "KRING_CONCERN_ADDRESSES_PER_DAY_UNCHECKED": 1,
    # Signals without a proof-of-work the whole site accepts per hour.
    "KRING_CONCERN_UNCHECKED_PER_HOUR": 30,
    # More signals than this for one address on one day are a burst: that day's signals are
    # held out of the band.
    "KRING_CONCERN_BURST_LIMIT": 3,
    # How long a signal lives and counts.
    "KRING_CONCERN_RETENTION_DAYS": 365,
    # Proof-of-work: the highest counter a browser may have to try, and how long a challenge lives.
    "KRING_CONCERN_POW_MAX_NUMBER": 60_000,
    "KRING_CONCERN_POW_TTL": 20 * 60,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
