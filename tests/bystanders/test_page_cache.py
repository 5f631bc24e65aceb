"""Whether the guide may join the shared page cache: its first step yes, its answers never.

community/page_cache.py lists the page types it caches; these tests add the guide to that list
(as the line "bystanders.GuidePage" would) and show what a visitor gets.
"""

import pytest

from community import page_cache
from tests.bystanders.walking import URL, ids, main, main_text


@pytest.fixture
def guide_cached(monkeypatch, client, guide_page):
    monkeypatch.setattr(
        page_cache, "CACHED_PAGE_TYPES", page_cache.CACHED_PAGE_TYPES | {"bystanders.GuidePage"}
    )
    # The first view of any page makes the help-numbers row, which makes stored pages stale.
    client.get("/hulp/")
    return guide_page


def test_first_step_is_stored_and_served_to_the_next_visitor(client, guide_cached):
    first = client.get(URL)
    second = client.get(URL)

    assert first[page_cache.STATUS_HEADER] == "stored"
    assert second[page_cache.STATUS_HEADER] == "hit"
    assert main(second).select_one("input[name=danger]")


def test_answers_are_neither_stored_nor_served_from_the_cache(client, guide_cached):
    client.get(URL)
    relation = ids(guide_cached)["relations"]["neighbour"]

    answered = client.post(URL, {"step": "relation", "danger": "no", "relation": relation})
    after = client.get(URL)

    assert page_cache.STATUS_HEADER not in answered
    assert "Wat viel je op?" in main_text(answered)
    assert after[page_cache.STATUS_HEADER] == "hit"
    assert relation.encode() not in after.content
    assert main(after).select_one("input[name=danger]")
