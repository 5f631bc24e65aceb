import pytest

from community.models import StandardPage
from moderation import registry
from tests.helpers import make_staff
from tests.moderation.test_reports import report_as


class ContentPageAdapter(registry.PageAdapter):
    """Lets the moderation core be tested on plain content pages."""

    model = StandardPage
    slug = "testpagina"
    label = "Pagina"


@pytest.fixture
def reportable_page(help_page):
    adapter = registry.register(ContentPageAdapter())
    yield help_page
    registry._adapters.pop(adapter.slug, None)


@pytest.fixture
def reported_page(reportable_page):
    """A page someone reported once, with a note."""
    report_as("198.51.100.1", reportable_page, note="er staat een adres in")
    return reportable_page


@pytest.fixture
def newcomer(home_page):
    """A new moderator who has a password but no second factor yet."""
    user, _ = make_staff("Moderatoren", email="nieuw@kring.test", with_totp=False)
    return user


# Reports on stories need the story index that the stories tests set up; chat messages need a
# live room on an event panel, as the live tests make it.
from tests.live.conftest import (  # noqa: E402, F401
    anyio_backend,
    event,
    guest,
    make_room,
    moderator,
    people,
    room,
)
from tests.stories.conftest import story_index, submit_story, submit_url  # noqa: E402, F401
