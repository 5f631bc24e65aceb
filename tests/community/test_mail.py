import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from community.mail import queue_mail

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@override_settings(TASKS=DATABASE_TASKS)
def test_a_sent_mail_leaves_no_address_or_link_in_the_task_table(home_page):
    queue_mail(
        "moderation/mail/hidden",
        "auteur@voorbeeld.nl",
        {"title": "Geheime titel", "link": "https://kring.example/verhalen/mijn-verhaal/abc/"},
    )
    assert DBTaskResult.objects.count() == 1
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["auteur@voorbeeld.nl"]
    assert DBTaskResult.objects.count() == 0


def test_mails_have_a_plain_and_an_html_part_and_a_neutral_subject(home_page):
    queue_mail("moderation/mail/hidden", "auteur@voorbeeld.nl", {"title": "Mijn verhaal"})

    message = mail.outbox[0]
    assert message.subject == "Een bericht over je bijdrage"
    assert "Mijn verhaal" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<img" not in html
    assert "http" not in html


def test_a_mail_sent_at_once_logs_no_error_about_a_task_row(home_page, caplog):
    # The immediate backend (development, tests) keeps no row: nothing to delete, no alarm.
    queue_mail("moderation/mail/hidden", "auteur@voorbeeld.nl", {"title": "Mijn verhaal"})

    assert len(mail.outbox) == 1
    assert [r.message for r in caplog.records if r.levelname == "ERROR"] == []
