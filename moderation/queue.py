"""What waits for moderators: reported items, held items and stories in review, in one list.

Each row carries what the queue shows (title, excerpt, the item in its context) and what a
moderator may do with it now. A moderator only sees the kinds of content they may act on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.db.models import Model
from django.urls import reverse
from wagtail.models import WorkflowState

from moderation.models import Report
from moderation.registry import ModerationAdapter, adapter_for_model, adapters
from moderation.reports import ACTIONS

if TYPE_CHECKING:
    from moderation.registry import Moderator


Row = dict[str, Any]


def item_row(adapter: ModerationAdapter[Any], item: Model) -> Row:
    """What the hide and undo pages show of an item: as its queue row shows it, without actions."""
    row = _row(adapter, item, None, details=False)
    row["context"] = adapter.context(item)
    return row


def _row(
    adapter: ModerationAdapter[Any],
    item: Model,
    since: datetime | None,
    details: bool,
    exclude: Iterable[str] = (),
) -> Row:
    row: Row = {
        "item": item,
        "adapter": adapter,
        "slug": adapter.slug,
        "object_id": str(item.pk),
        "oldest": since,
        "hidden": adapter.is_hidden(item),
        "title": adapter.title(item),
        "excerpt": adapter.excerpt(item),
        "url": adapter.public_url(item),
    }
    if details:
        row["context"] = adapter.context(item)
        names = [name for name in adapter.allowed_actions(item) if name not in exclude]
        row["actions"] = [(name, adapter.actions[name]) for name in names]
        row["needs_why"] = [action.label for _name, action in row["actions"] if action.needs_why]
    return row


def reported(user: Moderator, details: bool = True) -> list[Row]:
    """Reported items waiting for a decision, with their reasons: first what enough reports hid
    or flagged, then the most reported."""
    rows: dict[tuple[int, str], Row] = {}
    reporters: dict[tuple[int, str], set[str]] = {}
    reports = Report.objects.open().select_related("content_type", "window")
    for report in reports.order_by("created_at"):
        key = (report.content_type_id, report.object_id)
        row = rows.get(key)
        if row is None:
            model = report.content_type.model_class()
            adapter = adapter_for_model(model) if model else None
            if adapter is None or not adapter.can_moderate(user):
                continue
            item = adapter.get(report.object_id)
            if item is None:
                continue
            # The decisions on reports have their own buttons.
            row = rows[key] = _row(adapter, item, report.created_at, details, exclude=ACTIONS)
            row["reports"] = []
            row["urgent"] = False
            reporters[key] = set()
        row["reports"].append(report)
        # Enough people reported it: hidden (or flagged) until a moderator decides.
        row["urgent"] = row["urgent"] or bool(report.window and report.window.reached_at)
        reporters[key].add(report.reporter_key)
    for key, row in rows.items():
        row["count"] = len(reporters[key])
        row["reasons"] = list(Counter(r.get_reason_display() for r in row["reports"]).items())
        row["notes"] = [report.note for report in row["reports"] if report.note]
    return sorted(rows.values(), key=lambda row: (not row["urgent"], -row["count"], row["oldest"]))


def held(user: Moderator, details: bool = True) -> list[Row]:
    """Items held back before anyone saw them (chat messages with contact details), oldest first."""
    rows: list[Row] = []
    for adapter in adapters():
        if adapter.can_moderate(user):
            rows += [
                _row(adapter, item, adapter.waiting_since(item), details) for item in adapter.held()
            ]
    return sorted(rows, key=lambda row: row["oldest"])


def waits_outside_admin(state: WorkflowState) -> bool:
    """Whether a workflow waits for someone outside the admin (a story's author), not moderators.

    A task class says so with `outside_admin = True` (stories.workflow.AuthorConsentTask), so
    moderation needs to know nothing of the apps whose workflows it counts.
    """
    task_state = state.current_task_state
    return bool(task_state and getattr(task_state.task.specific_class, "outside_admin", False))


def by_task(states: list[WorkflowState], outside: bool) -> list[Row]:
    """Workflows in review per current step, each with a link to Wagtail's list of that step."""
    tasks: dict[int, Row] = {}
    for state in states:
        task = state.current_task_state.task if state.current_task_state else None
        if task is not None:
            tasks.setdefault(task.pk, {"task": task, "count": 0})["count"] += 1
    report = reverse("wagtailadmin_reports:workflow_tasks")
    rows = sorted(tasks.values(), key=lambda row: row["task"].name)
    for row in rows:
        row["outside"] = outside
        row["url"] = f"{report}?{urlencode({'task': row['task'].pk, 'status': 'in_progress'})}"
    return rows


def waiting_summary(user: Moderator, details: bool = True) -> dict[str, Any]:
    """How much waits for this moderator, and since when: for the queue and the dashboard.

    `details` adds what only the queue shows: each item in its context and its actions.
    Workflows that wait for a story's author are listed apart: they wait for nobody here.
    """
    reported_rows = reported(user, details)
    held_rows = held(user, details)
    states = WorkflowState.objects.active().select_related("current_task_state__task")
    in_review: list[WorkflowState] = []
    with_author: list[WorkflowState] = []
    for state in states.order_by("current_task_state__started_at"):
        (with_author if waits_outside_admin(state) else in_review).append(state)
    oldest = [row["oldest"] for row in reported_rows + held_rows]
    oldest += [
        state.current_task_state.started_at for state in in_review if state.current_task_state
    ]
    return {
        "reported": reported_rows,
        "held": held_rows,
        "in_review": in_review,
        "with_author": with_author,
        "review_steps": by_task(in_review, outside=False) + by_task(with_author, outside=True),
        "count": len(reported_rows) + len(held_rows) + len(in_review),
        "oldest": min(oldest) if oldest else None,
    }
