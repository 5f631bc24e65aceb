import pytest

from bystanders.content import page_fields
from bystanders.models import GuidePage

URL = "/wat-kun-je-doen/"


@pytest.fixture
def guide_page(home_page, help_page):
    """The guide as a new site starts with it (the demo content), published under home."""
    page = home_page.add_child(
        instance=GuidePage(
            title="Wat kun je doen?", slug="wat-kun-je-doen", show_in_menus=True, **page_fields()
        )
    )
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)
