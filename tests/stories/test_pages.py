"""What a reader sees at /verhalen/ and on a story."""

import re

import pytest
from django.utils import timezone

from stories.formatting import text_to_html
from stories.models import STORIES_PER_PAGE
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db


def titles_on(html):
    return re.findall(r'class="story-card__title"><a href="[^"]+">([^<]+)</a>', html)


def test_the_index_lists_published_stories_newest_first(client, story_index, submit_story):
    published_story(story_index, title="Oud verhaal", days_ago=10)
    published_story(story_index, title="Nieuw verhaal", days_ago=1)
    published_story(story_index, title="Middelste verhaal", days_ago=5)
    submit_story(title="Nog in beoordeling")

    html = client.get("/verhalen/").content.decode()

    assert titles_on(html) == ["Nieuw verhaal", "Middelste verhaal", "Oud verhaal"]
    assert "Nog in beoordeling" not in html
    assert 'href="/verhalen/delen/"' in html


def test_readers_filter_the_index_by_theme(client, story_index):
    published_story(story_index, title="Over geld", themes=["financieel-misbruik"])
    published_story(story_index, title="Over herstel", themes=["herstel"])

    html = client.get("/verhalen/?thema=herstel").content.decode()

    assert titles_on(html) == ["Over herstel"]
    assert 'aria-current="page">Herstel en verder gaan</a>' in html
    # Only themes that have stories are offered.
    assert "Financieel misbruik" in html and "Stalking" not in html


def test_an_unknown_theme_shows_all_stories(client, story_index):
    published_story(story_index, title="Een verhaal")

    response = client.get("/verhalen/?thema=<script>")

    assert response.status_code == 200
    assert titles_on(response.content.decode()) == ["Een verhaal"]
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_the_index_pages_through_many_stories(client, story_index):
    for day in range(STORIES_PER_PAGE + 2):
        published_story(story_index, title=f"Verhaal van dag {day}", days_ago=day)

    first = client.get("/verhalen/").content.decode()
    second = client.get("/verhalen/?pagina=2").content.decode()
    beyond = client.get("/verhalen/?pagina=99").content.decode()
    garbage = client.get("/verhalen/?pagina=abc")

    assert len(titles_on(first)) == STORIES_PER_PAGE
    assert titles_on(second) == ["Verhaal van dag 10", "Verhaal van dag 11"]
    assert "Pagina 1 van 2" in first and 'href="?pagina=2"' in first
    assert titles_on(beyond) == titles_on(second)
    assert garbage.status_code == 200


def test_a_story_shows_pseudonym_date_themes_reading_time_and_warnings_before_the_text(
    client, story_index
):
    story = published_story(
        story_index,
        title="Wat ik niet meer accepteer",
        pseudonym="Lotus",
        themes=["herstel"],
        warnings=["lichamelijk-geweld"],
        body=text_to_html("Een verhaal over moed. " * 120),
    )

    html = client.get(story.url).content.decode()

    assert '<h1 id="story-title">Wat ik niet meer accepteer</h1>' in html
    assert "Door Lotus" in html
    # The page shows the local (Amsterdam) date, which near midnight is not the UTC one.
    assert timezone.localtime(story.first_published_at).strftime("%Y-%m-%d") in html
    assert "3 minuten lezen" in html
    assert "Herstel en verder gaan" in html
    warning = html.index("Voordat je leest")
    reveal = html.index('<details class="story__reveal">')
    text = html.index("Een verhaal over moed.")
    assert warning < reveal < text
    assert "<summary>Lees het verhaal</summary>" in html


def test_a_story_without_warnings_is_shown_openly_and_anonymous_without_pseudonym(
    client, story_index
):
    story = published_story(story_index, pseudonym="")

    html = client.get(story.url).content.decode()

    assert "Door Anoniem" in html
    assert "story__reveal" not in html
    assert "Een verhaal over moed." in html
    assert "1 minuut lezen" in html


def test_a_fictional_story_says_so(client, story_index):
    story = published_story(story_index, is_fictional=True)

    assert "verzonnen voorbeeldverhaal" in client.get(story.url).content.decode()


def test_the_story_index_is_in_the_menu_of_the_home_page(client, story_index):
    assert 'href="/verhalen/"' in client.get("/").content.decode()


def test_a_story_cannot_take_a_reserved_address(story_index):
    from django.core.exceptions import ValidationError

    story = published_story(story_index)
    story.slug = "delen"

    with pytest.raises(ValidationError) as error:
        story.full_clean()

    assert "gereserveerd" in str(error.value)
