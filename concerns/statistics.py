"""Weekly counts for editors. Nothing here can be tied to an address, a client or a signal."""

import datetime
from typing import Any

from django.db.models import F, Sum
from django.utils import timezone

from concerns.models import WeeklyTally

BANDS = ["none", "few", "many"]
# Answers to "have you done anything yet?" on a private link (concerns.links.DONE_ANSWERS).
DONE = ["talked", "advice", "reported", "not_yet"]
FIELDS = [
    "signals",
    "called",
    "withdrawn",
    *(f"band_{band}" for band in BANDS),
    "refused",
    *(f"did_{answer}" for answer in DONE),
]


def week_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def record(**counts: int) -> None:
    """Add to this week's counts, e.g. record(signals=1, band_few=1)."""
    unknown = set(counts) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown tally fields: {sorted(unknown)}")
    week = week_of(timezone.localdate())
    changes = {name: F(name) + amount for name, amount in counts.items()}
    if not WeeklyTally.objects.filter(week=week).update(**changes):
        WeeklyTally.objects.get_or_create(week=week)
        WeeklyTally.objects.filter(week=week).update(**changes)


def _share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _shares(counts: dict[str, int], names: list[str], prefix: str) -> dict[str, int | None]:
    whole = sum(counts[f"{prefix}{name}"] for name in names)
    return {name: _share(counts[f"{prefix}{name}"], whole) for name in names}


def _row(counts: dict[str, int]) -> dict[str, Any]:
    return {
        "signals": counts["signals"],
        "called": counts["called"],
        "called_share": _share(counts["called"], counts["signals"]),
        "withdrawn": counts["withdrawn"],
        "refused": counts["refused"],
        "bands": _shares(counts, BANDS, "band_"),
        "answers": sum(counts[f"did_{name}"] for name in DONE),
        "done": _shares(counts, DONE, "did_"),
    }


def summary(weeks: int = 26) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows for the admin view: per week, and the totals over every week kept."""
    rows = []
    for tally in WeeklyTally.objects.all()[:weeks]:
        rows.append({"week": tally.week, **_row({name: getattr(tally, name) for name in FIELDS})})
    totals = WeeklyTally.objects.aggregate(**{name: Sum(name) for name in FIELDS})
    return rows, _row({name: value or 0 for name, value in totals.items()})
