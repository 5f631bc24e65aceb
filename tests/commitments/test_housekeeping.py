"""Reminders to editors (each once) and the purge of followers no longer needed."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from commitments import conf
from commitments.models import Commitment, Follower, FollowerLink, Status
from tests.helpers import make_staff


@pytest.fixture
def editor(db):
    user, _secret = make_staff("Redactie", email="redacteur@kring.test", with_totp=False)
    return user


def run(command):
    out = io.StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def remind(committed):
    with committed():
        return run("send_commitment_reminders")


def test_editors_are_reminded_once_before_the_due_date(committed, editor, make_commitment):
    make_commitment(days=6, what="Binnenkort klaar.")
    make_commitment(days=8, what="Nog niet aan de beurt.")
    make_commitment(days=3, what="Al gedaan.", status=Status.DONE)

    remind(committed)
    remind(committed)

    [message] = mail.outbox
    assert message.to == ["redacteur@kring.test"]
    assert message.subject == "Kring: toezeggingen om na te kijken"
    assert "Binnenkort klaar." in message.body
    assert "Nog niet aan de beurt." not in message.body
    assert "Al gedaan." not in message.body
    assert "/admin/snippets/commitments/commitment/edit/" in message.body


def test_a_passed_due_date_shows_late_and_reminds_editors_once(
    committed, clock, editor, make_commitment
):
    commitment = make_commitment(days=0, what="Vandaag de laatste dag.")
    remind(committed)  # the reminder before
    mail.outbox.clear()
    assert not commitment.is_overdue

    clock.set(timezone.now() + datetime.timedelta(days=1))
    first = remind(committed)
    remind(committed)

    assert "and 1 late one(s)" in first
    [message] = mail.outbox
    assert "te laat" in message.body and "Vandaag de laatste dag." in message.body
    assert Commitment.objects.get().is_overdue
    assert list(Commitment.objects.overdue()) == [commitment]


def test_a_moved_due_date_gets_its_own_reminder(committed, editor, make_commitment):
    commitment = make_commitment(days=5)
    remind(committed)
    commitment.due_date += datetime.timedelta(days=1)
    commitment.save()

    remind(committed)
    remind(committed)

    assert len(mail.outbox) == 2


def test_reminders_go_to_editors_only(committed, db, django_user_model, make_commitment):
    make_staff("Moderatoren", email="moderator@kring.test", with_totp=False)
    django_user_model.objects.create_user("lid", "lid@example.org", "wachtwoord")
    make_commitment(days=1)

    remind(committed)

    assert mail.outbox == []


def make_follower(commitment, **fields):
    fields.setdefault("email", f"volger{Follower.objects.count()}@example.org")
    return Follower.objects.create(commitment=commitment, **fields)


def test_purge_keeps_followers_until_their_time_is_up(clock, make_commitment):
    now = timezone.now()
    days = datetime.timedelta(days=conf.follower_retention_days())
    following = make_commitment()
    done_long_ago = make_commitment(status=Status.DONE)
    Commitment.objects.filter(pk=done_long_ago.pk).update(
        done_at=now - days - datetime.timedelta(hours=1)
    )
    done_lately = make_commitment(status=Status.DONE)

    keep = [
        make_follower(following, confirmed_at=now),
        make_follower(done_lately, confirmed_at=now),
        make_follower(
            following, email="", unsubscribed_at=now - days + datetime.timedelta(hours=1)
        ),
    ]
    waiting = make_follower(following)
    FollowerLink.issue(
        waiting, FollowerLink.Purpose.CONFIRM, expires_at=now + conf.confirm_link_lifetime()
    )
    keep.append(waiting)
    gone = [
        make_follower(done_long_ago, confirmed_at=now),
        make_follower(
            following, email="", unsubscribed_at=now - days - datetime.timedelta(hours=1)
        ),
    ]
    expired = make_follower(following)
    Follower.objects.filter(pk=expired.pk).update(
        created_at=now - conf.confirm_link_lifetime() - datetime.timedelta(minutes=1)
    )
    FollowerLink.issue(
        expired, FollowerLink.Purpose.CONFIRM, expires_at=now - datetime.timedelta(minutes=1)
    )
    gone.append(expired)

    out = run("purge_commitment_followers")

    assert "Deleted 1 follower(s) of commitments done" in out
    assert set(Follower.objects.values_list("pk", flat=True)) == {f.pk for f in keep}
    assert not FollowerLink.objects.filter(expires_at__lte=now).exists()


def test_an_unconfirmed_follower_goes_after_the_confirmation_window(
    client, clock, make_commitment, commitments_page
):
    commitment = make_commitment()
    client.post(f"/toezeggingen/{commitment.pk}/", {"email": "volger@example.org"})
    clock.set(timezone.now() + conf.confirm_link_lifetime() - datetime.timedelta(minutes=5))
    run("purge_commitment_followers")
    assert Follower.objects.count() == 1

    clock.set(timezone.now() + datetime.timedelta(minutes=10))
    run("purge_commitment_followers")

    assert Follower.objects.count() == 0
