from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.workshops.helpers import JOIN_URL, joins_to, link_in, mails_to
from workshops.models import Registration, RegistrationLink, Session

pytestmark = pytest.mark.django_db


def run(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_reminder_goes_out_once_to_everyone_with_a_seat(client, make_session, confirmed, register):
    tomorrow = make_session(seats=1, starts_in=timedelta(days=4))
    confirmed(email="a@example.org", target=tomorrow)
    confirmed(email="wacht@example.org", target=tomorrow)
    register(email="nog-niet@example.org", target=tomorrow)
    Session.objects.filter(pk=tomorrow.pk).update(starts_at=timezone.now() + timedelta(hours=20))
    Registration.objects.update(seated_at=days_ago(2))
    mail.outbox.clear()

    first = run("send_workshop_reminders")
    second = run("send_workshop_reminders")

    assert first.strip() == "1 reminder(s) sent."
    assert second.strip() == "0 reminder(s) sent."
    [message] = mail.outbox
    assert message.to == ["a@example.org"]
    assert message.subject.startswith("Herinnering: ")
    assert JOIN_URL not in message.body
    assert joins_to(client, message) == JOIN_URL
    assert "Je bent aangemeld" in client.get(link_in(message, "/aanmelding/")).content.decode()


def test_reminder_waits_until_the_day_before(make_session, confirmed):
    confirmed(target=make_session(starts_in=timedelta(hours=30)))

    assert run("send_workshop_reminders").strip() == "0 reminder(s) sent."


def test_no_reminder_for_a_seat_given_within_the_last_day(make_session, confirmed):
    soon = make_session(starts_in=timedelta(hours=5))
    confirmed(target=soon)

    assert run("send_workshop_reminders").strip() == "0 reminder(s) sent."


def test_reminders_claim_each_registration_before_mailing(make_session, confirmed):
    # A second timer that already claimed the registration wins: no double reminder.
    session = make_session(starts_in=timedelta(days=3))
    registration, _token = confirmed(target=session)
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() + timedelta(hours=2))
    Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
    mail.outbox.clear()

    run("send_workshop_reminders")

    assert mails_to("deelnemer@example.org") == []


def test_purge_deletes_registrations_thirty_days_after_the_session(make_session, confirmed):
    old = make_session(starts_in=timedelta(days=3))
    recent = make_session(starts_in=timedelta(days=3))
    confirmed(email="oud@example.org", target=old)
    confirmed(email="recent@example.org", target=recent)
    Session.objects.filter(pk=old.pk).update(starts_at=days_ago(32), ends_at=days_ago(31))
    Session.objects.filter(pk=recent.pk).update(starts_at=days_ago(30), ends_at=days_ago(29))

    output = run("purge_workshop_registrations")

    assert list(Registration.objects.values_list("email", flat=True)) == ["recent@example.org"]
    assert "Deleted 1 registration(s)" in output
    assert not RegistrationLink.objects.filter(registration__email="oud@example.org").exists()
    assert Session.objects.filter(pk=old.pk).exists()  # the page keeps its history of dates


def test_purge_follows_the_retention_setting(settings, make_session, confirmed):
    settings.KRING_WORKSHOP_RETENTION_DAYS = 7
    session = make_session(starts_in=timedelta(days=3))
    confirmed(target=session)
    Session.objects.filter(pk=session.pk).update(starts_at=days_ago(9), ends_at=days_ago(8))

    run("purge_workshop_registrations")

    assert Registration.objects.count() == 0


def test_purge_deletes_unconfirmed_registrations_once_their_link_expired(session, register):
    register(email="verlopen@example.org")
    register(email="nog-geldig@example.org")
    RegistrationLink.objects.filter(registration__email="verlopen@example.org").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )

    output = run("purge_workshop_registrations")

    assert list(Registration.objects.values_list("email", flat=True)) == ["nog-geldig@example.org"]
    assert "and 1 unconfirmed" in output
