"""Signals and bands: the delay, the per-client limit, the burst hold, the private link, expiry.

Only keys reach this module, never a plain address. A client is community.clients.client_key:
a salted hash that lives in the cache for a day and is never stored with a signal.
"""

import contextlib
import datetime
import hashlib
import hmac
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from community.ratelimit import allow
from community.tokens import new_token, token_digest
from concerns import statistics
from concerns.conf import setting
from concerns.models import CalledMarker, Signal

DAY = 60 * 60 * 24
HOUR = 60 * 60

# The bands a neighbour may see. Never a number, never a date.
NONE, FEW, MANY, HELD = "none", "few", "many", "held"

# What happened to a submission.
SIGNALLED = "signalled"  # stored; the band is shown
REPEAT = "repeat"  # this client already signalled this address today: it counts once
LIMITED = "limited"  # this client saw enough addresses today: nothing stored or shown
BUSY = "busy"  # too many signals without the proof-of-work site-wide: nothing stored or shown


@dataclass
class Outcome:
    kind: str
    band: str | None = None
    token: str | None = None


def now():
    return timezone.now()


def today():
    return timezone.localdate(now())


def counts_from_for(moment):
    """The first whole day after the delay has passed: every row of a day shares it."""
    delay = datetime.timedelta(hours=setting("KRING_CONCERN_DELAY_HOURS"))
    return timezone.localdate(moment + delay) + datetime.timedelta(days=1)


def expiry_cutoff(day):
    """Signals whose counts_from is on or before this day have expired."""
    return day - datetime.timedelta(days=setting("KRING_CONCERN_RETENTION_DAYS"))


def band_for_count(count):
    if count == 0:
        return NONE
    return FEW if count < 3 else MANY


def current_band(address_key, *, exclude=None):
    """The band of other neighbours' signals that count now for this address.

    One query on the (address_key, counts_from, held) index, newest day first: today's signals
    (the only ones that can be a burst in progress) come first, and a bounded number of rows is
    enough to tell the band, so the cost does not grow with the number of stored signals.
    """
    day = today()
    burst_day = counts_from_for(now())
    rows = Signal.objects.filter(address_key=address_key, counts_from__gt=expiry_cutoff(day))
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    counting = 0
    for counts_from, held in rows.order_by("-counts_from").values_list("counts_from", "held")[:50]:
        if held and counts_from == burst_day:
            return HELD
        if not held and counts_from <= day:
            counting += 1
    return band_for_count(counting)


def _seen_marker(client, address_key):
    # One entry per (client, address) a day; it cannot be listed per client or turned back
    # into an address without both the client's key and the address key.
    digest = hmac.new(client.encode(), address_key.encode(), hashlib.sha256).hexdigest()[:40]
    return f"concerns:seen:{digest}"


def _addresses_key(client):
    return f"concerns:addresses:{client}"


def _allow_new_address(client, *, checked):
    name = "KRING_CONCERN_ADDRESSES_PER_DAY" + ("" if checked else "_UNCHECKED")
    return allow(_addresses_key(client), setting(name), DAY)


def _give_back_address(client):
    """Undo one count of _allow_new_address, when nothing was shown after all."""
    # community.ratelimit keeps each count under "ratelimit:<key>"; it may have expired already.
    with contextlib.suppress(ValueError):
        cache.decr(f"ratelimit:{_addresses_key(client)}")


def submit_signal(address_key, client, *, checked):
    """Store a neighbour's signal, if the limits allow, and say which band they may see.

    `checked` says whether the proof-of-work was solved; without it the limits are stricter.
    """
    marker = _seen_marker(client, address_key)
    if cache.get(marker):
        return Outcome(REPEAT, band=current_band(address_key))
    if not _allow_new_address(client, checked=checked):
        statistics.record(refused=1)
        return Outcome(LIMITED)
    if not checked and not allow(
        "concerns:unchecked", setting("KRING_CONCERN_UNCHECKED_PER_HOUR"), HOUR
    ):
        # Nothing was stored or shown, so "try again later" must not cost the day's address.
        _give_back_address(client)
        statistics.record(refused=1)
        return Outcome(BUSY)

    token, digest = new_token()
    day = counts_from_for(now())
    with transaction.atomic():
        signal = Signal.objects.create(
            address_key=address_key, counts_from=day, token_digest=digest
        )
        same_day = Signal.objects.filter(address_key=address_key, counts_from=day)
        if same_day.count() > setting("KRING_CONCERN_BURST_LIMIT"):
            # A burst: hold the whole day's signals, the first ones too, and show no band.
            same_day.update(held=True)
        band = current_band(address_key, exclude=signal.pk)
        statistics.record(signals=1, **{f"band_{band}": 1})
    cache.set(marker, 1, DAY)
    return Outcome(SIGNALLED, band=band, token=token)


def find_signal(token):
    """The live signal behind a private link, or None (unknown, withdrawn or expired)."""
    if not token or len(token) > 100:
        return None
    return Signal.objects.filter(
        token_digest=token_digest(token), counts_from__gt=expiry_cutoff(today())
    ).first()


def band_for_link(signal, client):
    """The current band for the holder of a private link; the per-client limit applies."""
    marker = _seen_marker(client, signal.address_key)
    if not cache.get(marker):
        if not _allow_new_address(client, checked=True):
            return LIMITED
        cache.set(marker, 1, DAY)
    return current_band(signal.address_key, exclude=signal.pk)


def say_called(token):
    """Count "I called Veilig Thuis" once per private link, only in the weekly aggregate."""
    digest = hashlib.sha256(f"called:{token}".encode()).hexdigest()
    _, created = CalledMarker.objects.get_or_create(
        digest=digest, defaults={"week": statistics.week_of(today())}
    )
    if created:
        statistics.record(called=1)
    return created


def withdraw(signal, client):
    """Delete the signal for good; the same client may then signal this address again."""
    cache.delete(_seen_marker(client, signal.address_key))
    signal.delete()
    statistics.record(withdrawn=1)


def purge():
    """Delete expired signals and called-markers; return how many signals went."""
    cutoff = expiry_cutoff(today())
    deleted, _ = Signal.objects.filter(counts_from__lte=cutoff).delete()
    CalledMarker.objects.filter(week__lte=cutoff).delete()
    return deleted
