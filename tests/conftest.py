import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from community.models import HomePage, StandardPage


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached help numbers must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


def _wagtail_root():
    """Wagtail's root page and default locale, for tests whose flush removed them."""
    Locale.objects.get_or_create(language_code="nl")
    return Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def home_page(request):
    """Kring's home page as the default site's root, as seed_demo makes it."""
    # Ask for database access only when the test has no django_db marker of its own: `db`
    # next to a transactional marker would undo the serialized rollback of browser tests.
    if request.node.get_closest_marker("django_db") is None:
        request.getfixturevalue("db")
    root = Page.get_first_root_node() or _wagtail_root()
    home = root.add_child(instance=HomePage(title="Kring", slug="kring", intro="Welkom bij Kring."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def help_page(home_page):
    page = home_page.add_child(
        instance=StandardPage(
            title="Hulp en advies",
            slug="hulp",
            body="<p>Bel Veilig Thuis.</p>",
            show_in_menus=True,
        )
    )
    page.save_revision().publish()
    return page
