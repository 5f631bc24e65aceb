"""The fixed-window counter behind every rate limit, and giving an attempt back."""

import pytest
from django.core.cache import cache

from community.ratelimit import allow, give_back


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
