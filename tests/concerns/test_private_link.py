"""The private link: shown once, only its hash stored; come back, say "I called", withdraw."""

import io

import pytest
from django.core.management import call_command

from community.tokens import token_digest
from concerns.models import LinkMarker, Signal, WeeklyTally
from tests.concerns.conftest import band_of, private_link_path
from tests.helpers import assert_private

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
    clock.advance(days=5)

    page = person.client.get(link)
    assert page.status_code == 200
    assert band_of(page) == "few"  # the holder's own signal is not among the others
    assert_private(page)
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
    marker = LinkMarker.objects.get()
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
    clock.advance(days=5)
    assert band_of(neighbour().signal()) == "none"


def test_withdrawing_asks_first_and_changes_nothing_until_confirmed(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())

    response = person.client.post(link, {"action": "withdraw"})

    html = response.content.decode()
    assert "Je signaal intrekken?" in html
    assert 'name="confirm" value="on"' in html
    assert Signal.objects.count() == 1


def test_after_withdrawing_the_same_neighbour_may_signal_again_the_next_day(neighbour, clock):
    person = neighbour()
    person.client.post(private_link_path(person.signal()), {"action": "withdraw", "confirm": "on"})
    same_day = person.signal()
    clock.advance(days=1)

    next_day = person.signal()

    assert private_link_path(same_day) is None  # no new link to probe with the same day
    assert "Je gaf vandaag al een signaal over dit adres" in same_day.content.decode()
    assert private_link_path(next_day)
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


# Issue 16: "have you done anything yet?", from the second visit on, counted once per link.

QUESTION = "Heb je al iets gedaan?"


def test_the_question_is_asked_from_the_second_visit_on(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())

    first = person.client.get(link).content.decode()
    second = person.client.get(link).content.decode()

    assert QUESTION not in first
    assert QUESTION in second
    for answer in ("Ik heb erover gepraat", "advies gevraagd", "melding gedaan", "Nog niet"):
        assert answer in second


def test_an_answer_counts_once_per_link_and_only_in_the_weekly_tally(neighbour):
    person = neighbour()
    link = private_link_path(person.signal())
    person.client.get(link)

    first = person.client.post(link, {"action": "done", "answer": "advice"})
    person.client.post(link, {"action": "done", "answer": "reported"})
    later = person.client.get(link).content.decode()

    assert "Dank je wel dat je het laat weten" in first.content.decode()
    tally = WeeklyTally.objects.get()
    assert (tally.did_advice, tally.did_reported, tally.did_talked, tally.did_not_yet) == (
        1,
        0,
        0,
        0,
    )
    assert QUESTION not in later  # answered: not asked again
    signal = Signal.objects.get()
    assert not LinkMarker.objects.filter(digest=signal.token_digest).exists()


@pytest.mark.parametrize("answer", ["", "everything", "x" * 500])
def test_a_missing_or_strange_answer_gets_a_clear_dutch_message(neighbour, answer):
    person = neighbour()
    link = private_link_path(person.signal())

    response = person.client.post(link, {"action": "done", "answer": answer})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies wat je tot nu toe gedaan hebt" in html or "Kies een van de antwoorden" in html
    assert "0800-2000" in html
    counted = WeeklyTally.objects.values_list(
        "did_talked", "did_advice", "did_reported", "did_not_yet"
    ).first()
    assert counted == (0, 0, 0, 0)


def test_result_and_private_link_point_to_the_bystander_guide(neighbour):
    person = neighbour()
    result = person.signal()
    page = person.client.get(private_link_path(result))

    for response in (result, page):
        html = response.content.decode()
        assert 'href="/wat-kun-je-doen/"' in html
        assert "Wat kun je doen? Een gids voor omstanders" in html
