import pytest
from django.core import mail
from django.test import Client
from wagtail.models import PageLogEntry

from moderation.models import ModerationSettings, Report
from tests.helpers import make_staff, staff_login
from tests.moderation.chat import hide

pytestmark = pytest.mark.django_db

URL = "/melden/testpagina/{}/"


def report_as(address, page, reason="identifying", note=""):
    client = Client(REMOTE_ADDR=address)
    return client.post(URL.format(page.pk), {"reason": reason, "note": note})


def test_report_form_is_dutch_and_anonymous(client, reportable_page):
    response = client.get(URL.format(reportable_page.pk))

    html = response.content.decode()
    assert "Melden bij de moderatoren" in html
    assert "Het maakt iemand herkenbaar" in html
    assert response.cookies.get("kring_session") is None


def test_a_report_is_stored_without_who_sent_it(reportable_page):
    response = report_as("198.51.100.1", reportable_page, note="Er staat een <b>naam</b> in")

    assert response.status_code == 200
    assert "Bedankt voor je melding" in response.content.decode()
    report = Report.objects.get()
    assert report.note == "Er staat een naam in"
    assert "198.51.100.1" not in report.reporter_key


def test_the_same_reporter_is_counted_once(reportable_page):
    for _ in range(3):
        report_as("198.51.100.1", reportable_page)

    assert Report.objects.count() == 1
    reportable_page.refresh_from_db()
    assert reportable_page.live


def test_content_is_hidden_at_the_threshold_and_not_before(client, reportable_page):
    report_as("198.51.100.1", reportable_page)
    report_as("198.51.100.2", reportable_page)
    assert client.get("/hulp/").status_code == 200

    report_as("203.0.113.3", reportable_page)

    assert client.get("/hulp/").status_code == 404
    assert PageLogEntry.objects.filter(
        page=reportable_page, action="kring.moderation.auto_hide"
    ).exists()


def test_the_threshold_is_configurable(client, reportable_page):
    settings = ModerationSettings.load()
    settings.auto_hide_threshold = 1
    settings.save()

    report_as("198.51.100.1", reportable_page)

    assert client.get("/hulp/").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Dit is een verplicht veld."),
        ({"reason": "boos"}, "Selecteer een geldige keuze."),
        ({"reason": "spam", "note": "x" * 501}, "niet meer dan 500 tekens"),
    ],
)
def test_bad_reports_get_a_clear_message_and_store_nothing(client, reportable_page, data, message):
    response = client.post(URL.format(reportable_page.pk), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Report.objects.count() == 0


def test_bots_filling_the_hidden_field_are_ignored(client, reportable_page):
    client.post(
        URL.format(reportable_page.pk), {"reason": "spam", "website": "http://spam.example"}
    )

    assert Report.objects.count() == 0


def test_one_client_cannot_flood_reports(reportable_page, help_page):
    client = Client(REMOTE_ADDR="198.51.100.9")
    statuses = [
        client.post(URL.format(reportable_page.pk), {"reason": "spam"}).status_code
        for _ in range(21)
    ]

    assert statuses[-1] == 400
    assert Report.objects.count() == 1


def test_reporting_a_hidden_or_unknown_item_is_not_found(client, reportable_page):
    reportable_page.unpublish()

    assert client.get(URL.format(reportable_page.pk)).status_code == 404
    assert client.get("/melden/bestaat-niet/1/").status_code == 404


@pytest.fixture
def moderator_client(home_page):
    user, secret = make_staff("Moderatoren")
    client = Client()
    staff_login(client, user, secret)
    return client, user


def hide_by_reports(page):
    for n in range(3):
        report_as(f"198.51.{100 + n}.1", page)


def test_moderator_restores_hidden_content_and_the_audit_log_says_who(
    moderator_client, reportable_page
):
    client, user = moderator_client
    hide_by_reports(reportable_page)

    response = client.post(
        "/admin/moderatie/",
        {
            "slug": "testpagina",
            "object_id": reportable_page.pk,
            "action": "restore",
            "why": "onterecht",
        },
    )

    assert response.status_code == 302
    assert Client().get("/hulp/").status_code == 200
    entry = PageLogEntry.objects.get(page=reportable_page, action="kring.moderation.restore")
    assert entry.user == user
    assert entry.data["why"] == "onterecht"
    assert Report.objects.open().count() == 0


def test_moderator_hides_reported_content(moderator_client, reportable_page):
    client, user = moderator_client
    report_as("198.51.100.1", reportable_page)

    hide(client, "testpagina", reportable_page.pk)

    assert Client().get("/hulp/").status_code == 404
    assert PageLogEntry.objects.filter(action="kring.moderation.hide", user=user).exists()


def test_moderator_dismisses_reports_and_the_content_stays(moderator_client, reportable_page):
    client, user = moderator_client
    report_as("198.51.100.1", reportable_page)

    client.post(
        "/admin/moderatie/",
        {"slug": "testpagina", "object_id": reportable_page.pk, "action": "dismiss"},
    )

    assert Client().get("/hulp/").status_code == 200
    assert Report.objects.get().decision == "dismissed"
    assert PageLogEntry.objects.filter(action="kring.moderation.dismiss", user=user).exists()


def test_moderator_removes_reported_content(moderator_client, reportable_page):
    client, user = moderator_client
    page_id = reportable_page.pk
    report_as("198.51.100.1", reportable_page)

    client.post(
        f"/admin/moderatie/verwijderen/testpagina/{page_id}/",
        {"confirm": "1", "reason": "identifying"},
    )

    assert Client().get("/hulp/").status_code == 404
    assert PageLogEntry.objects.filter(
        page_id=page_id, action="kring.moderation.remove", user=user
    ).exists()


def test_queue_lists_reports_with_reasons_counts_and_notes(moderator_client, reportable_page):
    client, _ = moderator_client
    report_as("198.51.100.1", reportable_page, note="noemt de straat")
    report_as("198.51.100.2", reportable_page, reason="spam")

    html = client.get("/admin/moderatie/").content.decode()

    assert "Hulp en advies" in html
    assert "noemt de straat" in html
    assert "Het maakt iemand herkenbaar" in html
    assert "Spam of reclame" in html


def test_dashboard_shows_what_waits_and_since_when(moderator_client, reportable_page):
    client, _ = moderator_client
    report_as("198.51.100.1", reportable_page)

    html = client.get("/admin/").content.decode()

    assert "Wacht op moderatoren" in html
    assert "1 item wacht op een besluit." in html


def test_editors_cannot_see_the_moderation_queue(home_page, reportable_page):
    user, secret = make_staff("Redactie")
    client = Client()
    staff_login(client, user, secret)

    assert client.get("/admin/moderatie/").status_code in (302, 403)
    assert "Moderatiewachtrij" not in client.get("/admin/").content.decode()


def test_moderators_cannot_edit_pages(moderator_client, reportable_page):
    client, _ = moderator_client

    response = client.get(f"/admin/pages/{reportable_page.pk}/edit/")

    assert response.status_code in (302, 403)


def test_no_mail_is_sent_when_the_author_is_unknown(reportable_page):
    hide_by_reports(reportable_page)

    assert mail.outbox == []


def test_editors_read_why_a_moderator_decided_in_the_page_history(
    moderator_client, reportable_page
):
    client, _user = moderator_client
    hide_by_reports(reportable_page)
    client.post(
        "/admin/moderatie/",
        {
            "slug": "testpagina",
            "object_id": reportable_page.pk,
            "action": "restore",
            "why": "Onterecht gemeld",
        },
    )
    editor, secret = make_staff("Redactie")
    editor_client = Client()
    staff_login(editor_client, editor, secret)

    html = editor_client.get(f"/admin/pages/{reportable_page.pk}/history/").content.decode()

    assert "Teruggezet door een moderator" in html
    assert "Onterecht gemeld" in html


def test_the_thanks_page_links_back_unless_the_report_hid_the_page(reportable_page):
    report_as("198.51.100.1", reportable_page)

    still_public = report_as("198.51.100.2", reportable_page).content.decode()
    now_hidden = report_as("203.0.113.3", reportable_page).content.decode()

    assert 'href="/hulp/">Terug naar waar je was</a>' in still_public
    assert "Terug naar waar je was" not in now_hidden
    assert "Terug naar de startpagina" in now_hidden
