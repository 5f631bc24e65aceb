"""A walk through the guide leaves nothing behind: no row, no cookie, no log line, no URL."""

import logging

import pytest
from django.db import connection
from django.test import Client

from bystanders import content
from community.models import StandardPage
from tests.bystanders.walking import URL, ids, main, submit
from tests.helpers import assert_private


def _row_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            # Table names come from the database itself, quoted.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _full_walk(client, page):
    """Every step, with a back and forth on the way; returns every response."""
    known = ids(page)
    signs = [sign["label"] for group in content.SIGN_GROUPS for sign in group["signs"][:2]]
    responses = [client.get(URL)]
    responses.append(submit(client, responses[-1], pick={"danger": "yes"}))
    responses.append(submit(client, responses[-1]))
    responses.append(submit(client, responses[-1], pick={"relation": known["relations"]["family"]}))
    responses.append(submit(client, responses[-1], go="back"))
    responses.append(submit(client, responses[-1], pick={"relation": known["relations"]["family"]}))
    responses.append(
        submit(client, responses[-1], pick={"sign": [known["signs"][s] for s in signs]})
    )
    option = known["options"]["Praat met de persoon om wie je je zorgen maakt"]
    responses.append(submit(client, responses[-1], pick={"option": option}))
    return responses, [*known["relations"].values(), *known["signs"].values(), option, *signs]


def test_a_full_walk_changes_no_table(client, guide_page):
    # The first view of any page makes the site's help-numbers row: not the guide's doing.
    client.get("/hulp/")
    before = _row_counts()

    responses, _answers = _full_walk(client, guide_page)

    assert main(responses[-1]).select_one("h1").get_text(strip=True) == "Jouw volgende stap"
    assert _row_counts() == before


def test_a_full_walk_sets_no_cookie(client, guide_page):
    responses, _answers = _full_walk(client, guide_page)

    for response in responses:
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
        assert b"csrfmiddlewaretoken" not in response.content
    assert not client.cookies


def test_a_full_walk_writes_no_answer_to_any_log(client, guide_page, caplog):
    caplog.set_level(logging.DEBUG)

    _responses, answers = _full_walk(client, guide_page)

    assert any("/wat-kun-je-doen/" in record.getMessage() for record in caplog.records)
    for record in caplog.records:
        line = record.getMessage()
        assert not [answer for answer in answers if answer in line], line


def test_answers_never_reach_a_url(client, guide_page):
    responses, answers = _full_walk(client, guide_page)

    for response in responses:
        assert response.status_code == 200  # no redirect carrying answers anywhere
        for form in main(response).select("form"):
            assert form["method"] == "post"
            assert form["action"] == URL
        for link in main(response).select("a[href]"):
            assert not [answer for answer in answers if answer in link["href"]]


def test_every_answering_screen_is_no_store_and_not_indexed(client, guide_page):
    responses, _answers = _full_walk(client, guide_page)

    for response in responses[1:]:
        assert_private(response)


def test_answers_in_a_query_string_are_ignored(client, guide_page):
    known = ids(guide_page)
    relation = known["relations"]["neighbour"]

    response = client.get(f"{URL}?step=relation&danger=no&relation={relation}")

    assert main(response).select_one("input[name=danger]")  # still the first step
    assert relation.encode() not in response.content


def test_guide_works_without_a_csrf_cookie_but_nothing_else_does(guide_page):
    client = Client(enforce_csrf_checks=True)

    guide = client.post(URL, {"step": "danger", "danger": "no"})
    other = client.post("/accounts/login/", {"login": "a@b.test", "password": "x"})

    assert guide.status_code == 200
    assert other.status_code == 403


def test_another_page_at_the_guides_path_keeps_its_csrf_check(guide_page, home_page):
    guide_page.delete()
    page = home_page.add_child(
        instance=StandardPage(title="Iets anders", slug="wat-kun-je-doen", body="<p>x</p>")
    )
    page.save_revision().publish()
    client = Client(enforce_csrf_checks=True)

    assert client.get(URL).status_code == 200
    assert client.post(URL, {"step": "danger"}).status_code == 403


MADE_UP = ["<script>alert(1)</script>", "x" * 5000, "' OR 1=1", "nope-not-an-id"]


@pytest.mark.parametrize(
    "data",
    [
        {"step": "relation", "relation": MADE_UP[0]},
        {"step": "signs", "sign": MADE_UP[1:3]},
        {"step": "options", "option": MADE_UP[3]},
        {"step": "nonsense", "go": "sideways", "danger": MADE_UP[0]},
    ],
)
def test_made_up_answers_are_dropped_never_echoed(client, guide_page, data):
    response = client.post(URL, data)

    assert response.status_code == 200
    assert main(response).select_one("h1")
    for value in MADE_UP:
        assert value.encode() not in response.content
