"""Hiding asks why on a page of its own, lands in the audit log, and can be undone for a while."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageLogEntry

from live.models import Message
from moderation.models import Report
from tests.moderation.chat import QUEUE, hide, page_is_public, report, say, staff_client

pytestmark = pytest.mark.django_db

HIDE_URL = "/admin/moderatie/verbergen/{}/{}/"


@pytest.fixture
def moderator(home_page):
    return staff_client("Moderatoren")


def undo_link(response):
    """The "Undo" button on the message that follows hiding."""
    html = response.content.decode()
    return re.search(r'href="(/admin/moderatie/ongedaan-maken/[^"]+)"[^>]*>Ongedaan maken', html)[1]


# Hiding: a reason, a confirmation, the audit log ---------------------------------------------


def test_the_queue_hide_button_leads_to_a_confirmation_and_hides_nothing_yet(
    moderator, reported_page
):
    queue = moderator.get(QUEUE).content.decode()
    assert f'formaction="{HIDE_URL.format("testpagina", reported_page.pk)}"' in queue

    # The queue's form, sent with the Hide button (formaction): what was typed comes along.
    response = moderator.post(
        HIDE_URL.format("testpagina", reported_page.pk),
        {"slug": "testpagina", "object_id": reported_page.pk, "action": "hide", "why": "adres"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Waarom verberg je het?" in html
    assert "Het kan iemand herkenbaar maken" in html
    assert re.search(r"<textarea[^>]*>\s*adres</textarea>", html)
    assert "1 openstaande melding wordt gesloten." in html
    assert page_is_public(reported_page)
    assert not PageLogEntry.objects.filter(action="kring.moderation.hide").exists()


def test_an_old_queue_form_that_posts_hide_is_sent_to_the_confirmation(moderator, reported_page):
    response = moderator.post(
        QUEUE, {"slug": "testpagina", "object_id": reported_page.pk, "action": "hide"}
    )

    assert response.status_code == 302
    assert response["Location"] == HIDE_URL.format("testpagina", reported_page.pk)
    assert page_is_public(reported_page)


def test_hiding_without_a_reason_says_so_and_hides_nothing(moderator, reported_page):
    response = moderator.post(
        HIDE_URL.format("testpagina", reported_page.pk), {"confirm": "1", "note": "weg ermee"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Het is nog niet verborgen:" in html
    assert 'href="#id_reason_0"' in html
    assert "weg ermee" in html  # what was typed is still there
    assert page_is_public(reported_page)
    assert Report.objects.get().decided_at is None


def test_another_reason_needs_a_note(moderator, reported_page):
    response = hide(moderator, "testpagina", reported_page.pk, reason="other", follow=False)

    assert response.status_code == 400
    assert "Schrijf de reden in de notitie." in response.content.decode()
    assert page_is_public(reported_page)


def test_hiding_records_the_reason_and_note_in_the_audit_log_and_closes_the_reports(
    moderator, reported_page
):
    response = hide(moderator, "testpagina", reported_page.pk, note="adres van de buren")

    assert not page_is_public(reported_page)
    entry = PageLogEntry.objects.get(action="kring.moderation.hide")
    assert entry.user == moderator.user
    assert (entry.data["reason"], entry.data["why"]) == ("identifying", "adres van de buren")
    assert entry.data["reports"] == [Report.objects.get().pk]
    assert Report.objects.get().decision == "hidden"
    message = response.content.decode()
    assert "is verborgen en de meldingen zijn gesloten" in message
    assert "Ongedaan maken" in message
    # Wagtail's history of the page shows the reason and the note as the entry's comment.
    admin = staff_client("Beheer")
    get_user_model().objects.filter(pk=admin.user.pk).update(is_superuser=True)
    history = admin.get(f"/admin/pages/{reported_page.pk}/history/").content.decode()
    assert "Het kan iemand herkenbaar maken — adres van de buren" in history


# Undo -----------------------------------------------------------------------------------------


def test_undo_from_the_message_puts_back_the_page_and_its_reports(moderator, reported_page):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk))

    confirm = moderator.get(link).content.decode()
    assert "Verborgen door Moderatoren" in confirm
    assert page_is_public(reported_page) is False
    response = moderator.post(link, follow=True)

    assert page_is_public(reported_page)
    report = Report.objects.get()
    assert (report.decided_at, report.decision) == (None, "")
    assert report.note == "er staat een adres in"
    undo = PageLogEntry.objects.get(action="kring.moderation.undo_hide")
    assert undo.user == moderator.user
    assert undo.data["undoes"] == PageLogEntry.objects.get(action="kring.moderation.hide").pk
    html = response.content.decode()
    assert "weer zichtbaar en de meldingen staan weer in de wachtrij" in html
    # Back in the queue, to be decided again.
    assert reported_page.title in moderator.get(QUEUE).content.decode()


def test_the_queue_lists_recent_hidings_with_an_undo_button(moderator, reported_page):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk, note="adres"))

    queue = moderator.get(QUEUE).content.decode()

    assert "Onlangs verborgen" in queue
    assert f'action="{link}"' in queue
    assert "door Moderatoren, zojuist" in queue
    moderator.post(link)
    assert f'action="{link}"' not in moderator.get(QUEUE).content.decode()


def test_a_second_undo_changes_nothing_and_says_so(moderator, reported_page):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk))
    moderator.post(link)
    # The reports are back, so it is hidden again: the old link must not undo that hiding.
    hide(moderator, "testpagina", reported_page.pk, reason="hurtful")

    response = moderator.post(link, follow=True)

    assert response.status_code == 200
    assert "is al ongedaan gemaakt" in response.content.decode()
    assert "is al ongedaan gemaakt" in moderator.get(link, follow=True).content.decode()
    assert not page_is_public(reported_page)
    assert PageLogEntry.objects.filter(action="kring.moderation.undo_hide").count() == 1


def test_someone_without_the_moderation_permission_cannot_undo(moderator, reported_page):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk))
    editor = staff_client("Redactie")

    assert editor.get(link).status_code == 403
    assert editor.post(link).status_code == 403
    assert Client().post(link).status_code == 302  # to the login page
    assert not page_is_public(reported_page)
    assert not PageLogEntry.objects.filter(action="kring.moderation.undo_hide").exists()


def test_undo_is_refused_once_its_time_has_passed(moderator, reported_page, settings):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk))
    PageLogEntry.objects.filter(action="kring.moderation.hide").update(
        timestamp=timezone.now() - timedelta(hours=25)
    )

    response = moderator.post(link, follow=True)

    assert "kan hier niet meer ongedaan worden gemaakt" in response.content.decode()
    assert not page_is_public(reported_page)
    assert "Onlangs verborgen" in moderator.get(QUEUE).content.decode()
    assert link not in moderator.get(QUEUE).content.decode()


def test_undo_of_something_removed_since_gets_a_message_not_an_error(moderator, reported_page):
    link = undo_link(hide(moderator, "testpagina", reported_page.pk))
    reported_page.delete()

    assert moderator.get(link, follow=True).status_code == 200
    response = moderator.post(link, follow=True)

    assert response.status_code == 200
    assert "Er is hier niets ongedaan te maken" in response.content.decode()


def test_a_made_up_undo_link_gets_a_message_not_an_error(moderator, reported_page):
    for link in (
        "/admin/moderatie/ongedaan-maken/testpagina/999999/1/",
        "/admin/moderatie/ongedaan-maken/bestaat-niet/1/1/",
        f"/admin/moderatie/ongedaan-maken/testpagina/{reported_page.pk}/999999/",
    ):
        response = moderator.post(link, follow=True)
        assert response.status_code == 200
        assert "Er is hier niets ongedaan te maken" in response.content.decode()
    assert page_is_public(reported_page)


# Hiding what is gone or decided ---------------------------------------------------------------


def test_hiding_something_removed_meanwhile_gets_a_clear_message(moderator, reported_page):
    url = HIDE_URL.format("testpagina", reported_page.pk)
    reported_page.delete()

    for response in (moderator.get(url, follow=True), hide(moderator, "testpagina", "999999")):
        assert response.status_code == 200
        assert "Dit item bestaat niet meer" in response.content.decode()


def test_hiding_what_another_moderator_just_decided_gets_a_clear_message(moderator, reported_page):
    hide(moderator, "testpagina", reported_page.pk)

    # The same confirmation page, still open in another tab or with another moderator.
    response = hide(moderator, "testpagina", reported_page.pk, reason="spam")

    assert response.status_code == 200
    assert "kan niet vanuit de wachtrij worden aangepast" in response.content.decode()
    assert PageLogEntry.objects.filter(action="kring.moderation.hide").count() == 1


# Chat messages --------------------------------------------------------------------------------


def test_undo_brings_a_hidden_chat_message_back_into_its_room(moderator, room):
    message = say(room, "Merel", "Ik heb ze gebeld, ze luisterden echt")
    report(message, "198.51.100.1")
    link = undo_link(hide(moderator, "chatbericht", message.pk, reason="hurtful"))
    message.refresh_from_db()
    assert message.status == Message.Status.REMOVED

    moderator.post(link)

    message.refresh_from_db()
    assert message.status == Message.Status.VISIBLE
    assert Report.objects.get().decided_at is None
    assert ModelLogEntry.objects.filter(
        action="kring.moderation.undo_hide", object_id=str(message.pk)
    ).exists()


def test_undo_leaves_hidden_what_reports_hid_before_the_moderator(moderator, room, settings):
    """Hiding an item that reports already hid changed only the reports: undo puts back those."""
    message = say(room, "Merel", "Ik heb ze gebeld, ze luisterden echt")
    for address in ("198.51.100.1", "198.51.101.1", "203.0.113.1"):
        report(message, address)
    message.refresh_from_db()
    assert message.status == Message.Status.REMOVED

    moderator.post(undo_link(hide(moderator, "chatbericht", message.pk)))

    message.refresh_from_db()
    assert message.status == Message.Status.REMOVED
    assert Report.objects.open().count() == 3
    # Still hidden by reports, so the queue can restore it.
    queue = moderator.get(QUEUE).content.decode()
    assert 'value="restore"' in queue


def test_the_confirmation_shows_a_chat_message_among_the_messages_around_it(moderator, room):
    say(room, "Sam", "Goedenavond allemaal")
    message = say(room, "Merel", "Ik heb ze gebeld, ze luisterden echt")
    report(message, "198.51.100.1")

    html = moderator.get(HIDE_URL.format("chatbericht", message.pk)).content.decode()

    assert "Goedenavond allemaal" in html
    assert 'aria-current="true"' in html
    assert "Alleen moderatoren zien het dan nog." in html
