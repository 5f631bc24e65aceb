"""Weekly counts for editors. Nothing here can be tied to an address, a client or a signal."""

import datetime

from django.db.models import F, Sum
from django.utils import timezone

from concerns.models import WeeklyTally

BANDS = ["none", "few", "many", "held"]
FIELDS = ["signals", "called", "withdrawn", *(f"band_{band}" for band in BANDS), "refused"]


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def record(**counts):
    """Add to this week's counts, e.g. record(signals=1, band_few=1)."""
    unknown = set(counts) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown tally fields: {sorted(unknown)}")
    week = week_of(timezone.localdate())
    changes = {name: F(name) + amount for name, amount in counts.items()}
    if not WeeklyTally.objects.filter(week=week).update(**changes):
        WeeklyTally.objects.get_or_create(week=week)
        WeeklyTally.objects.filter(week=week).update(**changes)


def _share(part, whole):
    return round(100 * part / whole) if whole else None


def summary(weeks=26):
    """Rows for the admin view: per week, and the totals over every week kept."""
    rows = []
    for tally in WeeklyTally.objects.all()[:weeks]:
        shown = tally.band_none + tally.band_few + tally.band_many + tally.band_held
        rows.append(
            {
                "week": tally.week,
                "signals": tally.signals,
                "called": tally.called,
                "called_share": _share(tally.called, tally.signals),
                "withdrawn": tally.withdrawn,
                "refused": tally.refused,
                "bands": {name: _share(getattr(tally, f"band_{name}"), shown) for name in BANDS},
            }
        )
    totals = WeeklyTally.objects.aggregate(**{name: Sum(name) for name in FIELDS})
    totals = {name: value or 0 for name, value in totals.items()}
    shown = sum(totals[f"band_{name}"] for name in BANDS)
    totals["called_share"] = _share(totals["called"], totals["signals"])
    totals["bands"] = {name: _share(totals[f"band_{name}"], shown) for name in BANDS}
    return rows, totals
