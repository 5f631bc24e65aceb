"""Removing cannot be undone, so it asks why and for a confirmation on a page of its own."""

import re

import pytest
from django.test import Client
from wagtail.models import PageLogEntry

from moderation.models import Report
from tests.moderation.chat import QUEUE, hide, page_is_public, remove, staff_client

pytestmark = pytest.mark.django_db

REMOVE_URL = "/admin/moderatie/verwijderen/{}/{}/"


@pytest.fixture
def moderator(home_page):
    return staff_client("Moderatoren")


def test_the_queue_remove_button_leads_to_a_confirmation_and_removes_nothing_yet(
    moderator, reported_page
):
    queue = moderator.get(QUEUE).content.decode()
    assert f'formaction="{REMOVE_URL.format("testpagina", reported_page.pk)}"' in queue
    assert "Verwijderen…" in queue

    # The queue's form, sent with the Remove button (formaction): what was typed comes along.
    response = moderator.post(
        REMOVE_URL.format("testpagina", reported_page.pk),
        {"slug": "testpagina", "object_id": reported_page.pk, "action": "remove", "why": "adres"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Waarom verwijder je het?" in html
    assert "Dit kan niet ongedaan worden gemaakt." in html
    assert re.search(r"<textarea[^>]*>\s*adres</textarea>", html)
    assert "1 openstaande melding wordt gesloten." in html
    assert "Voorgoed verwijderen" in html
    assert page_is_public(reported_page)
    assert not PageLogEntry.objects.filter(action="kring.moderation.remove").exists()


def test_a_direct_post_of_remove_to_the_queue_is_sent_to_the_confirmation(moderator, reported_page):
    response = moderator.post(
        QUEUE, {"slug": "testpagina", "object_id": reported_page.pk, "action": "remove"}
    )

    assert response.status_code == 302
    assert response["Location"] == REMOVE_URL.format("testpagina", reported_page.pk)
    assert page_is_public(reported_page)
    assert Report.objects.get().decided_at is None


def test_removing_without_a_reason_says_so_and_removes_nothing(moderator, reported_page):
    response = moderator.post(
        REMOVE_URL.format("testpagina", reported_page.pk), {"confirm": "1", "note": "weg"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Er is nog niets verwijderd:" in html
    assert 'href="#id_reason_0"' in html
    assert "weg" in html
    assert page_is_public(reported_page)
    assert Report.objects.get().decided_at is None


def test_another_reason_needs_a_note_before_removing(moderator, reported_page):
    response = remove(moderator, "testpagina", reported_page.pk, reason="other", follow=False)

    assert response.status_code == 400
    assert "Schrijf de reden in de notitie." in response.content.decode()
    assert page_is_public(reported_page)


def test_removing_with_a_reason_erases_it_logs_why_and_closes_the_reports(moderator, reported_page):
    page_id = reported_page.pk

    response = remove(moderator, "testpagina", page_id, note="adres van de buren")

    assert Client().get("/hulp/").status_code == 404
    entry = PageLogEntry.objects.get(page_id=page_id, action="kring.moderation.remove")
    assert entry.user == moderator.user
    assert (entry.data["reason"], entry.data["why"]) == ("identifying", "adres van de buren")
    assert Report.objects.get().decision == "removed"
    assert response.redirect_chain[-1][0] == QUEUE
    assert "is voorgoed verwijderd en de meldingen zijn gesloten" in response.content.decode()


def test_removing_something_removed_meanwhile_gets_a_clear_message(moderator, reported_page):
    url = REMOVE_URL.format("testpagina", reported_page.pk)
    reported_page.delete()

    for response in (moderator.get(url, follow=True), remove(moderator, "testpagina", "999999")):
        assert response.status_code == 200
        assert "Dit item bestaat niet meer" in response.content.decode()


def test_removing_what_another_moderator_just_hid_is_refused_and_keeps_it(moderator, reported_page):
    # The confirmation page was open in another tab while a colleague hid the item.
    hide(moderator, "testpagina", reported_page.pk)

    response = remove(moderator, "testpagina", reported_page.pk)

    assert response.status_code == 200
    assert "kan niet vanuit de wachtrij worden aangepast" in response.content.decode()
    assert not PageLogEntry.objects.filter(action="kring.moderation.remove").exists()
    assert type(reported_page).objects.filter(pk=reported_page.pk).exists()


def test_staff_who_may_not_moderate_get_403_on_the_confirmation(reported_page, home_page):
    editor = staff_client("Redactie")
    url = REMOVE_URL.format("testpagina", reported_page.pk)

    assert editor.get(url).status_code == 403
    assert remove(editor, "testpagina", reported_page.pk, follow=False).status_code == 403
    assert page_is_public(reported_page)


def test_a_made_up_kind_or_id_gets_a_message_not_an_error(moderator, reported_page):
    for url in (REMOVE_URL.format("bestaat-niet", 1), REMOVE_URL.format("testpagina", "x' or 1")):
        response = moderator.get(url, follow=True)
        assert response.status_code in (200, 404)
    assert page_is_public(reported_page)
