"""A live room in Chromium: two people chat, a moderator opens a statement, the results move.

pytest-django's live_server speaks WSGI only, so these tests serve config.asgi with uvicorn in
a thread of the test process (tests/live/servers.py): it shares the test database on SQLite
and PostgreSQL alike, and the channel layer (in memory, or Redis when REDIS_URL is set).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from live.models import Message, Participant
from tests.helpers import browser_staff_login, make_staff
from tests.live.conftest import event, make_room  # noqa: F401 (fixtures)
from tests.live.servers import threaded_server

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def server():
    with threaded_server() as running:
        yield running


@pytest.fixture
def asgi_url(server):
    return server.url


@pytest.fixture
def room(make_room):  # noqa: F811
    return make_room(premoderate_questions=False)


def join(context, asgi_url, room, pseudonym):
    page = context.new_page()
    page.goto(f"{asgi_url}/live/{room.slug}/")
    page.get_by_label("Schuilnaam").fill(pseudonym)
    page.get_by_role("button", name="Naar binnen").click()
    expect(page.get_by_text(f"Je doet mee als {pseudonym}")).to_be_visible()
    connected(page)
    return page


def connected(page):
    """Wait until the page's socket has its room.state (the status line alone is empty before)."""
    expect(page.locator("[data-live-room]")).to_have_attribute("data-connection", "connected")
    expect(page.locator("[data-live-connection]")).to_be_empty()


def result(page, choice):
    return page.locator(f"[data-live-statement-body] [data-choice='{choice}']")


def test_two_people_chat_and_vote_while_a_moderator_runs_a_statement(
    new_context, asgi_url, room, screenshot
):
    guest_page = new_context().new_page()
    guest_page.goto(f"{asgi_url}/live/{room.slug}/")
    expect(guest_page.get_by_role("heading", name="Doe mee")).to_be_visible()
    screenshot(guest_page, "live-join-form")

    merel = join(new_context(), asgi_url, room, "Merel")
    noor = join(new_context(), asgi_url, room, "Noor")
    # Everyone with the room open counts, also the visitor who has not chosen a name yet.
    expect(noor.locator("[data-live-presence]")).to_have_text("3")

    # Merel chats with the keyboard only; Noor sees it, and so does her screen reader.
    merel.get_by_label("Je bericht").fill("Goedemiddag allemaal!")
    merel.get_by_label("Je bericht").press("Enter")
    expect(noor.locator("[data-live-messages]")).to_contain_text("Goedemiddag allemaal!")
    expect(noor.locator("[data-live-announcer]")).to_have_text(
        "Nieuw bericht van Merel: Goedemiddag allemaal!"
    )
    noor.get_by_label("Je bericht").fill("Hoi Merel")
    noor.get_by_role("button", name="Versturen").click()
    expect(merel.locator("[data-live-messages]")).to_contain_text("Hoi Merel")
    noor.get_by_label("Je vraag").fill("Hoor je als melder nog iets terug?")
    noor.get_by_role("button", name="Stel je vraag").click()
    expect(merel.locator("[data-live-questions]")).to_contain_text("Hoor je als melder")
    screenshot(merel, "live-chat")

    # The moderator logs in with the second factor and opens a statement from the room page.
    user, secret = make_staff("Moderatoren", pseudonym="Moderator Mo")
    moderator = new_context().new_page()
    browser_staff_login(moderator, asgi_url, user, secret, next_url=f"/live/{room.slug}/")
    expect(moderator.get_by_role("heading", name="Moderatie")).to_be_visible()
    connected(moderator)
    moderator.get_by_label("Nieuwe stelling").fill("Melden bij Veilig Thuis heeft zin.")
    moderator.get_by_role("button", name="Openen voor stemmen").click()

    for page in (merel, noor):
        expect(page.locator("[data-live-statement-body]")).to_contain_text("Melden bij Veilig")
    merel.get_by_role("button", name="Eens", exact=True).click()
    expect(
        noor.locator("[data-live-statement-body] [data-choice='agree'] [data-slot='number']")
    ).to_have_text("1 stem (100%)")
    noor.get_by_role("button", name="Oneens", exact=True).click()
    for page in (merel, noor, moderator):
        expect(result(page, "agree").locator("meter")).to_have_attribute("value", "1")
        expect(result(page, "disagree").locator("[data-slot='number']")).to_have_text(
            "1 stem (50%)"
        )
    expect(noor.get_by_role("button", name="Oneens", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    # Noor changes her mind; the bars follow.
    noor.get_by_role("button", name="Neutraal", exact=True).click()
    expect(result(merel, "neutral").locator("meter")).to_have_attribute("value", "1")
    expect(result(merel, "disagree").locator("meter")).to_have_attribute("value", "0")
    screenshot(noor, "live-statement-results")
    screenshot(moderator, "live-moderator-view")

    # The moderator removes Noor's message and closes the statement; results stay visible.
    message_id = Message.objects.get(text="Hoi Merel").pk
    moderator.locator(f"[data-live-messages] li[data-id='{message_id}']").get_by_role(
        "button", name="Verwijderen"
    ).click()
    expect(merel.locator("[data-live-messages]")).not_to_contain_text("Hoi Merel")
    moderator.get_by_role("button", name="Deze stelling sluiten").click()
    expect(merel.locator("[data-live-closed]")).to_contain_text(
        "Melden bij Veilig Thuis heeft zin."
    )
    expect(merel.get_by_text("Er staat nu geen stelling open.")).to_be_visible()


def test_a_page_that_lost_its_connection_reconnects_and_catches_up(new_context, server, room):
    merel = join(new_context(), server.url, room, "Merel")
    merel.get_by_label("Je bericht").fill("Voor de storing")
    merel.get_by_label("Je bericht").press("Enter")
    expect(merel.locator("[data-live-messages]")).to_contain_text("Voor de storing")

    server.stop()
    expect(merel.locator("[data-live-connection]")).to_contain_text("Opnieuw verbinden")
    # What she writes meanwhile is not sent, she is told why, and her text stays.
    merel.get_by_label("Je bericht").fill("Tijdens de storing")
    merel.get_by_label("Je bericht").press("Enter")
    expect(merel.locator("form[data-live-chat-form] [data-live-feedback]")).to_have_text(
        "De verbinding is weggevallen. Opnieuw verbinden…"
    )
    expect(merel.get_by_label("Je bericht")).to_have_value("Tijdens de storing")
    noor = Participant.objects.create(room=room, guest_key="noor", name="Noor")
    Message.objects.create(room=room, participant=noor, text="Terwijl jij weg was")
    server.start()

    messages = merel.locator("[data-live-messages]")
    expect(messages).to_contain_text("Terwijl jij weg was", timeout=20_000)
    expect(messages.locator("li")).to_have_count(2)
    connected(merel)


def test_a_watched_phrase_brings_the_help_numbers_to_the_writer_only(new_context, asgi_url, room):
    merel = join(new_context(), asgi_url, room, "Merel")
    noor = join(new_context(), asgi_url, room, "Noor")

    merel.get_by_label("Je bericht").fill("Ik ben bang om naar huis te gaan")
    merel.get_by_label("Je bericht").press("Enter")

    support = merel.locator("[data-live-support]")
    expect(support).to_be_visible()
    expect(support).to_contain_text("0800-2000")
    expect(support).to_contain_text("Escape")
    expect(noor.locator("[data-live-messages]")).to_contain_text("Ik ben bang")
    expect(noor.locator("[data-live-support]")).to_be_hidden()


def test_the_room_page_has_no_accessibility_violations(new_context, asgi_url, room):
    page = join(new_context(), asgi_url, room, "Merel")
    page.get_by_label("Je bericht").fill("Toegankelijk?")
    page.get_by_label("Je bericht").press("Enter")
    expect(page.locator("[data-live-messages]")).to_contain_text("Toegankelijk?")

    results = Axe().run(page)

    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_room_is_readable_and_says_why_it_cannot_be_joined(
    new_context, asgi_url, room
):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"{asgi_url}/live/{room.slug}/")

    expect(page.get_by_text(re.compile("De live ruimte werkt met JavaScript"))).to_be_visible()
    expect(page.get_by_label("Je bericht")).to_be_hidden()
