"""Where the raw counts come from: the only module that reads other apps' data.

Each function returns raw counts for ``figures.tables`` to protect; nothing here is shown as
it is. The concern tool is read through its weekly aggregate alone (``WeeklyTally``), in one
function, so changes to that tool's internals touch one place here and never reach a signal,
an address key or a link.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from figures.tables import StoryFacts
from stories.experience import StoryExperience
from stories.models import StoryPage, Theme


def published_story_facts(cutoff: datetime.datetime) -> dict[str, StoryFacts]:
    """Stories published before ``cutoff`` and still published now, keyed by page id."""
    stories = StoryPage.objects.visible().filter(first_published_at__lt=cutoff)
    ids = list(stories.values_list("pk", flat=True))
    facts: dict[str, StoryFacts] = {
        str(pk): {"version": 0, "answers": None, "themes": []} for pk in ids
    }
    through = StoryPage.themes.through
    for page_id, slug in through.objects.filter(storypage_id__in=ids).values_list(
        "storypage_id", "theme__slug"
    ):
        facts[str(page_id)]["themes"].append(slug)
    experiences = StoryExperience.objects.filter(page_id__in=ids).prefetch_related("organisations")
    for experience in experiences:
        fact = facts[str(experience.page_id)]
        fact["version"] = experience.version
        fact["answers"] = experience.answers()
    return facts


def themes() -> list[tuple[str, str]]:
    return list(Theme.objects.sources().values_list("slug", "name"))


def concern_weeks(before: datetime.date) -> list[tuple[datetime.date, int, int, int]]:
    """Per finished week: signals, "I called Veilig Thuis", and another step taken.

    From the concern tool's tally alone. "Another step" is a private link's answer to "Have you
    done anything yet?": talked about it, asked for advice or made a report ("not yet" is not
    a step). National only: the tally holds no region, and deriving one would mean keeping a
    part of the address with each signal (see figures/README.md).
    """
    from concerns.models import WeeklyTally

    fields = ("week", "signals", "called", "did_talked", "did_advice", "did_reported")
    rows = WeeklyTally.objects.filter(week__lt=before).order_by("week").only(*fields)
    return [
        (row.week, row.signals, row.called, row.did_talked + row.did_advice + row.did_reported)
        for row in rows
    ]


def attendance_months(before: datetime.date) -> list[tuple[str, int]]:
    """Confirmed participants per month of sessions in months that ended before ``before``."""
    from workshops.models import Registration

    first_open_month = before.replace(day=1)
    rows = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            session__starts_at__lt=timezone.make_aware(
                datetime.datetime.combine(first_open_month, datetime.time.min)
            ),
        )
        .annotate(month=TruncMonth("session__starts_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    return [(row["month"].strftime("%Y-%m"), row["count"]) for row in rows]


def statement_results(
    before: datetime.datetime,
) -> list[tuple[str, str, str, tuple[int, int, int]]]:
    """Closed statements of event panels: (key, "event: statement", event page link, votes)."""
    from live.models import Statement

    statements = (
        Statement.objects.filter(status=Statement.Status.CLOSED, closed_at__lt=before)
        .filter(Q(room__panel__isnull=False) | Q(room__session__isnull=False))
        .select_related("room__panel__page", "room__session__page")
        .order_by("closed_at", "pk")
    )
    results = []
    for statement in statements:
        owner = statement.room.panel or statement.room.session
        if owner is None:
            continue
        event = owner.page
        results.append(
            (
                str(statement.pk),
                f"{event.title}: {statement.text}",
                event.url or "",
                (statement.agree_count, statement.disagree_count, statement.neutral_count),
            )
        )
    return results
