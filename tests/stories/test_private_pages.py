"""Every page of the story form and the author's private link is private (`community.private`)."""

import pytest

from stories.models import StoryPage
from tests.helpers import assert_private
from tests.stories.conftest import story_data

pytestmark = pytest.mark.django_db


def test_the_empty_form_is_private(client, submit_url):
    assert_private(client.get(submit_url))


def test_a_form_sent_back_with_errors_is_private(client, submit_url):
    response = client.post(submit_url, story_data(story="te kort"))

    assert response.status_code == 200
    assert "private_url" not in response.context
    assert_private(response)


def test_the_confirmation_with_the_private_link_is_private(submit_story):
    _story, _path, response = submit_story()

    assert_private(response)


def test_sending_the_same_form_twice_answers_privately(client, submit_url, submit_story):
    submit_story(submission_key="een-sleutel-van-dit-formulier-1234")

    again = client.post(submit_url, story_data(submission_key="een-sleutel-van-dit-formulier-1234"))

    assert StoryPage.objects.count() == 1
    assert_private(again)


def test_the_authors_page_is_private(client, submit_story):
    _story, path, _response = submit_story()

    assert_private(client.get(path))


def test_an_unknown_private_link_is_private_too(client, submit_story):
    _story, path, _response = submit_story()

    response = client.get(path.rstrip("/")[:-4] + "AAAA/")

    assert response.status_code == 404
    assert_private(response)


def test_the_page_after_withdrawing_is_private(client, submit_story):
    _story, path, _response = submit_story()

    response = client.post(path, {"action": "withdraw", "confirm": "on"})

    assert not StoryPage.objects.exists()
    assert_private(response)
