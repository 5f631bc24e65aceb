from io import StringIO
from types import SimpleNamespace

import pytest

from stories import demo
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def test_the_demo_creates_the_stories_section_once(home_page, client):
    command = SimpleNamespace(stdout=StringIO())

    demo.seed(command)
    demo.seed(command)

    index = StoryIndexPage.objects.get()
    assert index.url == "/verhalen/" and index.show_in_menus
    published = StoryPage.objects.live()
    assert published.count() == len(demo.DEMO_STORIES)
    assert all(story.is_fictional for story in published)
    waiting = StoryPage.objects.filter(live=False).get()
    assert waiting.current_workflow_state.workflow.name == "Verhalen"
    html = client.get("/verhalen/").content.decode()
    assert "De eerste stap was een telefoontje" in html
    assert "Koffie op zondag" not in html
    assert "created /verhalen/" in command.stdout.getvalue()
