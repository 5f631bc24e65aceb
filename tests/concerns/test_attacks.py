"""Issue 12: the attacks on the concern tool, replayed through HTTP.

Each test plays one attacker from concerns/THREAT_MODEL.md and ends with nothing revealed to
them and nothing suppressed for the neighbours.
"""

import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client, override_settings

from concerns import pow
from concerns.models import Signal
from tests.concerns.conftest import URL, Neighbour, band_of, new_address, private_link_path

pytestmark = pytest.mark.django_db

# Days after which every signal sent today counts: the delay is drawn from 2 to 4 days.
SETTLED = 5
SHOWN = ("none", "few", "many")


def page_text(response) -> str:
    """The page as a visitor reads it, without the two values that differ per response."""
    html = response.content.decode()
    html = re.sub(r"jouw-signaal/[^/\"<\s]+/", "jouw-signaal/TOKEN/", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', html)


def withdraw(person: Neighbour, link: str):
    return person.client.post(link, {"action": "withdraw", "confirm": "on"})


# The resident: learns nothing the same day.


def test_answers_for_no_signals_uncountable_signals_and_a_burst_are_identical(neighbour):
    empty = neighbour().signal(house_number="1")
    neighbour().signal(house_number="2")
    uncountable = neighbour().signal(house_number="2")
    for _ in range(6):
        neighbour().signal(house_number="3")
    burst = neighbour().signal(house_number="3")

    assert private_link_path(empty) and private_link_path(burst)
    assert page_text(empty) == page_text(uncountable) == page_text(burst)
    assert "band--held" not in page_text(burst)


def test_a_resident_parking_signals_and_polling_a_link_learns_nothing_that_day(neighbour, clock):
    connections_of_the_resident = [neighbour() for _ in range(3)]  # wifi, phone data, a VPN
    link = private_link_path(connections_of_the_resident[0].signal())
    for other in connections_of_the_resident[1:]:
        other.signal()
    connections_of_the_resident[0].client.get(link)  # from the second visit on, a question
    before = page_text(connections_of_the_resident[0].client.get(link))

    neighbour().signal()  # a real neighbour, the same morning

    for _ in range(10):
        assert page_text(connections_of_the_resident[0].client.get(link)) == before
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) in ("few", "many")  # nothing was held for good


def test_fresh_clients_counting_towards_a_burst_see_nothing_change(neighbour, clock):
    neighbour().signal()  # a real neighbour, today

    pages = [page_text(neighbour().signal()) for _ in range(6)]

    assert len(set(pages)) == 1
    assert band_of(neighbour().signal()) == "none"
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) in ("few", "many")


def test_polling_one_link_all_day_gives_one_answer_that_day(neighbour, clock):
    real = neighbour()
    real_link = private_link_path(real.signal())
    holder = neighbour()
    link = private_link_path(holder.signal())
    clock.advance(days=SETTLED)
    holder.client.get(link)  # from the second visit on, a question
    first = holder.client.get(link)
    assert band_of(first) == "few"

    withdraw(real, real_link)  # a change in the middle of the day

    for _ in range(20):
        assert page_text(holder.client.get(link)) == page_text(first)
    clock.advance(days=1)
    assert band_of(holder.client.get(link)) == "none"  # the next day


# Someone silencing signals: a burst cannot erase others' signals.


def test_a_burst_cannot_silence_other_neighbours(neighbour, clock):
    neighbour().signal()  # a real neighbour
    for _ in range(8):
        neighbour().signal()  # the same day: someone floods the address
    clock.advance(days=1)
    neighbour().signal()
    neighbour().signal()

    clock.advance(days=SETTLED)

    assert band_of(neighbour().signal()) == "many"


def test_withdraw_and_resignal_loops_issue_one_link_and_cost_addresses(neighbour, clock):
    neighbour().signal()  # a real neighbour
    attacker = neighbour()
    links = 0
    for _ in range(10):
        link = private_link_path(attacker.signal())
        if link:
            links += 1
            withdraw(attacker, link)

    assert links == 1
    assert Signal.objects.count() == 1
    postcode, number = new_address()
    assert band_of(attacker.signal(postcode=postcode, house_number=number)) in SHOWN
    postcode, number = new_address()
    assert band_of(attacker.signal(postcode=postcode, house_number=number)) is None
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) == "few"  # the real neighbour still counts


def test_withdrawing_spends_one_of_the_days_addresses(neighbour):
    person = neighbour()
    first = private_link_path(person.signal(house_number="1"))
    withdraw(person, first)
    second = private_link_path(person.signal(house_number="2"))
    withdraw(person, second)

    assert band_of(person.signal(house_number="3")) is None
    assert Signal.objects.count() == 0


# A scraper mapping a neighbourhood: identity holds up.


def _bands_shown(people: list[Neighbour]) -> int:
    shown = 0
    for person in people:
        postcode, number = new_address()
        if band_of(person.signal(postcode=postcode, house_number=number)) in SHOWN:
            shown += 1
    return shown


def test_a_hundred_ipv6_networks_inside_one_48_count_as_one_client(concern_page):
    people = [Neighbour(f"2001:db8:7:{n:x}::1") for n in range(100)]

    assert _bands_shown(people) == 3
    assert Signal.objects.count() == 3


def test_an_ipv4_mapped_address_is_the_same_client_as_its_ipv4_address(concern_page):
    people = [Neighbour("::ffff:192.0.2.60" if n % 2 else "192.0.2.60") for n in range(8)]

    assert _bands_shown(people) == 3


def test_spoofed_leftmost_proxy_entries_do_not_make_new_clients(concern_page, settings):
    settings.KRING_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    people = [
        Neighbour("127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.7")
        for n in range(8)
    ]

    assert _bands_shown(people) == 3


def test_beyond_the_sitewide_hourly_cap_nothing_is_stored_and_help_is_shown(neighbour, settings):
    settings.KRING_CONCERN_CHECKED_PER_HOUR = 2
    neighbour().signal(house_number="1")
    neighbour().signal(house_number="2")

    refused = neighbour().signal(house_number="3")

    html = refused.content.decode()
    assert band_of(refused) is None
    assert private_link_path(refused) is None
    assert "0800-2000" in html and "Wat kun je doen?" in html
    assert Signal.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent writers: run with DATABASE_URL=postgres://...",
)
def test_three_parallel_posts_from_one_client_store_one_signal(concern_page, monkeypatch):
    together = threading.Barrier(3, timeout=20)
    verify = pow.verify

    def verify_then_wait(payload: str) -> bool:
        # All three requests pass the proof-of-work before any of them goes on.
        solved = verify(payload)
        together.wait()
        return solved

    monkeypatch.setattr(pow, "verify", verify_then_wait)
    people = [Neighbour("192.0.2.77") for _ in range(3)]
    payloads = [person.proof_of_work() for person in people]
    responses = []

    def post(person: Neighbour, payload: str) -> None:
        try:
            responses.append(person.signal(altcha=payload))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post, args=pair) for pair in zip(people, payloads, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(responses) == 3
    assert Signal.objects.count() == 1
    assert sum(1 for response in responses if private_link_path(response)) == 1


# The debug page: no variant of the tool's path shows what was typed.

SECRET_POSTCODE, SECRET_NUMBER = "9723 ZT", "48213"


@pytest.mark.parametrize(
    "path",
    [
        URL.rstrip("/"),
        URL + "jouw-signaal/abc",
        URL + "controle",
        URL.rstrip("/").upper(),
        "/" + URL,
        URL.rstrip("/") + "?postcode=9723ZT&house_number=48213",
    ],
)
def test_no_path_variant_puts_the_address_on_the_debug_page(concern_page, path):
    client = Client(raise_request_exception=False)
    data = {"postcode": SECRET_POSTCODE, "house_number": SECRET_NUMBER, "noticed": "crying"}

    with override_settings(DEBUG=True):
        response = client.post(path, data)

    page = response.content.decode()
    for spelling in (SECRET_POSTCODE, SECRET_POSTCODE.replace(" ", ""), SECRET_NUMBER):
        assert spelling not in page, (path, response.status_code)


def test_the_slashless_post_really_reaches_the_debug_page(concern_page):
    client = Client(raise_request_exception=False)

    with override_settings(DEBUG=True):
        response = client.post(URL.rstrip("/"), {"postcode": SECRET_POSTCODE})

    assert response.status_code == 500
    assert "RuntimeError" in response.content.decode()
