"""A staff account's second factor belongs to whoever holds the mailbox, not the password.

The attacker knows a new staff member's password (phished, reused, read over a shoulder) and
logs in before she does, hoping to link their own authenticator app.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from moderation.models import StaffInvitation
from tests.helpers import STAFF_PASSWORD, make_staff, totp_code

pytestmark = pytest.mark.django_db

ENROLMENT_PAGES = [
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/email/",
]


def password_login(user, client=None):
    client = client or Client()
    client.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)
    return client


def invite(email="nieuw@kring.test", django_capture_on_commit_callbacks=None):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("invite_staff", email)
    return re.search(r"https?://\S+/medewerkers/uitnodiging/\S+/", mail.outbox[-1].body)[0]


def path_of(url):
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def register_totp(client):
    """What anyone would do on the activation page: confirm the password if asked, scan the QR
    code, enter the code the app shows."""
    page = client.get("/accounts/2fa/totp/activate/")
    if page.status_code == 302 and page["Location"].startswith("/accounts/reauthenticate/"):
        client.post(page["Location"], {"password": STAFF_PASSWORD})
        page = client.get("/accounts/2fa/totp/activate/")
    secret = generate_totp_secret()
    if page.status_code == 200:
        secret = page.context["form"].secret
    return client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})


@pytest.mark.parametrize("path", ENROLMENT_PAGES)
def test_a_password_alone_reaches_no_enrolment_page(newcomer, path):
    thief = password_login(newcomer)

    response = thief.get(path)

    assert response.status_code == 302
    assert response["Location"] == "/medewerkers/tweede-stap/"
    page = thief.get(response["Location"]).content.decode()
    assert "Je account heeft nog geen tweestapsverificatie" in page


def test_a_password_thief_cannot_register_an_authenticator(newcomer):
    thief = password_login(newcomer)

    register_totp(thief)

    assert not Authenticator.objects.filter(user=newcomer).exists()
    assert thief.get("/admin/")["Location"] == "/medewerkers/tweede-stap/"


def test_the_invitation_goes_to_the_verified_address_and_lets_her_enrol_once(
    newcomer, django_capture_on_commit_callbacks
):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["nieuw@kring.test"]
    assert "geweld" not in mail.outbox[-1].subject.lower()
    staff = password_login(newcomer)

    landing = staff.get(path_of(url))
    assert landing["Location"] == "/medewerkers/uitnodiging/"
    assert "Koppel mijn authenticator-app" in staff.get(landing["Location"]).content.decode()
    accepted = staff.post("/medewerkers/uitnodiging/")
    assert accepted["Location"] == "/accounts/2fa/totp/activate/"
    register_totp(staff)

    assert Authenticator.objects.filter(user=newcomer, type=Authenticator.Type.TOTP).exists()
    again = Client()
    login = again.post("/accounts/login/", {"login": newcomer.email, "password": STAFF_PASSWORD})
    assert login["Location"].startswith("/accounts/2fa/authenticate/")  # now the code is asked
    reused = Client().get(path_of(url), follow=True)
    assert reused.status_code == 404
    assert "Deze uitnodiging werkt niet" in reused.content.decode()


def test_opening_the_invitation_logged_out_asks_for_the_password_then_continues(
    newcomer, django_capture_on_commit_callbacks
):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    browser = Client()

    response = browser.get(path_of(url), follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/login/?next=/medewerkers/uitnodiging/"
    token = path_of(url).rstrip("/").rsplit("/", 1)[1]
    assert all(token not in location for location, _status in response.redirect_chain[1:])
    login = browser.post(
        "/accounts/login/?next=/medewerkers/uitnodiging/",
        {"login": newcomer.email, "password": STAFF_PASSWORD},
    )
    assert login["Location"] == "/medewerkers/uitnodiging/"

    assert browser.post("/medewerkers/uitnodiging/")["Location"] == "/accounts/2fa/totp/activate/"
    register_totp(browser)
    assert Authenticator.objects.filter(user=newcomer).exists()


def test_an_expired_invitation_does_not_work(newcomer, django_capture_on_commit_callbacks):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    StaffInvitation.objects.update(expires_at=StaffInvitation.objects.get().created_at)
    staff = password_login(newcomer)

    response = staff.get(path_of(url), follow=True)

    assert response.status_code == 404
    assert "is verlopen" in response.content.decode()
    assert staff.post("/medewerkers/uitnodiging/").status_code == 404
    assert staff.get("/accounts/2fa/totp/activate/")["Location"] == "/medewerkers/tweede-stap/"


def test_the_expiry_is_a_setting(newcomer, settings, django_capture_on_commit_callbacks):
    settings.KRING_STAFF_INVITATION_HOURS = 2
    invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)

    invitation = StaffInvitation.objects.get()

    assert invitation.expires_at - invitation.created_at < timedelta(hours=2, seconds=5)
    assert "2 uur" in mail.outbox[-1].body


def test_someone_elses_account_cannot_use_the_invitation(
    newcomer, django_capture_on_commit_callbacks
):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    other, _ = make_staff("Redactie", email="ander@kring.test", with_totp=False)
    intruder = password_login(other)

    intruder.get(path_of(url))

    assert intruder.post("/medewerkers/uitnodiging/").status_code == 404
    assert StaffInvitation.objects.filter(user=newcomer).exists()


@pytest.mark.parametrize(
    "email", ["onbekend@kring.test", "lid@kring.test", "nieuw@kring.test.evil"]
)
def test_invitations_go_only_to_a_staff_members_verified_address(newcomer, email):
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    member = get_user_model().objects.create_user(username="lid", email="lid@kring.test")
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)

    with pytest.raises(CommandError):
        call_command("invite_staff", email)

    assert mail.outbox == []
    assert not StaffInvitation.objects.exists()


def test_staff_who_already_have_a_second_factor_are_not_invited(home_page):
    make_staff("Redactie", email="klaar@kring.test")

    with pytest.raises(CommandError):
        call_command("invite_staff", "klaar@kring.test")


def test_the_invitation_token_reaches_no_log_line(
    newcomer, django_capture_on_commit_callbacks, caplog
):
    url = invite(django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    token = path_of(url).rstrip("/").rsplit("/", 1)[1]
    staff = password_login(newcomer)

    with caplog.at_level("DEBUG"):
        staff.get(path_of(url), follow=True)
        staff.post("/medewerkers/uitnodiging/")

    assert caplog.records
    assert all(token not in record.getMessage() for record in caplog.records)


def test_the_command_prints_neither_the_address_nor_the_link(newcomer):
    out = StringIO()

    call_command("invite_staff", "nieuw@kring.test", stdout=out)

    assert "invitation sent" in out.getvalue()
    assert "nieuw@" not in out.getvalue() and "/medewerkers/" not in out.getvalue()
