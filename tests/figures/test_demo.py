from io import StringIO
from types import SimpleNamespace

import pytest

from figures import demo
from stories import demo as stories_demo
from stories.models import StoryPage
from tests.figures.conftest import table_cells

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_patterns_page_in_development_only(home_page, client, settings, clock):
    command = SimpleNamespace(stdout=StringIO())
    stories_demo.seed(command)

    demo.seed(command)
    assert not StoryPage.objects.filter(slug__startswith="demo-patroon-").exists()

    settings.DEBUG = True
    demo.seed(command)
    demo.seed(command)

    made = StoryPage.objects.live().filter(slug__startswith="demo-patroon-")
    assert made.count() == demo.COUNT
    assert all(story.is_fictional for story in made)
    rows = table_cells(client.get("/verhalen/patronen/").content.decode(), "heard")
    assert any(value.isdigit() for row in rows[1:] for value in row[1:])
