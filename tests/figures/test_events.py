"""Statement results per event and attendance per month on /cijfers/, protected like the rest."""

import datetime

import pytest
from django.utils import timezone

from live.models import LiveRoom, Statement
from tests.figures.conftest import table_cells
from workshops.models import (
    EventIndexPage,
    EventPage,
    EventPanel,
    Registration,
    Session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page):
    index = home_page.add_child(instance=EventIndexPage(title="Evenementen", slug="evenementen"))
    index.save_revision().publish()
    start = timezone.now() - datetime.timedelta(days=70)
    page = index.add_child(
        instance=EventPage(
            title="Bijeenkomst 9 december",
            slug="9-december",
            panels=[EventPanel(title="Heeft melden zin?")],
            sessions=[
                Session(starts_at=start, ends_at=start + datetime.timedelta(hours=2), seats=50)
            ],
        )
    )
    page.save_revision().publish()
    return page


def test_closed_statements_show_rounded_votes_with_a_link_to_the_report(client, clock, event):
    room = LiveRoom.objects.create(
        panel=event.panels.get(), title="Heeft melden zin?", slug="melden", status="closed"
    )
    Statement.objects.create(
        room=room,
        text="Melden heeft zin",
        status=Statement.Status.CLOSED,
        agree_count=23,
        disagree_count=3,
        neutral_count=9,
        closed_at=timezone.now() - datetime.timedelta(days=8),
    )
    Statement.objects.create(room=room, text="Nog open", status=Statement.Status.OPEN)
    clock.weeks_ahead(1)

    page = client.get("/cijfers/").content.decode()

    rows = table_cells(page, "statements")
    assert rows[0] == ["Evenement en stelling", "eens", "oneens", "neutraal", "totaal"]
    # 3 is hidden, and so is its smallest neighbour, or 35 - 25 - 10 would give it back.
    assert rows[1] == [
        "Bijeenkomst 9 december: Melden heeft zin",
        "25",
        "minder dan 5",
        "minder dan 5",
        "35",
    ]
    assert "Nog open" not in page
    # Each statement links to its event's page, which exists (event reports do not yet).
    assert 'href="/evenementen/9-december/"' in page
    assert client.get("/evenementen/9-december/").status_code == 200


def test_attendance_counts_confirmed_participants_per_finished_month(client, clock, event):
    session = event.sessions.get()
    for number in range(7):
        Registration.objects.create(
            session=session,
            pseudonym=f"Deelnemer {number}",
            email=f"d{number}@example.org",
            status=Registration.Status.CONFIRMED if number < 6 else Registration.Status.WAITING,
            consented_at=timezone.now(),
        )
    clock.weeks_ahead(1)

    rows = table_cells(client.get("/cijfers/").content.decode(), "attendance")

    month = timezone.localtime(session.starts_at)
    assert len(rows) == 2
    assert rows[1][1] == "5"
    assert str(month.year) in rows[1][0]
