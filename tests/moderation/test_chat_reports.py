"""Reporting a chat message, as anyone in a live room can: the form, the counting, auto-hide."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from wagtail.models import ModelLogEntry

from live.models import Message
from moderation.models import ModerationSettings, Report
from tests.moderation.chat import decide, listen_to_room, report, room_page, say, staff_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def rude(room):
    say(room, "Merel", "Welkom allemaal")
    return say(room, "Noor", "Jullie zeuren maar wat")


def url(message):
    return f"/melden/chatbericht/{message.pk}/"


def test_the_report_form_shows_the_message_and_the_reasons_and_the_note_is_optional(
    client, room, rude
):
    html = client.get(url(rude)).content.decode()

    assert f"Je meldt: “Chatbericht van Noor in {room.title}”." in html
    assert "<blockquote>Jullie zeuren maar wat</blockquote>" in html
    for reason in (
        "Het maakt iemand herkenbaar",
        "Het is haatdragend of kwetsend",
        "Het is onveilig voor iemand",
        "Spam of reclame",
        "Iets anders",
    ):
        assert reason in html
    assert "(niet verplicht)" in html
    assert "<legend>Wat is er mis mee?</legend>" in html
    assert '<div class="report-trap" aria-hidden="true">' in html

    response = client.post(url(rude), {"reason": "hateful"})

    assert "Bedankt voor je melding" in response.content.decode()
    assert f'href="/live/{room.slug}/"' in response.content.decode()
    assert Report.objects.get().note == ""


def test_a_chat_message_is_hidden_at_the_threshold_and_not_before(room, rude, committed):
    receive = listen_to_room(room)
    report(rude, "198.51.100.1")
    report(rude, "198.51.100.2")
    assert "Jullie zeuren maar wat" in room_page(room)

    with committed():
        response = report(rude, "203.0.113.3")

    assert response.status_code == 200
    rude.refresh_from_db()
    assert rude.status == Message.Status.REMOVED
    assert "Jullie zeuren maar wat" not in room_page(room)
    assert "Welkom allemaal" in room_page(room)
    assert receive()["text"] == f'{{"type":"message.removed","id":{rude.pk}}}'
    assert ModelLogEntry.objects.filter(
        action="kring.moderation.auto_hide", object_id=str(rude.pk)
    ).exists()


def test_one_reporter_is_counted_once_however_often_they_report(room, rude):
    settings_row = ModerationSettings.load()
    settings_row.auto_hide_threshold = 2
    settings_row.save()

    for reason in ("hateful", "spam", "other"):
        report(rude, "198.51.100.7", reason=reason)

    assert Report.objects.count() == 1
    assert "Jullie zeuren maar wat" in room_page(room)


def test_restoring_a_message_that_reports_hid_puts_it_back_in_the_room(room, rude, committed):
    for n in range(3):
        report(rude, f"198.51.{100 + n}.1")
    moderator = staff_client("Moderatoren")
    receive = listen_to_room(room)

    with committed():
        response = decide(moderator, rude, "restore", why="Kritiek mag")

    assert "Gedaan:" in response.content.decode()
    assert "Jullie zeuren maar wat" in room_page(room)
    event = receive()["text"]
    assert '"type":"chat.message"' in event and "Jullie zeuren maar wat" in event
    entry = ModelLogEntry.objects.get(action="kring.moderation.restore", object_id=str(rude.pk))
    assert (entry.user, entry.data["why"]) == (moderator.user, "Kritiek mag")
    assert Report.objects.open().count() == 0


def test_one_client_cannot_flood_reports_on_chat_messages(room):
    messages = [say(room, "Noor", f"Bericht {n}") for n in range(21)]
    client = Client(REMOTE_ADDR="198.51.100.9")

    responses = [client.post(url(message), {"reason": "spam"}) for message in messages]

    assert [r.status_code for r in responses[:20]] == [200] * 20
    assert responses[20].status_code == 400
    assert "Je hebt in korte tijd veel meldingen gestuurd" in responses[20].content.decode()
    assert Report.objects.count() == 20


@pytest.mark.parametrize("object_id", ["999999", "abc", "%C2%B2", "%D9%A1", "-1", "1.0"])
def test_an_unknown_or_malformed_message_cannot_be_reported(client, rude, object_id):
    assert client.get(f"/melden/chatbericht/{object_id}/").status_code == 404
    assert client.post(f"/melden/chatbericht/{object_id}/", {"reason": "spam"}).status_code == 404


@pytest.mark.parametrize("status", [Message.Status.HELD, Message.Status.REMOVED])
def test_a_message_nobody_sees_cannot_be_reported_and_has_no_report_link(client, room, status):
    hidden = say(room, "Noor", "Niet zichtbaar", status=status)
    shown = say(room, "Merel", "Wel zichtbaar")

    assert client.get(url(hidden)).status_code == 404
    assert client.post(url(hidden), {"reason": "spam"}).status_code == 404
    assert Report.objects.count() == 0
    page = room_page(room)
    assert f'href="{url(shown)}"' in page
    assert url(hidden) not in page
    # The one template that draws a message offers no link for it either.
    html = render_to_string("live/includes/message.html", {"message": hidden})
    assert "/melden/" not in html


def test_a_member_is_told_discreetly_when_reports_hide_their_message(
    room, committed, django_user_model
):
    sanne = django_user_model.objects.create_user(
        username="sanne", email="sanne@example.org", password="x-wachtwoord-2026"
    )
    message = say(room, "Sanne", "Mijn ervaring", user=sanne)
    guest_message = say(room, "Noor", "Ook een ervaring")
    settings_row = ModerationSettings.load()
    settings_row.auto_hide_threshold = 1
    settings_row.save()

    with committed():
        report(message, "198.51.100.1")
        report(guest_message, "198.51.100.1")

    assert [m.to for m in mail.outbox] == [["sanne@example.org"]]
    sent = mail.outbox[0]
    assert sent.subject == "Een bericht over je bijdrage"
    assert "Chatbericht van Sanne" in sent.body
    assert "Mijn ervaring" not in sent.body
