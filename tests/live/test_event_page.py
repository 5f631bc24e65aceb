"""An event's page links each panel to its live room and keeps the statements' results."""

from datetime import timedelta

import pytest
from django.utils import timezone

from live.models import LiveRoom, Statement
from workshops.models import Session

pytestmark = pytest.mark.django_db


def panel_html(page, title):
    """The part of the programme that belongs to the panel with this title."""
    start = page.index(title)
    end = page.find('<li class="panel"', start)
    return page[start : end if end != -1 else len(page)]


def test_an_open_room_is_offered_on_its_panel_and_a_panel_without_one_has_no_link(
    client, event, make_room
):
    room = make_room()

    page = client.get(event.url).content.decode()

    istanbul = panel_html(page, "Het Verdrag van Istanbul")
    # The event has no date yet, so the label says what the room is, not that it is live.
    assert '<span class="live-status live-status--open">Open</span>' in istanbul
    assert f'href="/live/{room.slug}/"' in istanbul
    assert "Doe mee in de live ruimte" in istanbul
    assert "/live/" not in panel_html(page, "Heeft melden zin?")


def test_a_scheduled_room_says_what_it_will_be_for(client, event, make_room):
    make_room(status=LiveRoom.Status.SCHEDULED)

    page = client.get(event.url).content.decode()

    assert "Tijdens de bijeenkomst kun je in de live ruimte chatten" in page
    assert "Nu live" not in page


def test_after_the_event_the_closed_statements_and_their_results_stay_on_the_page(
    client, event, make_room
):
    room = make_room(status=LiveRoom.Status.CLOSED, closed_at=timezone.now())
    Statement.objects.create(
        room=room, text="Melden heeft zin.", status="closed", agree_count=3, disagree_count=1
    )
    Statement.objects.create(room=room, text="Nog niet gestelde stelling.")

    page = client.get(event.url).content.decode()

    istanbul = panel_html(page, "Het Verdrag van Istanbul")
    assert "Lees de live ruimte terug" in istanbul
    assert "Wat deelnemers vonden" in istanbul
    assert "Melden heeft zin." in istanbul
    assert "3 stemmen (75%)" in istanbul
    assert "1 stem (25%)" in istanbul
    assert "Nog niet gestelde stelling." not in page


def test_a_workshop_session_with_a_room_links_to_it(client, event):
    session = Session.objects.create(
        page=event,
        starts_at=timezone.now() + timedelta(days=8),
        ends_at=timezone.now() + timedelta(days=8, hours=2),
        seats=20,
    )
    LiveRoom.objects.create(session=session, title="Avond", slug="avond", status="open")

    page = client.get(event.url).content.decode()

    assert 'href="/live/avond/"' in page
