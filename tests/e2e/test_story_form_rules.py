"""The story form in a browser: her text survives Escape, the count is live, errors get focus."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from stories.forms import STORY_MAX

pytestmark = pytest.mark.django_db(transaction=True)

FORM = "/verhalen/delen/"


@pytest.fixture
def neutral_site(page):
    """Answer for the neutral site ourselves: the test machine has no internet."""
    page.route(
        settings.KRING_QUICK_EXIT_URL + "**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weer</title>"
        ),
    )
    return page


def story_field(page):
    return page.get_by_label("Je verhaal", exact=True)


def test_escape_while_writing_keeps_her_text_and_the_page_says_why(
    neutral_site, site_url, story_index
):
    page = neutral_site
    page.goto(site_url + FORM)
    story_field(page).fill("Wat ik nooit hardop heb gezegd.")

    story_field(page).press("Escape")

    page.wait_for_timeout(300)
    assert page.url == site_url + FORM
    expect(story_field(page)).to_have_value("Wat ik nooit hardop heb gezegd.")
    expect(page.locator("#id_story_escape")).to_contain_text("doet de Escape-toets niets")


def test_shift_three_times_leaves_even_while_writing(neutral_site, site_url, story_index):
    page = neutral_site
    page.goto(site_url + "/hulp/")
    page.goto(site_url + FORM)
    story_field(page).fill("Een begin")

    for _ in range(3):
        story_field(page).press("Shift")
    page.wait_for_url(settings.KRING_QUICK_EXIT_URL)

    # The form is gone from history too: back lands on the page before it.
    page.go_back()
    assert page.url == site_url + "/hulp/"


def test_typing_capitals_does_not_count_as_pressing_shift(neutral_site, site_url, story_index):
    page = neutral_site
    page.goto(site_url + FORM)

    story_field(page).press_sequentially("Ik Ben Anna")
    story_field(page).press("Shift")

    page.wait_for_timeout(300)
    assert page.url == site_url + FORM


def test_the_counter_counts_live_and_says_how_much_is_too_much(page, site_url, story_index):
    page.goto(site_url + FORM)
    counter = page.locator("#id_story_count")
    expect(counter).to_have_text("Schrijf minstens 200 en hoogstens 20000 tekens.")

    story_field(page).fill("a" * 150)
    expect(counter).to_have_text("150 tekens. Schrijf er nog minstens 50.")

    story_field(page).fill("a" * (STORY_MAX + 7))
    expect(counter).to_contain_text(f"{STORY_MAX + 7} tekens: 7 te veel.")
    # Nothing was cut off: she decides what to shorten.
    assert len(story_field(page).input_value()) == STORY_MAX + 7


def test_after_a_server_side_error_focus_is_on_the_summary_in_view(
    new_context, site_url, story_index
):
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    page.goto(site_url + FORM)
    story_field(page).fill("Te kort.")

    page.get_by_role("button", name="Verstuur mijn verhaal").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Schrijf minstens 200 tekens")
    expect(story_field(page)).to_have_value("Te kort.")


def test_without_javascript_the_summary_still_gets_focus(new_context, site_url, story_index):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + FORM)
    story_field(page).fill("Te kort.")

    page.get_by_role("button", name="Verstuur mijn verhaal").click()

    expect(page.locator(".error-summary")).to_be_focused()
    # Without the script, the limits stay stated in words.
    expect(page.locator("#id_story_count")).to_contain_text("hoogstens 20000 tekens")
