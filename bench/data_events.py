"""Past events for the bench data set: `python -m bench.data events N` (see bench.data).

Apart from bench.data because it is one concept of its own: an event with panels, closed
rooms, votes, questions, commitments and a published report, as the demo's round table."""

import json
from datetime import timedelta


def load_events(total):
    """Grow the past events to `total`, each as the demo's round table: two panels with closed
    rooms, voted statements, questions (answered live, in writing, or still open), two
    commitments and a published report. Pages go through Wagtail as an editor would make them.
    """
    from datetime import time

    from django.db import transaction
    from django.utils import timezone

    from commitments.models import Commitment, Role, Status
    from eventreports import demo as reports
    from eventreports.models import EventReportPage
    from live.models import LiveRoom
    from workshops.demo import at
    from workshops.models import EventIndexPage, EventPage, EventPanel, Session

    index = EventIndexPage.objects.get(slug="evenementen")
    have = EventPage.objects.child_of(index).filter(slug__startswith="bench-bijeenkomst-")
    today = timezone.localdate()
    for number in range(have.count(), total):
        slug = f"bench-bijeenkomst-{number + 1}"
        day = today - timedelta(days=14 + number)
        closed = at(day, 21, 30)
        with transaction.atomic():
            event = EventPage(
                title=f"Rondetafel {number + 1}: van het kastje naar de muur",
                slug=slug,
                intro="Een rondetafel over doorverwijzen en wat buren kunnen doen (bench).",
                description=reports.PAST_INTRO,
                panels=[
                    EventPanel(title=title, starts_at=start, members=members)
                    for (title, members, _s, _q), start in zip(
                        reports.PAST_PANELS, [time(19, 30), time(20, 30)], strict=True
                    )
                ],
            )
            index.add_child(instance=event)
            event.sessions.add(
                Session(starts_at=at(day, 19, 30), ends_at=closed, seats=100, join_url="")
            )
            event.save_revision().publish()
            for panel, (title, _m, statements, questions) in zip(
                event.panels.all(), reports.PAST_PANELS, strict=True
            ):
                room = LiveRoom.objects.create(
                    panel=panel,
                    title=title,
                    slug=f"{slug}-{panel.pk}",
                    status=LiveRoom.Status.CLOSED,
                    opened_at=closed - timedelta(hours=2),
                    closed_at=closed,
                )
                reports._statements(room, statements, closed)
                reports._questions(room, questions, closed)
                Commitment.objects.create(
                    panel=panel,
                    role=Role.ORGANISATION,
                    organisation=f"Organisatie {number + 1} (bench)",
                    what="Binnen vijf werkdagen terugbellen over wat er met een melding gebeurt.",
                    due_date=today + timedelta(days=30 + number),
                    status=Status.IN_PROGRESS,
                    published=True,
                )
            report = EventReportPage(
                title=f"Verslag: {event.title}", slug="verslag", intro=reports.PAST_INTRO
            )
            event.add_child(instance=report)
            report.save_revision().publish()
    last = EventPage.objects.child_of(index).filter(slug=f"bench-bijeenkomst-{total}").first()
    report = EventReportPage.objects.child_of(last).get() if last else None
    print(
        json.dumps(
            {
                "events": have.count(),
                "event_report": report.url if report else None,
                "commitments": Commitment.objects.filter(published=True).count(),
            }
        )
    )
