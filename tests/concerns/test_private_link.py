"""The private link: shown once, only its hash stored; come back, say "I called", withdraw."""

import io

import pytest
from django.core.management import call_command

from community.tokens import token_digest
from concerns.models import CalledMarker, Signal, WeeklyTally
from tests.concerns.conftest import band_of, private_link_path

pytestmark = pytest.mark.django_db


def _token(path):
    return path.rstrip("/").rsplit("/", 1)[1]


def test_link_is_shown_once_and_only_its_hash_is_stored(neighbour):
    response = neighbour().signal()

    link = private_link_path(response)
    assert "Je persoonlijke link" in response.content.decode()
    assert Signal.objects.get().token_digest == token_digest(_token(link))


def test_coming_back_shows_whether_others_joined_since(neighbour, clock):
    person = neighbour()
    link = private_link_path(person.signal())
    assert band_of(person.client.get(link)) == "none"

    neighbour().signal()
    neighbour().signal()
    clock.advance(days=3)

    page = person.client.get(link)
    assert page.status_code == 200
    assert band_of(page) == "few"  # the holder's own signal is not among the others
    assert page["Cache-Control"] == "no-store"
    assert "noindex" in page["X-Robots-Tag"]
    assert "Bel Veilig Thuis" in page.content.decode()


def test_the_link_page_does_not_show_the_address(neighbour):
    person = neighbour()
    link = private_link_path(person.signal(postcode="9723 ZT", house_number="48213"))

    html = person.client.get(link).content.decode()

    assert "9723" not in html and "48213" not in html


def test_i_called_veilig_thuis_counts_once_and_only_in_the_weekly_aggregate(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())

    first = person.client.post(link, {"action": "called"})
    person.client.post(link, {"action": "called"})

    assert "Dank je wel dat je Veilig Thuis hebt gebeld." in first.content.decode()
    assert WeeklyTally.objects.get().called == 1
    marker = CalledMarker.objects.get()
    assert marker.digest != Signal.objects.get().token_digest
    assert marker.digest != token_digest(_token(link))


def test_withdrawing_deletes_the_signal_and_it_stops_counting(neighbour, clock):
    person = neighbour()
    link = private_link_path(person.signal())

    response = person.client.post(link, {"action": "withdraw", "confirm": "on"})

    assert "Je signaal is ingetrokken" in response.content.decode()
    assert Signal.objects.count() == 0
    assert WeeklyTally.objects.get().withdrawn == 1
    gone = person.client.get(link)
    assert gone.status_code == 404
    assert "Deze link werkt niet meer" in gone.content.decode()
    clock.advance(days=3)
    assert band_of(neighbour().signal()) == "none"


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())

    response = person.client.post(link, {"action": "withdraw"})

    html = response.content.decode()
    assert "Je signaal intrekken?" in html
    assert 'name="confirm" value="on"' in html
    assert Signal.objects.count() == 1


def test_after_withdrawing_the_same_neighbour_may_signal_again(neighbour):
    person = neighbour()
    person.client.post(private_link_path(person.signal()), {"action": "withdraw", "confirm": "on"})

    again = person.signal()

    assert private_link_path(again)
    assert Signal.objects.count() == 1


def test_an_unknown_link_says_calmly_that_it_no_longer_works(neighbour, client):
    response = client.get("/bezorgd-om-je-buren/jouw-signaal/" + "x" * 43 + "/")

    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.content.decode()
    assert "0800-2000" in response.content.decode()


def test_an_unknown_action_changes_nothing(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())

    response = person.client.post(link, {"action": "delete-everything"})

    assert response.status_code == 200
    assert Signal.objects.count() == 1


def test_looking_through_links_counts_towards_the_daily_limit(neighbour, settings):
    links = [private_link_path(neighbour().signal(house_number=str(n))) for n in range(1, 5)]
    snoop = neighbour()

    bands = [band_of(snoop.client.get(link)) for link in links]

    assert bands == ["none", "none", "none", "limited"]
    assert band_of(snoop.client.get(links[0])) == "none"  # seen today already: no extra cost


def test_an_expired_signal_link_no_longer_works(neighbour, clock):
    person = neighbour()
    link = private_link_path(person.signal())

    clock.advance(days=367)

    assert person.client.get(link).status_code == 404


# Property 6: signals expire after twelve months.


def test_signals_older_than_twelve_months_stop_counting_and_are_purged(neighbour, clock):
    neighbour().signal()
    neighbour().signal(house_number="13")
    clock.advance(days=200)
    neighbour().signal()

    clock.advance(days=170)  # the first two are now past twelve months, the third is not
    assert band_of(neighbour().signal()) == "few"
    call_command("purge_concerns", stdout=io.StringIO())

    assert Signal.objects.count() == 2  # the third and the one just sent


def test_purge_command_says_how_many_it_deleted(neighbour, clock, capsys):
    neighbour().signal()
    clock.advance(days=400)

    call_command("purge_concerns")

    assert "Deleted 1 expired signal(s)." in capsys.readouterr().out
    assert Signal.objects.count() == 0
