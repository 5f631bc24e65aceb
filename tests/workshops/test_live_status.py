"""An event page's live labels follow each room's real state and the clock, and the page says
truthfully who may take part in its rooms."""

from datetime import UTC, datetime, time

import pytest

from community.models import HelpSettings
from live.models import LiveRoom
from workshops.models import EventIndexPage, EventPage, EventPanel, Session

pytestmark = pytest.mark.django_db

PAGE = "/evenementen/9-december/"
# 9 December, in Amsterdam (UTC+1): panels at 14:00 and 14:45, the afternoon until 17:00.
DAY = (2026, 12, 9)


def amsterdam(hour, minute=0, day=9):
    return datetime(2026, 12, day, hour - 1, minute, tzinfo=UTC)


@pytest.fixture
def afternoon(home_page):
    index = home_page.add_child(instance=EventIndexPage(title="Evenementen", slug="evenementen"))
    page = index.add_child(
        instance=EventPage(
            title="Online bijeenkomst 9 december",
            slug="9-december",
            panels=[
                EventPanel(title="Het Verdrag van Istanbul", starts_at=time(14, 0)),
                EventPanel(title="Heeft melden zin?", starts_at=time(14, 45)),
            ],
            sessions=[Session(starts_at=amsterdam(14), ends_at=amsterdam(17), seats=150)],
        )
    )
    page.save_revision().publish()
    for number, panel in enumerate(page.panels.all()):
        LiveRoom.objects.create(panel=panel, title=panel.title, slug=f"panel-{number}")
    return page


def open_rooms():
    LiveRoom.objects.update(status=LiveRoom.Status.OPEN)


def panel_html(html, title):
    start = html.index(title)
    end = html.find('<li class="panel"', start)
    return html[start : end if end != -1 else len(html)]


def labels(client):
    html = client.get(PAGE).content.decode()
    return panel_html(html, "Istanbul"), panel_html(html, "Heeft melden")


def test_a_week_before_open_rooms_are_not_live_yet(client, afternoon, clock):
    open_rooms()
    clock.set(amsterdam(14, day=2))

    istanbul, melden = labels(client)

    assert "Nu live" not in istanbul + melden
    assert "Al open" in istanbul
    assert "Live vanaf woensdag 9 december, 14:00" in istanbul
    assert "Live vanaf woensdag 9 december, 14:45" in melden


def test_during_the_afternoon_only_the_panel_on_now_is_live(client, afternoon, clock):
    open_rooms()

    clock.set(amsterdam(14, 10))
    istanbul, melden = labels(client)
    assert "Nu live" in istanbul and "Doe mee in de live ruimte" in istanbul
    assert "Nu live" not in melden and "Al open" in melden

    clock.set(amsterdam(15, 0))
    istanbul, melden = labels(client)
    assert "Nu live" not in istanbul and "Nog open" in istanbul
    assert "Nu live" in melden


def test_a_room_nobody_opened_yet_never_says_live(client, afternoon, clock):
    clock.set(amsterdam(13, 0))
    istanbul, _melden = labels(client)
    assert "Nu live" not in istanbul
    assert "De ruimte gaat open op woensdag 9 december, 14:00." in istanbul

    clock.set(amsterdam(14, 5))
    istanbul, _melden = labels(client)
    assert "Nu live" not in istanbul and "Begint zo" in istanbul


def test_a_closed_room_offers_its_history_whatever_the_time(client, afternoon, clock):
    LiveRoom.objects.update(status=LiveRoom.Status.CLOSED)
    clock.set(amsterdam(14, 10))

    istanbul, _melden = labels(client)

    assert "Nu live" not in istanbul and "Lees de live ruimte terug" in istanbul


def test_the_page_says_anyone_can_take_part_when_the_rooms_are_open_to_all(client, afternoon):
    html = client.get(PAGE).content.decode()

    assert "Iedereen kan onder een schuilnaam meedoen in de live ruimtes" in html
    assert "Alleen wie zich heeft aangemeld" not in html


def test_the_page_says_so_when_the_rooms_are_only_for_registered_people(client, afternoon):
    afternoon.rooms_for_registered = True
    afternoon.save_revision().publish()

    html = client.get(PAGE).content.decode()

    assert "Alleen wie zich heeft aangemeld en een plaats heeft, kan meedoen" in html
    assert "Iedereen kan onder een schuilnaam meedoen" not in html


def test_a_page_stored_before_a_panel_is_not_served_once_it_goes_live(client, afternoon, clock):
    HelpSettings.load()  # as on a running site: its first save would make every copy stale
    open_rooms()
    clock.set(amsterdam(14, 44))  # the afternoon has begun; the second panel is next
    assert "Al open" in labels(client)[1]
    assert client.get(PAGE)["X-Kring-Cache"] == "hit"

    clock.set(amsterdam(14, 45))
    response = client.get(PAGE)

    assert response.get("X-Kring-Cache") != "hit"
    assert "Nu live" in panel_html(response.content.decode(), "Heeft melden")
