"""An unanswered question gets a written answer in the admin and appears on the report."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from eventreports.models import EventReportPage, ReportQuestion
from live.models import LiveRoom, Participant, Question
from tests.helpers import browser_staff_login, make_staff
from tests.live.conftest import event  # noqa: F401

REPORT = "/evenementen/9-december/verslag/"


@pytest.fixture
def open_question(event):  # noqa: F811
    panel = event.panels.first()
    room = LiveRoom.objects.create(
        panel=panel, title=panel.title, slug="verdrag", status=LiveRoom.Status.CLOSED
    )
    report = event.add_child(
        instance=EventReportPage(title="Verslag", slug="verslag", intro="<p>Wat er gezegd is.</p>")
    )
    report.save_revision().publish()
    participant = Participant.objects.create(room=room, guest_key="a" * 64, name="Merel")
    return Question.objects.create(
        room=room,
        participant=participant,
        text="Komt er in onze gemeente een vast aanspreekpunt?",
        status=Question.Status.OPEN,
    )


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_written_answer_in_the_admin_appears_on_the_report(
    page, new_context, site_url, open_question, screenshot
):
    page.goto(site_url + REPORT)
    expect(page.get_by_text("Een antwoord is beloofd voor")).to_be_visible()

    member, secret = make_staff("Panelleden")
    browser_staff_login(page, site_url, member, secret, next_url="/admin/report_questions/")
    page.get_by_role("link", name="Komt er in onze gemeente een vast aanspreekpunt?").click()
    page.get_by_role("textbox", name="Schriftelijk antwoord").fill(
        "Ja, vanaf maart is er één vast aanspreekpunt."
    )
    page.get_by_role("textbox", name="Beantwoord door").fill("beleidsadviseur, gemeente")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("table.listing")).to_contain_text("schriftelijk beantwoord")
    assert ReportQuestion.objects.get().status == ReportQuestion.Status.WRITTEN

    reader = new_context().new_page()
    reader.goto(site_url + REPORT)
    answer = reader.locator(".report-questions--written")
    expect(answer).to_contain_text("Ja, vanaf maart is er één vast aanspreekpunt.")
    expect(answer).to_contain_text("beleidsadviseur, gemeente")
    assert_accessible(reader)
    screenshot(reader, "eventreport-nl-1280")

    reader.emulate_media(media="print")  # on paper: the report, without the quick exit
    expect(reader.locator(".quick-exit")).to_be_hidden()
    expect(answer).to_be_visible()


@pytest.mark.parametrize("language", ["nl-NL", "en-GB"])
@pytest.mark.parametrize("width", [390, 1280])
def test_the_report_reads_on_a_phone_and_without_javascript(
    new_context, site_url, open_question, screenshot, language, width
):
    context = new_context(
        locale=language, viewport={"width": width, "height": 900}, java_script_enabled=False
    )
    reader = context.new_page()
    reader.goto(site_url + REPORT)
    expect(reader.get_by_role("heading", level=1)).to_have_text("Verslag")
    expect(reader.locator(".report-question__text")).to_have_text(
        "Komt er in onze gemeente een vast aanspreekpunt?"
    )
    scroll = reader.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width
    screenshot(reader, f"eventreport-{language}-{width}")
