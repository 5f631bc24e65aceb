import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "een-lang-wachtwoord-2026"


def sign_up(client, **overrides):
    data = {
        "email": "lid@voorbeeld.nl",
        "pseudonym": "Zonnebloem",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def confirm_link(message):
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def test_signup_stores_the_pseudonym_and_a_username_that_reveals_nothing(client, home_page):
    sign_up(client)

    user = User.objects.get(email="lid@voorbeeld.nl")
    assert user.pseudonym == "Zonnebloem"
    assert str(user) == "Zonnebloem"
    assert "lid" not in user.username.replace("lid-", "", 1)
    assert "voorbeeld" not in user.username


def test_signup_requires_a_verified_address_before_login(client, home_page):
    sign_up(client)
    client.logout()

    response = client.post("/accounts/login/", {"login": "lid@voorbeeld.nl", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    assert len(mail.outbox) >= 1
    subject = mail.outbox[-1].subject
    for word in ["geweld", "violence", "Kring", "misbruik"]:
        assert word.lower() not in subject.lower()


def test_confirming_the_address_lets_the_member_log_in(client, home_page):
    sign_up(client)
    client.post(confirm_link(mail.outbox[-1]))
    client.logout()

    client.post("/accounts/login/", {"login": "lid@voorbeeld.nl", "password": PASSWORD})

    assert EmailAddress.objects.get(email="lid@voorbeeld.nl").verified
    assert client.session.get("_auth_user_id")


@pytest.mark.parametrize(
    ("pseudonym", "message"),
    [
        ("", "Dit is een verplicht veld."),
        ("a", "ten minste 2 tekens"),
        ("ik@mail.nl", "Gebruik alleen letters"),
        ("Bel 0612345678", "geen e-mailadres of telefoonnummer"),
        ("x" * 41, "niet meer dan 40 tekens"),
        # Names that speak for Kring or a help service, however they are spelled.
        ("Moderator Mo", "verward worden met"),
        ("veilig-thuis", "verward worden met"),
        ("\u039coderator", "verward worden met"),  # a Greek capital M
    ],
)
def test_signup_rejects_a_bad_pseudonym_with_a_dutch_message(client, home_page, pseudonym, message):
    response = sign_up(client, pseudonym=pseudonym)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="lid@voorbeeld.nl").exists()


@pytest.fixture
def member(client):
    user = User.objects.create_user(
        username="lid-abc", email="lid@voorbeeld.nl", password=PASSWORD, pseudonym="Zonnebloem"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    return user


def test_member_can_download_everything_kring_keeps(client, home_page, member):
    response = client.get("/accounts/mijn-gegevens/?download=1")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["pseudonym"] == "Zonnebloem"
    assert data["email_addresses"] == [
        {"email": "lid@voorbeeld.nl", "verified": True, "primary": True}
    ]
    assert data["live_rooms"] == []  # every app adds what it holds (tests/live has the rest)


def test_deleting_the_account_needs_the_password(client, home_page, member):
    response = client.post("/accounts/verwijderen/", {"password": "fout", "confirm": "on"})

    assert response.status_code == 200
    assert "Dat wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_deleting_the_account_removes_it_and_logs_out(client, home_page, member):
    response = client.post("/accounts/verwijderen/", {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email="lid@voorbeeld.nl").exists()
    assert "_auth_user_id" not in client.session


def test_account_pages_need_a_login(client, home_page):
    for path in ["/accounts/mijn-gegevens/", "/accounts/verwijderen/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
