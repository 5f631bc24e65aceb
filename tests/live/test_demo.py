"""The demo content: a room for each panel of the 9 December event."""

import io

import pytest
from django.core.management import call_command

from live import demo
from live.models import LiveRoom, Question, Statement

pytestmark = pytest.mark.django_db


class Command:
    def __init__(self):
        self.stdout = io.StringIO()


def test_the_demo_gives_each_panel_of_the_event_a_room_with_statements_and_questions(event):
    demo.seed(Command())
    demo.seed(Command())  # safe to run again

    # Panels made in code have no sort order: their ids give the programme's order.
    rooms = LiveRoom.objects.order_by("panel__sort_order", "panel_id")
    assert [room.title for room in rooms] == ["Het Verdrag van Istanbul", "Heeft melden zin?"]
    assert all(room.is_open for room in rooms)
    assert Statement.objects.filter(room=rooms[1], status="draft").count() == 2
    assert Question.objects.filter(room=rooms[1], status="open").count() == 2


def test_the_whole_demo_seed_makes_four_rooms_that_open(client, home_page):
    call_command("seed_demo", stdout=io.StringIO())

    # The event reports' demo adds a past event with closed rooms of its own.
    rooms = list(LiveRoom.objects.filter(panel__page__slug="9-december"))
    assert len(rooms) == 4
    page = client.get(rooms[0].get_absolute_url())
    assert page.status_code == 200
    assert "Stel je vraag" in page.content.decode()


def test_the_demo_shows_a_split_with_a_bridge_and_a_gap(client, event):
    from live.voices import split_by_role

    demo.seed(Command())

    room = LiveRoom.objects.get(panel__title="Heeft melden zin?")
    bridge, gap = (split_by_role(s) for s in room.statements.filter(status="closed"))
    assert bridge.bridge == "agree"
    assert gap.gap == 17 - 86 and not gap.is_bridge
    page = client.get(room.get_absolute_url()).content.decode()
    assert "Een brug:" in page and "procentpunt" in page
