"""Editors see aggregates in the Wagtail admin, never an address or a key."""

import pytest
from django.contrib.auth.models import Group

from concerns.models import Signal
from tests.concerns.conftest import private_link_path
from tests.helpers import make_staff, staff_login

pytestmark = pytest.mark.django_db

STATISTICS = "/admin/bezorgd-om-je-buren/statistiek/"


@pytest.fixture
def editor_client(client):
    """An editor (Redactie) logged in with password and second factor, as staff must."""
    editor, secret = make_staff("Redactie")
    staff_login(client, editor, secret)
    return client


def test_editors_are_given_the_statistics_permission_by_migration():
    group = Group.objects.get(name="Redactie")

    assert group.permissions.filter(codename="view_concern_statistics").exists()


def test_editor_sees_signals_per_week_called_share_and_bands(editor_client, neighbour):
    people = [neighbour() for _ in range(4)]
    links = [
        private_link_path(person.signal(house_number=str(n))) for n, person in enumerate(people, 1)
    ]
    people[0].client.post(links[0], {"action": "called"})

    response = editor_client.get(STATISTICS)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Signalen" in html
    assert "<td>4</td>" in html  # signals
    assert "1 (25%)" in html  # called Veilig Thuis, and its share
    assert "100%" in html  # all four saw the band "none"


def test_statistics_never_show_an_address_or_a_key(editor_client, neighbour):
    neighbour().signal(postcode="9723 ZT", house_number="48213")

    html = editor_client.get(STATISTICS).content.decode()

    signal = Signal.objects.get()
    assert signal.address_key not in html
    assert signal.address_key[:12] not in html
    assert signal.token_digest[:12] not in html
    assert "9723" not in html and "48213" not in html


def test_statistics_are_in_the_reports_menu_for_editors(editor_client, concern_page):

    html = editor_client.get("/admin/").content.decode()

    assert STATISTICS in html


def test_moderators_without_the_permission_cannot_see_statistics(client):
    moderator, secret = make_staff("Moderatoren")
    staff_login(client, moderator, secret)

    assert client.get("/admin/").status_code == 200  # logged in to the admin
    assert client.get(STATISTICS).status_code in (302, 403)
    assert STATISTICS not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(STATISTICS)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_signals_are_not_registered_anywhere_in_the_admin(editor_client):

    for path in ["/admin/snippets/concerns/signal/", "/admin/concerns/signal/"]:
        assert editor_client.get(path).status_code == 404


def test_editor_sees_the_shares_of_what_link_holders_have_done(editor_client, neighbour):
    answers = ["talked", "advice", "advice", "not_yet"]
    for n, answer in enumerate(answers, 1):
        person = neighbour()
        link = private_link_path(person.signal(house_number=str(n)))
        person.client.get(link)
        person.client.post(link, {"action": "done", "answer": answer})

    html = editor_client.get(STATISTICS).content.decode()

    assert "Heb je al iets gedaan?" in html
    assert "<td>4</td>" in html  # answers
    # talked, asked for advice, made a report, not yet
    assert "<td>25%</td><td>50%</td><td>0%</td><td>25%</td>" in html
