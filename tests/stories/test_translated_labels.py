"""Themes and content warnings in the reader's language; stories keep the Dutch labels."""

import pytest
from wagtail.models import Locale

from stories.models import ContentWarning, StoryPage, Theme
from tests.helpers import in_english, make_staff
from tests.stories.conftest import story_data
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(story_index):
    return published_story(
        story_index, themes=["dwingende-controle"], warnings=["bedreiging"], title="Mijn verhaal"
    )


def test_an_english_reader_sees_english_theme_and_warning_names_on_a_story(client, story):
    html = in_english(client).get(story.url).content.decode()

    assert "Coercive control" in html
    assert "Threats" in html
    assert "Dwingende controle" not in html
    assert "Bedreiging" not in html


def test_a_dutch_reader_sees_the_dutch_names_of_the_same_labels(client, story):
    html = client.get(story.url).content.decode()

    assert "Dwingende controle" in html
    assert "Bedreiging" in html
    assert "Coercive control" not in html


def test_the_story_index_names_themes_and_warnings_in_english(client, story, story_index):
    html = in_english(client).get(story_index.url).content.decode()

    assert "Coercive control" in html  # the filter and the story's tag
    assert "threats" in html  # the warning line, in lower case
    assert "Dwingende controle" not in html


def test_filtering_by_theme_in_english_keeps_the_dutch_slug_and_marks_the_english_name(
    client, story, story_index
):
    published_story(story_index, themes=["stalking"], title="Een ander verhaal")

    response = in_english(client).get(story_index.url + "?thema=dwingende-controle")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn verhaal" in html
    assert "Een ander verhaal" not in html
    assert 'aria-current="page">Coercive control</a>' in html
    assert "Coercive control · " in html  # the page title names the theme too


def test_a_label_without_english_translation_keeps_its_dutch_name(client, story_index):
    english = Locale.objects.get(language_code="en")
    Theme.objects.filter(locale=english, slug="stalking").delete()
    story = published_story(story_index, themes=["stalking"])

    html = in_english(client).get(story.url).content.decode()

    assert "Stalking" in html


def test_the_english_form_lists_english_names_and_the_story_gets_the_dutch_labels(
    client, submit_url
):
    html = in_english(client).get(submit_url).content.decode()
    assert "Coercive control" in html
    assert "Suicide or self-harm" in html
    assert "Dwingende controle" not in html

    response = client.post(submit_url, story_data())

    assert response.status_code == 200
    story = StoryPage.objects.get()
    dutch = Locale.objects.get(language_code="nl")
    assert {t.locale_id for t in story.themes.all()} == {dutch.pk}
    assert sorted(t.slug for t in story.themes.all()) == ["dwingende-controle", "hulp-zoeken"]
    assert [w.locale_id for w in story.content_warnings.all()] == [dutch.pk]


def test_the_cached_story_page_is_kept_per_language(client, story):
    from django.test import Client

    client.get(story.url)  # a Dutch reader fills the cache first
    english_reader = in_english(Client())

    html = english_reader.get(story.url).content.decode()

    assert "Coercive control" in html


def test_renaming_an_english_label_shows_at_once_on_the_cached_page(client, story):
    in_english(client)
    assert "Coercive control" in client.get(story.url).content.decode()

    label = Theme.objects.get(locale__language_code="en", slug="dwingende-controle")
    label.name = "Coercive and controlling behaviour"
    label.save()

    assert "Coercive and controlling behaviour" in client.get(story.url).content.decode()


def test_moderators_can_only_give_a_story_the_dutch_labels(moderator_client, story):
    html = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()

    assert "Dwingende controle" in html
    assert "Coercive control" not in html
    assert "Suicide or self-harm" not in html


@pytest.fixture
def editor_client(story_index):
    """An editor (Redactie, with a second factor): no superuser."""
    from django.test import Client

    editor, _secret = make_staff("Redactie")
    other = Client()
    other.force_login(editor)
    return other


def test_a_second_english_label_with_the_same_slug_gets_a_message_not_an_error(editor_client):
    before = ContentWarning.objects.count()

    response = editor_client.post(
        "/admin/snippets/stories/contentwarning/add/?locale=en",
        {"name": "Threats again", "slug": "bedreiging", "sort_order": "3"},
    )

    assert response.status_code == 200
    assert "Een ander label in deze taal heeft deze slug al." in response.content.decode()
    assert ContentWarning.objects.count() == before


def test_an_editor_translates_a_theme_into_english_from_the_admin(editor_client):
    english = Locale.objects.get(language_code="en")
    Theme.objects.filter(locale=english, slug="ouderen").delete()
    source = Theme.objects.sources().get(slug="ouderen")

    response = editor_client.post(
        f"/admin/translation/submit/snippet/stories/theme/{source.pk}/",
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    translation = Theme.objects.get(locale=english, translation_key=source.translation_key)
    assert translation.slug == "ouderen"


def test_an_editor_translates_a_home_card_into_english(editor_client, story_index):
    from community.models import HomeCard

    english = Locale.objects.get(language_code="en")
    card = HomeCard.objects.create(page=story_index, title="Verhalen", text="Ervaringen.")

    response = editor_client.post(
        f"/admin/translation/submit/snippet/community/homecard/{card.pk}/",
        {"locales": [english.pk]},
    )

    assert response.status_code == 302
    translation = HomeCard.objects.get(locale=english, translation_key=card.translation_key)
    assert translation.page_id == story_index.pk


def test_the_report_form_names_a_story_s_warnings_in_the_reader_s_language(client, story):
    html = in_english(client).get(f"/melden/verhaal/{story.pk}/").content.decode()

    assert "Threats" in html
    assert "Bedreiging" not in html
