import datetime
import itertools
import re

import pytest
from django.test import Client
from django.utils import timezone

from concerns import pow, signals_service
from concerns.models import ConcernPage

URL = "/bezorgd-om-je-buren/"
CHALLENGE_URL = URL + "controle/"
_addresses = itertools.count(1)


@pytest.fixture(autouse=True)
def _quick_proof_of_work(settings):
    # The real difficulty is for browsers; tests solve in Python and need only the format.
    settings.KRING_CONCERN_POW_MAX_NUMBER = 200
    settings.KRING_CONCERN_POW_COST = 1


@pytest.fixture
def concern_page(home_page):
    page = home_page.add_child(
        instance=ConcernPage(
            title="Bezorgd om je buren?", slug="bezorgd-om-je-buren", show_in_menus=True
        )
    )
    page.save_revision().publish()
    return page


class Clock:
    """The tool's idea of now, moved by tests instead of waiting."""

    def __init__(self):
        self.now = timezone.now()

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(signals_service, "now", lambda: clock.now)
    return clock


class Neighbour:
    """Someone with their own browser and network address, using the form over HTTP."""

    def __init__(self, ip: str, **headers: str) -> None:
        self.client = Client(REMOTE_ADDR=ip, HTTP_USER_AGENT="Mozilla/5.0 (Neighbour)", **headers)

    def proof_of_work(self):
        challenge = self.client.get(CHALLENGE_URL).json()
        return pow.solve(challenge)

    def signal(
        self,
        postcode="3511 AB",
        house_number="12",
        addition="",
        noticed=("screaming",),
        when="week",
        javascript=True,
        altcha=None,
    ):
        if altcha is None:
            altcha = self.proof_of_work() if javascript else ""
        data = {
            "postcode": postcode,
            "house_number": house_number,
            "addition": addition,
            "noticed": list(noticed),
            "when": when,
            "altcha": altcha,
        }
        return self.client.post(URL, data)


@pytest.fixture
def neighbour(concern_page):
    """Call neighbour() for each new person; each gets a different network address."""
    numbers = itertools.count(10)
    return lambda: Neighbour(f"192.0.2.{next(numbers)}")


def band_of(response):
    """The band a neighbour sees on the page: none, few, many or limited (or None)."""
    match = re.search(r'class="band band--(\w+)"', response.content.decode())
    return match.group(1) if match else None


def private_link_path(response):
    match = re.search(
        r'href="https?://[^/"]+(/bezorgd-om-je-buren/jouw-signaal/[^"]+/)"',
        response.content.decode(),
    )
    return match.group(1) if match else None


def new_address():
    """A different valid address for each call, as (postcode, house number)."""
    n = next(_addresses)
    return f"{1000 + n} AB", str(n)
