"""The concern tool's properties 3, 4 and 5 (concerns/README.md).

The delay, the per-client limit, bursts, the check.
"""

import base64
import json
import re

import altcha
import pytest
from django.utils import timezone

from concerns import pow
from concerns.models import Signal, WeeklyTally
from tests.concerns.conftest import CHALLENGE_URL, band_of, new_address, private_link_path
from tests.helpers import assert_private

pytestmark = pytest.mark.django_db


# Property 3: a new signal only counts for others after a delay, on a day drawn at random.

SETTLED = 5  # days after which every signal sent today counts (drawn from 2 to 4 days)


def test_a_new_signal_only_counts_for_others_after_a_few_days(neighbour, clock):
    neighbour().signal()

    assert band_of(neighbour().signal()) == "none"  # right away
    clock.advance(hours=23)
    assert band_of(neighbour().signal()) == "none"  # almost a day later
    clock.advance(hours=1)
    assert band_of(neighbour().signal()) == "none"  # the next day: it never counts that soon
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) == "many"  # the signals of three days now count


def test_the_delay_window_is_a_setting(neighbour, clock, settings):
    settings.KRING_CONCERN_DELAY_MIN_DAYS = 3
    settings.KRING_CONCERN_DELAY_MAX_DAYS = 3
    neighbour().signal()

    clock.advance(days=2)
    assert band_of(neighbour().signal()) == "none"
    clock.advance(days=1)
    assert band_of(neighbour().signal()) == "few"


def test_each_signal_counts_from_its_own_random_day_and_rows_carry_no_time(neighbour, clock):
    today = timezone.localdate(clock.now)
    for house_number in range(1, 25):
        neighbour().signal(house_number=str(house_number))

    days = [day - today for day in Signal.objects.values_list("counts_from", flat=True)]
    assert {delta.days for delta in days} <= {2, 3, 4}
    assert len(set(days)) > 1  # drawn per signal: the same day of sending, different days


# Property 4: a client sees bands for a few addresses a day; a burst weighs little.


def test_one_client_sees_bands_for_at_most_three_addresses_a_day(neighbour, clock):
    person = neighbour()
    for _ in range(3):
        postcode, number = new_address()
        assert band_of(person.signal(postcode=postcode, house_number=number)) == "none"

    postcode, number = new_address()
    response = person.signal(postcode=postcode, house_number=number)

    assert band_of(response) is None
    assert "We laten vandaag geen uitkomsten meer zien" in response.content.decode()
    assert "0800-2000" in response.content.decode()  # the help is never withheld
    assert Signal.objects.count() == 3
    assert band_of(neighbour().signal(postcode=postcode, house_number=number)) == "none"
    assert WeeklyTally.objects.get().refused == 1


def test_the_daily_limit_is_a_setting(neighbour, settings):
    settings.KRING_CONCERN_ADDRESSES_PER_DAY = 1
    person = neighbour()

    person.signal(house_number="1")

    assert band_of(person.signal(house_number="2")) is None


def test_a_client_sending_the_same_address_again_counts_once(neighbour, clock):
    person = neighbour()
    first = person.signal()

    again = person.signal(postcode="3511ab")

    assert private_link_path(first)
    assert private_link_path(again) is None
    assert "Je gaf vandaag al een signaal over dit adres" in again.content.decode()
    assert band_of(again) == "none"
    assert Signal.objects.count() == 1
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) == "few"


def test_repeating_an_address_does_not_use_up_the_daily_limit(neighbour):
    person = neighbour()
    for _ in range(4):
        person.signal(house_number="1")

    assert band_of(person.signal(house_number="2")) == "none"
    assert band_of(person.signal(house_number="3")) == "none"


def test_a_burst_on_one_address_counts_at_most_twice_and_hides_nothing(neighbour, clock):
    pages = {band_of(neighbour().signal()) for _ in range(6)}

    assert pages == {"none"}  # nothing changes while the burst comes in
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) == "few"  # six signals of one day weigh two


def test_signals_on_other_days_each_count(neighbour, clock):
    for _ in range(3):
        neighbour().signal()
    clock.advance(days=1)
    for _ in range(3):
        neighbour().signal()

    assert Signal.objects.values("batch").distinct().count() == 2
    clock.advance(days=SETTLED)
    assert band_of(neighbour().signal()) == "many"


def test_the_weight_of_one_day_is_a_setting(neighbour, clock, settings):
    settings.KRING_CONCERN_BURST_LIMIT = 3
    for _ in range(3):
        neighbour().signal()

    clock.advance(days=SETTLED)

    assert band_of(neighbour().signal()) == "many"


# Property 5: anti-automation by proof-of-work, no third party; the no-JavaScript path.


def test_challenge_comes_from_the_site_itself_and_is_never_cached(client, concern_page):
    response = client.get(CHALLENGE_URL)

    challenge = response.json()
    assert_private(response)
    assert challenge["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    assert challenge["parameters"]["cost"] == 1  # the iterations; tests set it low
    assert challenge["signature"]
    assert challenge["parameters"]["data"]["purpose"] == "kring-concerns"


def test_the_page_loads_its_own_solver_and_nothing_from_elsewhere(client, concern_page):
    html = client.get("/bezorgd-om-je-buren/").content.decode()

    assert '<script type="module" src="/static/concerns/pow.js"></script>' in html
    # Links to other sites are fine (Veilig Thuis' own); nothing may be loaded from one.
    assert not re.search(r"<(script|link|img|iframe|source)\b[^>]*(src|href)=\"(https?:)?//", html)


def test_without_javascript_a_neighbour_can_signal_one_address_a_day(neighbour):
    person = neighbour()

    first = person.signal(house_number="1", javascript=False)
    second = person.signal(house_number="2", javascript=False)

    assert band_of(first) == "none"
    assert band_of(second) is None
    assert Signal.objects.count() == 1
    assert "0800-2000" in second.content.decode()


def test_without_javascript_the_whole_site_takes_few_signals_an_hour(neighbour, settings):
    settings.KRING_CONCERN_UNCHECKED_PER_HOUR = 2
    assert band_of(neighbour().signal(house_number="1", javascript=False)) == "none"
    assert band_of(neighbour().signal(house_number="2", javascript=False)) == "none"

    busy = neighbour().signal(house_number="3", javascript=False)
    solved = neighbour().signal(house_number="4")

    assert band_of(busy) is None
    assert "konden we je signaal niet aannemen" in busy.content.decode()
    assert "0800-2000" in busy.content.decode()
    assert band_of(solved) == "none"
    assert Signal.objects.count() == 3


def test_a_busy_refusal_does_not_cost_the_neighbour_their_address_for_the_day(neighbour, settings):
    settings.KRING_CONCERN_UNCHECKED_PER_HOUR = 1
    neighbour().signal(house_number="1", javascript=False)
    person = neighbour()
    assert band_of(person.signal(house_number="2", javascript=False)) is None  # busy

    settings.KRING_CONCERN_UNCHECKED_PER_HOUR = 5  # as when the hour has passed

    assert band_of(person.signal(house_number="2", javascript=False)) == "none"


def test_page_explains_what_happens_without_javascript(client, concern_page):
    html = client.get("/bezorgd-om-je-buren/").content.decode()

    assert "<noscript>" in html
    assert "Je browser gebruikt geen JavaScript." in html


@pytest.fixture
def unchecked_budget_of_one(settings):
    settings.KRING_CONCERN_UNCHECKED_PER_HOUR = 1


def _unchecked_budget_used(neighbour):
    """With a site-wide budget of one signal without proof-of-work: is it used up now?"""
    return band_of(neighbour().signal(house_number="99", javascript=False)) is None


def test_a_solved_challenge_counts_only_once(neighbour, unchecked_budget_of_one):
    person = neighbour()
    payload = person.proof_of_work()
    person.signal(house_number="1", altcha=payload)
    assert not _unchecked_budget_used(neighbour)

    person.signal(house_number="2", altcha=payload)  # replayed

    assert _unchecked_budget_used(neighbour)


def test_a_tampered_solution_is_not_accepted(neighbour, unchecked_budget_of_one):
    data = json.loads(base64.b64decode(neighbour().proof_of_work()))
    data["challenge"]["parameters"]["keyPrefix"] = "00"
    data["solution"]["derivedKey"] = "00" * 32
    tampered = base64.b64encode(json.dumps(data).encode()).decode()

    neighbour().signal(house_number="1", altcha=tampered)

    assert _unchecked_budget_used(neighbour)


def test_a_challenge_signed_by_someone_else_is_not_accepted(neighbour, unchecked_budget_of_one):
    foreign = altcha.create_challenge(
        "PBKDF2/SHA-256",
        1,
        counter=5,
        data={"purpose": "kring-concerns"},
        hmac_secret="not-our-secret",
        hmac_key_secret="not-ours-either",
    )

    neighbour().signal(house_number="1", altcha=pow.solve(foreign.to_dict()))

    assert _unchecked_budget_used(neighbour)


def test_an_expired_challenge_is_not_accepted(neighbour, settings, unchecked_budget_of_one):
    settings.KRING_CONCERN_POW_TTL = -10

    neighbour().signal(house_number="1")

    assert _unchecked_budget_used(neighbour)


@pytest.mark.parametrize("garbage", ["x", "e30=", "bm90IGpzb24=", "A" * 5000])
def test_garbage_in_the_hidden_field_is_treated_as_no_javascript(
    neighbour, garbage, unchecked_budget_of_one
):
    response = neighbour().signal(house_number="1", altcha=garbage)

    assert band_of(response) == "none"
    assert _unchecked_budget_used(neighbour)
