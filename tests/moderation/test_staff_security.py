import time

import pytest
from django.core.cache import cache
from django.test import Client

from moderation.staff import SESSION_SEEN, SESSION_STARTED
from tests.helpers import STAFF_PASSWORD, make_staff, staff_login, totp_code

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/pages/", "/admin/settings/community/helpsettings/"]


def test_admin_login_goes_through_allauth(client, home_page):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_admin_login_does_not_redirect_to_other_sites(client, home_page):
    response = client.get("/admin/login/?next=https://kwaadwillend.example/")

    assert response["Location"] == "/accounts/login/?next=/admin/"


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_staff_without_a_second_factor_cannot_reach_any_admin_page(client, home_page, path):
    user, _ = make_staff("Redactie", with_totp=False)
    client.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})
    assert client.session.get("_auth_user_id")

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == "/medewerkers/tweede-stap/"


def test_staff_with_totp_must_enter_the_code_before_the_admin(client, home_page):
    user, _secret = make_staff("Redactie")

    response = client.post(
        "/accounts/login/?next=/admin/", {"login": user.email, "password": STAFF_PASSWORD}
    )

    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_staff_with_password_and_totp_code_reach_the_admin(client, home_page):
    user, secret = make_staff("Redactie")

    response = staff_login(client, user, secret)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_totp_code_keeps_staff_out(client, home_page):
    user, secret = make_staff("Redactie")
    client.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})

    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("stamp", "age"),
    [(SESSION_SEEN, 31 * 60), (SESSION_STARTED, 12 * 60 * 60 + 60)],
    ids=["idle-30-minutes", "absolute-12-hours"],
)
def test_staff_sessions_expire(client, home_page, stamp, age):
    user, secret = make_staff("Moderatoren")
    staff_login(client, user, secret)
    session = client.session
    session[stamp] = time.time() - age
    session.save()

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_active_staff_stay_logged_in(client, home_page):
    user, secret = make_staff("Moderatoren")
    staff_login(client, user, secret)
    session = client.session
    session[SESSION_SEEN] = time.time() - 29 * 60
    session.save()

    assert client.get("/admin/").status_code == 200


def test_brute_force_logins_are_throttled(client, home_page):
    user, _ = make_staff("Redactie", with_totp=False)

    for attempt in range(5):
        response = client.post(
            "/accounts/login/", {"login": user.email, "password": f"fout-{attempt}"}
        )
        assert "Te veel inlogpogingen" not in response.content.decode()

    # After five failures even the right password is refused for a while.
    response = client.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})

    assert "Te veel inlogpogingen. Probeer het later nogmaals." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_out_everywhere_ends_the_other_sessions(home_page):
    user, secret = make_staff("Redactie")
    laptop, phone = Client(), Client()
    staff_login(laptop, user, secret)
    cache.clear()  # forget that this TOTP code was used, so the second device may use it too
    phone.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})
    phone.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert phone.get("/admin/").status_code == 200

    laptop.post("/accounts/overal-uitloggen/")

    assert phone.get("/admin/").status_code == 302
    assert laptop.get("/admin/").status_code == 302


def test_members_without_a_staff_role_get_a_clear_no_from_the_admin(client, home_page):
    from django.contrib.auth import get_user_model

    member = get_user_model().objects.create_user(username="lid", email="lid@voorbeeld.nl")
    client.force_login(member)

    response = client.get("/admin/")

    assert response.status_code == 403
    assert "Je kunt deze pagina niet openen" in response.content.decode()
