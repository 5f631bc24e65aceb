from datetime import timedelta

import pytest
from django.utils import timezone

from tests.workshops.helpers import JOIN_URL
from workshops import booking
from workshops.models import (
    EventIndexPage,
    EventPage,
    EventPanel,
    Session,
    WorkshopIndexPage,
    WorkshopPage,
)


class Clock:
    """Django's clock, set by the test: `clock.now` is what timezone.now() answers."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def set(self, now):
        self.now = now


@pytest.fixture
def clock(monkeypatch):
    """A controllable clock for everything that asks django.utils.timezone.now()."""
    clock = Clock(timezone.now())
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for a commit (the mails) when the block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def client(client, committed):
    """The test client, with each request's after-commit work done as on a real server."""
    send = client.request

    def request(**kwargs):
        with committed():
            return send(**kwargs)

    client.request = request
    return client


@pytest.fixture
def workshop_index(home_page):
    index = home_page.add_child(
        instance=WorkshopIndexPage(title="Workshops", slug="workshops", show_in_menus=True)
    )
    index.save_revision().publish()
    return index


@pytest.fixture
def workshop(workshop_index):
    page = workshop_index.add_child(
        instance=WorkshopPage(
            title="Samen staan we sterker",
            slug="samen-staan-we-sterker",
            intro="Een online workshop.",
            description="<p>Wat je leert.</p>",
            facilitators="<p>Een trainer en een ervaringsdeskundige.</p>",
            audience="<p>Voor iedereen.</p>",
            accessibility="<p>Met ondertiteling.</p>",
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def make_session(workshop):
    def make(page=None, seats=10, starts_in=timedelta(days=4), hours=2, **fields):
        starts_at = timezone.now() + starts_in
        fields.setdefault("join_url", JOIN_URL)
        return Session.objects.create(
            page=page or workshop,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=hours),
            seats=seats,
            **fields,
        )

    return make


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def event(home_page):
    index = home_page.add_child(instance=EventIndexPage(title="Evenementen", slug="evenementen"))
    index.save_revision().publish()
    page = index.add_child(
        instance=EventPage(
            title="Online bijeenkomst 9 december",
            slug="9-december",
            panels=[
                EventPanel(
                    title="Het Verdrag van Istanbul", members="Een jurist\nEen beleidsmaker"
                ),
                EventPanel(title="Heeft melden zin?"),
            ],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def register(session, committed):
    """Register through the service, as the form does; returns (registration, confirm token)."""

    def make(email="deelnemer@example.org", pseudonym="Merel", target=None):
        with committed():
            result = booking.do_register(None, target or session, pseudonym=pseudonym, email=email)
        return result.registration, result.token

    return make


@pytest.fixture
def confirmed(register, committed):
    """A confirmed address: a seat, or the waiting list when full.

    Returns (registration, manage token).
    """

    def make(email="deelnemer@example.org", pseudonym="Merel", target=None):
        registration, _ = register(email=email, pseudonym=pseudonym, target=target)
        with committed():
            return booking.do_confirm(None, registration)

    return make
