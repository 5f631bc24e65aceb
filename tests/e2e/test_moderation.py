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
    row.get_by_role("button", name="Verbergen").click()
    admin.wait_for_load_state()

    assert reader.goto(story_url).status == 404
    reader.goto(site_url + story_index.url)
    assert reader.get_by_text("Mijn weg terug").count() == 0
