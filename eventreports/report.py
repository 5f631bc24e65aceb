"""An event's report as data: what its page, its CSV and its JSON all show.

Every count goes through figures.aggregation (suppression under 5, rounding to 5, no
complementary cell) before it gets here, and the page and both downloads are made from the
same `Report`, so they cannot disagree (tests/eventreports compares them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eventreports import sources
from eventreports.models import ReportQuestion
from figures.aggregation import protect, protect_series, protect_share
from figures.display import shown

if TYPE_CHECKING:
    from live.models import LiveRoom, Statement
    from workshops.models import EventPage


@dataclass
class Figure:
    """One published number: its key (for the downloads), its label and how it reads."""

    key: str
    label: str
    value: int | None
    share: int | None = None
    part_of: str = ""  # a sub-row of another figure (the reasons for declining)

    @property
    def text(self) -> str:
        return shown(self.value)

    @property
    def share_text(self) -> str:
        return "" if self.share is None else f"{self.share} %"


DECLINE_REASONS = {
    "off_topic": gettext_lazy("declined: off topic"),
    "already_asked": gettext_lazy("declined: already asked"),
    "identifying": gettext_lazy("declined: could identify someone"),
    "hurtful": gettext_lazy("declined: hurtful"),
    "other": gettext_lazy("declined: other reason"),
}


@dataclass
class StatementResult:
    text: str
    figures: list[Figure]
    total: Figure
    split: Any = None  # live.voices.split_by_role(statement)


@dataclass
class QuestionItem:
    text: str
    status: str
    answer: str = ""
    answered_by: str = ""
    answered_on: date | None = None
    due_on: date | None = None
    overdue: bool = False


@dataclass
class PanelReport:
    pk: int
    title: str
    statements: list[StatementResult]
    answered_live: list[QuestionItem]
    answered_written: list[QuestionItem]
    overdue: list[QuestionItem]
    waiting: list[QuestionItem]
    question_figures: list[Figure]
    received: Figure
    chat_figures: list[Figure]
    commitments: list[Any] | None = None

    @property
    def has_questions(self) -> bool:
        return bool(self.answered_live or self.answered_written or self.overdue or self.waiting)


@dataclass
class Report:
    event: Any
    panels: list[PanelReport] = field(default_factory=list)
    finished: bool = False
    rooms_open: bool = False
    due_dates: list[date] = field(default_factory=list)

    def records(self) -> list[list[str]]:
        """The report as rows of text, header first: what the CSV holds."""
        rows = [[_("panel"), _("section"), _("item"), _("measure"), _("value")]]
        for panel in self.panels:
            for statement in panel.statements:
                for figure in [*statement.figures, statement.total]:
                    rows.append(
                        [panel.title, _("statement"), statement.text, figure.label, figure.text]
                    )
                    if figure.share is not None:
                        rows.append(
                            [
                                panel.title,
                                _("statement"),
                                statement.text,
                                f"{figure.label} (%)",
                                str(figure.share),
                            ]
                        )
                for role, shares in split_rows(statement.split):
                    for measure, value in shares:
                        rows.append(
                            [
                                panel.title,
                                _("statement"),
                                statement.text,
                                f"{role}: {measure}",
                                value,
                            ]
                        )
            for figure in [panel.received, *panel.question_figures, *panel.chat_figures]:
                rows.append([panel.title, _("moderation"), "", figure.label, figure.text])
            for item in [
                *panel.answered_live,
                *panel.answered_written,
                *panel.overdue,
                *panel.waiting,
            ]:
                rows.append([panel.title, _("question"), item.text, item.status, item.answer])
            for commitment in panel.commitments or []:
                rows.append(
                    [
                        panel.title,
                        _("commitment"),
                        commitment.what,
                        commitment.who,
                        *_due(commitment),
                    ]
                )
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "event": self.event.title,
            "finished": self.finished,
            "note": _("Counts are rounded to 5; fewer than 5 is not shown."),
            "panels": [
                {
                    "title": panel.title,
                    "statements": [
                        {
                            "text": statement.text,
                            "total": statement.total.text,
                            "votes": {
                                figure.key: {"count": figure.text, "share": figure.share}
                                for figure in statement.figures
                            },
                            "by_role": statement.split.as_dict() if statement.split else None,
                        }
                        for statement in panel.statements
                    ],
                    "moderation": {
                        figure.key: figure.text
                        for figure in [panel.received, *panel.question_figures, *panel.chat_figures]
                    },
                    "commitments": None
                    if panel.commitments is None
                    else [
                        {
                            "what": commitment.what,
                            "who": commitment.who,
                            "due": commitment.due_date.isoformat(),
                            "status": str(commitment.shown.label),
                        }
                        for commitment in panel.commitments
                    ],
                    "questions": [
                        {
                            "text": item.text,
                            "status": item.status,
                            "answer": item.answer,
                            "answered_by": item.answered_by,
                            "answered_on": item.answered_on.isoformat()
                            if item.answered_on
                            else None,
                            "due_on": item.due_on.isoformat() if item.due_on else None,
                        }
                        for item in [
                            *panel.answered_live,
                            *panel.answered_written,
                            *panel.overdue,
                            *panel.waiting,
                        ]
                    ],
                }
                for panel in self.panels
            ],
        }


def _due(commitment: Any) -> list[str]:
    """A commitment's status and due date in one cell, as the page reads them."""
    return [f"{commitment.shown.label}, {formats.date_format(commitment.due_date, 'j F Y')}"]


def split_rows(split: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """A role split as the CSV writes it: per role, its shares or "too few votes"."""
    if split is None:
        return []
    rows = []
    for row in split.roles:
        if row.suppressed:
            rows.append((row.label, [(_("votes"), _("too few votes"))]))
        else:
            rows.append(
                (
                    row.label,
                    [
                        (f"{_('agree')} (%)", str(row.agree)),
                        (f"{_('disagree')} (%)", str(row.disagree)),
                        (f"{_('neutral')} (%)", str(row.neutral)),
                    ],
                )
            )
    return rows


def _statement(statement: Statement) -> StatementResult:
    labels = {"agree": _("agree"), "disagree": _("disagree"), "neutral": _("neutral")}
    counts = statement.stored_counts()
    table = protect([[counts[key] for key in labels]], row_totals=True)
    total = table.row_totals[0] if table.row_totals else None
    figures = [
        Figure(key, label, value, protect_share(value, total))
        for (key, label), value in zip(labels.items(), table.cells[0], strict=True)
    ]
    return StatementResult(
        text=statement.text,
        figures=figures,
        total=Figure("total", _("votes"), total),
        split=sources.statement_split(statement),
    )


def _item(entry: ReportQuestion) -> QuestionItem:
    return QuestionItem(
        text=entry.text,
        status=entry.get_status_display() if not entry.is_overdue else _("not answered yet"),
        answer=entry.answer if entry.status == ReportQuestion.Status.WRITTEN else "",
        answered_by=entry.answered_by if entry.status == ReportQuestion.Status.WRITTEN else "",
        answered_on=entry.answered_at.date() if entry.answered_at else None,
        due_on=entry.due_on,
        overdue=entry.is_overdue,
    )


def _moderation(
    room: LiveRoom | None, written: int, waiting: int
) -> tuple[Figure, list[Figure], list[Figure]]:
    counts = sources.moderation_counts(room, written, waiting) if room else None
    question_keys = [
        ("answered_live", _("answered during the panel")),
        ("answered_written", _("answered in writing")),
        ("waiting", _("waiting for an answer")),
        ("declined", _("not published by a moderator")),
        ("pending", _("never reviewed")),
    ]
    raw = [getattr(counts, key) if counts else 0 for key, _label in question_keys]
    table = protect([raw], row_totals=True)
    assert table.row_totals is not None  # asked for above
    received = Figure("received", _("questions received"), table.row_totals[0])
    questions = [
        Figure(key, label, value)
        for (key, label), value in zip(question_keys, table.cells[0], strict=True)
    ]
    if counts and counts.declined_by_reason and questions[3].value is not None:
        reasons = list(counts.declined_by_reason.items())
        line = protect([[count for _key, count in reasons]], row_totals=True)
        questions[4:4] = [
            Figure(f"declined_{key}", str(DECLINE_REASONS.get(key, key)), value, part_of="declined")
            for (key, _count), value in zip(reasons, line.cells[0], strict=True)
        ]
    chat = protect_series([counts.chat_held if counts else 0, counts.chat_removed if counts else 0])
    chat_figures = [
        Figure("chat_held", _("chat messages held for a moderator"), chat[0]),
        Figure("chat_removed", _("chat messages removed"), chat[1]),
    ]
    return received, questions, chat_figures


def build(event: EventPage) -> Report:
    """The report of an event page (its panels in programme order)."""
    from live.models import LiveRoom, Statement

    report = Report(event=event)
    panels = list(event.panels.all())
    rooms = {room.panel_id: room for room in LiveRoom.objects.filter(panel__in=panels)}
    entries = ReportQuestion.objects.filter(panel__in=panels).order_by("asked_at", "pk")
    by_panel: dict[int | None, list[ReportQuestion]] = {}
    for entry in entries:
        by_panel.setdefault(entry.panel_id, []).append(entry)
    for panel in panels:
        room = rooms.get(panel.pk)
        own = by_panel.get(panel.pk, [])
        items: dict[str, list[QuestionItem]] = {
            status: [] for status in ("live", "written", "overdue", "waiting")
        }
        for entry in own:
            key = "overdue" if entry.is_overdue else entry.status
            items[key].append(_item(entry))
            if entry.status == ReportQuestion.Status.WAITING:
                report.due_dates.append(entry.due_on)
        statements = (
            list(room.statements.filter(status=Statement.Status.CLOSED).order_by("closed_at", "pk"))
            if room
            else []
        )
        received, question_figures, chat_figures = _moderation(
            room, len(items["written"]), len(items["overdue"]) + len(items["waiting"])
        )
        if room is not None and not room.is_closed:
            report.rooms_open = True
        report.panels.append(
            PanelReport(
                pk=panel.pk,
                title=panel.title,
                statements=[_statement(statement) for statement in statements],
                answered_live=items["live"],
                answered_written=items["written"],
                overdue=items["overdue"],
                waiting=items["waiting"],
                question_figures=question_figures,
                received=received,
                chat_figures=chat_figures,
                commitments=sources.panel_commitments(panel),
            )
        )
    today = timezone.localdate()
    report.finished = (
        not report.rooms_open
        and all(day < today for day in report.due_dates)
        and not event.sessions.filter(ends_at__gte=timezone.now()).exists()
    )
    return report
