"""Workshop and event pages served from the anonymous page cache, attacked through HTTP.

What must hold: every change to the seats (a registration confirmed, waiting-listed, cancelled
or promoted) and every change of a room, by a moderator or by the clock, shows on the very next
request; nobody's personal page and nothing a signed-in editor sees is stored or served from
the store; a stored page sets no cookie and carries no CSRF token, and the registration form it
links to still works with Django's CSRF checks on.
"""

import re

import pytest
from django.test import Client

from community.models import HelpSettings
from live.models import LiveRoom
from tests.workshops.helpers import link_in, mails_to
from tests.workshops.test_live_status import afternoon, amsterdam, open_rooms  # noqa: F401
from workshops.models import Registration, Session, WorkshopPage

pytestmark = pytest.mark.django_db

PAGE = "/workshops/samen-staan-we-sterker/"
CACHE = "X-Kring-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def running_site(db):
    # A running site has its settings row; the first visit would otherwise create it, and that
    # save (rightly) makes every stored page stale.
    HelpSettings.load()


@pytest.fixture
def browser(committed):
    """A new browser that Django checks CSRF for, as on the real site (the test client skips
    the check unless asked), with each request's after-commit work done."""

    def make():
        browser = Client(enforce_csrf_checks=True)
        send = browser.request

        def request(**kwargs):
            with committed():
                return send(**kwargs)

        browser.request = request
        return browser

    return make


def token_in(response):
    found = TOKEN.search(response.content.decode())
    assert found, "no CSRF token in the form"
    return found.group(1)


def register_from_the_page(browser, email, pseudonym):
    """What a visitor does: open the (stored) page, follow its link to the form, send it."""
    page = browser.get(PAGE)
    form_url = re.search(r'href="([^"]*/aanmelden/\d+/)"', page.content.decode()).group(1)
    form = browser.get(form_url)
    assert form.get(CACHE) is None
    data = {"pseudonym": pseudonym, "email": email, "consent": "on"}
    response = browser.post(form_url, {**data, "csrfmiddlewaretoken": token_in(form)})
    assert response.status_code == 302, response.content.decode()[:2000]


def confirm_by_mail(browser, email):
    """Open the link in the mail and press the button; returns the personal page's URL."""
    link = link_in(mails_to(email)[-1], "/bevestigen/")
    response = browser.post(link, {"csrfmiddlewaretoken": token_in(browser.get(link))})
    assert response.status_code == 302
    return response["Location"]


def cancel_through_personal_page(browser, manage_url):
    cancel_url = manage_url + "afmelden/"
    form = browser.get(cancel_url)
    response = browser.post(cancel_url, {"csrfmiddlewaretoken": token_in(form)})
    assert response.status_code == 302


def seats_text(reader):
    """The seats part of the page as an anonymous reader gets it, and whether it was stored."""
    response = reader.get(PAGE)
    html = response.content.decode()
    start = html.index('class="sessions"')
    return html[start : html.index("</aside>", start)], response.get(CACHE)


def test_a_stored_workshop_page_sets_no_cookie_and_holds_no_csrf_token(session):
    first = Client().get(PAGE)
    second = Client().get(PAGE)

    assert (first[CACHE], second[CACHE]) == ("stored", "hit")
    for response in (first, second):
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert "Set-Cookie" not in response.headers


def test_the_form_linked_from_a_stored_page_works_with_csrf_checks(browser, session):
    Client().get(PAGE)  # someone else's visit stored the page
    visitor = browser()
    assert visitor.get(PAGE)[CACHE] == "hit"

    register_from_the_page(visitor, "merel@example.org", "Merel")
    manage_url = confirm_by_mail(visitor, "merel@example.org")

    assert Registration.objects.get().status == Registration.Status.CONFIRMED
    assert "Je bent aangemeld" in visitor.get(manage_url).content.decode()


def test_a_form_post_without_its_token_is_refused(browser, session):
    visitor = browser()
    visitor.get(PAGE)
    form_url = f"{PAGE}aanmelden/{session.pk}/"

    response = visitor.post(form_url, {"pseudonym": "Merel", "email": "m@example.org"})

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_each_registration_step_shows_on_the_stored_page_at_once(browser, make_session):
    make_session(seats=1)
    reader = Client()
    assert "Nog 1 plaats vrij" in seats_text(reader)[0]
    assert seats_text(reader)[1] == "hit"

    merel, noor = browser(), browser()
    register_from_the_page(merel, "merel@example.org", "Merel")
    # Not confirmed yet: no seat taken, and the stored copy may stay.
    assert "Nog 1 plaats vrij" in seats_text(reader)[0]

    merel_page = confirm_by_mail(merel, "merel@example.org")
    text, cache = seats_text(reader)
    assert ">Vol</strong>" in text and cache == "stored"

    register_from_the_page(noor, "noor@example.org", "Noor")
    noor_page = confirm_by_mail(noor, "noor@example.org")
    assert Registration.objects.get(pseudonym="Noor").status == Registration.Status.WAITING
    assert ">Vol</strong>" in seats_text(reader)[0]

    # Merel cancels: Noor moves up, so the page must not offer the seat for a moment.
    cancel_through_personal_page(merel, merel_page)
    assert Registration.objects.get(pseudonym="Noor").status == Registration.Status.CONFIRMED
    text, cache = seats_text(reader)
    assert ">Vol</strong>" in text and "plaats vrij" not in text

    cancel_through_personal_page(noor, noor_page)
    text, cache = seats_text(reader)
    assert "Nog 1 plaats vrij" in text and cache == "stored"


def test_seats_an_editor_adds_and_the_waiting_list_taking_them_show_at_once(
    browser, make_session, workshop
):
    make_session(seats=1)
    for name in ("Merel", "Noor", "Sem"):
        person = browser()
        register_from_the_page(person, f"{name.lower()}@example.org", name)
        confirm_by_mail(person, f"{name.lower()}@example.org")
    reader = Client()
    assert ">Vol</strong>" in seats_text(reader)[0]
    assert seats_text(reader)[1] == "hit"

    # The editor makes room for one more; Noor, first on the waiting list, takes it at once.
    page = WorkshopPage.objects.get(pk=workshop.pk)
    sessions = list(page.sessions.all())
    sessions[0].seats = 2
    page.sessions = sessions
    page.save_revision().publish()

    assert Registration.objects.get(pseudonym="Noor").status == Registration.Status.CONFIRMED
    text, _cache = seats_text(reader)
    assert ">Vol</strong>" in text and "plaats vrij" not in text


def test_a_registrants_personal_pages_are_never_stored(browser, session):
    visitor = browser()
    register_from_the_page(visitor, "merel@example.org", "Merel")
    manage_url = confirm_by_mail(visitor, "merel@example.org")
    confirm_url = link_in(mails_to("merel@example.org")[0], "/bevestigen/")

    for url in (manage_url, confirm_url, f"{PAGE}aanmelden/{session.pk}/"):
        for response in (Client().get(url), Client().get(url)):
            assert response.get(CACHE) is None, url
            assert "no-store" in response["Cache-Control"], url

    cancel_through_personal_page(visitor, manage_url)
    assert "Je bent afgemeld" in Client().get(manage_url).content.decode()


def test_a_signed_in_editor_neither_gets_nor_fills_the_stored_page(session, admin_user):
    editor = Client()
    editor.force_login(admin_user)

    response = editor.get(PAGE)
    assert response.status_code == 200 and response.get(CACHE) is None
    assert Client().get(PAGE)[CACHE] == "stored"  # the editor's copy was not stored

    Session.objects.filter(pk=session.pk).update(seats=7)  # behind the cache's back
    response = editor.get(PAGE)
    assert response.get(CACHE) is None
    assert "Nog 7 plaatsen vrij" in response.content.decode()


EVENT = "/evenementen/9-december/"


@pytest.fixture
def open_afternoon(afternoon):  # noqa: F811
    open_rooms()
    return afternoon


def first_panel(reader):
    response = reader.get(EVENT)
    html = response.content.decode()
    start = html.index("Istanbul")
    return html[start : html.index('<li class="panel"', start)], response.get(CACHE)


def test_a_panel_whose_time_is_over_stops_saying_live_at_once(open_afternoon, clock):
    reader = Client()
    clock.set(amsterdam(14, 44))
    assert "Nu live" in first_panel(reader)[0]
    assert first_panel(reader)[1] == "hit"

    clock.set(amsterdam(14, 45))  # the next panel begins: the first one's time is over
    text, cache = first_panel(reader)

    assert cache != "hit"
    assert "Nu live" not in text


def test_a_room_a_moderator_closes_shows_closed_at_once(
    open_afternoon, clock, committed, admin_user
):
    from live.services import moderators

    reader = Client()
    clock.set(amsterdam(14, 10))
    assert "Nu live" in first_panel(reader)[0]
    assert first_panel(reader)[1] == "hit"

    room = LiveRoom.objects.get(slug="panel-0")
    with committed():
        moderators.do_set_status(room, LiveRoom.Status.CLOSED, by=admin_user)
    text, cache = first_panel(reader)

    assert cache == "stored"
    assert "Nu live" not in text


def test_a_registration_for_an_event_shows_on_its_stored_page_at_once(
    afternoon,  # noqa: F811
    clock,
    confirmed,
):
    clock.set(amsterdam(9))
    reader = Client()
    assert "Nog 150 plaatsen vrij" in reader.get(EVENT).content.decode()
    assert reader.get(EVENT)[CACHE] == "hit"

    confirmed(target=Session.objects.get(page=afternoon))

    assert "Nog 149 plaatsen vrij" in reader.get(EVENT).content.decode()
