"""Reports and moderators' decisions: check_* validates, do_* changes, mails go after commit."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from community.mail import queue_mail
from moderation import conf
from moderation.models import Decision, ModerationSettings, Report, ReportWindow
from moderation.registry import ModerationAdapter, Refused, adapter_of
from moderation.reporters import Origin

if TYPE_CHECKING:
    from wagtail.models import BaseLogEntry

    from moderation.registry import Hidden, Moderator

HIDE_ACTIONS = ["kring.moderation.auto_hide", "kring.moderation.hide"]
UNDO_HIDE = "kring.moderation.undo_hide"

ACTIONS = {
    "dismiss": Decision.DISMISSED,
    "hide": Decision.HIDDEN,
    "remove": Decision.REMOVED,
    "restore": Decision.RESTORED,
}


def _content_type(item: Model) -> ContentType:
    return ContentType.objects.get_for_model(item, for_concrete_model=False)


def end_windows(windows: QuerySet[ReportWindow]) -> int:
    """Stop counting in these windows and erase their salts: their keys now name nobody."""
    return windows.update(is_open=False, salt="")


def _current_window(item: Model, now: datetime) -> ReportWindow:
    """The item's open report window, a new one if it has none or the last one ran out.

    Should be called inside a transaction: the window row is locked while a report is counted.
    """
    windows = ReportWindow.objects.for_item(item).filter(is_open=True)
    window = windows.select_for_update().first()
    if window is not None and window.closes_at > now:
        return window
    if window is not None:
        end_windows(ReportWindow.objects.filter(pk=window.pk))
    try:
        with transaction.atomic():
            window = ReportWindow.objects.create(
                content_type=_content_type(item),
                object_id=str(item.pk),
                opened_at=now,
                closes_at=now + timedelta(hours=conf.report_window_hours()),
                salt=secrets.token_hex(32),
            )
    except IntegrityError:
        # Another report opened the window at the same moment.
        window = windows.select_for_update().get()
    return window


def threshold_reached(window: ReportWindow, threshold: int) -> bool:
    """Enough different reporters, and not all from one network (IPv4 /24, IPv6 /48)."""
    reports = window.reports.filter(decided_at__isnull=True)
    reporters = reports.values("reporter_key").distinct().count()
    networks = reports.values("network_key").distinct().count()
    return reporters >= threshold and networks >= min(conf.report_min_networks(), threshold)


@transaction.atomic
def do_report(origin: Origin, item: Model, *, reason: str, note: str) -> bool:
    """Record a report; once enough different people from more than one network reported the
    item within one window, hide it (or, for kinds that are never hidden on reports alone, flag
    it) and put it at the top of the queue.

    Returns True when the report counted, False when this reporter had already reported it.
    """
    now = timezone.now()
    window = _current_window(item, now)
    reporter_key, network_key = origin.keys(window.salt)
    try:
        with transaction.atomic():
            Report.objects.create(
                content_type=_content_type(item),
                object_id=str(item.pk),
                reason=reason,
                note=note,
                window=window,
                reporter_key=reporter_key,
                network_key=network_key,
            )
    except IntegrityError:
        return False

    threshold = ModerationSettings.load().auto_hide_threshold
    if window.reached_at is None and threshold_reached(window, threshold):
        window.reached_at = now
        window.save(update_fields=["reached_at"])
        _act_on_reports(item, threshold)
    return True


def _act_on_reports(item: Model, threshold: int) -> None:
    adapter = adapter_of(item)
    if adapter.is_hidden(item):
        return
    if not adapter.hide_on_reports:
        log(item, "kring.moderation.flag", data={"reports": threshold})
        return
    hidden = adapter.hide(item, user=None)
    log(item, "kring.moderation.auto_hide", data={"reports": threshold, "hidden": hidden})
    email = adapter.author_email(item)
    if email:
        transaction.on_commit(
            lambda: queue_mail("moderation/mail/hidden", email, {"title": adapter.title(item)})
        )


def flagged_by_reports(item: Model) -> bool:
    """Whether enough people reported the item that moderators must look at it first."""
    return Report.objects.open().for_item(item).filter(window__reached_at__isnull=False).exists()


def hidden_by_moderation(item: Model) -> Hidden | None:
    """What hiding this item recorded, if moderation hid it and has not restored it since.

    A hiding that was undone (moderation/hiding.py) no longer counts: the one before it does.
    """
    entries = _log_entries(item).filter(
        action__in=[*HIDE_ACTIONS, "kring.moderation.restore", UNDO_HIDE]
    )
    undone: set[int | None] = set()
    for entry in entries:
        if entry.action == UNDO_HIDE:
            undone.add((entry.data or {}).get("undoes"))
        elif entry.pk not in undone:
            if entry.action == "kring.moderation.restore":
                return None
            hidden: Hidden | None = entry.data.get("hidden")
            return hidden
    return None


def _log_entries(item: Model) -> QuerySet[BaseLogEntry]:
    from wagtail.log_actions import registry as log_registry

    entries: QuerySet[BaseLogEntry] = log_registry.get_logs_for_instance(item)
    return entries.order_by("-timestamp", "-id")


def check_can_moderate(user: Moderator, adapter: ModerationAdapter[Any]) -> None:
    """The queue's permission is checked by its view; some kinds of content ask for more."""
    if not adapter.can_moderate(user):
        raise PermissionDenied("not allowed to moderate this kind of content")


def check_decision(user: Moderator, item: Model, action: str) -> None:
    """Moderators decide on reported items only, and only restore what moderation hid."""
    adapter = adapter_of(item)
    check_can_moderate(user, adapter)
    if action not in ACTIONS:
        raise Refused(_("This cannot be done with this item now."))
    if not Report.objects.open().for_item(item).exists() or (
        action == "restore" and hidden_by_moderation(item) is None
    ):
        raise Refused(
            _(
                "“%(title)s” cannot be changed from the queue: it has no open reports, or "
                "moderation did not hide it."
            )
            % {"title": adapter.title(item)}
        )


@transaction.atomic
def do_decide(
    user: Moderator, item: Model, action: str, *, why: str = "", reason: str = ""
) -> None:
    """A moderator's decision on a reported item: every open report on it is closed with it."""
    # Two moderators deciding at once: the second waits here and then finds no open report.
    list(Report.objects.open().for_item(item).select_for_update())
    check_decision(user, item, action)
    decision = ACTIONS[action]
    adapter = adapter_of(item)
    data: dict[str, Any] = {"why": why}
    if reason:
        data["reason"] = reason
    if decision == Decision.HIDDEN:
        already = adapter.is_hidden(item)
        data["hidden"] = hidden_by_moderation(item) if already else adapter.hide(item, user=user)
    elif decision == Decision.RESTORED:
        adapter.restore(item, user=user, hidden=hidden_by_moderation(item))
    # Log before removing: the audit entry must name what was removed.
    log(item, f"kring.moderation.{action}", user=user, data=data)
    Report.objects.open().for_item(item).update(decided_at=timezone.now(), decision=decision)
    end_windows(ReportWindow.objects.for_item(item).filter(is_open=True))
    if decision == Decision.REMOVED:
        adapter.remove(item, user=user)


def check_action(user: Moderator, item: Model, action: str, why: str) -> ModerationAdapter[Any]:
    """An action of the item's own app (see ModerationAdapter.actions): allowed now, and why."""
    adapter = adapter_of(item)
    check_can_moderate(user, adapter)
    if action not in adapter.allowed_actions(item):
        raise Refused(_("This cannot be done with this item now."))
    if adapter.actions[action].needs_why and not why:
        raise Refused(_("Write down why: the audit log keeps it."))
    return adapter


def do_moderate(user: Moderator, item: Model, action: str, *, why: str = "") -> None:
    """What a moderator chose in the queue: the item's own action if it has one by that name
    now (posting a held message), otherwise a decision on its open reports."""
    adapter = adapter_of(item)
    check_can_moderate(user, adapter)
    if action in adapter.allowed_actions(item):
        check_action(user, item, action, why)
        adapter.act(item, action, user=user, why=why)
    elif action in ACTIONS and Report.objects.open().for_item(item).exists():
        do_decide(user, item, action, why=why)
    else:
        raise Refused(
            _("This cannot be done with “%(title)s” now. Someone may have acted on it meanwhile.")
            % {"title": adapter.title(item)}
        )
