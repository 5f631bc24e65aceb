"""The fixed-window counter behind every rate limit, and giving an attempt back."""

import pytest
from django.core.cache import cache

from community.ratelimit import allow, give_back
from tests.live.conftest import redis_cache  # noqa: F401 (fixture)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_the_attempt_after_the_limit_is_refused():
    assert [allow("test:a", 2, 60) for _ in range(3)] == [True, True, False]


def test_an_attempt_given_back_can_be_used_again():
    allow("test:b", 2, 60)
    allow("test:b", 2, 60)

    give_back("test:b")

    assert allow("test:b", 2, 60) is True
    assert allow("test:b", 2, 60) is False


def test_giving_back_after_the_window_expired_does_nothing():
    give_back("test:never-counted")

    assert allow("test:never-counted", 1, 60) is True
    assert allow("test:never-counted", 1, 60) is False


def test_a_key_that_expires_inside_incr_gets_its_window_again(redis_cache, monkeypatch):  # noqa: F811
    """On Redis, Django's incr() asks EXISTS, then INCR: a key expiring in between is made
    again by INCR without an expiry, and would then refuse its client for good."""
    cache.add("ratelimit:reports:c1", 1, 60)
    client = cache._cache.get_client(write=True)

    class ExpiresAfterTheCheck:
        def __getattr__(self, name):
            return getattr(client, name)

        def exists(self, key):
            found = client.exists(key)
            client.delete(key)  # the window ends right after the check
            return found

    monkeypatch.setattr(cache._cache, "get_client", lambda *args, **kwargs: ExpiresAfterTheCheck())

    assert allow("reports:c1", 3, 60)
    assert 0 < redis_cache.ttl(cache.make_key("ratelimit:reports:c1")) <= 60
