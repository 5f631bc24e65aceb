"""The aggregation rules, one by one: what a reader of a published table can and cannot learn."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figures.aggregation import (
    K,
    changed_stories,
    enough_changed,
    protect,
    protect_series,
    protect_share,
    round_count,
)


def test_counts_under_five_are_hidden_zero_included():
    assert protect_series([0, 1, 4, 5]) == [None, None, None, 5]


def test_other_counts_are_rounded_to_five():
    assert [round_count(n) for n in (5, 7, 8, 12, 13, 101)] == [5, 5, 10, 10, 15, 100]
    assert protect_series([6, 9, 23]) == [5, 10, 25]


def test_a_single_hidden_cell_in_a_row_with_a_total_gets_a_companion():
    # Without a second hidden cell: 2 = 30 - 20 - 8 would give the hidden cell back.
    table = protect([[20, 8, 2]], row_totals=True)

    assert table.cells == [[20, None, None]]
    assert table.row_totals == [30]


def test_complementary_hiding_also_covers_columns_and_the_grand_total():
    counts = [[20, 3, 9], [12, 15, 11], [30, 10, 6]]
    table = protect(counts, row_totals=True, column_totals=True)

    values = [*itertools.chain(*table.cells), *table.row_totals, *table.column_totals]
    assert values.count(None) >= 2
    for row, total in zip(table.cells, table.row_totals, strict=True):
        assert [*row, total].count(None) != 1
    for c, total in enumerate(table.column_totals):
        assert [*(row[c] for row in table.cells), total].count(None) != 1


def test_a_series_without_a_published_total_is_not_hidden_further():
    assert protect([[20], [3], [9]]).cells == [[20], [None], [10]]


def test_a_share_is_computed_from_the_rounded_counts_only():
    assert protect_share(5, 25) == 20
    assert protect_share(None, 25) is None
    assert protect_share(5, None) is None


def test_negative_or_ragged_counts_are_refused():
    with pytest.raises(ValueError):
        protect([[1, 2], [3]])
    with pytest.raises(ValueError):
        protect([[-1]])


def test_releases_may_only_differ_by_at_least_five_stories():
    first = {str(n): 1 for n in range(10)}
    assert enough_changed(first, [])
    one_more = {**first, "10": 1}
    assert not enough_changed(one_more, [first])
    corrected = {**first, "3": 2}
    assert changed_stories(first, corrected) == 1
    assert not enough_changed(corrected, [first])
    five_more = {**first, **{str(n): 1 for n in range(10, 15)}}
    assert enough_changed(five_more, [first])


def test_new_figures_are_compared_with_every_earlier_release_not_only_the_last():
    # Week 1: ten stories. Week 2: six more. Week 3: five of those six withdrawn again.
    week1 = {str(n): 1 for n in range(10)}
    week2 = {**week1, **{str(n): 1 for n in range(10, 16)}}
    week3 = {**week1, "15": 1}
    assert enough_changed(week3, [week2])
    assert not enough_changed(week3, [week1, week2])


line_counts = st.lists(
    st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=5),
    min_size=1,
    max_size=6,
).filter(lambda rows: len({len(row) for row in rows}) == 1)


@given(line_counts, st.booleans(), st.booleans())
def test_no_published_table_lets_a_hidden_value_be_computed_back(counts, rows, columns):
    table = protect(counts, row_totals=rows, column_totals=columns)

    shown = [v for row in table.cells for v in row]
    shown += (table.row_totals or []) + (table.column_totals or [])
    assert all(v is None or (v >= K and v % K == 0) for v in shown)
    if rows:
        for cells, total in zip(table.cells, table.row_totals, strict=True):
            assert [*cells, total].count(None) != 1
    if columns:
        for c, total in enumerate(table.column_totals):
            assert [*(row[c] for row in table.cells), total].count(None) != 1
    if rows and columns:
        assert [*table.row_totals, table.grand_total].count(None) != 1
        assert [*table.column_totals, table.grand_total].count(None) != 1
    for raw_row, row in zip(counts, table.cells, strict=True):
        for raw, value in zip(raw_row, row, strict=True):
            assert value is None or abs(value - raw) <= K // 2
