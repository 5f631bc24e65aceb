"""An event with a panel, its live room, a report page, and people who ask questions."""

import pytest
from django.test import Client

from eventreports.models import EventReportPage
from live.models import LiveRoom, Question
from tests.live.conftest import event, join_as  # noqa: F401


@pytest.fixture
def room(event):  # noqa: F811
    panel = event.panels.first()
    return LiveRoom.objects.create(
        panel=panel, title=panel.title, slug="verdrag", status=LiveRoom.Status.OPEN
    )


@pytest.fixture
def report_page(event):  # noqa: F811
    page = event.add_child(instance=EventReportPage(title="Verslag", slug="verslag"))
    page.save_revision().publish()
    return page


@pytest.fixture
def asker(room):
    client = Client()
    join_as(type("P", (), {"client": client})(), room, "Merel")
    return client


def ask(client, room, text, status=Question.Status.OPEN):
    """A question as the room's services leave it, asked by this browser's participant."""
    from live.services.base import do_join

    participant = do_join(room, session=client.session)
    return Question.objects.create(room=room, participant=participant, text=text, status=status)
