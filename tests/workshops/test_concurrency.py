"""Seats are never over-booked, however many people register and confirm at the same moment.

Each worker is a thread with its own database connection (Django opens one per thread).
All of them wait at a barrier and then register and confirm at once, through the same
booking service the web form uses.
"""

import sqlite3
import threading
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core import mail
from django.db import DEFAULT_DB_ALIAS, connection, connections

from workshops import booking
from workshops.models import Registration

pytestmark = pytest.mark.django_db(transaction=True)

ENGINE = settings.DATABASES[DEFAULT_DB_ALIAS]["ENGINE"]
SEATS = 10


def fire(session, attempts, workers):
    """Register and confirm `attempts` addresses from `workers` threads; return their errors."""
    barrier = threading.Barrier(workers)
    errors = []

    def work(numbers):
        try:
            barrier.wait(timeout=60)
            for number in numbers:
                result = booking.do_register(
                    None,
                    session,
                    pseudonym=f"Deelnemer {number}",
                    email=f"mens{number}@example.org",
                )
                booking.do_confirm(None, result.registration)
        except Exception as error:  # every failure counts, whatever its kind
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=work, args=(range(first, attempts, workers),))
        for first in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads), "a worker hung"
    return errors


def counts(session):
    statuses = Registration.objects.filter(session_id=session.pk).values_list("status", flat=True)
    return {status: list(statuses).count(status) for status in set(statuses)}


def assert_exactly_full(found, attempts):
    assert found == {"confirmed": SEATS, "waiting": attempts - SEATS}
    subjects = [message.subject for message in mail.outbox]
    assert sum(s.startswith("Je aanmelding voor") for s in subjects) == SEATS
    assert subjects.count("Je staat op de wachtlijst") == attempts - SEATS


@pytest.mark.postgres
@pytest.mark.skipif("postgresql" not in ENGINE, reason="needs PostgreSQL (set DATABASE_URL)")
def test_many_simultaneous_confirmations_never_overbook_on_postgresql(make_session):
    # 50 connections (half of PostgreSQL's default max_connections, which other test runs
    # share), each firing 3 attempts: 150 attempts racing for 10 seats on one row lock.
    session = make_session(seats=SEATS)
    attempts = 150

    errors = fire(session, attempts, workers=50)

    assert errors == []
    assert_exactly_full(counts(session), attempts)


# SQLite lets one writer in at a time; the others wait up to this busy timeout. Python's
# default (5 s) is too short for 200 write transactions queued at once on a small machine:
# about a third of them then fail with "database is locked" (never over-booked, but an error
# page). The test gives the queue the time it really takes; the embedded default needs the
# same DATABASES OPTIONS "timeout" to take such a burst without error pages.
BUSY_TIMEOUT = 30


@contextmanager
def new_threads_use(path):
    """Threads started inside this block connect to the SQLite file at `path`."""
    original = connections.settings[DEFAULT_DB_ALIAS]
    options = {**original.get("OPTIONS", {}), "timeout": BUSY_TIMEOUT}
    connections.settings[DEFAULT_DB_ALIAS] = {**original, "NAME": str(path), "OPTIONS": options}
    try:
        yield
    finally:
        connections.settings[DEFAULT_DB_ALIAS] = original


def in_new_thread(function):
    result = {}

    def run():
        try:
            result["value"] = function()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result["value"]


# Marked smoke so that CI's SQLite pass runs it; its whole-suite pass runs on PostgreSQL.
@pytest.mark.smoke
@pytest.mark.skipif("sqlite" not in ENGINE, reason="exercises SQLite's file locking")
def test_many_simultaneous_confirmations_never_overbook_on_a_sqlite_file(make_session, tmp_path):
    # The test database lives in memory, where SQLite locks differently; the embedded default
    # (`make run`) uses a file. So the test copies its database into a file and lets 100
    # threads, each with its own connection to that file, race for 10 seats.
    session = make_session(seats=SEATS)
    path = tmp_path / "kring.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    attempts = 100

    with new_threads_use(path):
        errors = fire(session, attempts, workers=attempts)
        found = in_new_thread(lambda: counts(session))

    assert errors == []
    assert_exactly_full(found, attempts)
    assert Registration.objects.count() == 0  # it all happened in the file, not in memory
