from tests.helpers import browser_staff_login, make_staff
from tests.stories.factories import published_story


def report_in_its_own_browser(new_context, site_url, story, person):
    # All browsers here share 127.0.0.1: as behind Kring's reverse proxy, the proxy's header
    # tells the three people apart.
    page = new_context(extra_http_headers={"X-Real-IP": f"198.51.{100 + person}.1"}).new_page()
    page.goto(site_url + story.url)
    page.get_by_role("link", name="Dit verhaal melden bij de moderatoren").click()
    page.get_by_label("Het maakt iemand herkenbaar").check()
    page.get_by_role("button", name="Melding versturen").click()
    assert page.get_by_role("heading", name="Bedankt voor je melding").is_visible()


def test_story_reported_three_times_stays_online_flagged_and_a_moderator_hides_it(
    new_context,
    site_url,
    story_index,
    screenshot,
    settings,
):
    settings.KRING_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    story = published_story(story_index, title="Mijn weg terug")
    story_url = site_url + story.url

    for person in range(3):
        report_in_its_own_browser(new_context, site_url, story, person)

    reader = new_context().new_page()
    assert reader.goto(story_url).status == 200

    user, secret = make_staff("Moderatoren", pseudonym="Moderator")
    admin = new_context().new_page()
    browser_staff_login(admin, site_url, user, secret)
    admin.goto(site_url + "/admin/moderatie/")
    row = admin.locator("tr", has_text="Mijn weg terug")
    assert row.locator(".kring-report-count").inner_text() == "3"
    assert row.get_by_text("gemarkeerd na meldingen: nog openbaar").is_visible()
    screenshot(admin, "moderation-queue")
    row.get_by_label("Waarom").fill("noemt de straat")
    row.get_by_role("button", name="Verbergen…").click()

    # A page of its own asks why; what was typed in the queue came along. Nothing is hidden yet.
    admin.wait_for_url("**/admin/moderatie/verbergen/verhaal/**")
    assert admin.get_by_label("Notitie voor het auditlog").input_value() == "noemt de straat"
    assert reader.goto(story_url).status == 200
    admin.get_by_role("button", name="Verbergen").click()
    # Without a reason: an error summary, still nothing hidden.
    admin.get_by_role("alert").get_by_text("Het is nog niet verborgen").wait_for()
    assert admin.evaluate("document.activeElement.id") == "hide-errors"
    assert reader.goto(story_url).status == 200
    admin.get_by_label("Het kan iemand herkenbaar maken").check()
    admin.get_by_role("button", name="Verbergen").click()

    admin.wait_for_url("**/admin/moderatie/")
    admin.get_by_text("is verborgen en de meldingen zijn gesloten").wait_for()
    assert admin.locator("#recently-hidden + p + table", has_text="Mijn weg terug").is_visible()
    screenshot(admin, "moderation-queue-after-hiding")
    assert reader.goto(story_url).status == 404
    reader.goto(site_url + story_index.url)
    assert reader.get_by_text("Mijn weg terug").count() == 0

    # Undo from the message: a confirmation (a link cannot post), then the story is back.
    admin.get_by_role("link", name="Ongedaan maken").click()
    admin.wait_for_url("**/admin/moderatie/ongedaan-maken/**")
    assert admin.get_by_text(
        "Reden: Het kan iemand herkenbaar maken — “noemt de straat”"
    ).is_visible()
    admin.get_by_role("button", name="Ongedaan maken").click()
    admin.wait_for_url("**/admin/moderatie/")
    admin.get_by_text("weer zichtbaar").wait_for()
    assert reader.goto(story_url).status == 200
    assert (
        admin.locator("tr", has_text="Mijn weg terug").locator(".kring-report-count").inner_text()
        == "3"
    )


def test_the_hide_confirmation_on_a_phone_and_a_desktop_in_dutch_and_english(
    new_context, site_url, story_index, screenshot, settings
):
    from django.test import Client
    from wagtail.users.models import UserProfile

    story = published_story(story_index, title="Mijn weg terug")
    Client(REMOTE_ADDR="198.51.100.1").post(f"/melden/verhaal/{story.pk}/", {"reason": "unsafe"})
    user, secret = make_staff("Moderatoren", pseudonym="Moderator")
    # One login: an authenticator code works once, so the same page changes width and language.
    page = new_context().new_page()
    browser_staff_login(page, site_url, user, secret)
    for language, question, button in (
        ("nl", "Waarom verberg je het?", "Annuleren"),
        ("en", "Why do you hide it?", "Cancel"),
    ):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{site_url}/admin/moderatie/verbergen/verhaal/{story.pk}/")
            assert page.get_by_text(question).is_visible()
            assert page.get_by_role("link", name=button).is_visible()
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0
            # Keyboard: the first reason is reachable and can be chosen with the space bar.
            page.locator("#id_reason_0").focus()
            page.keyboard.press("Space")
            assert page.locator("#id_reason_0").is_checked()
            screenshot(page, f"moderation-hide-confirm-{language}-{width}")


def test_removing_asks_why_and_for_a_confirmation_before_a_story_is_gone(
    new_context, site_url, story_index, screenshot
):
    from django.test import Client
    from wagtail.users.models import UserProfile

    story = published_story(story_index, title="Mijn weg terug")
    story_url = site_url + story.url
    Client(REMOTE_ADDR="198.51.100.1").post(f"/melden/verhaal/{story.pk}/", {"reason": "unsafe"})
    user, secret = make_staff("Moderatoren", pseudonym="Moderator")
    reader = new_context().new_page()
    admin = new_context().new_page()
    browser_staff_login(admin, site_url, user, secret)

    # Phone and desktop, English and Dutch: the page reads, fits and works by keyboard.
    for language, warning in (("en", "This cannot be undone."), ("nl", "Dit kan niet ongedaan")):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        for width in (390, 1280):
            admin.set_viewport_size({"width": width, "height": 900})
            admin.goto(f"{site_url}/admin/moderatie/verwijderen/verhaal/{story.pk}/")
            assert admin.get_by_text(warning).is_visible()
            overflow = admin.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0
            screenshot(admin, f"moderation-remove-confirm-{language}-{width}")

    admin.goto(site_url + "/admin/moderatie/")
    row = admin.locator("tr", has_text="Mijn weg terug")
    row.get_by_label("Waarom").fill("adres van de buren")
    row.get_by_role("button", name="Verwijderen…").click()
    admin.wait_for_url("**/admin/moderatie/verwijderen/verhaal/**")
    assert admin.get_by_label("Notitie voor het auditlog").input_value() == "adres van de buren"
    assert reader.goto(story_url).status == 200

    # Without a reason: an error summary that takes the focus; the story is still there.
    admin.get_by_role("button", name="Voorgoed verwijderen").click()
    admin.get_by_role("alert").get_by_text("Er is nog niets verwijderd").wait_for()
    assert admin.evaluate("document.activeElement.id") == "remove-errors"
    assert reader.goto(story_url).status == 200

    admin.locator("#id_reason_0").focus()
    admin.keyboard.press("Space")
    admin.get_by_role("button", name="Voorgoed verwijderen").click()
    admin.wait_for_url("**/admin/moderatie/")
    admin.get_by_text("is voorgoed verwijderd en de meldingen zijn gesloten").wait_for()
    assert reader.goto(story_url).status == 404
