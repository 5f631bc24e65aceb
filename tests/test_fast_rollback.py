"""tests/fast_rollback.py: a flush leaves no row, a load gives exactly what Django serialized."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from tests.fast_rollback import tables_with_rows

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="PostgreSQL's COPY; SQLite keeps Django's own serialized rollback",
    ),
]


def test_a_flush_empties_every_table_and_a_load_puts_back_exactly_the_serialized_rows():
    serialized = connection._test_serialized_contents  # this test's own setup loaded it once
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False
    )
    assert tables_with_rows(connection) == []

    connection.creation.deserialize_db_from_string(serialized)  # from the copy this time

    assert tables_with_rows(connection)
    assert connection.creation.serialize_db_to_string() == serialized
