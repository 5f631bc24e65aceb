from datetime import UTC, datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from tests.workshops.helpers import JOIN_URL, LINK, mails_to
from workshops.ical import calendar_file
from workshops.models import Session

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"
# Always a future 26 November: registration for a session in the past is closed.
YEAR = timezone.now().year + 1


@pytest.fixture
def evening(workshop):
    # 26 November, 19:30-21:30 in Amsterdam (winter time, UTC+1).
    return Session.objects.create(
        page=workshop,
        title="Avond 1",
        starts_at=datetime(YEAR, 11, 26, 18, 30, tzinfo=UTC),
        ends_at=datetime(YEAR, 11, 26, 20, 30, tzinfo=UTC),
        seats=10,
        join_url=JOIN_URL,
    )


def only_event(text):
    calendar = Calendar.from_ical(text)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def private_links(text):
    """Every link in a calendar file that leads past the public page: a token of some kind."""
    unfolded = text.replace("\r\n ", "")
    return [url for url in LINK.findall(unfolded) if url.rstrip("/\\").count("/") > 4]


def test_calendar_file_in_the_mail_holds_the_session_and_no_private_link(evening, confirmed):
    registration, token = confirmed(target=evening)

    [(name, content, mimetype)] = mails_to("deelnemer@example.org")[-1].attachments

    assert (name, mimetype) == (f"kring-{YEAR}-11-26.ics", "text/calendar")
    calendar, event = only_event(content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(event["SUMMARY"]) == "Samen staan we sterker · Avond 1"
    assert event.decoded("DTSTART") == datetime(YEAR, 11, 26, 18, 30, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(YEAR, 11, 26, 20, 30, tzinfo=UTC)
    assert f"DTSTART:{YEAR}1126T183000Z" in content
    # Calendars get shared: neither the meeting, nor her join link, nor her cancel link.
    assert JOIN_URL not in content
    assert token not in content
    assert "/meedoen/" not in content and "/aanmelding/" not in content
    assert private_links(content) == []
    assert str(event["LOCATION"]) == "Online"
    assert f"http://127.0.0.1:8000{PAGE}" in str(event["DESCRIPTION"])
    assert "persoonlijke link" in str(event["DESCRIPTION"])
    assert str(event["UID"]) == f"workshops-registration-{registration.pk}@127.0.0.1"
    assert str(event["STATUS"]) == "CONFIRMED"


def test_calendar_file_can_be_downloaded_from_the_confirmed_page(client, evening, confirmed):
    _registration, token = confirmed(target=evening)

    response = client.get(f"{PAGE}aanmelding/{token}/agenda/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="kring-{YEAR}-11-26.ics"'
    content = response.content.decode()
    _calendar, event = only_event(content)
    assert str(event["LOCATION"]) == "Online"
    assert token not in content and JOIN_URL not in content
    assert private_links(content) == []


def test_cancelling_sends_a_calendar_file_that_removes_the_same_event(client, evening, confirmed):
    _registration, token = confirmed(target=evening)
    _calendar, booked = only_event(mail.outbox[-1].attachments[0][1])

    client.post(f"{PAGE}aanmelding/{token}/afmelden/")

    calendar, cancelled = only_event(mail.outbox[-1].attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["UID"] == booked["UID"]
    assert cancelled["SEQUENCE"] > booked["SEQUENCE"]
    assert "LOCATION" not in cancelled


def test_a_calendar_file_never_holds_the_join_link_without_a_seat(evening, register):
    registration, _token = register(target=evening)

    _calendar, event = only_event(calendar_file(registration))

    assert JOIN_URL not in event.to_ical().decode()
