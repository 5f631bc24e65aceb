"""Experience questions on the story form: stored apart, seen by the author, corrected, erased."""

import pytest

from stories.experience import OrganisationExperience, StoryExperience
from tests.stories.conftest import story_data

pytestmark = pytest.mark.django_db

ANSWERS = {
    "ervaring-politie": "on",
    "ervaring-politie-heard": "nee",
    "ervaring-politie-informed": "deels",
    "ervaring-huisarts-heard": "ja",
    "ervaring-period": "vanaf-2020",
    "ervaring-region": "utrecht",
}


def test_answers_sent_with_a_story_are_stored_with_it(submit_story):
    story, _path, _response = submit_story(**ANSWERS)

    answers = StoryExperience.objects.get(page_id=story.pk).answers()
    assert answers == {
        "period": "vanaf-2020",
        "region": "utrecht",
        "organisations": {
            "politie": {"heard": "nee", "informed": "deels", "referred": ""},
            "huisarts": {"heard": "ja", "informed": "", "referred": ""},
        },
    }


def test_a_story_without_answers_stores_no_answers(submit_story):
    story, _path, _response = submit_story()

    assert not StoryExperience.objects.filter(page_id=story.pk).exists()


def test_an_answer_outside_the_list_is_refused_and_the_text_kept(client, submit_url):
    response = client.post(submit_url, story_data(**{"ervaring-politie-heard": "misschien"}))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies een van de antwoorden uit de lijst." in page
    assert "Het gesprek dat alles veranderde" in page
    assert not StoryExperience.objects.exists()


def test_the_form_shows_the_questions_after_the_text(client, submit_url):
    page = client.get(submit_url).content.decode()

    assert page.index('name="story"') < page.index('name="ervaring-politie-heard"')
    assert "zeg ik liever niet" in page
    assert "Raad voor de Kinderbescherming" in page


def test_the_author_sees_her_answers_on_her_private_link(client, submit_story):
    _story, path, _response = submit_story(**ANSWERS)

    page = client.get(path).content.decode()

    assert "Je antwoorden over instanties" in page
    assert "Gehoord: nee" in page
    assert "Utrecht" in page


def test_withdrawing_removes_the_answers(client, submit_story):
    story, path, _response = submit_story(**ANSWERS)

    client.post(path, {"action": "withdraw", "confirm": "on"})

    assert not StoryExperience.objects.filter(page_id=story.pk).exists()
    assert not OrganisationExperience.objects.exists()


def test_a_moderator_sees_and_corrects_the_answers(moderator_client, submit_story):
    story, _path, _response = submit_story(**ANSWERS)

    edit = moderator_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Antwoorden over instanties" in edit
    url = f"/admin/verhalen/{story.pk}/ervaringen/"
    assert url in edit
    form = moderator_client.get(url)
    assert form.status_code == 200
    response = moderator_client.post(
        url, {"ervaring-politie": "on", "ervaring-politie-heard": "ja", "ervaring-region": ""}
    )

    assert response.status_code == 302
    experience = StoryExperience.objects.get(page_id=story.pk)
    assert experience.answers()["organisations"] == {
        "politie": {"heard": "ja", "informed": "", "referred": ""}
    }
    assert experience.version == 2


def test_a_visitor_cannot_reach_the_correction_form(client, submit_story):
    story, _path, _response = submit_story(**ANSWERS)

    response = client.post(
        f"/admin/verhalen/{story.pk}/ervaringen/", {"ervaring-politie-heard": "ja"}
    )

    assert response.status_code in (302, 403)
    assert StoryExperience.objects.get(page_id=story.pk).version == 1


def test_the_published_story_never_shows_the_answers(client, submit_story):
    story, _path, _response = submit_story(**ANSWERS)
    revision = story.get_latest_revision()
    revision.publish()

    page = client.get(story.url).content.decode()

    assert client.get(story.url).status_code == 200
    assert "Utrecht" not in page
    assert "Gehoord" not in page and "gehoord" not in page
