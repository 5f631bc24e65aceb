"""Serialized rollback on PostgreSQL in a tenth of the time, with the same result.

A test that needs committed data (websockets, the live server, concurrency) runs as Django's
TransactionTestCase with `serialized_rollback=True`: afterwards every table is emptied, and
before the next such test what the migrations made (pages, locales, sites, content types,
permissions: about 570 rows) is loaded again from JSON, one `save()` at a time. With some 260
such tests that was about 2 seconds each, four of the CI's twenty minutes.

On PostgreSQL this module makes both steps cheap, without changing what a test sees:
- the first load goes Django's way; right after it, the tables it filled are copied out with
  `COPY ... TO STDOUT`, and every later load deletes those tables' rows and copies the same
  rows back in, in one transaction (Django's foreign keys are deferred to its end);
- the flush deletes the rows of the tables that hold any, in one transaction, instead of a
  `TRUNCATE` of all 150 tables (0.8 s: PostgreSQL makes new files for each table and index).
tests/test_fast_rollback.py checks that a load gives exactly what Django's serializer wrote
and that a flush leaves no row anywhere. SQLite (the smoke tests) keeps Django's own way.
"""

from django.core.management.commands import flush
from django.db import transaction
from django.db.backends.postgresql.creation import DatabaseCreation

_django_deserialize = DatabaseCreation.deserialize_db_from_string
_django_sql_flush = flush.sql_flush
# The rows the first load made, per database and serialized data: [(table, COPY text)].
_snapshots: dict[tuple[str, int], list[tuple[str, bytes]]] = {}


def tables_with_rows(connection) -> list[str]:
    """Which of Django's tables hold at least one row: one query."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    if not tables:
        return []
    # The names are Django's own tables, as introspection lists them, quoted (so S608 below).
    quote = connection.ops.quote_name
    query = " UNION ALL ".join(
        f"SELECT %s::text WHERE EXISTS (SELECT 1 FROM {quote(table)})"  # noqa: S608
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(query, tables)
        return [row[0] for row in cursor.fetchall()]


def _copy_out(connection) -> list[tuple[str, bytes]]:
    quote = connection.ops.quote_name
    snapshot = []
    with connection.cursor() as cursor:
        for table in tables_with_rows(connection):
            with cursor.copy(f"COPY {quote(table)} TO STDOUT") as copy:
                snapshot.append((table, b"".join(bytes(block) for block in copy)))
    return snapshot


def _copy_in(connection, snapshot: list[tuple[str, bytes]]) -> None:
    quote = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for table, _rows in snapshot:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 (see tables_with_rows)
        for table, rows in snapshot:
            with cursor.copy(f"COPY {quote(table)} FROM STDIN") as copy:
                copy.write(rows)


def deserialize_db_from_string(self: DatabaseCreation, data: str) -> None:
    key = (self.connection.settings_dict["NAME"], hash(data))
    snapshot = _snapshots.get(key)
    if snapshot is None:
        _django_deserialize(self, data)
        _snapshots[key] = _copy_out(self.connection)
        return
    _copy_in(self.connection, snapshot)


def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
    if connection.vendor != "postgresql" or reset_sequences:
        return _django_sql_flush(style, connection, reset_sequences, allow_cascade)
    # Django runs these in one transaction. Its foreign keys are all deferrable and none
    # cascades in the database, so the order does not matter; every table that holds a row is
    # emptied, so no reference is left dangling at the commit.
    quote = connection.ops.quote_name
    tables = tables_with_rows(connection)
    deletes = [f"DELETE FROM {quote(table)}" for table in tables]  # noqa: S608 (as above)
    return ["SET CONSTRAINTS ALL DEFERRED", *deletes]


def install() -> None:
    DatabaseCreation.deserialize_db_from_string = deserialize_db_from_string
    flush.sql_flush = sql_flush
