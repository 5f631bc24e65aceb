"""Published tables: what a figure page, a CSV and a JSON file show, built from raw counts.

A table is stored (in a weekly release, in a snapshot) as plain JSON with keys, never with
raw counts: only what ``figures.aggregation`` let through. Labels of fixed lists (organisations,
answers, periods, regions) are looked up when shown, so both languages read them; labels that
editors or events own (theme names, statements) are kept as they were at the freeze.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from figures.aggregation import ProtectedTable, protect, protect_series
from stories.experience import Answer, Answers, Organisation, Period, Question, Region


class StoryFacts(TypedDict):
    """What the figures know of one published story: its answers and its themes."""

    version: int
    answers: Answers | None
    themes: list[str]


@dataclass
class Table:
    """A protected table with its row and column keys; ``values`` are never raw counts."""

    key: str
    rows: list[tuple[str, str]]  # (key, frozen label or "")
    columns: list[tuple[str, str]]
    values: ProtectedTable
    row_dimension: str
    column_dimension: str
    links: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "rows": [list(row) for row in self.rows],
            "columns": [list(column) for column in self.columns],
            "row_dimension": self.row_dimension,
            "column_dimension": self.column_dimension,
            "links": self.links or {},
            **self.values.as_dict(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Table:
        return cls(
            key=data["key"],
            rows=[(row[0], row[1]) for row in data["rows"]],
            columns=[(column[0], column[1]) for column in data["columns"]],
            values=ProtectedTable(
                cells=data["cells"],
                row_totals=data["row_totals"],
                column_totals=data["column_totals"],
                grand_total=data["grand_total"],
            ),
            row_dimension=data["row_dimension"],
            column_dimension=data["column_dimension"],
            links=data.get("links") or {},
        )


TITLES = {
    "heard": gettext_lazy("Did people feel heard, per organisation"),
    "informed": gettext_lazy("Were people well informed, per organisation"),
    "referred": gettext_lazy("Were people referred on, per organisation"),
    "period": gettext_lazy("Stories with answers, per period"),
    "region": gettext_lazy("Stories with answers, per Veilig Thuis region"),
    "themes": gettext_lazy("Published stories per theme"),
    "signals": gettext_lazy("Concern signals per week"),
    "attendance": gettext_lazy("Workshop and event attendance per month"),
    "statements": gettext_lazy("Statement results per event"),
}
STORY_TABLES = ["heard", "informed", "referred", "period", "region", "themes"]
PATTERN_TABLES = ["heard", "informed", "referred", "period", "region"]
FIGURE_TABLES = ["themes", "signals", "attendance", "statements"]

_CHOICES: dict[str, Any] = {
    "organisation": Organisation,
    "answer": Answer,
    "period": Period,
    "region": Region,
}
VOTES = {
    "agree": gettext_lazy("agree"),
    "disagree": gettext_lazy("disagree"),
    "neutral": gettext_lazy("neutral"),
}
_MEASURES = {
    "stories": gettext_lazy("stories"),
    "signals": gettext_lazy("signals"),
    "called": gettext_lazy("said they called Veilig Thuis"),
    "stepped": gettext_lazy("said they took another step"),
    "attendees": gettext_lazy("confirmed participants"),
}


def label(dimension: str, key: str, frozen: str) -> str:
    """The label to show for a row or column key, in the current language."""
    if dimension in _CHOICES:
        return str(_CHOICES[dimension](key).label)
    if dimension == "measure":
        return str(_MEASURES[key])
    if dimension == "week":
        return _("week of %(date)s") % {
            "date": formats.date_format(datetime.date.fromisoformat(key), "j M Y")
        }
    if dimension == "month":
        return formats.date_format(datetime.date.fromisoformat(key + "-01"), "F Y")
    return frozen


def _experience_table(question: Question, answered: Sequence[Answers]) -> Table:
    counts: dict[tuple[str, str], int] = Counter()
    for answers in answered:
        for organisation, replies in answers["organisations"].items():
            # Question's values are OrganisationAnswers' keys; mypy cannot tie the two together.
            reply = replies[question.value]  # type: ignore[literal-required]
            if reply:
                counts[(organisation, reply)] += 1
    raw = [[counts[(org.value, answer.value)] for answer in Answer] for org in Organisation]
    return Table(
        key=question.value,
        rows=[(org.value, "") for org in Organisation],
        columns=[(answer.value, "") for answer in Answer],
        values=protect(raw, row_totals=True, column_totals=True),
        row_dimension="organisation",
        column_dimension="answer",
    )


def _single_column(key: str, dimension: str, choices: Any, values: Iterable[str]) -> Table:
    counts = Counter(value for value in values if value)
    return Table(
        key=key,
        rows=[(choice.value, "") for choice in choices],
        columns=[("stories", "")],
        values=protect([[counts[choice.value]] for choice in choices], column_totals=True),
        row_dimension=dimension,
        column_dimension="measure",
    )


def story_tables(facts: Iterable[StoryFacts], themes: Sequence[tuple[str, str]]) -> list[Table]:
    """Every story-derived table, from the facts of the stories a release counts."""
    facts = list(facts)
    answered = [fact["answers"] for fact in facts if fact["answers"]]
    tables = [_experience_table(question, answered) for question in Question]
    tables.append(_single_column("period", "period", Period, (a["period"] for a in answered)))
    tables.append(_single_column("region", "region", Region, (a["region"] for a in answered)))
    per_theme = Counter(slug for fact in facts for slug in fact["themes"])
    # A story may have several themes: the rows add up to nothing published, so no margin.
    tables.append(
        Table(
            key="themes",
            rows=list(themes),
            columns=[("stories", "")],
            values=ProtectedTable(
                cells=[[v] for v in protect_series(per_theme[s] for s, _n in themes)]
            ),
            row_dimension="theme",
            column_dimension="measure",
        )
    )
    return tables


def series_table(
    key: str,
    dimension: str,
    rows: Sequence[tuple[str, str]],
    measures: Sequence[str],
    counts: Sequence[Sequence[int]],
) -> Table:
    """A time series: each value on its own (rule 1 and 2 only; no total is published)."""
    columns = list(zip(*counts, strict=True)) if counts else [() for _m in measures]
    protected = [protect_series(column) for column in columns]
    cells = [[protected[c][r] for c in range(len(measures))] for r in range(len(rows))]
    return Table(
        key=key,
        rows=list(rows),
        columns=[(measure, "") for measure in measures],
        values=ProtectedTable(cells=cells),
        row_dimension=dimension,
        column_dimension="measure",
    )


def statements_table(
    rows: Sequence[tuple[str, str, str]], counts: Sequence[Sequence[int]]
) -> Table:
    """Votes per statement: agree / disagree / neutral with the statement's total."""
    return Table(
        key="statements",
        rows=[(key, text) for key, text, _link in rows],
        columns=[("agree", ""), ("disagree", ""), ("neutral", "")],
        values=protect([list(row) for row in counts], row_totals=True)
        if rows
        else ProtectedTable(cells=[], row_totals=[]),
        row_dimension="statement",
        column_dimension="vote",
        links={key: link for key, _text, link in rows},
    )


def column_label(table: Table, key: str, frozen: str) -> str:
    if table.column_dimension == "vote":
        return str(VOTES[key])
    return label(table.column_dimension, key, frozen)
