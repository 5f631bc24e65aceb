"""The anonymous page cache: who gets a stored page, which pages are stored, and when not."""

import pytest
from django.test import Client
from django.urls import reverse

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


def test_workshop_pages_are_not_stored_because_they_show_free_seats(client, home_page):
    from workshops.models import WorkshopIndexPage, WorkshopPage

    HelpSettings.load()
    index = home_page.add_child(instance=WorkshopIndexPage(title="Workshops", slug="workshops"))
    page = index.add_child(instance=WorkshopPage(title="Samen sterker", slug="samen"))
    page.save_revision().publish()
    client.get(page.url)
    WorkshopPage.objects.filter(pk=page.pk).update(title="Nog sterker")

    assert "Nog sterker" in client.get(page.url).content.decode()
