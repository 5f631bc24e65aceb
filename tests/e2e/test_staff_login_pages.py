"""The staff sign-in (allauth's login and second-factor pages) in Kring's layout, on a phone and a
desktop, in Dutch and English: quick exit and help numbers, an error summary that gets focus."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.test_layout import LAYOUT_PROBLEMS
from tests.helpers import STAFF_PASSWORD, make_staff, totp_code

TEXT = {
    "nl": {"exit": "Snel weg", "summary": "Er moet nog iets worden aangepast"},
    "en": {"exit": "Leave this site quickly", "summary": "Something needs your attention"},
}


def assert_sound(page, where):
    """Nothing scrolls sideways or covers anything, the quick exit is whole, axe finds nothing."""
    assert page.evaluate(LAYOUT_PROBLEMS) == [], where
    results = Axe().run(page)
    assert results.violations_count == 0, f"{where}: {results.generate_report()}"
    assert page.get_by_text("0800-2000").first.is_visible()
    # The admin's CSP exception does not apply here: no inline style or script on the page.
    assert page.locator("[style]").count() == 0
    assert page.locator("script:not([src]):not([type='application/json'])").count() == 0


def summary_has_focus(page):
    return page.evaluate("document.activeElement.matches('[data-error-summary]')")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", [390, 1280])
def test_staff_sign_in_pages_are_kring_pages(
    new_context, site_url, home_page, screenshot, language, width
):
    user, secret = make_staff("Moderatoren")
    page = new_context(viewport={"width": width, "height": 800 if width < 700 else 900}).new_page()
    if language == "en":
        page.goto(site_url + "/taal/en/?next=/")
    text = TEXT[language]

    page.goto(site_url + "/accounts/login/?next=/admin/")
    assert page.get_by_role("link", name=text["exit"]).first.is_visible()
    assert_sound(page, f"login {language} {width}")
    screenshot(page, f"staff-login-{language}-{width}")

    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", "not the password")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert page.get_by_role("heading", name=text["summary"]).is_visible()
    assert summary_has_focus(page)
    assert page.locator("input[name=login]").input_value() == user.email
    assert_sound(page, f"login error {language} {width}")
    screenshot(page, f"staff-login-error-{language}-{width}")

    page.fill("input[name=password]", STAFF_PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    page.fill("input[name=code]", "000000")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("load")
    assert summary_has_focus(page)
    assert_sound(page, f"second factor error {language} {width}")
    screenshot(page, f"staff-mfa-error-{language}-{width}")

    page.fill("input[name=code]", totp_code(secret))
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{site_url}/admin/**")
