"""The demo's dates roll forward: whenever `make run` seeds, a newcomer finds sessions ahead."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from workshops import demo
from workshops.models import EventPage, WorkshopPage

pytestmark = pytest.mark.django_db


class FakeCommand:
    def __init__(self):
        self.stdout = io.StringIO()


def upcoming_days(page):
    return sorted(timezone.localtime(s.starts_at).date() for s in page.upcoming_sessions())


def test_a_seed_after_the_sessions_passed_adds_the_next_ones(client, home_page, clock):
    clock.set(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))  # a Friday
    demo.seed(FakeCommand())
    workshop = WorkshopPage.objects.get(slug="samen-staan-we-sterker")
    assert [d.isoformat() for d in upcoming_days(workshop)] == ["2026-11-26", "2026-12-03"]

    clock.set(datetime(2026, 12, 10, 12, 0, tzinfo=UTC))  # both evenings and 9 December passed
    html = client.get("/workshops/samen-staan-we-sterker/").content.decode()
    assert "Er zijn op dit moment geen data gepland" in html

    demo.seed(FakeCommand())

    assert [d.isoformat() for d in upcoming_days(workshop)] == ["2026-12-17", "2026-12-24"]
    event = EventPage.objects.get(slug="9-december")
    assert [d.isoformat() for d in upcoming_days(event)] == ["2027-12-09"]
    html = client.get("/workshops/samen-staan-we-sterker/").content.decode()
    assert "donderdag 17 december 2026, 19:30–21:30" in html
    assert "Aanmelden" in html


def test_a_seed_while_one_evening_is_still_ahead_keeps_it_and_adds_the_other_after_it(
    home_page, clock
):
    clock.set(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    demo.seed(FakeCommand())
    clock.set(datetime(2026, 11, 27, 12, 0, tzinfo=UTC))  # evening 1 is over, evening 2 ahead

    demo.seed(FakeCommand())
    demo.seed(FakeCommand())  # and again: nothing more

    workshop = WorkshopPage.objects.get(slug="samen-staan-we-sterker")
    assert [d.isoformat() for d in upcoming_days(workshop)] == ["2026-12-03", "2026-12-10"]
    assert workshop.sessions.count() == 3  # the past evening stays, with whoever registered


def test_on_the_day_of_the_event_its_session_stays_until_it_is_over(home_page, clock):
    clock.set(datetime(2026, 12, 9, 10, 0, tzinfo=UTC))  # 11:00 in Amsterdam
    demo.seed(FakeCommand())

    event = EventPage.objects.get(slug="9-december")
    assert [d.isoformat() for d in upcoming_days(event)] == ["2026-12-09"]
    assert timezone.now() + timedelta(hours=3) == event.next_session().starts_at
