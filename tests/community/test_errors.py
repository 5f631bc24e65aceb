"""Error pages render without the database and always show the help numbers."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def database_down():
    return mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError("connection refused")
    )


def assert_shows_help_and_quick_exit(html):
    assert "0800-2000" in html
    assert 'href="tel:112"' in html
    assert "data-quick-exit" in html


def test_unreachable_database_gives_a_503_with_help_numbers(home_page):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/")

    assert response.status_code == 503
    html = response.content.decode()
    assert "Kring is tijdelijk niet beschikbaar" in html
    assert_shows_help_and_quick_exit(html)
    assert response.headers["Retry-After"] == "30"


def test_unreachable_database_on_a_missing_page_still_gives_the_503(home_page):
    client = Client(raise_request_exception=False)

    with database_down():
        response = client.get("/bestaat-niet/")

    assert response.status_code == 503
    assert_shows_help_and_quick_exit(response.content.decode())


def test_not_found_page_is_dutch_and_needs_no_database_itself(
    client, home_page, django_assert_max_num_queries
):
    # Wagtail's site, locale and page lookup, not the error page.
    with django_assert_max_num_queries(4):
        response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "We kunnen deze pagina niet vinden" in html
    assert_shows_help_and_quick_exit(html)


def test_server_error_page_shows_help_numbers(home_page):
    client = Client(raise_request_exception=False)

    with mock.patch("community.models.HomePage.serve", side_effect=RuntimeError("boom")):
        response = client.get("/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging bij ons iets mis" in html
    assert_shows_help_and_quick_exit(html)


def test_help_numbers_edited_by_editors_reach_every_page(client, home_page):
    from community.models import HelpSettings

    numbers = HelpSettings.load()
    numbers.veilig_thuis_phone = "0800-2001"
    numbers.save()

    assert "0800-2001" in client.get("/").content.decode()
