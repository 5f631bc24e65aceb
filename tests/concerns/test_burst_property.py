"""The burst rule as a property: whatever anyone adds, no band goes down (THREAT_MODEL.md)."""

import datetime
import uuid

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from concerns import signals_service
from concerns.models import Signal

pytestmark = pytest.mark.django_db

ORDER = {"none": 0, "few": 1, "many": 2}
KEY = "k" * 64

# A signal as (days before today that it counts from, negative: not yet; which of three batches
# of that day).
signals = st.lists(st.tuples(st.integers(-3, 8), st.integers(0, 2)), max_size=12)


def _store(rows: list[tuple[int, int]]) -> None:
    today = timezone.localdate()
    Signal.objects.bulk_create(
        Signal(
            address_key=KEY,
            counts_from=today - datetime.timedelta(days=days_ago),
            batch=(days_ago + 5) * 10 + batch + 1,
            token_digest=uuid.uuid4().hex,
        )
        for days_ago, batch in rows
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(genuine=signals, added=signals)
def test_adding_signals_never_lowers_the_band(genuine, added):
    Signal.objects.all().delete()
    _store(genuine)
    before = signals_service.current_band(KEY)

    _store(added)

    assert ORDER[signals_service.current_band(KEY)] >= ORDER[before]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(counting=signals, waiting=signals)
def test_signals_that_do_not_count_yet_change_nothing(counting, waiting):
    Signal.objects.all().delete()
    _store([(max(days_ago, 0), batch) for days_ago, batch in counting])
    before = signals_service.current_band(KEY)

    _store([(-1 - abs(days_ago) % 3, batch) for days_ago, batch in waiting])

    assert signals_service.current_band(KEY) == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(size=st.integers(1, 40))
def test_one_batch_never_shows_more_than_one_or_two(size):
    Signal.objects.all().delete()
    _store([(3, 0)] * size)

    assert signals_service.current_band(KEY) == "few"
