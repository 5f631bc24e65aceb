import asyncio

import pytest
import redis
from channels.layers import DEFAULT_CHANNEL_LAYER, channel_layers
from django.core.cache import cache
from wagtail.models import Page, Site

from community.models import HomePage, StandardPage
from tests import fast_rollback

fast_rollback.install()


def pytest_collection_modifyitems(items):
    # A transactional test ends by emptying the database. With serialized rollback, Django puts
    # back what migrations made (Wagtail's root page, roles, workflows); every transactional
    # test must use it, or the next one that does collides with the rows a plain flush recreates.
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            item.add_marker(
                pytest.mark.django_db(
                    *marker.args, **{**marker.kwargs, "serialized_rollback": True}
                )
            )


@pytest.fixture(autouse=True)
def _no_browser_event_loop(request):
    """Hide Playwright's event loop from the tests that are not browser tests.

    Playwright's sync API runs its loop in a greenlet of this thread, and the session-wide
    browser keeps that loop marked as running here; after the first browser test, an async
    test or asyncio.run() in the same worker would refuse to start.
    """
    loop = asyncio._get_running_loop()
    if loop is None or request.node.get_closest_marker("e2e"):
        yield
        return
    asyncio._set_running_loop(None)
    try:
        yield
    finally:
        asyncio._set_running_loop(loop)


@pytest.fixture(autouse=True)
def _fresh_channel_layer(settings):
    """Every test starts with an empty channel layer of its own.

    Each async test runs in an event loop of its own, and the Redis layer binds locks and
    connections to the loop that first used it; group members that a test left behind (room
    ids repeat from test to test) would receive the next test's events.
    """
    yield
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    config = settings.CHANNEL_LAYERS[DEFAULT_CHANNEL_LAYER]
    if "redis" in config["BACKEND"]:
        client = redis.Redis.from_url(config["CONFIG"]["hosts"][0])
        try:
            keys = list(client.scan_iter(match=config["CONFIG"]["prefix"] + "*", count=1000))
            if keys:
                client.delete(*keys)
        finally:
            client.close()


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached help numbers must not leak from one test into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """Kring's home page as the default site's root, as seed_demo makes it."""
    root = Page.get_first_root_node()
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
