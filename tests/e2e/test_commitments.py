"""/toezeggingen/ in Chromium: every width in Dutch and English, axe, no scripts, following."""

import datetime
import re
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from commitments.listing import PER_PAGE
from commitments.models import Commitment, Follower, Role, Status
from tests.e2e.test_layout import walk

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def paths():
    call_command("seed_demo", stdout=StringIO())
    late = Commitment.objects.overdue().first()
    in_progress = Commitment.objects.not_overdue().filter(status=Status.IN_PROGRESS).first()
    return [
        "/toezeggingen/",
        "/toezeggingen/?status=te-laat",
        f"/toezeggingen/{late.pk}/",
        f"/toezeggingen/{in_progress.pk}/",
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_commitments_pages_fit_every_width_and_pass_axe(
    new_context, site_url, paths, language, screenshot
):
    problems = walk(new_context(), site_url, paths, language, screenshot)

    assert problems == []


def test_the_commitments_pages_pass_axe_and_work_without_scripts(new_context, site_url, paths):
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    page.route("**/*.js", lambda route: route.abort())
    reports = []
    for path in paths:
        page.goto(site_url + path)
        results = Axe().run(page)
        if results.violations_count:
            reports.append(f"{path}: {results.generate_report()}")

    page.goto(site_url + "/toezeggingen/")
    page.get_by_role("link", name="Te laat").click()
    expect(page.locator(".commitment")).to_have_count(1)
    expect(page.locator(".commitment-status")).to_have_text("te laat")
    assert reports == []


def test_the_list_pages_through_with_plain_links_at_every_width(
    new_context, site_url, paths, screenshot
):
    panel = Commitment.objects.exclude(panel=None).first().panel
    for n in range(PER_PAGE * 2):
        Commitment.objects.create(
            panel=panel,
            role=Role.COUNCILLOR,
            organisation="Gemeente Utrecht",
            what=f"Toezegging nummer {n} voor de paginering.",
            due_date=datetime.date(2099, 1, 1) + datetime.timedelta(days=n),
            published=True,
        )
    total = -(-Commitment.objects.published().count() // PER_PAGE)
    reports = []
    for width in (390, 1280):
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        page.route("**/*.js", lambda route: route.abort())
        page.goto(site_url + "/toezeggingen/")
        nav = page.get_by_role("navigation", name="Bladeren door de toezeggingen")
        expect(nav).to_contain_text(f"Pagina 1 van {total}")
        expect(page.locator(".commitment")).to_have_count(PER_PAGE)
        nav.get_by_role("link", name="Volgende pagina").press("Enter")
        expect(nav).to_contain_text(f"Pagina 2 van {total}")
        nav.scroll_into_view_if_needed()
        screenshot(page, f"commitments-page-2-nl-{width}")
        results = Axe().run(page)
        if results.violations_count:
            reports.append(f"{width}: {results.generate_report()}")
        nav.get_by_role("link", name="Vorige pagina").click()
        expect(nav).to_contain_text(f"Pagina 1 van {total}")
    assert reports == []


def test_a_visitor_follows_a_commitment_with_the_keyboard_and_no_scripts(
    new_context, site_url, paths, screenshot
):
    page = new_context(viewport={"width": 390, "height": 800}).new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(site_url + paths[3])

    field = page.get_by_label("Je e-mailadres")
    field.focus()
    page.keyboard.type("volger@example.org")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je mailbox")
    [message] = mail.outbox
    confirm = re.search(r"http\S+/toezeggingen/bevestigen/\S+/", message.body)[0]
    page.goto(site_url + "/" + confirm.split("/", 3)[3])
    page.get_by_role("button", name="Ja, volg deze toezegging").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Je volgt deze toezegging")
    screenshot(page, "commitments-followed-nl-390")
    assert Follower.objects.get().confirmed_at is not None


def test_an_editor_posts_an_update_that_reaches_the_page_and_the_followers(
    new_context, site_url, paths, screenshot
):
    from django.utils import timezone

    from tests.helpers import browser_staff_login, make_staff

    commitment = Commitment.objects.not_overdue().filter(status=Status.IN_PROGRESS).get()
    Follower.objects.create(
        commitment=commitment, email="volger@example.org", confirmed_at=timezone.now()
    )
    editor, secret = make_staff("Redactie")
    admin = new_context().new_page()
    browser_staff_login(admin, site_url, editor, secret)

    admin.goto(site_url + "/admin/snippets/commitments/commitment/?overdue=1")
    screenshot(admin, "commitments-admin-list-late")
    expect(admin.locator("#listing-results tbody tr")).to_have_count(1)
    admin.goto(site_url + f"/admin/snippets/commitments/commitment/edit/{commitment.pk}/")
    admin.locator("#id_updates-ADD").click()
    admin.locator("textarea[name^='updates-'][name$='-text']").last.fill(
        "Alle teams bellen nu binnen vijf werkdagen terug."
    )
    admin.locator("select[name^='updates-'][name$='-status']").last.select_option("gedaan")
    screenshot(admin, "commitments-admin-edit")
    admin.get_by_role("button", name=re.compile("^Opslaan$|^Save$")).first.click()
    admin.wait_for_url("**/admin/snippets/commitments/commitment/**")

    reader = new_context().new_page()
    reader.goto(site_url + f"/toezeggingen/{commitment.pk}/")
    expect(reader.locator(".commitment-status")).to_have_text("gedaan")
    expect(reader.get_by_text("Alle teams bellen nu binnen vijf werkdagen terug.")).to_be_visible()
    [message] = [m for m in mail.outbox if m.to == ["volger@example.org"]]
    assert "Alle teams bellen nu binnen vijf werkdagen terug." in message.body
