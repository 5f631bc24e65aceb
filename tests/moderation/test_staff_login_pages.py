"""allauth's sign-in pages are Kring pages: the layout, help numbers and an error summary."""

import re

import pytest

from tests.helpers import STAFF_PASSWORD, make_staff

pytestmark = pytest.mark.django_db


def assert_kring_page(html):
    assert "data-quick-exit" in html
    assert "0800-2000" in html
    assert "/static/css/account.css" in html
    # The strict CSP: nothing inline.
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))[^>]*>", html)


@pytest.mark.parametrize(
    ("language", "title", "exit"),
    [("nl", "Aanmelden", "Snel weg"), ("en", "Sign In", "Leave this site quickly")],
)
def test_the_login_page_is_in_kring_layout_in_both_languages(
    client, home_page, language, title, exit
):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    assert_kring_page(html)
    assert re.search(rf"<h1>\s*{title}\s*</h1>", html)
    assert exit in html
    assert '<label for="id_login">' in html


def test_a_wrong_password_gets_an_error_summary_that_takes_focus(client, home_page):
    user, _ = make_staff("Moderatoren")

    html = client.post(
        "/accounts/login/", {"login": user.email, "password": "niet het wachtwoord"}
    ).content.decode()

    assert_kring_page(html)
    summary = re.search(r'<div class="error-summary"[^>]*>', html)[0]
    assert 'role="alert"' in summary and "autofocus" in summary and "data-error-summary" in summary
    assert "Er moet nog iets worden aangepast" in html
    assert "wachtwoord is niet correct" in html
    # Said once, in the summary: not again as a second alert above the fields.
    assert html.count('role="alert"') == 1
    assert f'value="{user.email}"' in html


def test_a_wrong_code_on_the_second_factor_page_is_summarised_and_linked(client, home_page):
    user, _ = make_staff("Moderatoren")
    client.post("/accounts/login/", {"login": user.email, "password": STAFF_PASSWORD})

    html = client.post("/accounts/2fa/authenticate/", {"code": "000000"}).content.decode()

    assert_kring_page(html)
    assert '<li><a href="#id_code">' in html
    assert 'class="field field--error"' in html
