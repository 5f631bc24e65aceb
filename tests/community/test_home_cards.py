"""Home cards and menu labels in the reader's language; Dutch stays the source and the tree."""

import pytest
from django.test import Client
from wagtail.models import Locale

from community.models import HomeCard, StandardPage
from tests.helpers import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def cards(help_page):
    dutch = Locale.get_default()
    english = Locale.objects.get(language_code="en")
    source = HomeCard.objects.create(
        page=help_page, locale=dutch, title="Hulp en advies", text="Waar je terechtkunt."
    )
    translation = source.copy_for_translation(english)
    translation.title, translation.text = "Help and advice", "Where to turn."
    translation.save()
    return source, translation


def test_the_english_home_shows_english_cards_and_menu(client, cards):
    html = in_english(client).get("/").content.decode()

    assert html.count("Help and advice") == 3  # the card and both forms of the menu
    assert "Where to turn." in html
    assert "Hulp en advies" not in html
    assert 'href="/hulp/"' in html


def test_the_dutch_home_shows_the_dutch_cards_and_menu(client, cards):
    html = client.get("/").content.decode()

    assert html.count("Hulp en advies") == 3
    assert "Waar je terechtkunt." in html
    assert "Help and advice" not in html


def test_a_section_without_a_card_shows_its_page_title_and_introduction(client, home_page):
    page = home_page.add_child(
        instance=StandardPage(
            title="Veilig thuis", slug="veilig", intro="Over veiligheid.", show_in_menus=True
        )
    )
    page.save_revision().publish()

    html = in_english(client).get("/").content.decode()

    assert "Veilig thuis" in html
    assert "Over veiligheid." in html


def test_the_menu_is_cached_per_language(client, cards, help_page):
    client.get("/hulp/")  # a Dutch reader fills the menu cache first

    html = in_english(Client()).get("/hulp/").content.decode()

    assert "Help and advice" in html
    assert "Hulp en advies</a>" not in html


def test_an_edited_card_shows_at_once_in_the_menu(client, cards):
    _source, translation = cards
    in_english(client).get("/")

    translation.title = "Get help"
    translation.save()

    html = client.get("/hulp/").content.decode()
    assert "Get help" in html


def test_a_published_english_home_page_does_not_hide_the_dutch_tree(client, cards, help_page):
    home = help_page.get_parent().specific
    english_home = home.copy_for_translation(Locale.objects.get(language_code="en"))
    english_home.save_revision().publish()

    in_english(client)

    assert client.get("/hulp/").status_code == 200
    assert client.get("/").status_code == 200


def test_one_page_gets_one_card_per_language(cards, help_page):
    from django.core.exceptions import ValidationError

    second = HomeCard(page=help_page, locale=Locale.get_default(), title="Nog een")

    with pytest.raises(ValidationError):
        second.full_clean()


def test_an_editor_cannot_copy_a_page_into_english(help_page, django_user_model):
    from tests.stories.conftest import make_moderator

    editor, _secret = make_moderator(django_user_model, username="redactie")
    editor.is_superuser = True
    editor.save()
    client = Client()
    client.force_login(editor)
    english = Locale.objects.get(language_code="en")

    response = client.post(
        f"/admin/translation/submit/page/{help_page.pk}/",
        {"locales": [english.pk], "include_subtree": "on"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Pagina&#x27;s worden in Kring niet vertaald" in response.content.decode()
    assert not help_page.get_translations().exists()


def test_the_dutch_page_text_is_marked_dutch_for_an_english_reader(client, cards, help_page):
    english_html = in_english(client).get("/hulp/").content.decode()
    dutch_html = Client().get("/hulp/").content.decode()

    assert '<html lang="en">' in english_html
    assert '<article class="prose" lang="nl">' in english_html
    assert '<article class="prose">' in dutch_html
