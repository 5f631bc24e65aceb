"""/toezeggingen/ in pages of PER_PAGE: links that work without JavaScript, the status filter
kept from page to page, wrong page numbers answered calmly, and every page in the page cache
under its own address (never page 1 for page 2)."""

import re

import pytest

from commitments.listing import PER_PAGE
from commitments.models import CommitmentUpdate, Status
from community.page_cache import STATUS_HEADER

LIST = "/toezeggingen/"


@pytest.fixture
def many(make_commitment):
    """Two and a half pages of open commitments, due one day after another."""
    return [
        make_commitment(days=10 + n, what=f"Toezegging nummer {n:03d}.")
        for n in range(PER_PAGE * 2 + PER_PAGE // 2)
    ]


def shown(response):
    return re.findall(r"Toezegging nummer (\d{3})\.", response.content.decode())


def warm(client, url):
    """Request `url` until it comes from the cache (the first request of all makes settings)."""
    for _attempt in range(3):
        response = client.get(url)
        if response.get(STATUS_HEADER) == "hit":
            return response
    raise AssertionError(f"{url} was never served from the cache")


def test_the_list_shows_one_page_with_a_labelled_way_to_the_next(client, commitments_page, many):
    response = client.get(LIST)

    html = response.content.decode()
    assert shown(response) == [f"{n:03d}" for n in range(PER_PAGE)]
    assert '<nav class="pagination" aria-label="Bladeren door de toezeggingen">' in html
    assert "Pagina 1 van 3" in html
    assert f'href="{LIST}?pagina=2"' in html
    assert 'rel="prev"' not in html


def test_the_last_page_links_back_and_not_further(client, commitments_page, many):
    response = client.get(LIST + "?pagina=3")

    html = response.content.decode()
    assert shown(response) == [f"{n:03d}" for n in range(PER_PAGE * 2, len(many))]
    assert "Pagina 3 van 3" in html
    assert f'href="{LIST}?pagina=2"' in html
    assert 'rel="next"' not in html


def test_page_two_from_the_cache_is_page_two_not_page_one(client, commitments_page, many):
    first = warm(client, LIST)
    second = warm(client, LIST + "?pagina=2")

    assert shown(second) == [f"{n:03d}" for n in range(PER_PAGE, PER_PAGE * 2)]
    assert shown(first) != shown(second)
    assert shown(warm(client, LIST)) == shown(first)


def test_a_stored_page_two_is_stale_once_a_commitment_on_it_changes(client, commitments_page, many):
    warm(client, LIST + "?pagina=2")

    CommitmentUpdate.objects.create(commitment=many[PER_PAGE], text="Nieuws op pagina twee.")

    response = client.get(LIST + "?pagina=2")
    assert response.get(STATUS_HEADER) != "hit"
    assert "Nieuws op pagina twee." in response.content.decode()


@pytest.mark.parametrize(
    "query", ["pagina=abc", "pagina=0", "pagina=-1", "pagina=", "pagina=1", "pagina=2.0"]
)
def test_an_unusable_page_number_shows_the_first_page_and_is_never_stored(
    client, commitments_page, many, query
):
    for _attempt in range(3):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        assert shown(response) == [f"{n:03d}" for n in range(PER_PAGE)]
        assert response.get(STATUS_HEADER) is None


def test_a_page_past_the_end_shows_the_last_page_and_is_never_stored(
    client, commitments_page, many
):
    for query in ["pagina=4", "pagina=99999999999999999999999", "pagina=" + "9" * 5000]:
        for _attempt in range(3):
            response = client.get(f"{LIST}?{query}")
            assert response.status_code == 200
            assert "Pagina 3 van 3" in response.content.decode()
            assert response.get(STATUS_HEADER) is None


def test_a_query_the_page_does_not_read_is_never_stored(client, commitments_page, many):
    """Otherwise anyone could fill the shared cache with endless copies of one page."""
    for query in ["pagina=2&x=1", "x=1&pagina=2", "pagina=2&pagina=3", "utm_source=krant"]:
        for _attempt in range(3):
            response = client.get(f"{LIST}?{query}")
            assert response.status_code == 200
            assert response.get(STATUS_HEADER) is None, query


def test_the_status_filter_is_kept_from_page_to_page(client, commitments_page, make_commitment):
    for n in range(PER_PAGE + 3):
        make_commitment(days=10 + n, what=f"Toezegging nummer {n:03d}.")
    done = [
        make_commitment(days=5 + n, status=Status.DONE, what=f"Toezegging nummer {900 + n}.")
        for n in range(PER_PAGE + 1)
    ]

    first = client.get(LIST + "?status=gedaan")
    html = first.content.decode()
    assert len(shown(first)) == PER_PAGE
    assert "Pagina 1 van 2" in html
    assert f'href="{LIST}?status=gedaan&amp;pagina=2"' in html
    second = warm(client, LIST + "?status=gedaan&pagina=2")
    assert shown(second) == [f"{900 + len(done) - 1}"]
    # Choosing another filter starts again at its first page.
    assert f'href="{LIST}?status=open"' in second.content.decode()


def test_one_page_needs_no_page_links(client, commitments_page, make_commitment):
    make_commitment()

    html = client.get(LIST).content.decode()

    assert 'class="pagination"' not in html
    assert "Pagina 1 van 1" not in html


def test_the_page_links_are_english_for_english_readers(client, commitments_page, many):
    html = client.get(LIST + "?pagina=2", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Page 2 of 3" in html
    assert 'aria-label="Pages of commitments"' in html
    assert ">Previous page<" in html and ">Next page<" in html
