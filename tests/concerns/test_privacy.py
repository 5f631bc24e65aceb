"""The concern tool's properties 1, 2 and 6 (concerns/README.md).

No plain address anywhere, no timing, nothing about people.
"""

import io
import logging
import pickle
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import models

from concerns import signals_service
from concerns.models import Signal
from tests.concerns.conftest import URL, band_of, private_link_path

pytestmark = pytest.mark.django_db

# Distinctive values, so a match anywhere means a leak and not a coincidence.
ADDRESSES = [("9723 ZT", "48213", "b"), ("6821 KW", "37019", ""), ("2514 GL", "57203", "2h")]


def _spellings(postcode, number, addition):
    compact = postcode.replace(" ", "")
    return {
        postcode,
        compact,
        compact.lower(),
        postcode.lower(),
        number,
        f"{number}{addition}".upper(),
    }


def _submit_everything(neighbour):
    links = []
    for postcode, number, addition in ADDRESSES:
        for _ in range(2):
            response = neighbour().signal(postcode=postcode, house_number=number, addition=addition)
            links.append(private_link_path(response))
    # Use the private links too: view, say "I called", withdraw one.
    visitor = neighbour()
    visitor.client.get(links[0])
    visitor.client.post(links[1], {"action": "called"})
    visitor.client.post(links[2], {"action": "withdraw", "confirm": "on"})
    # And a form that comes back with an error on another field.
    neighbour().signal(postcode=ADDRESSES[0][0], house_number=ADDRESSES[0][1], when="")


def test_no_postcode_or_house_number_in_the_database_dump_or_any_log(neighbour, caplog):
    caplog.set_level(logging.DEBUG)

    _submit_everything(neighbour)

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    access_lines = [r.getMessage() for r in caplog.records if r.name == "kring.access"]
    everything_logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert Signal.objects.count() == 5
    assert len(access_lines) >= 10
    for address in ADDRESSES:
        for spelling in _spellings(*address):
            assert spelling not in dump.getvalue(), spelling
            assert spelling not in everything_logged, spelling


def test_no_postcode_or_house_number_in_the_cache(neighbour):
    _submit_everything(neighbour)

    entries = list(cache._cache.items())
    # The test reads back what this process itself put in its local memory cache.
    cached = "\n".join(f"{key} {pickle.loads(value)!r}" for key, value in entries)  # noqa: S301
    assert "concerns:seen:" in cached
    for address in ADDRESSES:
        for spelling in _spellings(*address):
            assert spelling not in cached, spelling


def test_result_is_the_answer_to_the_post_itself_not_a_redirect(neighbour):
    response = neighbour().signal()

    assert response.status_code == 200
    assert "Location" not in response
    assert "no-store" in response["Cache-Control"]
    assert band_of(response) == "none"


def test_an_address_in_the_query_string_is_ignored(client, concern_page):
    response = client.get(
        URL, {"postcode": "3511 AB", "house_number": "12", "noticed": "crying", "when": "week"}
    )

    assert band_of(response) is None
    assert Signal.objects.count() == 0


def test_the_private_link_carries_a_random_token_and_not_the_address(neighbour):
    link = private_link_path(neighbour().signal(postcode="9723 ZT", house_number="48213"))

    assert "9723" not in link and "48213" not in link
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    assert not Signal.objects.filter(token_digest=token).exists()


def test_debug_page_of_a_crash_shows_no_address(neighbour, settings, monkeypatch, caplog):
    settings.DEBUG = True

    def crash(*args, **kwargs):
        raise RuntimeError("the database fell over")

    monkeypatch.setattr(signals_service, "submit_signal", crash)
    person = neighbour()
    person.client.raise_request_exception = False

    response = person.signal(*ADDRESSES[0])  # the literals stay out of the traceback

    page = response.content.decode()
    assert response.status_code == 500
    assert "RuntimeError" in page  # this really is Django's debug page
    for spelling in _spellings(*ADDRESSES[0]):
        assert spelling not in page, spelling
        assert spelling not in caplog.text, spelling


def test_error_report_of_a_crash_in_production_shows_no_address(
    neighbour, settings, monkeypatch, caplog
):
    settings.DEBUG = False
    settings.ADMINS = [("Beheer", "beheer@kring.test")]
    settings.LOGGING_CONFIG = None
    from django.core import mail
    from django.utils.log import AdminEmailHandler

    handler = AdminEmailHandler(include_html=True)
    logging.getLogger("django.request").addHandler(handler)
    monkeypatch.setattr(signals_service, "submit_signal", lambda *a, **k: 1 / 0)
    person = neighbour()
    person.client.raise_request_exception = False
    try:
        response = person.signal(*ADDRESSES[0])  # the literals stay out of the traceback
    finally:
        logging.getLogger("django.request").removeHandler(handler)

    assert response.status_code == 500
    report = "\n".join(m.body + "".join(str(a[1]) for a in m.alternatives) for m in mail.outbox)
    assert "ZeroDivisionError" in report
    for spelling in _spellings(*ADDRESSES[0]):
        assert spelling not in report, spelling
        assert spelling not in caplog.text, spelling


def test_a_band_is_only_shown_after_sending_a_signal(client, concern_page, neighbour):
    neighbour().signal()

    assert band_of(client.get(URL)) is None
    assert band_of(neighbour().signal()) == "none"


def test_result_and_private_link_show_no_dates_or_times(neighbour, clock):
    for _ in range(2):
        neighbour().signal()
    clock.advance(days=1)
    for _ in range(2):
        neighbour().signal()
    clock.advance(days=5)

    result = neighbour().signal()
    person = neighbour()
    later = person.signal(house_number="13")
    page = person.client.get(private_link_path(later))

    for response in (result, page):
        section = re.search(r'<section class="band.*?</section>', response.content.decode(), re.S)
        band = re.sub(r"<[^>]+>", "", section.group(0))
        assert band_of(response) in {"many", "none"}
        assert not re.search(r"\d", band), band
        assert not re.search(
            r"(?i)maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|vandaag|uur",
            band,
        )


def test_a_signal_row_holds_no_person_no_cookie_and_no_precise_time():
    fields = {field.name: field for field in Signal._meta.get_fields()}

    assert set(fields) == {"id", "address_key", "counts_from", "batch", "token_digest"}
    assert isinstance(fields["counts_from"], models.DateField)
    assert not isinstance(fields["counts_from"], models.DateTimeField)
    assert not any(field.is_relation for field in fields.values())
    assert isinstance(fields["id"], models.UUIDField)  # not even the row order tells the time


def test_signalling_while_logged_in_links_nothing_to_the_account(
    client, concern_page, django_user_model
):
    from concerns import pow

    user = django_user_model.objects.create_user("buur", "buur@kring.test", "geheim-wachtwoord")
    client.force_login(user)
    session_before = client.session.session_key

    response = client.post(
        URL,
        {
            "postcode": "3511 AB",
            "house_number": "12",
            "noticed": ["crying"],
            "when": "week",
            "altcha": pow.solve(client.get(URL + "controle/").json()),
        },
    )

    assert band_of(response) == "none"
    assert client.session.session_key == session_before
    stored = [str(value) for row in Signal.objects.values() for value in row.values()]
    assert str(user.pk) not in stored and session_before not in stored
    assert set(response.cookies) <= {"csrftoken"}


def test_anonymous_signal_sets_no_session_cookie(neighbour):
    response = neighbour().signal()

    assert "kring_session" not in response.cookies
