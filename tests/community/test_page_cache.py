"""The anonymous page cache: who gets a stored page, which pages are stored, and when not."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from community.models import HelpSettings
from stories.models import StoryPage
from tests.stories.conftest import story_index  # noqa: F401 (a fixture)
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):  # noqa: F811
    # A running site has its settings row; the first visit would otherwise create it, and that
    # save (rightly) makes every stored page stale.
    HelpSettings.load()
    return published_story(story_index, title="Het gesprek")


def retitle_behind_the_cache(page, title):
    """Change the stored title without a save signal, as only the cache would not notice."""
    StoryPage.objects.filter(pk=page.pk).update(title=title)


def test_an_anonymous_reader_is_served_the_stored_page(client, story):
    assert "Het gesprek" in client.get(story.url).content.decode()
    retitle_behind_the_cache(story, "Nieuwe titel")

    response = client.get(story.url)

    assert "Het gesprek" in response.content.decode()
    assert response["X-Kring-Cache"] == "hit"
    assert not response.cookies


def test_a_published_change_shows_at_once(client, story):
    client.get(story.url)

    story.title = "Een nieuwe versie"
    story.save_revision().publish()

    assert "Een nieuwe versie" in client.get(story.url).content.decode()


def test_a_withdrawn_story_is_gone_at_once(client, story, story_index):  # noqa: F811
    client.get(story.url)
    client.get(story_index.url)

    story.unpublish()

    assert client.get(story.url).status_code == 404
    assert "Het gesprek" not in client.get(story_index.url).content.decode()


def test_new_help_numbers_show_at_once(client, story):
    client.get(story.url)

    settings_row = HelpSettings.load()
    settings_row.veilig_thuis_phone = "0800-1234"
    settings_row.save()

    assert "0800-1234" in client.get(story.url).content.decode()


def test_a_signed_in_member_neither_gets_nor_fills_the_cache(client, story, django_user_model):
    member = django_user_model.objects.create_user(
        username="sanne", email="sanne@example.org", password="x-wachtwoord-2026"
    )
    signed_in = Client()
    signed_in.force_login(member)

    # What the member is shown (with their account links) is not stored for anyone else...
    assert reverse("account_logout") in signed_in.get(story.url).content.decode()
    assert reverse("account_logout") not in client.get(story.url).content.decode()
    # ...and the member is never served what was stored for anonymous readers.
    retitle_behind_the_cache(story, "Nieuwe titel")
    assert "Nieuwe titel" in signed_in.get(story.url).content.decode()


def test_a_browser_with_a_session_is_not_served_from_the_cache(client, story):
    client.get(story.url)
    retitle_behind_the_cache(story, "Nieuwe titel")
    client.cookies["kring_session"] = "een-gast-met-een-schuilnaam"

    assert "Nieuwe titel" in client.get(story.url).content.decode()


def test_a_browser_with_a_message_waiting_is_not_served_from_the_cache(client, story):
    client.get(story.url)
    retitle_behind_the_cache(story, "Nieuwe titel")
    client.cookies["messages"] = "iets"

    assert "Nieuwe titel" in client.get(story.url).content.decode()


def test_each_language_has_its_own_copy(client, story):
    assert 'lang="nl"' in client.get(story.url).content.decode()

    english = Client()
    english.cookies["kring_language"] = "en"
    assert 'lang="en"' in english.get(story.url).content.decode()
    assert 'lang="en"' in Client(HTTP_ACCEPT_LANGUAGE="en").get(story.url).content.decode()
    assert 'lang="nl"' in client.get(story.url).content.decode()


def test_pages_with_a_form_are_never_stored(client, story_index):  # noqa: F811
    submit = story_index.url + story_index.reverse_subpage("submit")
    first = client.get(submit)
    fresh = Client().get(submit)

    assert "csrftoken" in first.cookies and "csrftoken" in fresh.cookies
    assert first.cookies["csrftoken"].value != fresh.cookies["csrftoken"].value


def test_a_url_with_a_query_string_is_never_served_from_the_cache(client, story, story_index):  # noqa: F811
    client.get(story_index.url + "?pagina=1")
    retitle_behind_the_cache(story, "Nieuwe titel")

    assert "Nieuwe titel" in client.get(story_index.url + "?pagina=1").content.decode()


@pytest.fixture
def workshop_page(home_page):
    from workshops.models import Session, WorkshopIndexPage, WorkshopPage

    HelpSettings.load()
    index = home_page.add_child(instance=WorkshopIndexPage(title="Workshops", slug="workshops"))
    page = index.add_child(instance=WorkshopPage(title="Samen sterker", slug="samen"))
    start = timezone.now() + timedelta(days=3)
    page.sessions.add(Session(starts_at=start, ends_at=start + timedelta(hours=2), seats=2))
    page.save_revision().publish()
    return page


def register_and_confirm(page, email):
    from workshops import booking
    from workshops.models import Session

    session = Session.objects.get(page_id=page.pk)
    registration = booking.do_register(None, session, pseudonym="Merel", email=email).registration
    booking.do_confirm(None, registration)
    return registration


def test_a_workshop_page_is_served_from_the_cache(client, workshop_page):
    from workshops.models import WorkshopPage

    assert client.get(workshop_page.url)["X-Kring-Cache"] == "stored"
    WorkshopPage.objects.filter(pk=workshop_page.pk).update(title="Nog sterker")

    response = client.get(workshop_page.url)

    assert response["X-Kring-Cache"] == "hit"
    assert "Samen sterker" in response.content.decode()


def test_seats_left_change_on_the_page_as_soon_as_someone_registers_or_cancels(
    client, workshop_page, django_capture_on_commit_callbacks
):
    from workshops import booking

    assert "Nog 2 plaatsen vrij" in client.get(workshop_page.url).content.decode()
    assert client.get(workshop_page.url)["X-Kring-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        first = register_and_confirm(workshop_page, "a@example.org")
    assert "Nog 1 plaats vrij" in client.get(workshop_page.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        register_and_confirm(workshop_page, "b@example.org")
    html = client.get(workshop_page.url).content.decode()
    assert ">Vol</strong>" in html and "Zet me op de wachtlijst" in html

    with django_capture_on_commit_callbacks(execute=True):
        booking.do_cancel(None, first)
    assert "Nog 1 plaats vrij" in client.get(workshop_page.url).content.decode()


def test_a_registration_leaves_other_stored_pages_alone(
    client, workshop_page, story, django_capture_on_commit_callbacks
):
    client.get(story.url)

    with django_capture_on_commit_callbacks(execute=True):
        register_and_confirm(workshop_page, "a@example.org")

    assert client.get(story.url)["X-Kring-Cache"] == "hit"


def test_a_stored_workshop_page_is_not_served_once_its_session_has_started(
    client, workshop_page, monkeypatch
):
    client.get(workshop_page.url)
    later = timezone.now() + timedelta(days=3, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    response = client.get(workshop_page.url)

    assert response.get("X-Kring-Cache") != "hit"
    assert "Aanmelden is gesloten." in response.content.decode()


def test_an_event_page_shows_a_room_opening_at_once(client, home_page):
    from live.models import LiveRoom
    from workshops.models import EventIndexPage, EventPage, EventPanel

    HelpSettings.load()
    index = home_page.add_child(instance=EventIndexPage(title="Evenementen", slug="evenementen"))
    panels = [EventPanel(title="Eén")]
    page = index.add_child(
        instance=EventPage(title="Bijeenkomst", slug="bijeenkomst", panels=panels)
    )
    page.save_revision().publish()
    room = LiveRoom.objects.create(panel=page.panels.get(), title="Eén", slug="een")
    assert "Doe mee in de live ruimte" not in client.get(page.url).content.decode()
    assert client.get(page.url)["X-Kring-Cache"] == "hit"

    room.status = LiveRoom.Status.OPEN
    room.save()

    assert "Doe mee in de live ruimte" in client.get(page.url).content.decode()


def test_signing_in_leaves_the_stored_pages_alone(client, story, django_user_model):
    # Each sign-in saves the account (its last login); if that emptied the cache, signing in
    # and out in a loop would make every page render anew for every reader.
    member = django_user_model.objects.create_user(
        username="sanne", email="sanne@example.org", password="x-wachtwoord-2026"
    )
    client.get(story.url)

    assert Client().login(username="sanne", password="x-wachtwoord-2026")
    member.refresh_from_db()

    assert member.last_login is not None
    assert client.get(story.url)["X-Kring-Cache"] == "hit"


def test_a_private_links_token_never_reaches_the_cache_not_even_as_a_key(
    client,
    story_index,  # noqa: F811
    monkeypatch,
):
    """Redis keys show in monitoring (MONITOR, slow logs, a key scan): a private link's token
    must not travel there, even on a lookup that finds nothing."""
    from community import page_cache

    keys = []
    for name in ("get", "get_many", "set"):
        original = getattr(page_cache.cache, name)

        def spy(key, *args, _original=original, **kwargs):
            keys.extend(key if isinstance(key, list) else [key])
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(page_cache.cache, name, spy)
    token = "Zx9kQ2mP7rT4vW8yB3nL6hJ1"

    client.get(f"{story_index.url}mijn-verhaal/{token}/")
    client.get(f"{story_index.url}mijn-verhaal/{token}/?pagina=2")

    assert keys, "the page cache was not asked at all"
    assert not [key for key in keys if token in key]
