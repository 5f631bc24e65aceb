import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]


def test_home_page_shows_help_numbers_and_quick_exit_in_dutch(client, home_page):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "0800-2000" in html
    assert 'href="tel:112"' in html
    assert "Masker 19" in html
    assert "data-quick-exit" in html
    assert "https://neutral.example/" in html


def test_help_page_is_served_at_hulp(client, help_page):
    response = client.get("/hulp/")

    assert response.status_code == 200
    assert "Bel Veilig Thuis." in response.content.decode()


def test_home_page_links_the_sections_editors_put_in_the_menu(client, help_page):
    html = client.get("/").content.decode()

    assert 'href="/hulp/"' in html
    assert "Hulp en advies" in html
