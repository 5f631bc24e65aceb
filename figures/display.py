"""Protected tables as people read them: labels, "minder dan 5", a chart and one sentence.

The page, the CSV and the JSON are all made from the same ``Display`` objects, so a download
cannot show a figure the page does not (tests compare them).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from figures.aggregation import protect_share
from figures.tables import TITLES, Table, column_label, label

CHART_WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 14
ROW_GAP = 10


def shown(value: int | None) -> str:
    return _("fewer than 5") if value is None else str(value)


@dataclass
class Bar:
    x: int
    y: int
    width: int
    css: str
    text: str
    text_x: int


@dataclass
class ChartRow:
    label: str
    y: int
    bars: list[Bar]


@dataclass
class Display:
    key: str
    title: str
    row_header: str
    columns: list[str]
    rows: list[dict[str, Any]]  # label, values (shown strings), total, link
    totals: list[str] | None
    grand_total: str | None
    has_row_totals: bool
    reading: str
    chart: list[ChartRow] = field(default_factory=list)
    chart_height: int = 0
    legend: list[tuple[str, str]] = field(default_factory=list)

    def records(self) -> list[list[str]]:
        """The table as rows of text, header first: what the CSV holds."""
        header = [self.row_header, *self.columns]
        if self.has_row_totals:
            header.append(_("total"))
        lines = [header]
        for row in self.rows:
            line = [row["label"], *row["values"]]
            if self.has_row_totals:
                line.append(row["total"])
            lines.append(line)
        if self.totals is not None:
            line = [_("total"), *self.totals]
            if self.has_row_totals:
                line.append(self.grand_total or "")
            lines.append(line)
        return lines


ROW_HEADERS = {
    "organisation": gettext_lazy("Organisation"),
    "period": gettext_lazy("Period"),
    "region": gettext_lazy("Veilig Thuis region"),
    "theme": gettext_lazy("Theme"),
    "week": gettext_lazy("Week"),
    "month": gettext_lazy("Month"),
    "statement": gettext_lazy("Event and statement"),
}
OUTCOMES = {
    ("heard", "ja"): gettext_lazy("felt heard"),
    ("heard", "deels"): gettext_lazy("felt partly heard"),
    ("heard", "nee"): gettext_lazy("did not feel heard"),
    ("informed", "ja"): gettext_lazy("were well informed"),
    ("informed", "deels"): gettext_lazy("were partly informed"),
    ("informed", "nee"): gettext_lazy("were not well informed"),
    ("referred", "ja"): gettext_lazy("were referred on"),
    ("referred", "deels"): gettext_lazy("were partly referred on"),
    ("referred", "nee"): gettext_lazy("were not referred on"),
}


def _chart(table: Table, values: list[list[int | None]], css: list[str]) -> list[ChartRow]:
    largest = max((v for row in values for v in row if v is not None), default=0) or 1
    per_row = len(css) * (BAR_HEIGHT + 2) + ROW_GAP
    scale = (CHART_WIDTH - LABEL_WIDTH - 60) / largest
    rows = []
    for index, ((key, frozen), row) in enumerate(zip(table.rows, values, strict=True)):
        y = index * per_row
        bars = []
        for c, value in enumerate(row):
            width = 0 if value is None else max(2, round(value * scale))
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=y + c * (BAR_HEIGHT + 2),
                    width=width,
                    css=css[c] if value is not None else "bar--hidden",
                    text=shown(value) if value is not None else "< 5",
                    text_x=LABEL_WIDTH + width + 4,
                )
            )
        name = capfirst(label(table.row_dimension, key, frozen))
        rows.append(ChartRow(label=name, y=y, bars=bars))
    return rows


def _reading(table: Table) -> str:
    cells = table.values.cells
    totals = table.values.row_totals or [None] * len(cells)
    if table.column_dimension == "answer":
        best = None
        for (key, frozen), row, total in zip(table.rows, cells, totals, strict=True):
            if total is None:
                continue
            for (answer, _l), value in zip(table.columns, row, strict=True):
                if value is not None and (best is None or value > best[0]):
                    best = (value, total, label(table.row_dimension, key, frozen), answer)
        if best is None:
            return _("There are too few stories yet to say something about this.")
        return _("About %(part)s of the %(total)s stories about %(organisation)s: %(outcome)s.") % {
            "part": best[0],
            "total": best[1],
            "organisation": best[2],
            "outcome": OUTCOMES[(table.key, best[3])],
        }
    shown_rows = [
        (row[0], label(table.row_dimension, key, frozen))
        for (key, frozen), row in zip(table.rows, cells, strict=True)
        if row and row[0] is not None
    ]
    if not shown_rows:
        return _("There are too few to show anything yet; figures under 5 are not shown.")
    if table.row_dimension in ("week", "month"):
        value, name = shown_rows[-1]
        return _("Most recent: %(name)s, about %(value)s.") % {"name": name, "value": value}
    value, name = max(shown_rows, key=lambda item: item[0])
    return _("Largest group: %(name)s, about %(value)s.") % {"name": name, "value": value}


def display(table_json: dict[str, Any]) -> Display:
    table = Table.from_json(table_json)
    values = [list(row) for row in table.values.cells]
    columns = [column_label(table, key, frozen) for key, frozen in table.columns]
    css = [f"bar--{key}" for key, _frozen in table.columns]
    if table.key == "signals":
        # The share is computed from the protected counts, never from raw ones.
        columns.append(_("share who said they called (%)"))
        for row in values:
            row.append(protect_share(row[1], row[0]))
        css.append("bar--share")
    rows = []
    row_totals = table.values.row_totals or [None] * len(values)
    for (key, frozen), row, total in zip(table.rows, values, row_totals, strict=True):
        texts = [shown(v) for v in row]
        if table.key == "signals":
            texts[-1] = _("not shown") if row[-1] is None else str(row[-1])
        rows.append(
            {
                "label": capfirst(label(table.row_dimension, key, frozen)),
                "values": texts,
                "total": shown(total),
                "link": (table.links or {}).get(key, ""),
            }
        )
    chart_values = [row[:2] for row in values] if table.key == "signals" else values
    chart = _chart(table, chart_values, css) if rows and table.key != "statements" else []
    per_row = len(chart_values[0]) * (BAR_HEIGHT + 2) + ROW_GAP if chart_values else 0
    return Display(
        key=table.key,
        title=str(TITLES[table.key]),
        row_header=str(ROW_HEADERS.get(table.row_dimension, "")),
        columns=columns,
        rows=rows,
        totals=[shown(v) for v in table.values.column_totals]
        if table.values.column_totals is not None
        else None,
        grand_total=shown(table.values.grand_total)
        if table.values.row_totals is not None and table.values.column_totals is not None
        else None,
        has_row_totals=table.values.row_totals is not None,
        reading=_reading(table),
        chart=chart,
        chart_height=len(chart) * per_row,
        legend=list(zip(css[: len(chart_values[0]) if chart_values else 0], columns, strict=False)),
    )


def displays(tables: dict[str, Any], keys: list[str]) -> list[Display]:
    return [display(tables[key]) for key in keys if key in tables]


def as_of_text(day: datetime.date | None) -> str:
    if day is None:
        return _("not yet: too few published stories")
    return formats.date_format(day, "j F Y")
