# ruff: noqa: F811 (fixtures imported from other test modules are parameters here)
"""Who is speaking and where views differ, in Chromium.

Three people with different roles and a moderator in one room; a statement opened, voted on
and closed. The split by role appears live for the moderator only, and for everyone once the
statement closes. More voters than three browsers are seeded in the database, as they would
have come from other browsers, so that roles reach the 5 voters a row needs.
"""

import itertools

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from live import services
from live.models import Participant, Statement, StatementVote
from tests.e2e.test_live import asgi_url, connected, room, server  # noqa: F401 (fixtures)
from tests.helpers import browser_staff_login, make_staff
from tests.live.conftest import event, make_room  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

_keys = itertools.count()


def join(context, url, room, pseudonym, role, show=True):
    page = context.new_page()
    page.goto(f"{url}/live/{room.slug}/")
    page.get_by_label("Schuilnaam").fill(pseudonym)
    page.get_by_label(role).check()
    if show:
        page.get_by_label("Toon mijn rol naast mijn naam").first.check()
    page.get_by_role("button", name="Naar binnen").click()
    expect(page.get_by_text(f"Je doet mee als {pseudonym}")).to_be_visible()
    connected(page)
    return page


def seed_voters(statement, role, choices):
    for choice in choices:
        key = next(_keys)
        voter = Participant.objects.create(
            room=statement.room, guest_key=f"seed-{key}", name=f"Stemmer {key}", role=role
        )
        StatementVote.objects.create(statement=statement, participant=voter, choice=choice)


def split_row(page, where, role):
    return page.locator(f"{where} tr[data-role='{role}']")


def test_roles_and_the_split_live_for_moderators_public_after_closing(
    new_context,
    asgi_url,
    room,
    screenshot,
):
    ilse = join(new_context(), asgi_url, room, "Ilse", "Ervaringsdeskundige")
    wethouder = join(new_context(), asgi_url, room, "Anna", "Beleidsmaker / bestuurder / raadslid")
    buur = join(new_context(), asgi_url, room, "Buur", "Naaste of omstander", show=False)
    user, secret = make_staff("Moderatoren", pseudonym="Moderator Mo")
    moderator = new_context().new_page()
    browser_staff_login(moderator, asgi_url, user, secret, next_url=f"/live/{room.slug}/")
    connected(moderator)

    # Roles beside messages only for those who chose to show them.
    ilse.get_by_label("Je bericht").fill("Ik herken dit van de rechtbank.")
    ilse.get_by_label("Je bericht").press("Enter")
    buur.get_by_label("Je bericht").fill("Ik hoorde het door de muur.")
    buur.get_by_label("Je bericht").press("Enter")
    messages = wethouder.locator("[data-live-messages]")
    expect(messages.locator("li", has_text="rechtbank")).to_contain_text("Ervaringsdeskundige")
    expect(messages.locator("li", has_text="door de muur")).not_to_contain_text("Naaste")

    moderator.get_by_label("Nieuwe stelling").fill("Slachtoffers moeten hun verhaal één keer doen.")
    moderator.get_by_role("button", name="Openen voor stemmen").click()
    expect(ilse.locator("[data-live-statement-body]")).to_contain_text("één keer")
    statement = Statement.objects.get(status="open")
    seed_voters(statement, "experience", ["agree"] * 3 + ["neutral"])
    seed_voters(statement, "policy", ["agree"] * 2 + ["disagree"] * 2)
    seed_voters(statement, "close", ["agree"] * 3 + ["disagree"])
    for page in (ilse, wethouder, buur):
        page.get_by_role("button", name="Eens", exact=True).click()

    live = "[data-live-split]"
    expect(split_row(moderator, live, "experience")).to_contain_text("80%")
    expect(split_row(moderator, live, "policy")).to_contain_text("60%")
    expect(split_row(moderator, live, "close")).to_contain_text("80%")
    expect(split_row(moderator, live, "professional")).to_contain_text("te weinig stemmen")
    expect(moderator.locator(live)).to_contain_text("Een brug:")
    screenshot(moderator, "voices-moderator-live-split")
    for page in (ilse, wethouder, buur):
        expect(page.locator(live)).to_have_count(0)  # not on a participant's page at all

    moderator.get_by_role("button", name="Deze stelling sluiten").click()

    closed = "[data-live-closed]"
    for page in (ilse, wethouder, buur):
        expect(split_row(page, closed, "experience")).to_contain_text("80%")
        expect(page.locator(closed)).to_contain_text("Een brug:")
    reader = new_context().new_page()
    reader.goto(f"{asgi_url}/live/{room.slug}/")
    expect(split_row(reader, closed, "policy")).to_contain_text("60%")
    assert Axe().run(reader).violations_count == 0


def test_the_closed_split_reads_on_a_phone_and_without_javascript(
    new_context,
    asgi_url,
    room,
    screenshot,
):
    statement = Statement.objects.create(
        room=room, text="Hulp moet naar mensen toe.", status="open"
    )
    seed_voters(statement, "experience", ["agree"] * 7 + ["disagree"])
    seed_voters(statement, "professional", ["agree"] * 5 + ["neutral"])
    seed_voters(statement, "policy", ["agree"] * 4 + ["disagree"])
    services.do_close_statement(room, statement.pk, by=None)

    for language, locale in (("nl", "nl-NL"), ("en", "en-GB")):
        for width in (390, 1280):
            context = new_context(
                locale=locale,
                viewport={"width": width, "height": 900},
                java_script_enabled=False,
            )
            page = context.new_page()
            if language == "en":
                page.goto(f"{asgi_url}/taal/en/?next=/live/{room.slug}/")
            page.goto(f"{asgi_url}/live/{room.slug}/")
            table = page.locator("[data-live-closed] table")
            expect(table).to_be_visible()
            # Fits the screen: no horizontal scroll on the page.
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, (language, width, scroll)
            table.scroll_into_view_if_needed()
            screenshot(page, f"voices-closed-split-{language}-{width}")


@pytest.mark.parametrize(("language", "width"), [("nl", 390), ("en", 1280)])
def test_choosing_a_role_works_with_the_keyboard_on_a_phone_and_a_desktop(
    new_context, asgi_url, room, screenshot, language, width
):
    context = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    if language == "en":
        page.goto(f"{asgi_url}/taal/en/?next=/live/{room.slug}/")
    page.goto(f"{asgi_url}/live/{room.slug}/")
    connected(page)
    words = {
        "nl": ("Schuilnaam", "Naaste of omstander", "Toon mijn rol naast mijn naam", "Naar binnen"),
        "en": (
            "Pseudonym",
            "Relative or bystander",
            "Show my role beside my name",
            "Join the room",
        ),
    }[language]
    page.get_by_label(words[0]).fill("Noor")
    page.keyboard.press("Tab")
    # Radio buttons: arrow keys move the choice, space ticks the checkbox.
    page.get_by_label(words[1]).focus()
    page.keyboard.press("Space")
    page.get_by_label(words[2]).first.focus()
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"voices-join-form-{language}-{width}")
    page.get_by_role("button", name=words[3]).focus()
    page.keyboard.press("Enter")
    connected(page)

    summary = page.locator("#live-role summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#live-role form")).to_be_visible()
    expect(summary).to_contain_text(words[1])
    assert Participant.objects.get(name="Noor").show_role
    screenshot(page, f"voices-role-form-{language}-{width}")
