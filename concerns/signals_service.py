"""Signals and bands: the random delay, the per-day weight, per-client limits, expiry.

Only keys reach this module, never a plain address. A client is community.clients.client_key:
a salted hash that lives in the cache for a day and is never stored with a signal. What a
visitor sees depends only on signals that count already; signals that do not count yet are
never read for an answer (THREAT_MODEL.md, "the resident").
"""

import datetime
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.crypto import salted_hmac

from community.ratelimit import allow, give_back
from community.tokens import new_token
from concerns import conf, statistics
from concerns.models import LinkMarker, Signal

DAY = 60 * 60 * 24
HOUR = 60 * 60

# The bands a neighbour may see. Never a number, never a date.
NONE, FEW, MANY = "none", "few", "many"
# What a private link shows instead of a band when its client saw enough addresses today.
LIMITED = "limited"

# What happened to a submission.
SIGNALLED = "signalled"  # stored; the band is shown
REPEAT = "repeat"  # this client already signalled (or looked at) this address today
# LIMITED: this client saw enough addresses today: nothing stored or shown
BUSY = "busy"  # the site-wide budget for this hour is used up: nothing stored or shown


@dataclass
class Outcome:
    kind: str
    band: str | None = None
    token: str | None = None


def now() -> datetime.datetime:
    return timezone.now()


def today() -> datetime.date:
    return timezone.localdate(now())


def draw_counts_from(day: datetime.date) -> datetime.date:
    """A day drawn at random in the delay window: every signal waits its own while."""
    low, high = conf.delay_days()
    return day + datetime.timedelta(days=low + secrets.randbelow(high - low + 1))


def expiry_cutoff(day: datetime.date) -> datetime.date:
    """Signals whose counts_from is on or before this day have expired.

    A row does not say when it was sent, only that it was sent at most the longest delay
    before its counts_from; so it expires that much earlier, within twelve months of sending.
    """
    _, longest_delay = conf.delay_days()
    return day - datetime.timedelta(days=conf.retention_days() - longest_delay)


def band_for_count(count: int) -> str:
    if count == 0:
        return NONE
    return FEW if count < 3 else MANY


def current_band(address_key: str, *, exclude: uuid.UUID | None = None) -> str:
    """The band of other neighbours' signals that count today for this address.

    Only rows whose day has come are read. The signals of one address sent on one day share a
    batch, and a batch counts at most `per_day_weight` times: a burst adds little and can
    never take away what others signalled. One grouped query on the
    (address_key, counts_from, batch) index: its cost follows the signals of this address, not
    the size of the table.
    """
    day = today()
    rows = Signal.objects.filter(
        address_key=address_key, counts_from__gt=expiry_cutoff(day), counts_from__lte=day
    )
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    weight = conf.per_day_weight()
    batches = rows.order_by().values("batch").annotate(n=Count("batch"))
    return band_for_count(sum(min(row["n"], weight) for row in batches))


def _secret(purpose: str) -> bytes:
    return salted_hmac("concerns.cache", purpose, algorithm="sha256").digest()


def _digest(purpose: str, *parts: object) -> str:
    message = "|".join(str(part) for part in parts).encode()
    return hmac.new(_secret(purpose), message, hashlib.sha256).hexdigest()[:40]


def _seen_key(client: str, address_key: str, day: datetime.date) -> str:
    # One entry per (client, address, day); it cannot be listed per client or turned back into
    # an address without the client's key, the address key and the site's secret.
    return f"concerns:seen:{_digest('seen', client, address_key, day)}"


def _addresses_key(client: str, day: datetime.date) -> str:
    return f"concerns:addresses:{day.isoformat()}:{client}"


def _spend_address(client: str, day: datetime.date, *, checked: bool) -> bool:
    """Count one address against the client's day; False when the day's addresses are spent."""
    # community.ratelimit is not typed yet: bool() states what allow() returns.
    return bool(allow(_addresses_key(client, day), conf.addresses_per_day(checked=checked), DAY))


def _batch(address_key: str, day: datetime.date) -> int:
    """The random batch of this address's signals sent today, the same for all of them."""
    key = f"concerns:batch:{_digest('batch', address_key, day)}"
    cache.add(key, secrets.randbelow(2**31 - 1) + 1, 2 * DAY)
    # If the cache lost it in between, this signal is a batch of its own: it still counts.
    return cache.get(key) or secrets.randbelow(2**31 - 1) + 1


def _sitewide_budget(*, checked: bool) -> bool:
    if checked:
        return bool(allow("concerns:checked", conf.checked_per_hour(), HOUR))
    return bool(allow("concerns:unchecked", conf.unchecked_per_hour(), HOUR))


def submit_signal(address_key: str, client: str, *, checked: bool) -> Outcome:
    """Store a neighbour's signal, if the limits allow, and say which band they may see.

    `checked` says whether the proof-of-work was solved; without it the limits are stricter.
    The (client, address) marker is taken atomically before anything else, so parallel posts
    from one client store one signal; it is given back when nothing was shown after all.
    """
    day = today()
    marker = _seen_key(client, address_key, day)
    if not cache.add(marker, 1, DAY):
        return Outcome(REPEAT, band=current_band(address_key))
    if not _spend_address(client, day, checked=checked):
        cache.delete(marker)
        statistics.record(refused=1)
        return Outcome(LIMITED)
    if not _sitewide_budget(checked=checked):
        # Nothing is stored or shown, so "try again later" must not cost the day's address.
        give_back(_addresses_key(client, day))
        cache.delete(marker)
        statistics.record(refused=1)
        return Outcome(BUSY)

    token, digest = new_token()
    try:
        with transaction.atomic():
            Signal.objects.create(
                address_key=address_key,
                counts_from=draw_counts_from(day),
                batch=_batch(address_key, day),
                token_digest=digest,
            )
            # The new signal does not count yet, so it is not among the others.
            band = current_band(address_key)
            statistics.record(signals=1, **{f"band_{band}": 1})
    except BaseException:
        give_back(_addresses_key(client, day))
        cache.delete(marker)
        raise
    return Outcome(SIGNALLED, band=band, token=token)


def _link_day_key(signal: Signal, day: datetime.date) -> str:
    return f"concerns:link:{_digest('link', signal.token_digest, day)}"


def band_for_link(signal: Signal, client: str) -> str:
    """The band for the holder of a private link: one answer per link per day.

    The first visit of a day spends one of the client's addresses for the day (unless it
    already signalled or looked at this address today) and fixes the day's answer; every later
    visit that day gets the same answer, whatever happened in between.
    """
    day = today()
    memo = _link_day_key(signal, day)
    shown: str | None = cache.get(memo)
    if shown:
        return shown
    marker = _seen_key(client, signal.address_key, day)
    if cache.add(marker, 1, DAY) and not _spend_address(client, day, checked=True):
        cache.delete(marker)
        return LIMITED
    band = current_band(signal.address_key, exclude=signal.pk)
    cache.add(memo, band, DAY)
    return cache.get(memo) or band


def withdraw(signal: Signal, client: str) -> None:
    """Delete the signal for good. It spends one of the client's addresses for the day, and the
    same client cannot signal this address again that day, so withdrawing and signalling again
    is no way to probe."""
    day = today()
    cache.add(_seen_key(client, signal.address_key, day), 1, DAY)
    # Spent even past the limit: withdrawing always works.
    _spend_address(client, day, checked=True)
    signal.delete()
    statistics.record(withdrawn=1)


def purge() -> int:
    """Delete expired signals and link markers; return how many signals went."""
    cutoff = expiry_cutoff(today())
    deleted, _ = Signal.objects.filter(counts_from__lte=cutoff).delete()
    LinkMarker.objects.filter(week__lte=cutoff).delete()
    return deleted
