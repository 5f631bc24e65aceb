"""The one door every published figure passes: counts in, k-anonymous tables out.

Kring publishes figures about survivors' stories, neighbours' concern signals, attendance and
statement votes. Each figure is a count of people, and a count can expose a person when it is
small, when it can be computed back from other figures, or when it changes the moment one
person acts. The rules below close those three doors; nothing else in Kring may turn a count
into something a page, a CSV or a JSON file shows.

1. Small cells are suppressed. A count under ``K`` (5) -- zero included -- is shown as
   "minder dan 5". Zero is suppressed too: "0 of the 6 stories about the police: heard" tells
   every reader what each of those six authors answered (attribute disclosure by homogeneity).

2. Other counts are rounded to the nearest multiple of ``K``. A shown figure never moves by one,
   so one story more or less changes a figure by 0 or by 5, and a reader cannot subtract two
   figures to get an exact small number. Totals are rounded on their own (they need not equal
   the sum of the rounded cells; the pages say so).

3. No suppressed cell can be computed back from its margins (complementary suppression). A
   table publishes (or lets a reader derive) the total of a row or a column; if exactly one
   value in such a line were hidden, total minus the others would give it back. So in every
   line whose total is known, as long as exactly one value is hidden, the smallest shown cell
   of that line is hidden as well, until no line has a single unknown. Totals count as values
   of their line, and the grand total ties the margins together in the same way. Rounding
   alone would only blur the difference by a few, which is not enough next to a "minder dan 5".
   Series without a published total (a count per week, per month) do not add up to anything
   shown, so only rules 1 and 2 apply to them.

4. Figures are frozen weekly, and change only when enough stories changed. Story figures are
   computed "as of the previous Monday" (00:00, local time) from the stories that were
   published before that moment and are still published; during the week nothing moves, so
   publishing or withdrawing a story never changes a figure the same day. A new week's story
   figures replace the old ones only if, compared with every earlier release, at least ``K``
   stories were added, withdrawn or had their answers corrected (``enough_changed``);
   otherwise the earlier figures stay, with their own date. Whoever watches the pages and the
   story list therefore never sees two releases that differ by one story: between any two
   releases at least ``K`` stories changed, so a change in a cell cannot be pinned on one of
   them. ``figures.releases`` applies this rule; the property test in
   ``tests/figures/test_privacy_properties.py`` drives random sequences of publications,
   withdrawals, corrections and weeks through it.

What this does not protect against: someone who controls K-1 of the stories that changed in a
release (several made-up stories that pass moderation) learns the remaining one's contribution
up to rounding. Moderation is the defence against such sock puppets; the figures do not claim
more than that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

K = 5  # the smallest count shown, and the step counts are rounded to


def round_count(count: int) -> int:
    """Round to the nearest multiple of K, halves up (7 -> 5, 8 -> 10)."""
    return ((count + K // 2) // K) * K


@dataclass
class Line:
    """Values that add up to a known total: indices of cells in a flat list, total last."""

    members: list[int]


@dataclass
class ProtectedTable:
    """A table ready to publish: every value is a multiple of K, or None for "minder dan 5"."""

    cells: list[list[int | None]]
    row_totals: list[int | None] | None = None
    column_totals: list[int | None] | None = None
    grand_total: int | None = None
    suppressed_by_margin: int = field(default=0)

    def as_dict(self) -> dict[str, object]:
        return {
            "cells": self.cells,
            "row_totals": self.row_totals,
            "column_totals": self.column_totals,
            "grand_total": self.grand_total,
        }


def _lines(rows: int, columns: int, row_totals: bool, column_totals: bool) -> list[list[int]]:
    """Additive relations a reader knows, as index lists into the flat value list.

    The flat list holds the cells row by row, then the row totals, the column totals and the
    grand total. Each line lists the parts and then the whole.
    """
    cell = lambda r, c: r * columns + c  # noqa: E731
    row_total = lambda r: rows * columns + r  # noqa: E731
    column_total = lambda c: rows * columns + rows + c  # noqa: E731
    grand = rows * columns + rows + columns
    lines = []
    if row_totals:
        lines += [[cell(r, c) for c in range(columns)] + [row_total(r)] for r in range(rows)]
    if column_totals:
        lines += [[cell(r, c) for r in range(rows)] + [column_total(c)] for c in range(columns)]
    if row_totals and column_totals:
        lines.append([row_total(r) for r in range(rows)] + [grand])
        lines.append([column_total(c) for c in range(columns)] + [grand])
    return lines


def protect(
    counts: Sequence[Sequence[int]], *, row_totals: bool = False, column_totals: bool = False
) -> ProtectedTable:
    """Apply suppression, complementary suppression and rounding to a table of raw counts.

    ``row_totals``/``column_totals`` say which margins the table publishes; their lines are
    protected against differencing. Without margins each cell stands alone (a time series).
    """
    rows = len(counts)
    columns = len(counts[0]) if rows else 0
    if any(len(row) != columns for row in counts):
        raise ValueError("every row needs the same number of columns")
    if any(value < 0 for row in counts for value in row):
        raise ValueError("counts cannot be negative")
    values = [value for row in counts for value in row]
    values += [sum(row) for row in counts]
    values += [sum(row[c] for row in counts) for c in range(columns)]
    values.append(sum(values[: rows * columns]))
    hidden = [value < K for value in values]
    primary = sum(hidden)
    lines = _lines(rows, columns, row_totals, column_totals)
    changed = True
    while changed:
        changed = False
        for line in lines:
            unknown = [index for index in line if hidden[index]]
            if len(unknown) != 1:
                continue
            # Hide the smallest part still shown; the whole only when no part is left.
            candidates = [index for index in line[:-1] if not hidden[index]] or [line[-1]]
            hidden[min(candidates, key=lambda index: (values[index], index))] = True
            changed = True
    shown = [
        None if hide else round_count(value) for value, hide in zip(values, hidden, strict=True)
    ]
    cells = [shown[r * columns : (r + 1) * columns] for r in range(rows)]
    offset = rows * columns
    return ProtectedTable(
        cells=cells,
        row_totals=shown[offset : offset + rows] if row_totals else None,
        column_totals=shown[offset + rows : offset + rows + columns] if column_totals else None,
        grand_total=shown[-1] if row_totals and column_totals else None,
        suppressed_by_margin=sum(hidden) - primary,
    )


def protect_series(counts: Iterable[int]) -> list[int | None]:
    """A series whose sum is published nowhere: suppress and round each value on its own."""
    return [None if count < K else round_count(count) for count in counts]


def protect_share(part: int | None, whole: int | None) -> int | None:
    """A percentage from two already protected counts, or None when either is hidden.

    Computed from the rounded figures, never from raw counts: a share of raw counts next to a
    rounded total would give the exact count back.
    """
    if part is None or not whole:
        return None
    return round(100 * part / whole)


def changed_stories(before: Mapping[str, int], after: Mapping[str, int]) -> int:
    """How many stories differ between two releases: added, withdrawn or answers changed.

    Each mapping is story id -> version of its answers (bumped on every correction).
    """
    keys = set(before) | set(after)
    return sum(1 for key in keys if before.get(key) != after.get(key))


def enough_changed(candidate: Mapping[str, int], earlier: Iterable[Mapping[str, int]]) -> bool:
    """Whether new story figures may be published next to every earlier release.

    Allowed when, compared with each earlier release (the empty start included), either
    nothing changed or at least K stories did. Comparing with every release, not only the
    last, matters: stories published in one week and withdrawn in the next could otherwise
    leave two releases that differ by a single story.
    """
    for release in [{}, *earlier]:
        changed = changed_stories(release, candidate)
        if 0 < changed < K:
            return False
    return True
