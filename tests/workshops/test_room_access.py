"""Rooms only for registered people: a setting per event, kept by the room itself.

Everyone can read along; taking a name in the room needs a seat, shown by opening the personal
join link from the mail in this browser. The attacker tries the room without one, with a link
of another page, from the waiting list, and after cancelling.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from live.models import LiveRoom
from tests.workshops.helpers import link_in, mails_to
from workshops.models import Session

pytestmark = pytest.mark.django_db

EVENT = "/evenementen/9-december/"
ROOM = "/live/istanbul/"
JOIN_FORM = 'action="/live/istanbul/meedoen/"'
ONLY_REGISTERED = "Alleen wie zich heeft aangemeld, kan meedoen in deze ruimte"


@pytest.fixture
def event_session(event):
    start = timezone.now() + timedelta(days=7)
    return Session.objects.create(
        page=event, starts_at=start, ends_at=start + timedelta(hours=3), seats=1
    )


@pytest.fixture
def room(event, event_session):
    return LiveRoom.objects.create(
        panel=event.panels.first(), title="Istanbul", slug="istanbul", status="open"
    )


@pytest.fixture
def registered_only(event, room):
    event.rooms_for_registered = True
    event.save_revision().publish()
    return event


def take_a_name(client, pseudonym="Merel"):
    client.post(f"{ROOM}meedoen/", {"pseudonym": pseudonym})
    return client.get(ROOM).content.decode()


def test_by_default_anyone_can_take_part(client, room):
    page = client.get(ROOM).content.decode()

    assert JOIN_FORM in page and ONLY_REGISTERED not in page
    assert "Je doet mee als <strong>Merel</strong>" in take_a_name(client)


def test_without_a_seat_one_can_read_along_but_not_take_a_name(client, registered_only):
    response = client.get(ROOM)
    page = response.content.decode()

    assert response.status_code == 200 and "Nog geen berichten." in page
    assert ONLY_REGISTERED in page
    assert JOIN_FORM not in page
    after = take_a_name(client)
    assert "Je doet mee als" not in after and ONLY_REGISTERED in after


def test_the_personal_join_link_lets_this_browser_take_part(
    client, registered_only, event_session, confirmed
):
    confirmed(target=event_session)
    join = link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/")

    landing = client.get(join)

    assert landing.status_code == 200
    assert 'href="/live/istanbul/"' in landing.content.decode()
    assert JOIN_FORM in client.get(ROOM).content.decode()
    assert "Je doet mee als <strong>Merel</strong>" in take_a_name(client)
    # Another browser, without the link, still cannot.
    assert JOIN_FORM not in Client().get(ROOM).content.decode()


def test_after_cancelling_the_browser_can_no_longer_take_a_name(
    client, registered_only, event_session, confirmed
):
    _registration, token = confirmed(target=event_session)
    client.get(link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/"))

    client.post(f"{EVENT}aanmelding/{token}/afmelden/")

    assert ONLY_REGISTERED in client.get(ROOM).content.decode()
    assert "Je doet mee als" not in take_a_name(client)


def test_a_place_on_the_waiting_list_is_no_way_in(
    client, registered_only, event_session, confirmed
):
    confirmed(email="zit@example.org", target=event_session)
    _waiting, token = confirmed(email="wacht@example.org", target=event_session)

    assert client.get(f"{EVENT}aanmelding/{token}/meedoen/").status_code == 410
    assert "Je doet mee als" not in take_a_name(client)


def test_a_join_link_of_another_page_opens_nothing_here(
    client, registered_only, session, confirmed
):
    confirmed(target=session)  # a registration for the workshop, not for this event
    workshop_join = link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/")
    token = workshop_join.rstrip("/").rsplit("/", 1)[1]

    assert client.get(f"{EVENT}meedoen/{token}/").status_code == 404
    assert "Je doet mee als" not in take_a_name(client)


def test_the_join_page_says_what_the_link_is(client, registered_only, event_session, confirmed):
    confirmed(target=event_session)

    page = client.get(link_in(mails_to("deelnemer@example.org")[-1], "/meedoen/"))

    html = page.content.decode()
    assert "Welkom, Merel" in html
    assert "Met deze browser kun je nu onder een schuilnaam meedoen" in html
    assert "no-store" in page["Cache-Control"]


def test_a_workshop_with_a_room_says_who_may_take_part_too(client, workshop, session):
    LiveRoom.objects.create(session=session, title="Avond", slug="avond", status="open")
    assert "Iedereen kan onder een schuilnaam meedoen" in client.get(workshop.url).content.decode()

    workshop.rooms_for_registered = True
    workshop.save_revision().publish()

    html = client.get(workshop.url).content.decode()
    assert "Alleen wie zich heeft aangemeld en een plaats heeft, kan meedoen" in html
