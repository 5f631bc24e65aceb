import io

from django.core.management.base import OutputWrapper

from community import demo


class _Command:
    stdout = OutputWrapper(io.StringIO())


def test_demo_editor_logs_in_to_the_wagtail_admin(page, site_url, home_page, screenshot):
    demo._seed_demo_staff(_Command())
    role, username, _email, _name, password, _group = demo.DEMO_STAFF[0]
    assert role == "editor"

    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Inloggen").click()

    page.wait_for_url(site_url + "/admin/")
    assert page.get_by_text("Redactie Demo").first.is_visible()
    screenshot(page, "admin-dashboard")

    page.goto(site_url + "/admin/settings/community/helpsettings/")
    assert page.locator("#id_veilig_thuis_phone").input_value() == "0800-2000"
