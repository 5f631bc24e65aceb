import io
from datetime import timedelta

import pytest
from django.utils import timezone

from community.models import HomePage
from tests.workshops.helpers import JOIN_URL
from workshops import demo
from workshops.models import EventPage, Session, WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db


def test_workshop_index_lists_the_workshop_with_its_next_session(client, session):
    html = client.get("/workshops/").content.decode()

    assert 'href="/workshops/samen-staan-we-sterker/"' in html
    assert "Eerstvolgende:" in html
    assert session.when() in html


def test_workshop_index_puts_workshops_without_dates_under_earlier(client, workshop):
    html = client.get("/workshops/").content.decode()

    assert "Er staat op dit moment niets gepland" in html
    assert "Eerder" in html
    assert "Samen staan we sterker" in html


def test_workshop_page_shows_what_it_is_for_whom_and_how_accessible(client, session):
    html = client.get("/workshops/samen-staan-we-sterker/").content.decode()

    assert "Wat je leert." in html
    assert "Een trainer en een ervaringsdeskundige." in html
    assert "Voor wie" in html and "Voor iedereen." in html
    assert "Toegankelijkheid" in html and "Met ondertiteling." in html
    assert "Nog 10 plaatsen vrij" in html
    assert f'href="/workshops/samen-staan-we-sterker/aanmelden/{session.pk}/"' in html


def test_full_session_offers_the_waiting_list(client, make_session, confirmed):
    full = make_session(seats=1)
    confirmed(target=full)

    html = client.get("/workshops/samen-staan-we-sterker/").content.decode()

    [session_html] = [
        item for item in html.split('<li class="session"') if f"aanmelden/{full.pk}/" in item
    ]
    assert ">Vol</strong>" in session_html
    assert "Zet me op de wachtlijst" in session_html
    assert "Aanmelden" not in session_html


def test_closed_and_past_sessions_offer_no_registration(client, make_session):
    closed = make_session(registration_open=False)
    past = make_session(starts_in=-timedelta(days=3))

    html = client.get("/workshops/samen-staan-we-sterker/").content.decode()

    assert "Aanmelden is gesloten." in html
    assert f"aanmelden/{closed.pk}/" not in html
    assert past.when() not in html


def test_join_link_is_never_on_a_public_page(client, session, confirmed):
    confirmed()

    for path in ["/workshops/", "/workshops/samen-staan-we-sterker/"]:
        assert JOIN_URL not in client.get(path).content.decode()
    register_page = client.get(f"/workshops/samen-staan-we-sterker/aanmelden/{session.pk}/")
    assert JOIN_URL not in register_page.content.decode()


def test_event_page_shows_its_programme_with_a_stable_anchor_per_panel(client, event):
    panels = list(event.panels.all())

    html = client.get("/evenementen/9-december/").content.decode()

    assert "Programma" in html
    assert "Het Verdrag van Istanbul" in html and "Heeft melden zin?" in html
    assert f'id="panel-{panels[0].pk}"' in html
    assert "Een jurist, Een beleidsmaker" in html


def test_panels_keep_their_ids_when_the_event_is_published_again(event):
    before = list(event.panels.values_list("pk", flat=True))

    event.title = "Online bijeenkomst op 9 december"
    event.save_revision().publish()

    assert list(EventPage.objects.get(pk=event.pk).panels.values_list("pk", flat=True)) == before


def test_page_types_only_live_in_their_own_section(home_page):
    assert WorkshopIndexPage.can_create_at(home_page)
    assert not WorkshopPage.can_create_at(home_page)
    assert not EventPage.can_create_at(home_page)


def test_preview_of_a_draft_shows_its_new_session_without_counting(rf, workshop, admin_user):
    starts_at = timezone.now() + timedelta(days=9)
    workshop.sessions.add(
        Session(starts_at=starts_at, ends_at=starts_at + timedelta(hours=1), seats=5)
    )
    request = rf.get("/")
    request.user = admin_user

    response = workshop.make_preview_request(request)

    assert response.status_code == 200
    assert "Nog 5 plaatsen vrij" in response.render().content.decode()


class FakeCommand:
    def __init__(self):
        self.stdout = io.StringIO()


def test_demo_seed_makes_the_workshop_and_the_event_once(client, home_page):
    demo.seed(FakeCommand())
    demo.seed(FakeCommand())

    workshop = WorkshopPage.objects.get(slug="samen-staan-we-sterker")
    event = EventPage.objects.get(slug="9-december")
    assert WorkshopPage.objects.count() == 1 and EventPage.objects.count() == 1
    today = timezone.localdate()
    days = sorted(timezone.localtime(s.starts_at).date() for s in workshop.sessions.all())
    assert len(days) == 2 and today < days[0] <= today + timedelta(days=7)
    assert days[1] - days[0] == timedelta(days=7)
    assert all(day.weekday() == 3 for day in days)  # Thursdays
    [event_day] = [timezone.localtime(s.starts_at).date() for s in event.sessions.all()]
    assert (event_day.day, event_day.month) == (9, 12) and event_day >= today
    titles = [panel.title for panel in event.panels.all()]
    assert len(titles) == 4
    assert "Heeft melden van huiselijk geweld zin?" in titles
    assert "Project Masker-19" in titles
    assert any("Istanbul" in title for title in titles)
    assert any("Family Justice Center" in title for title in titles)
    home = HomePage.objects.get()
    menu = [page.slug for page in home.get_children().live().in_menu()]
    assert "workshops" in menu and "evenementen" in menu
    for path in [
        "/workshops/",
        "/workshops/samen-staan-we-sterker/",
        "/evenementen/",
        "/evenementen/9-december/",
    ]:
        assert client.get(path).status_code == 200, path
