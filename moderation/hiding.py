"""A moderator hides reported content: with a reason, in the audit log, and undoable for a while.

Hiding closes the item's open reports and, when the item was still visible, hides it through
its app's adapter. The audit entry records exactly what it changed (which reports it closed,
whether it hid the item and what restoring needs), so undoing puts back that and nothing else:
the reports reopen in the queue and the item comes back only if this hiding took it away.

The report windows that hiding ends stay ended: their salts are erased at once, by design, and
cannot come back. A reporter who reports the item again after an undo therefore starts a new
window; the reopened reports keep their counts, reasons and notes.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_registry

from moderation import conf
from moderation.models import Decision, HideReason, Report, ReportWindow, reason_label
from moderation.registry import (
    ModerationAdapter,
    Refused,
    adapter_for_model,
    adapter_for_slug,
    adapter_of,
)
from moderation.reports import (
    UNDO_HIDE,
    check_can_moderate,
    check_decision,
    end_windows,
    hidden_by_moderation,
)

if TYPE_CHECKING:
    from wagtail.models import BaseLogEntry

    from moderation.registry import Moderator

HIDE = "kring.moderation.hide"
UNDO = UNDO_HIDE


@transaction.atomic
def do_hide(user: Moderator, item: Model, *, reason: str, note: str = "") -> BaseLogEntry:
    """Hide a reported item and close its open reports; return the audit entry (for undo)."""
    reports = Report.objects.open().for_item(item).select_for_update()
    report_ids = list(reports.values_list("pk", flat=True))
    # After the lock: another moderator's decision a moment ago shows as no open reports.
    check_decision(user, item, "hide")
    if reason not in HideReason.values:
        raise Refused(_("Choose why you hide this."))
    adapter = adapter_of(item)
    changed = not adapter.is_hidden(item)
    hidden = adapter.hide(item, user=user) if changed else hidden_by_moderation(item)
    entry: BaseLogEntry = log(
        item,
        HIDE,
        user=user,
        data={
            "why": note,
            "reason": reason,
            "hidden": hidden,
            "changed": changed,
            "reports": report_ids,
        },
    )
    Report.objects.filter(pk__in=report_ids).update(
        decided_at=timezone.now(), decision=Decision.HIDDEN
    )
    end_windows(ReportWindow.objects.for_item(item).filter(is_open=True))
    return entry


def hide_entry(item: Model, entry_id: str | int) -> BaseLogEntry | None:
    """The audit entry of a moderator's hiding of this item, or None."""
    entries = log_registry.get_logs_for_instance(item)
    entry: BaseLogEntry | None = entries.filter(pk=entry_id, action=HIDE).first()
    return entry


def undo_deadline(entry: BaseLogEntry) -> datetime:
    deadline: datetime = entry.timestamp + timedelta(hours=conf.hide_undo_hours())
    return deadline


def undone(item: Model, entry: BaseLogEntry) -> bool:
    """Whether this hiding was undone already."""
    entries = log_registry.get_logs_for_instance(item)
    return bool(entries.filter(action=UNDO, data__undoes=entry.pk).exists())


def check_undo(user: Moderator, item: Model, entry: BaseLogEntry) -> None:
    adapter = adapter_of(item)
    check_can_moderate(user, adapter)
    title = adapter.title(item)
    if undone(item, entry):
        raise Refused(_("Hiding “%(title)s” was already undone.") % {"title": title})
    if timezone.now() >= undo_deadline(entry):
        raise Refused(
            _(
                "Hiding “%(title)s” can no longer be undone here: that is possible for "
                "%(hours)s hours."
            )
            % {"title": title, "hours": conf.hide_undo_hours()}
        )


@transaction.atomic
def do_undo_hide(user: Moderator, item: Model, entry: BaseLogEntry) -> dict[str, Any]:
    """Put back exactly what this hiding changed: its reports, and the item if it hid it."""
    # One undo at a time per hiding: a second one waits here, then finds it undone.
    entry = type(entry).objects.select_for_update().get(pk=entry.pk)
    check_undo(user, item, entry)
    adapter = adapter_of(item)
    data = entry.data or {}
    # Only what this hiding took away comes back; a removal in a live room meanwhile is no
    # business of this undo, and neither is an item that someone already made visible again.
    restored = bool(data.get("changed")) and adapter.is_hidden(item)
    if restored:
        adapter.restore(item, user=user, hidden=data.get("hidden"))
    reopened = Report.objects.filter(
        pk__in=data.get("reports", []), decision=Decision.HIDDEN
    ).update(decided_at=None, decision="")
    log(item, UNDO, user=user, data={"undoes": entry.pk, "restored": restored})
    return {"restored": restored, "reopened": reopened}


def recent_hides(user: Moderator) -> list[dict[str, Any]]:
    """Moderators' hidings that can still be undone, newest first, for the queue."""
    since = timezone.now() - timedelta(hours=conf.hide_undo_hours())
    rows: list[dict[str, Any]] = []
    for model in log_registry.get_log_entry_models():
        entries = model.objects.filter(action=HIDE, timestamp__gte=since)
        undone_ids = set(
            model.objects.filter(action=UNDO, timestamp__gte=since).values_list(
                "data__undoes", flat=True
            )
        )
        for entry in entries.select_related("user", "content_type"):
            if entry.pk in undone_ids:
                continue
            row = _hide_row(entry, user)
            if row is not None:
                rows.append(row)
    return sorted(rows, key=lambda row: row["entry"].timestamp, reverse=True)


def _hide_row(entry: BaseLogEntry, user: Moderator) -> dict[str, Any] | None:
    model = entry.content_type.model_class()
    adapter = adapter_for_model(model) if model else None
    if adapter is None or not adapter.can_moderate(user):
        return None
    item = adapter.get(entry.object_id)
    if item is None:
        return None  # removed since: nothing left to show again
    data = entry.data or {}
    return {
        "entry": entry,
        "slug": adapter.slug,
        "object_id": str(item.pk),
        "label": adapter.label,
        "title": adapter.title(item),
        "reason": reason_label(data.get("reason", "")),
        "why": data.get("why", ""),
        "deadline": undo_deadline(entry),
    }


def find_hide(
    slug: str, object_id: str, entry_id: int
) -> tuple[ModerationAdapter[Any] | None, Model | None, BaseLogEntry | None]:
    """(adapter, item, entry) from an undo URL; item or entry None when gone or not a hiding."""
    adapter = adapter_for_slug(slug)
    item = adapter.get(object_id) if adapter else None
    entry = hide_entry(item, entry_id) if item is not None else None
    return adapter, item, entry
