"""Stories in a real browser: a visitor shares one, a moderator approves it, readers find it."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from playwright.sync_api import expect

from stories.models import StoryIndexPage, StoryPage
from stories.seeding import grant_moderators_story_access, seed_story_setup
from tests.stories.conftest import MODERATOR_PASSWORD, make_moderator
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db(transaction=True)

STORY = (
    "Jarenlang dacht ik dat het aan mij lag. Hij bepaalde wie ik zag en wat ik droeg.\n\n"
    "Toen een collega vroeg of het goed met me ging, durfde ik het *eindelijk* te zeggen.\n\n"
    "Wat me hielp:\n- iemand die luisterde\n- weten dat ik niet alles tegelijk hoefde"
)


@pytest.fixture
def story_index(help_page):
    # Browser tests empty the database between tests, so the migration's seed is run again.
    seed_story_setup(apps)
    index = help_page.get_parent().add_child(
        instance=StoryIndexPage(title="Verhalen", slug="verhalen", show_in_menus=True)
    )
    index.save_revision().publish()
    grant_moderators_story_access(index)
    return index


def csp_errors(page):
    errors = []
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    return errors


def share_story(page, site_url, title):
    page.goto(site_url + "/verhalen/delen/")
    page.get_by_label("Schuilnaam (niet verplicht)", exact=True).fill("Merel")
    page.get_by_label("Titel", exact=True).fill(title)
    page.get_by_label("Je verhaal", exact=True).fill(STORY)
    page.get_by_label("Herstel en verder gaan", exact=True).check()
    page.get_by_label("Dwingende controle", exact=True).check()
    page.get_by_label("Ik geef Kring toestemming").check()
    page.get_by_label("Ik begrijp dat moderatoren details mogen weghalen").check()
    page.get_by_role("button", name="Verstuur mijn verhaal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Dank je wel voor het delen van je verhaal"
    )
    return page.locator(".private-link__url a").get_attribute("href")


def log_in_to_admin(page, site_url, user, password, secret):
    page.goto(site_url + "/admin/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(password)
    page.locator("form button[type=submit]").first.click()
    page.locator("input[name=code]").wait_for()
    # Codes are valid for one 30-second step only: do not type one just before it expires.
    if (left := 30 - time.time() % 30) < 3:
        time.sleep(left + 0.5)
    page.locator("input[name=code]").fill(
        format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    )
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_a_shared_story_is_approved_in_the_admin_and_read_on_the_index(
    page, new_context, site_url, story_index, django_user_model, screenshot
):
    visitor_csp = csp_errors(page)
    page.goto(site_url + "/verhalen/delen/")
    page.get_by_role("button", name="Verstuur mijn verhaal").click()
    expect(page.get_by_role("alert")).to_contain_text("Er moet nog iets worden aangepast")
    expect(page.get_by_text("Geef je verhaal een titel.").first).to_be_visible()
    screenshot(page, "stories-form-errors")

    private_url = share_story(page, site_url, "Het gesprek dat alles veranderde")
    screenshot(page, "stories-confirmation")
    story = StoryPage.objects.get(title="Het gesprek dat alles veranderde")
    assert not story.live

    moderator, secret = make_moderator(django_user_model)
    admin = new_context().new_page()
    admin_csp = csp_errors(admin)
    log_in_to_admin(admin, site_url, moderator, MODERATOR_PASSWORD, secret)
    admin.goto(f"{site_url}/admin/pages/{story.pk}/edit/")
    expect(admin.get_by_text("Mogelijk herkenbare details").first).to_be_visible()
    admin.locator("footer [data-w-dropdown-target='toggle'], footer .dropdown-toggle").last.click()
    admin.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    admin.wait_for_url(re.compile(r".*/admin/.*"))
    screenshot(admin, "stories-admin-after-approval")

    story.refresh_from_db()
    assert story.live, f"not published; CSP errors in the admin: {admin_csp}"
    page.goto(site_url + "/verhalen/")
    expect(page.get_by_role("link", name="Het gesprek dat alles veranderde")).to_be_visible()
    page.get_by_role("link", name="Het gesprek dat alles veranderde").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Het gesprek dat alles veranderde")
    expect(page.get_by_text("Door Merel")).to_be_visible()
    expect(page.get_by_text("eindelijk")).to_be_visible()
    page.goto(private_url)
    expect(page.get_by_role("heading", name=re.compile("Status: Gepubliceerd"))).to_be_visible()
    assert visitor_csp == []


def test_the_author_reads_the_changes_and_publishes_them_without_javascript(
    new_context, site_url, story_index, django_user_model, screenshot
):
    page = new_context(java_script_enabled=False).new_page()
    private_url = share_story(page, site_url, "Wat ik wil zeggen")
    story = StoryPage.objects.get(title="Wat ik wil zeggen")
    moderator, _ = make_moderator(django_user_model)
    edited = story.get_latest_revision_as_object()
    edited.body = edited.body.replace(
        "Hij bepaalde wie ik zag en wat ik droeg.", "Hij bepaalde veel."
    )
    edited.save_revision(user=moderator)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    page.goto(private_url)
    expect(
        page.get_by_role("heading", name=re.compile("Wacht op jouw goedkeuring"))
    ).to_be_visible()
    expect(page.locator(".diff del").first).to_contain_text("wie ik zag en wat ik droeg")
    expect(page.locator(".diff ins").first).to_contain_text("veel")
    screenshot(page, "stories-private-link-changes")

    page.get_by_role("button", name="Keur deze versie goed en publiceer hem").click()

    expect(page.get_by_role("status")).to_have_text("Dank je wel. Je verhaal is nu gepubliceerd.")
    assert StoryPage.objects.get(pk=story.pk).live


def test_readers_see_warnings_before_the_text_and_open_it_themselves(
    page, site_url, story_index, screenshot
):
    for day, (title, themes, warnings) in enumerate(
        [
            ("De eerste stap was een telefoontje", ["hulp-zoeken"], []),
            ("Ik hoorde het door de muur", ["omstanders"], ["lichamelijk-geweld"]),
            ("Hij beheerde al het geld", ["financieel-misbruik", "herstel"], []),
        ]
    ):
        story = published_story(
            story_index,
            title=title,
            days_ago=day,
            themes=themes,
            warnings=warnings,
            is_fictional=True,
        )
    page.goto(site_url + "/verhalen/")
    screenshot(page, "stories-index")

    page.get_by_role("link", name="Ik hoorde het door de muur").click()
    expect(page.get_by_role("heading", name="Voordat je leest")).to_be_visible()
    expect(page.get_by_text("Een verhaal over moed.").first).to_be_hidden()
    screenshot(page, "stories-story-warning")
    page.get_by_text("Lees het verhaal").click()
    expect(page.get_by_text("Een verhaal over moed.").first).to_be_visible()
    screenshot(page, "stories-story-open")
    assert story.title == "Hij beheerde al het geld"


@pytest.mark.parametrize("path", ["/verhalen/", "/verhalen/delen/", "story", "private"])
def test_story_pages_have_no_accessibility_violations(page, site_url, story_index, path):
    story = published_story(story_index, warnings=["bedreiging"], themes=["herstel"])
    if path == "story":
        path = story.url
    elif path == "private":
        path = share_story(page, site_url, "Toegankelijk verhaal").replace(site_url, "")
    page.goto(site_url + path)

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


def _moderator_edits(story, moderator, old, new, note):
    """A moderator's edit and "approve with comment", as the admin's edit view saves them."""
    edited = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    edited.body = edited.body.replace(old, new)
    edited.save_revision(user=moderator)
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve", comment=note)


@pytest.mark.parametrize("javascript", [False, True])
def test_the_author_reads_the_note_replies_and_approves_the_next_version_on_a_phone(
    new_context, site_url, story_index, django_user_model, screenshot, javascript
):
    phone = {"width": 390, "height": 844}
    page = new_context(java_script_enabled=javascript, viewport=phone).new_page()
    private_url = share_story(page, site_url, "Mijn eigen woorden")
    story = StoryPage.objects.get(title="Mijn eigen woorden")
    moderator, secret = make_moderator(django_user_model)
    _moderator_edits(
        story,
        moderator,
        "Hij bepaalde wie ik zag en wat ik droeg.",
        "Hij bepaalde veel.",
        "We hebben een zin ingekort die je misschien herkenbaar maakt.",
    )

    page.goto(private_url)
    expect(page.get_by_role("heading", name="Een bericht van de moderator")).to_be_visible()
    expect(page.get_by_text("We hebben een zin ingekort")).to_be_visible()
    assert "*" not in page.locator(".diff").inner_text()
    if javascript:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"stories-author-note-390-js-{javascript}")
    page.get_by_label("Je reactie aan de moderatoren").fill(
        "Die zin over wat ik droeg is voor mij belangrijk; hij noemt niemand."
    )
    page.get_by_role("button", name="Stuur mijn reactie naar de moderatoren").click()
    expect(page.get_by_role("status")).to_contain_text("Je reactie is bij de moderatoren")
    expect(page.get_by_text("Jij schreef", exact=False)).to_be_visible()
    screenshot(page, f"stories-author-replied-390-js-{javascript}")

    admin = new_context().new_page()
    log_in_to_admin(admin, site_url, moderator, MODERATOR_PASSWORD, secret)
    admin.goto(f"{site_url}/admin/pages/{story.pk}/edit/")
    expect(admin.get_by_text("De auteur reageerde").first).to_be_visible()
    expect(
        admin.get_by_text("Die zin over wat ik droeg is voor mij belangrijk").first
    ).to_be_visible()
    screenshot(admin, f"stories-admin-author-reply-js-{javascript}")
    _moderator_edits(story, moderator, "Hij bepaalde veel.", "Hij bepaalde wat ik droeg.", "")

    page.goto(private_url)
    expect(
        page.get_by_role("heading", name=re.compile("Wacht op jouw goedkeuring"))
    ).to_be_visible()
    page.get_by_role("button", name="Keur deze versie goed en publiceer hem").click()

    expect(page.get_by_role("status")).to_have_text("Dank je wel. Je verhaal is nu gepubliceerd.")
    assert StoryPage.objects.get(pk=story.pk).live
    if javascript:  # axe runs in the page: it cannot where JavaScript is off
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
