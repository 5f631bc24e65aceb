"""A member's own data and the page to delete the account are private (`community.private`)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.helpers import assert_private

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, home_page):
    user = get_user_model().objects.create_user(
        username="lid-abc", email="lid@voorbeeld.nl", password="lid-wachtwoord-2026"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "path", ["/accounts/mijn-gegevens/", "/accounts/mijn-gegevens/?download=1"]
)
def test_a_members_data_is_private(client, member, path):
    response = client.get(path)

    assert response.status_code == 200
    assert_private(response)


def test_the_delete_account_form_is_private(client, member):
    assert_private(client.get("/accounts/verwijderen/"))


def test_a_wrong_password_on_the_delete_form_answers_privately(client, member):
    response = client.post("/accounts/verwijderen/", {"password": "niet-het-wachtwoord"})

    assert get_user_model().objects.filter(pk=member.pk).exists()
    assert_private(response)
