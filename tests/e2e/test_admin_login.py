import re

from django.core import mail
from django.core.management import call_command

from tests.helpers import browser_staff_login, make_staff


def test_editor_logs_in_to_the_admin_with_password_and_totp(page, site_url, home_page, screenshot):
    user, secret = make_staff("Redactie", pseudonym="Redactie Demo")

    browser_staff_login(page, site_url, user, secret)

    assert page.get_by_text("Redactie Demo").first.is_visible()
    screenshot(page, "admin-dashboard")
    page.goto(site_url + "/admin/settings/community/helpsettings/")
    assert page.locator("#id_veilig_thuis_phone").input_value() == "0800-2000"


def test_staff_without_a_second_factor_enrol_only_through_their_invitation(
    page, site_url, home_page, screenshot
):
    user, _ = make_staff("Moderatoren", with_totp=False)

    page.goto(site_url + "/accounts/login/?next=/admin/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", "staff-wachtwoord-2026")
    page.locator("form button[type=submit]").first.click()

    # The password alone leads to an explanation, not to a page that links an authenticator.
    page.wait_for_url("**/medewerkers/tweede-stap/")
    assert page.get_by_role("heading", name="Stel eerst tweestapsverificatie in").is_visible()
    page.goto(site_url + "/accounts/2fa/totp/activate/")
    assert page.url.endswith("/medewerkers/tweede-stap/")

    call_command("invite_staff", user.email)
    link = re.search(r"/medewerkers/uitnodiging/\S+/", mail.outbox[-1].body)[0]
    page.goto(site_url + link)
    page.get_by_role("button", name="Koppel mijn authenticator-app").click()
    # allauth asks for the password once more before a second factor is added.
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.fill("input[name=password]", "staff-wachtwoord-2026")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    screenshot(page, "mfa-setup")
    assert page.locator("input[name=code]").is_visible()
