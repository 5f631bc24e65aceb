import logging

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_access_log_has_no_client_address_query_or_token(client, home_page, caplog):
    token = "Zx8_q2LrT0kEw9YbVnM3aPfGhJ1uCd"
    with caplog.at_level(logging.INFO, logger="kring.access"):
        client.get(f"/verhalen/mijn-verhaal/{token}/?postcode=1234AB", REMOTE_ADDR="203.0.113.7")

    lines = [r.getMessage() for r in caplog.records if r.name == "kring.access"]
    assert lines == [lines[0]]
    assert "GET /verhalen/mijn-verhaal/…/ 404" in lines[0]
    assert token not in caplog.text
    assert "203.0.113.7" not in caplog.text
    assert "1234AB" not in caplog.text


def test_language_switch_changes_the_interface_to_english_and_back(client, home_page):
    response = client.get("/taal/en/?next=/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Leave this site quickly" in client.get("/").content.decode()

    client.get("/taal/nl/?next=/")
    assert "Snel weg" in client.get("/").content.decode()


def test_language_switch_does_not_redirect_to_other_sites(client, home_page):
    response = client.get("/taal/en/?next=https://kwaadwillend.example/")

    assert response["Location"] == "/"


def test_language_switch_ignores_unknown_languages(client, home_page):
    client.get("/taal/xx/?next=/")

    assert "Snel weg" in client.get("/").content.decode()
