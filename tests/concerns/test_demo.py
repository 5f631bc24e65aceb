"""The demo seed puts the tool under the home page, in the menu, once."""

import io
from types import SimpleNamespace

import pytest

from concerns import demo
from concerns.models import ConcernPage

pytestmark = pytest.mark.django_db


def _seed():
    demo.seed(SimpleNamespace(stdout=io.StringIO()))


def test_seed_creates_the_tool_page_in_the_menu_and_is_safe_to_repeat(client, home_page):
    _seed()
    _seed()

    page = ConcernPage.objects.get()
    assert page.live and page.show_in_menus
    assert page.get_parent().specific == home_page
    assert page.url == "/bezorgd-om-je-buren/"
    home = client.get("/").content.decode()
    assert 'href="/bezorgd-om-je-buren/"' in home
    assert "Bezorgd om je buren?" in home
