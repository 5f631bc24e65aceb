"""An event's report from the page cache: what moderators decide after the panel shows at once."""

import re

import pytest
from django.test import Client
from django.utils import timezone

from community.models import HelpSettings
from live.models import Message, Participant
from live.services import moderators
from tests.helpers import make_staff

pytestmark = pytest.mark.django_db

REPORT = "/evenementen/9-december/verslag/"


@pytest.fixture
def closed_room(room, report_page):
    HelpSettings.load()  # as on a running site: its first save makes every copy stale
    writer = Participant.objects.create(room=room, guest_key="a" * 64, name="Merel")
    Message.objects.bulk_create(
        Message(room=room, participant=writer, text=f"Bericht {n}", status=status)
        for n, status in enumerate([Message.Status.REMOVED] * 4 + [Message.Status.VISIBLE])
    )
    room.status, room.closed_at = room.Status.CLOSED, timezone.now()
    room.save()
    return room


def chat_removed(response):
    html = response.content.decode()
    return re.search(r"Chatberichten verwijderd</th><td>([^<]*)</td>", html).group(1)


def test_a_message_removed_after_the_panel_shows_in_the_stored_report_at_once(
    closed_room, django_capture_on_commit_callbacks
):
    moderator, _secret = make_staff("Moderatie")
    reader = Client()
    before = chat_removed(reader.get(REPORT))
    assert reader.get(REPORT)["X-Kring-Cache"] == "hit"

    # As the moderation queue hides a reported message: no audit entry of the room's own.
    visible = Message.objects.get(status=Message.Status.VISIBLE)
    with django_capture_on_commit_callbacks(execute=True):
        moderators.do_remove_message(closed_room, visible.pk, by=moderator, audit=False)
    response = reader.get(REPORT)

    assert response["X-Kring-Cache"] == "stored"
    assert (before, chat_removed(response)) == ("minder dan 5", "5")


def test_a_new_chat_message_does_not_touch_the_stored_report(room, report_page):
    # A busy room must not empty the report's copy with every message: while a room is open,
    # its report is kept a minute at most (eventreports.caching.track_report).
    HelpSettings.load()
    reader = Client()
    reader.get(REPORT)
    writer = Participant.objects.create(room=room, guest_key="b" * 64, name="Noor")

    Message.objects.create(room=room, participant=writer, text="Hallo")

    assert reader.get(REPORT)["X-Kring-Cache"] == "hit"
