"""The weekly freeze: one release per Monday, made on first use and never changed after.

Pages, downloads and snapshots read a release; none of them counts anything itself. See
``figures.aggregation`` for why figures are frozen and when story figures may move.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from figures import conf, sources
from figures.aggregation import enough_changed
from figures.models import FigureRelease
from figures.tables import STORY_TABLES, Table, series_table, statements_table, story_tables


def week_start(moment: datetime.datetime) -> datetime.date:
    """The Monday (local time) of the week ``moment`` falls in: the freeze date."""
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def current_release(moment: datetime.datetime | None = None) -> FigureRelease:
    """The release for this week, made now if this is the first look since Monday."""
    week = week_start(moment or conf.now())
    # The story versions (one entry per story) are only needed once a week, to compare.
    latest = FigureRelease.objects.defer("story_versions").filter(week__lte=week).first()
    if latest is not None and latest.week == week:
        return latest
    # Making a release reads every published story: one request does it, the others keep
    # showing last week's figures for those few seconds instead of all doing the same work.
    lock = f"figures:making:{week}"
    if latest is not None and not cache.add(lock, True, timeout=120):
        return latest
    try:
        with transaction.atomic():
            return make_release(week, latest)
    except IntegrityError:
        # Another request made this week's release at the same moment.
        return FigureRelease.objects.get(week=week)
    finally:
        cache.delete(lock)


def make_release(week: datetime.date, latest: FigureRelease | None) -> FigureRelease:
    cutoff = _midnight(week)
    facts = sources.published_story_facts(cutoff)
    versions = {pk: fact["version"] for pk, fact in facts.items()}
    earlier = FigureRelease.objects.filter(week__lt=week).values_list("story_versions", flat=True)
    tables: dict[str, Any]
    if latest is not None and (
        versions == latest.story_versions or not enough_changed(versions, earlier)
    ):
        # Too few stories changed since some release: the story figures stay as they were.
        stories_as_of, versions = latest.stories_as_of, latest.story_versions
        tables = {key: latest.tables[key] for key in STORY_TABLES}
    else:
        if latest is None and not enough_changed(versions, []):
            facts, versions, stories_as_of = {}, {}, None
        else:
            stories_as_of = week
        tables = {
            table.key: table.to_json() for table in story_tables(facts.values(), sources.themes())
        }
    previous = latest.tables if latest is not None else {}
    for table in _history_tables(week, cutoff):
        tables[table.key] = _carry_forward(previous.get(table.key), table).to_json()
    return FigureRelease.objects.create(
        week=week, stories_as_of=stories_as_of, story_versions=versions, tables=tables
    )


def _history_tables(week: datetime.date, cutoff: datetime.datetime) -> list[Table]:
    weeks = sources.concern_weeks(week)
    months = sources.attendance_months(week)
    statements = sources.statement_results(cutoff)
    return [
        series_table(
            "signals",
            "week",
            [(day.isoformat(), "") for day, *_counts in weeks],
            ["signals", "called", "stepped"],
            [list(counts) for _day, *counts in weeks],
        ),
        series_table(
            "attendance",
            "month",
            [(month, "") for month, _count in months],
            ["attendees"],
            [[count] for _month, count in months],
        ),
        statements_table(
            [(key, text, link) for key, text, link, _votes in statements],
            [votes for _k, _t, _l, votes in statements],
        ),
    ]


def _carry_forward(previous: dict[str, Any] | None, table: Table) -> Table:
    """Keep rows an earlier release published as they were; add the new ones.

    Registrations are deleted after their session and tallies may be purged, so a month or a
    week, once published, keeps its figure instead of shrinking as the data behind it goes.
    """
    if not previous:
        return table
    old = Table.from_json(previous)
    if old.columns != table.columns:
        # A release made before a measure was added: its rows cannot stand beside the new ones.
        return table
    rows = dict(zip(old.rows, old.values.cells, strict=True))
    totals = dict(zip(old.rows, old.values.row_totals or [None] * len(old.rows), strict=True))
    known = {key for key, _label in old.rows}
    new_totals = table.values.row_totals or [None] * len(table.rows)
    for row, cells, total in zip(table.rows, table.values.cells, new_totals, strict=True):
        if row[0] not in known:
            rows[row] = cells
            totals[row] = total
    ordered = (
        sorted(rows, key=lambda row: row[0]) if table.row_dimension != "statement" else list(rows)
    )
    table.rows = ordered
    table.values.cells = [rows[row] for row in ordered]
    if table.values.row_totals is not None:
        table.values.row_totals = [totals[row] for row in ordered]
    if old.links:
        table.links = {**old.links, **(table.links or {})}
    return table
