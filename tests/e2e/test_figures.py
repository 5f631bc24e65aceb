"""Figures in a browser: a story with answers counts on /verhalen/patronen/ after the freeze."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from stories.experience import do_save_experience
from stories.models import StoryPage
from tests.e2e.test_stories import STORY, story_index  # noqa: F401
from tests.figures.conftest import GP_HEARD, POLICE_NOT_HEARD
from tests.stories.conftest import make_moderator
from tests.stories.factories import published_story

PATTERNS = "/verhalen/patronen/"


def next_monday(weeks=1):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=weeks)
    return timezone.make_aware(datetime.datetime.combine(monday, datetime.time(9)))


def share_story_with_answers(page, site_url, title):
    page.goto(site_url + "/verhalen/delen/")
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_label("Je verhaal", exact=True).fill(STORY)
    page.get_by_text("Vragen over instanties (niet verplicht)").click()
    page.get_by_label("Ik had te maken met de politie").check()
    page.locator("#id_ervaring-politie-heard_3").check()
    page.locator("#id_ervaring-politie-informed_1").check()
    page.locator("#id_ervaring-period_3").check()
    page.get_by_label("In welke Veilig Thuis-regio?").select_option("utrecht")
    page.get_by_label("Ik geef Kring toestemming").check()
    page.get_by_label("Ik begrijp dat moderatoren details mogen weghalen").check()
    page.get_by_role("button", name="Verstuur mijn verhaal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dank je wel voor het delen van je verhaal"
    )
    return page.locator(".private-link__url a").get_attribute("href")


def police_not_heard(page):
    row = page.locator("#heard table tbody tr", has_text="De politie")
    return row.locator("td").nth(2)


def test_a_story_with_answers_counts_after_the_freeze(
    page,
    site_url,
    story_index,  # noqa: F811
    django_user_model,
    settings,
    screenshot,
):
    for _n in range(4):
        do_save_experience(published_story(story_index), POLICE_NOT_HEARD)
    do_save_experience(published_story(story_index), GP_HEARD)

    private_url = share_story_with_answers(page, site_url, "Niemand luisterde")
    story = StoryPage.objects.get(title="Niemand luisterde")
    moderator, _ = make_moderator(django_user_model)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert StoryPage.objects.get(pk=story.pk).live

    page.goto(private_url)
    expect(page.get_by_text("Gehoord: nee")).to_be_visible()

    page.goto(site_url + PATTERNS)
    expect(police_not_heard(page)).to_have_text("minder dan 5")

    settings.KRING_FIGURES_NOW = next_monday()
    page.goto(site_url + PATTERNS)
    expect(police_not_heard(page)).to_have_text("5")
    expect(page.get_by_text("voelde zich niet gehoord")).to_be_visible()
    screenshot(page, "figures-patterns")


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", [PATTERNS, "/cijfers/"])
def test_figure_pages_are_accessible_and_fit_the_screen(
    new_context,
    site_url,
    story_index,  # noqa: F811
    settings,
    url,
    width,
    screenshot,
):
    for _n in range(6):
        do_save_experience(published_story(story_index, themes=["hulp-zoeken"]), POLICE_NOT_HEARD)
    settings.KRING_FIGURES_NOW = next_monday()
    page = new_context(viewport={"width": width, "height": 900}).new_page()

    page.goto(site_url + url)

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{url} is {scroll_width}px wide at {width}px"
    screenshot(page, f"figures-{url.strip('/').replace('/', '-')}-{width}")


@pytest.mark.parametrize("url", [PATTERNS, "/cijfers/"])
def test_figure_pages_read_without_javascript(
    new_context,
    site_url,
    story_index,  # noqa: F811
    settings,
    url,
):
    for _n in range(6):
        do_save_experience(published_story(story_index, themes=["hulp-zoeken"]), POLICE_NOT_HEARD)
    settings.KRING_FIGURES_NOW = next_monday()
    page = new_context(java_script_enabled=False).new_page()

    page.goto(site_url + url)

    table = page.locator("table.figures").first
    expect(table).to_be_visible()
    expect(page.locator("svg.figure-chart__svg").first).to_be_visible()
    expect(page.get_by_role("link", name="CSV").first).to_be_visible()
