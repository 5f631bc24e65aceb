from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings


def _neutral_site(page):
    """Answer for the neutral site ourselves: the test machine has no internet."""
    page.route(
        settings.KRING_QUICK_EXIT_URL + "**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weer</title>"
        ),
    )


def test_home_page_opens_with_help_numbers(page, site_url, help_page, screenshot):
    page.goto(site_url + "/")

    assert page.locator("h1").inner_text() == "Kring"
    assert page.get_by_role("complementary", name="Direct hulp").is_visible()
    assert "0800-2000" in page.locator(".help-banner").inner_text()
    screenshot(page, "home")


def test_escape_key_replaces_the_page_and_its_history_entry(page, site_url, help_page):
    _neutral_site(page)
    page.goto(site_url + "/")
    page.goto(site_url + "/hulp/")

    page.keyboard.press("Escape")
    page.wait_for_url(settings.KRING_QUICK_EXIT_URL)

    # The help page is gone from history: going back lands on the page before it.
    page.go_back()
    assert page.url == site_url + "/"


def test_quick_exit_button_replaces_the_page_and_its_history_entry(page, site_url, help_page):
    _neutral_site(page)
    page.goto(site_url + "/")
    page.goto(site_url + "/hulp/")

    page.get_by_role("link", name="Snel weg").click()
    page.wait_for_url(settings.KRING_QUICK_EXIT_URL)

    assert page.title() == "Weer"
    page.go_back()
    assert page.url == site_url + "/"


def test_pages_request_nothing_from_other_origins(page, site_url, help_page):
    origin = urlsplit(site_url).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    for path in ["/", "/hulp/", "/accounts/login/"]:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")

    assert requested, "the pages made no requests at all"
    foreign = [url for url in requested if urlsplit(url).netloc != origin]
    assert foreign == []


@pytest.mark.parametrize("path", ["/", "/hulp/", "/accounts/login/", "/bestaat-niet/"])
def test_pages_have_no_accessibility_violations(page, site_url, help_page, path):
    page.goto(site_url + path)

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


def test_strict_csp_reports_no_violations(page, site_url, help_page):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(site_url + "/")
    page.wait_for_load_state("networkidle")

    assert [e for e in errors if "Content Security Policy" in e] == []
