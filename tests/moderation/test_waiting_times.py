"""How long things waited, as moderators read it: "zojuist", never "al 0 minuten"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from moderation.models import Report
from tests.moderation.chat import QUEUE, staff_client
from tests.moderation.test_reports import report_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(home_page):
    return staff_client("Moderatoren")


def test_something_reported_a_moment_ago_came_in_just_now(moderator, reportable_page):
    report_as("198.51.100.1", reportable_page)

    queue = moderator.get(QUEUE).content.decode()
    dashboard = moderator.get("/admin/").content.decode()

    assert "Het oudste kwam zojuist binnen." in queue
    assert "Het oudste kwam zojuist binnen." in dashboard
    assert "<small>zojuist</small>" in queue
    assert "0 minuten" not in queue + dashboard


def test_longer_waits_read_in_hours_and_minutes(moderator, reportable_page):
    report_as("198.51.100.1", reportable_page)
    Report.objects.update(created_at=timezone.now() - timedelta(hours=2, minutes=5, seconds=30))

    queue = moderator.get(QUEUE).content.decode()

    assert "Het oudste wacht al 2\xa0uur, 5\xa0minuten." in queue
    assert "<small>al 2\xa0uur, 5\xa0minuten</small>" in queue


def test_the_same_in_english(moderator, reportable_page):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=moderator.user, defaults={"preferred_language": "en"})
    report_as("198.51.100.1", reportable_page)

    queue = moderator.get(QUEUE).content.decode()

    assert "The oldest came in just now." in queue
    assert "<small>just now</small>" in queue
