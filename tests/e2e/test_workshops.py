"""Registering in Chromium: the form, the link from the mail, the confirmed page, cancelling."""

from datetime import time, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.utils import timezone

from tests.workshops.helpers import JOIN_URL, link_in, mails_to
from workshops.models import (
    EventIndexPage,
    EventPage,
    EventPanel,
    Registration,
    Session,
    WorkshopIndexPage,
    WorkshopPage,
)

pytestmark = pytest.mark.django_db(transaction=True)

PANELS = [
    (
        "Vragenuur: het Verdrag van Istanbul",
        14,
        0,
        "Wat belooft het verdrag?",
        "een jurist\neen beleidsmaker",
    ),
    (
        "Heeft melden van huiselijk geweld zin?",
        14,
        45,
        "Wat melden oplevert.",
        "twee ervaringsdeskundigen",
    ),
    ("Project Masker-19", 15, 30, "Het codewoord bij de apotheek.", "een apotheker"),
    ("Het Family Justice Center", 16, 15, "Hulp onder één dak.", "een coördinator"),
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def evening(days, hour=19, hours=2, **fields):
    day = timezone.localtime() + timedelta(days=days)
    starts_at = day.replace(hour=hour, minute=30 if hour == 19 else 0, second=0, microsecond=0)
    return Session(starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **fields)


@pytest.fixture
def workshop(home_page):
    index = publish(
        home_page,
        WorkshopIndexPage(
            title="Workshops",
            slug="workshops",
            intro="Samen leren over huiselijk geweld, online en onder je schuilnaam.",
            show_in_menus=True,
        ),
    )
    return publish(
        index,
        WorkshopPage(
            title="Samen staan we sterker",
            slug="samen-staan-we-sterker",
            intro="Een online workshop: signalen herkennen, het gesprek aangaan, weten wat je "
            "kunt doen.",
            description="<p>Je hoort ervaringen van mensen die het zelf meemaakten, en oefent in "
            "kleine groepjes met wat je zou kunnen zeggen.</p>",
            facilitators="<p>Een trainer en een ervaringsdeskundige.</p>",
            audience="<p>Voor iedereen die zich zorgen maakt om iemand, en voor wie het zelf "
            "meemaakt.</p>",
            accessibility="<ul><li>Je camera mag uit blijven.</li>"
            "<li>Er is live ondertiteling.</li></ul>",
            sessions=[
                evening(4, title="Avond 1: herkennen", seats=20, join_url=JOIN_URL),
                evening(11, title="Avond 2: in actie komen", seats=1, join_url=JOIN_URL),
            ],
        ),
    )


@pytest.fixture
def event(home_page):
    index = publish(
        home_page, EventIndexPage(title="Evenementen", slug="evenementen", show_in_menus=True)
    )
    return publish(
        index,
        EventPage(
            title="Online bijeenkomst 9 december",
            slug="9-december",
            intro="Vier panels, met jouw vragen en reacties op stellingen.",
            description="<p>Een middag over het sluiten van de kring van veiligheid.</p>",
            panels=[
                EventPanel(
                    title=title,
                    starts_at=time(hour, minute),
                    description=f"<p>{text}</p>",
                    members=members,
                )
                for title, hour, minute, text, members in PANELS
            ],
            sessions=[evening(17, hour=14, hours=3, seats=150, join_url=JOIN_URL)],
        ),
    )


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_register_confirm_by_mail_and_cancel(page, site_url, workshop, screenshot):
    page.goto(site_url + "/workshops/")
    screenshot(page, "workshops-index")
    assert_accessible(page)

    page.get_by_role("link", name="Samen staan we sterker").click()
    assert page.get_by_text("Nog 20 plaatsen vrij").is_visible()
    screenshot(page, "workshops-workshop")
    assert_accessible(page)

    page.get_by_role("link", name="Aanmelden voor").first.click()
    page.get_by_role("button", name="Aanmelden").click()
    assert page.get_by_role("alert").get_by_text("Kies een schuilnaam").is_visible()
    assert page.title().startswith("Fout:")
    screenshot(page, "workshops-form-errors")
    assert_accessible(page)

    page.get_by_label("Schuilnaam", exact=True).fill("Merel")
    page.get_by_label("E-mailadres", exact=True).fill("merel@example.org")
    page.get_by_label("Wat helpt jou om mee te doen?").fill("Ondertiteling graag")
    page.get_by_label("Ik vind het goed").check()
    page.get_by_role("button", name="Aanmelden").click()
    assert page.get_by_role("heading", name="Kijk in je mailbox").is_visible()

    [message] = mails_to("merel@example.org")
    page.goto(site_url + link_in(message, "/bevestigen/"))
    page.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()

    assert page.get_by_role("heading", name="Je bent aangemeld").is_visible()
    assert page.get_by_role("link", name="Doe mee aan de sessie").is_visible()
    assert JOIN_URL not in page.content()
    screenshot(page, "workshops-confirmed")
    assert_accessible(page)
    assert JOIN_URL not in mail.outbox[-1].body
    assert "/meedoen/" in mail.outbox[-1].body

    page.get_by_role("link", name="Meld me af").click()
    page.get_by_role("button", name="Ja, meld me af").click()

    assert page.get_by_role("heading", name="Je bent afgemeld").is_visible()
    assert page.get_by_role("link", name="Doe mee aan de sessie").count() == 0
    assert page.get_by_role("link", name="Opnieuw aanmelden").is_visible()
    assert Registration.objects.get().status == "cancelled"
    assert mail.outbox[-1].subject == "Je afmelding"


def register_in_the_browser(page, site_url, address, button):
    page.get_by_label("Schuilnaam", exact=True).fill("Merel")
    page.get_by_label("E-mailadres", exact=True).fill(address)
    page.get_by_label("Ik vind het goed").check()
    page.get_by_role("button", name=button).click()
    page.goto(site_url + link_in(mails_to(address)[-1], "/bevestigen/"))
    page.get_by_role("button", name="Ja, bevestig mijn aanmelding").click()


def test_full_session_puts_the_browser_registrant_on_the_waiting_list(
    page, site_url, workshop, screenshot
):
    full = workshop.sessions.get(seats=1)
    page.goto(f"{site_url}/workshops/samen-staan-we-sterker/aanmelden/{full.pk}/")
    register_in_the_browser(page, site_url, "eerste@example.org", "Aanmelden")

    page.goto(f"{site_url}/workshops/samen-staan-we-sterker/")
    session = page.locator(".session").filter(has_text="Avond 2")
    assert session.get_by_text("Vol", exact=True).is_visible()
    assert session.get_by_role("link", name="Aanmelden").count() == 0
    screenshot(page, "workshops-full-session")
    assert_accessible(page)
    session.get_by_role("link", name="Zet me op de wachtlijst").click()
    assert page.get_by_role("heading", name="Zet me op de wachtlijst").is_visible()
    register_in_the_browser(page, site_url, "tweede@example.org", "Zet me op de wachtlijst")

    assert page.get_by_role("heading", name="Je staat op de wachtlijst").is_visible()
    assert page.get_by_text("Je bent nummer 1 op de wachtlijst.").is_visible()
    assert page.get_by_role("link", name="Doe mee aan de sessie").count() == 0


def test_event_page_shows_the_programme(page, site_url, event, screenshot):
    page.goto(site_url + "/evenementen/9-december/")

    panels = page.locator(".programme .panel h3")
    assert panels.count() == 4
    assert "14:45 Heeft melden van huiselijk geweld zin?" in panels.all_inner_texts()
    screenshot(page, "workshops-event")
    assert_accessible(page)
