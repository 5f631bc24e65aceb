"""The author's private link: it opens one story only, leaks nowhere, and can erase the story."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.search.models import IndexEntry

from stories.models import StoryPage, StorySubmission
from tests.stories.test_workflow import approve_in_admin

pytestmark = pytest.mark.django_db


def test_the_private_link_shows_the_status_of_its_own_story(client, submit_story):
    _, private_path, _ = submit_story(title="Mijn eigen verhaal")

    response = client.get(private_path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mijn eigen verhaal" in html
    assert "Een moderator leest je verhaal" in html


def test_a_private_link_opens_only_its_own_story(client, submit_story):
    first, first_path, _ = submit_story(title="Het eerste verhaal")
    second, second_path, _ = submit_story(title="Het tweede verhaal")

    first_page = client.get(first_path).content.decode()
    client.post(first_path, {"action": "withdraw", "confirm": "on"})

    assert "Het eerste verhaal" in first_page and "Het tweede verhaal" not in first_page
    assert not StoryPage.objects.filter(pk=first.pk).exists()
    assert StoryPage.objects.filter(pk=second.pk).exists()
    assert "Het tweede verhaal" in client.get(second_path).content.decode()


@pytest.mark.parametrize(
    "token",
    ["bestaat-niet-0123456789abcdefghijklmnopqrstuv", "a", "x" * 300],
)
def test_an_unknown_or_altered_link_opens_nothing(client, submit_story, story_index, token):
    submit_story()

    response = client.get(f"{story_index.url}mijn-verhaal/{token}/")

    assert response.status_code == 404
    assert "Deze link werkt niet" in response.content.decode()
    assert "Het gesprek dat alles veranderde" not in response.content.decode()


def test_a_link_with_one_character_changed_opens_nothing(client, submit_story):
    _, private_path, _ = submit_story()
    token = private_path.rstrip("/").rsplit("/", 1)[1]
    altered = private_path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))

    assert client.get(altered).status_code == 404
    assert client.post(altered, {"action": "withdraw", "confirm": "on"}).status_code == 404
    assert StoryPage.objects.count() == 1


def test_the_private_page_is_never_cached_or_indexed(client, submit_story):
    _, private_path, _ = submit_story()

    response = client.get(private_path)

    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_token_never_reaches_a_log_line(client, submit_story, caplog):
    caplog.set_level(logging.DEBUG)
    _, private_path, _ = submit_story(email="merel@example.org")
    token = private_path.rstrip("/").rsplit("/", 1)[1]

    client.get(private_path)
    client.post(private_path, {"action": "approve", "version": "verkeerd"})
    client.get(private_path.replace(token, token[::-1]))
    # A browser that lost its CSRF cookie: Django's CSRF check writes a warning with the path.
    assert Client(enforce_csrf_checks=True).post(private_path, {}).status_code == 403

    assert caplog.records, "expected the access log to write lines"
    assert token not in caplog.text
    assert "merel@example.org" not in caplog.text


def test_withdrawing_needs_a_ticked_confirmation(client, submit_story):
    story, private_path, _ = submit_story()

    response = client.post(private_path, {"action": "withdraw"})

    assert "Vink het vakje aan om te bevestigen" in response.content.decode()
    assert StoryPage.objects.filter(pk=story.pk).exists()


def test_withdrawing_a_published_story_erases_it_with_every_revision(
    client, submit_story, story_index, moderator_client, django_capture_on_commit_callbacks
):
    story, private_path, _ = submit_story(title="Een verhaal om terug te nemen")
    approve_in_admin(moderator_client, story, django_capture_on_commit_callbacks)
    story = StoryPage.objects.get(pk=story.pk)
    url, story_id = story.url, str(story.pk)
    page_type = ContentType.objects.get_for_model(Page)
    assert (
        story.live
        and Revision.objects.filter(base_content_type=page_type, object_id=story_id).exists()
    )

    response = client.post(private_path, {"action": "withdraw", "confirm": "on"})

    assert "Je verhaal is verwijderd" in response.content.decode()
    assert not Page.objects.filter(pk=story.pk).exists()
    assert not StorySubmission.objects.exists()
    assert not Revision.objects.filter(object_id=story_id).exists()
    assert not WorkflowState.objects.filter(object_id=story_id).exists()
    assert not TaskState.objects.filter(workflow_state__object_id=story_id).exists()
    assert not IndexEntry.objects.filter(object_id=story_id).exists()
    assert client.get(url).status_code == 404
    assert "Een verhaal om terug te nemen" not in client.get(story_index.url).content.decode()
    assert client.get(private_path).status_code == 404
    # The audit trail keeps what moderators did, but not the story's words.
    entries = PageLogEntry.objects.filter(page_id=story.pk)
    assert entries.exists()
    assert all("terug te nemen" not in entry.label for entry in entries)
    assert all("terug te nemen" not in str(entry.data) for entry in entries)


def test_withdrawing_a_story_still_in_review_cancels_its_review(client, submit_story, moderator):
    story, private_path, _ = submit_story()

    client.post(private_path, {"action": "withdraw", "confirm": "on"})

    assert not TaskState.objects.reviewable_by(moderator).exists()
    assert not Revision.objects.filter(object_id=str(story.pk)).exists()


def test_a_story_declined_a_month_ago_is_erased_by_the_daily_purge(
    submit_story, moderator_client, django_capture_on_commit_callbacks
):
    declined, _, _ = submit_story(title="Afgewezen verhaal")
    waiting, _, _ = submit_story(title="Wachtend verhaal", email="wacht@example.org")
    task_state = StoryPage.objects.get(pk=declined.pk).current_workflow_task_state
    moderator_client.post(
        f"/admin/pages/workflow/action/{declined.pk}/reject/{task_state.pk}/", {"comment": ""}
    )
    StorySubmission.objects.filter(page_id=declined.pk).update(
        declined_at=timezone.now() - timedelta(days=31)
    )
    StorySubmission.objects.filter(page_id=waiting.pk).update(
        submitted_at=timezone.now() - timedelta(days=181)
    )

    call_command("purge_stories", stdout=StringIO())

    assert not StoryPage.objects.filter(pk=declined.pk).exists()
    assert not Revision.objects.filter(object_id=str(declined.pk)).exists()
    assert StoryPage.objects.filter(pk=waiting.pk).exists()
    assert StorySubmission.objects.get(page_id=waiting.pk).email == ""
