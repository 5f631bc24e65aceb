"""What a moderator sees of a story in the Wagtail admin."""

import pytest

from stories.models import StoryPage
from tests.stories.conftest import STORY_TEXT

pytestmark = pytest.mark.django_db


def test_the_edit_view_highlights_identifying_details_for_the_moderator(
    submit_story, moderator_client
):
    story, _, _ = submit_story(
        story=STORY_TEXT
        + "\n\nMijn ex Mark woont nog aan de Kerkstraat 12, bel 06-12345678 als je hem kent."
    )

    response = moderator_client.get(f"/admin/pages/{story.pk}/edit/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mogelijk herkenbare details" in html
    assert "3 details waaraan iemand herkend kan worden" in html
    assert '<mark class="stories-hint stories-hint--name">Mark</mark>' in html
    assert '<mark class="stories-hint stories-hint--street">Kerkstraat 12</mark>' in html
    assert '<mark class="stories-hint stories-hint--phone">06-12345678</mark>' in html
    assert "stories/admin.css" in html


def test_the_authors_address_and_link_never_show_in_the_admin(submit_story, moderator_client):
    story, private_path, _ = submit_story(email="merel@example.org")
    token = private_path.rstrip("/").rsplit("/", 1)[1]

    html = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()

    assert "merel@example.org" not in html
    assert token not in html


def test_a_redacted_draft_shows_no_more_hints(submit_story, moderator_client):
    story, _, _ = submit_story(story=STORY_TEXT + "\n\nBel me op 06-12345678.")
    latest = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    latest.body = latest.body.replace("06-12345678", "[nummer]")
    latest.save_revision()

    html = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()

    assert "Geen namen, adressen, nummers of links gevonden" in html
