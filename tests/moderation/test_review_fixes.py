"""Attacks a security review found, each tried and refused."""

import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from moderation.models import Report
from stories.models import StoryPage
from stories.moderation import StoryAdapter
from tests.helpers import make_staff, staff_login
from tests.stories.factories import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(home_page):
    user, secret = make_staff("Moderatoren")
    client = Client()
    staff_login(client, user, secret)
    return client


def report(story, address, **extra):
    return Client(REMOTE_ADDR=address, **extra).post(
        f"/melden/verhaal/{story.pk}/", {"reason": "identifying"}
    )


def test_moderators_cannot_publish_an_unreported_draft_from_the_queue(moderator, story_index):
    draft = published_story(story_index, title="Nog niet goedgekeurd")
    draft.unpublish()

    moderator.post(
        "/admin/moderatie/", {"slug": "verhaal", "object_id": draft.pk, "action": "restore"}
    )

    draft.refresh_from_db()
    assert not draft.live


def test_restoring_publishes_the_version_that_was_public_not_a_later_draft(
    moderator, story_index, monkeypatch
):
    # Stories are only flagged by reports (README, "Reports"); an operator who lets reports
    # hide them must still get back exactly the version that was public.
    monkeypatch.setattr(StoryAdapter, "hide_on_reports", True)
    story = published_story(story_index, title="Het openbare verhaal")
    for n in range(3):
        report(story, f"198.51.{100 + n}.1")
    story = StoryPage.objects.get(pk=story.pk)
    story.title = "Een niet goedgekeurde bewerking"
    story.save_revision()

    moderator.post(
        "/admin/moderatie/", {"slug": "verhaal", "object_id": story.pk, "action": "restore"}
    )

    story.refresh_from_db()
    assert story.live
    assert story.title == "Het openbare verhaal"


def test_one_sender_with_many_browsers_counts_as_one_reporter(story_index):
    story = published_story(story_index)
    for n in range(5):
        report(story, "198.51.100.7", HTTP_USER_AGENT=f"Browser {n}")

    story.refresh_from_db()
    assert story.live
    assert Report.objects.count() == 1


def test_a_malformed_id_in_a_report_link_is_not_found(client, story_index):
    assert client.get("/melden/verhaal/abc/").status_code == 404


def test_a_malformed_id_in_the_queue_is_not_found(moderator):
    response = moderator.post(
        "/admin/moderatie/", {"slug": "verhaal", "object_id": "abc", "action": "hide"}
    )

    assert response.status_code in (302, 404)
    assert response.status_code != 500


def test_removing_a_story_leaves_no_revision_with_its_text(moderator, story_index):
    from wagtail.models import Revision

    story = published_story(story_index, title="Met een echte naam erin")
    report(story, "198.51.100.1")

    moderator.post(
        f"/admin/moderatie/verwijderen/verhaal/{story.pk}/",
        {"confirm": "1", "reason": "identifying"},
    )

    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert not Revision.objects.filter(object_id=str(story.pk)).exists()


def test_old_decided_reports_and_reports_on_vanished_content_are_purged(moderator, story_index):
    kept = published_story(story_index, title="Blijft")
    report(kept, "198.51.100.1")
    gone = published_story(story_index, title="Weg")
    report(gone, "198.51.100.2")
    StoryPage.objects.filter(pk=gone.pk).delete()
    old = published_story(story_index, title="Oud")
    report(old, "203.0.113.3")
    Report.objects.filter(object_id=str(old.pk)).update(
        decided_at=timezone.now() - timedelta(days=31), decision="dismissed"
    )

    call_command("purge_reports")

    assert list(Report.objects.values_list("object_id", flat=True)) == [str(kept.pk)]


def test_a_server_error_on_a_private_link_does_not_log_the_token(caplog):
    token = "Zx8_q2LrT0kEw9YbVnM3aPfGhJ1uCdQ"
    logger = logging.getLogger("django.request")
    from community.logfilters import RedactTokens

    record = logger.makeRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "Internal Server Error: %s",
        (f"/verhalen/mijn-verhaal/{token}/",),
        None,
    )
    RedactTokens().filter(record)

    assert token not in record.getMessage()
    assert record.getMessage() == "Internal Server Error: /verhalen/mijn-verhaal/…/"
