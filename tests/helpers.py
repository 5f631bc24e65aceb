"""Helpers shared by tests: staff accounts with a second factor, as Kring requires of staff."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

STAFF_PASSWORD = "staff-wachtwoord-2026"


def make_staff(group_name, *, email=None, pseudonym=None, with_totp=True):
    """A staff member in `group_name` ("Redactie" or "Moderatoren"); returns (user, totp secret)."""
    email = email or f"{group_name.lower()}@kring.test"
    user = get_user_model().objects.create_user(
        username=email.split("@")[0],
        email=email,
        password=STAFF_PASSWORD,
        pseudonym=pseudonym or group_name,
    )
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    secret = None
    if with_totp:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    return user, secret


def totp_code(secret, offset=0):
    """The current TOTP code, as the staff member's authenticator app would show it."""
    counter = int(time.time()) // 30 + offset
    return format_hotp_value(hotp_value(secret, counter))


def staff_login(client, user, secret, next_url="/admin/"):
    """Log in through allauth with password and second factor, as staff must."""
    client.post(
        f"/accounts/login/?next={next_url}", {"login": user.email, "password": STAFF_PASSWORD}
    )
    return client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})


def browser_staff_login(page, site_url, user, secret, next_url="/admin/"):
    """The same in Chromium: the login form, then the authenticator code."""
    page.goto(f"{site_url}/accounts/login/?next={next_url}")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", STAFF_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    page.fill("input[name=code]", totp_code(secret))
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site_url}{next_url}**")


def in_english(client):
    """The client after choosing English with the language link, as a reader does."""
    client.get("/taal/en/?next=/")
    return client


def assert_private(response):
    """What every page behind a private link or token sends (`community.private`): no browser,
    proxy or page cache keeps it, no search engine indexes it, no Referer names its address."""
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "must-revalidate", "private", "max-age=0"} <= cache_control
    assert "Expires" in response
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "X-Kring-Cache" not in response
