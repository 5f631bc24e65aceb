"""Reports and moderators' decisions: check_* validates, do_* changes, mails go after commit."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from community.mail import queue_mail
from moderation.models import Decision, ModerationSettings, Report
from moderation.registry import adapter_for_model

HIDE_ACTIONS = ["kring.moderation.auto_hide", "kring.moderation.hide"]

ACTIONS = {
    "dismiss": Decision.DISMISSED,
    "hide": Decision.HIDDEN,
    "remove": Decision.REMOVED,
    "restore": Decision.RESTORED,
}


def _content_type(item):
    return ContentType.objects.get_for_model(item, for_concrete_model=False)


def open_reporter_count(item):
    return Report.objects.open().for_item(item).values("reporter_key").distinct().count()


@transaction.atomic
def do_report(item, *, reason, note, reporter_key):
    """Record a report; hide the item once enough different people reported it.

    Returns True when the report counted, False when this reporter had already reported it.
    """
    try:
        with transaction.atomic():
            Report.objects.create(
                content_type=_content_type(item),
                object_id=str(item.pk),
                reason=reason,
                note=note,
                reporter_key=reporter_key,
            )
    except IntegrityError:
        return False

    adapter = adapter_for_model(type(item))
    threshold = ModerationSettings.load().auto_hide_threshold
    if not adapter.is_hidden(item) and open_reporter_count(item) >= threshold:
        hidden = adapter.hide(item, user=None)
        log(item, "kring.moderation.auto_hide", data={"reports": threshold, "hidden": hidden})
        email = adapter.author_email(item)
        if email:
            transaction.on_commit(
                lambda: queue_mail("moderation/mail/hidden", email, {"title": adapter.title(item)})
            )
    return True


def hidden_by_moderation(item):
    """What hiding this item recorded, if moderation hid it and has not restored it since."""
    entry = (
        _log_entries(item).filter(action__in=[*HIDE_ACTIONS, "kring.moderation.restore"]).first()
    )
    if entry is None or entry.action == "kring.moderation.restore":
        return None
    return entry.data.get("hidden")


def _log_entries(item):
    from wagtail.log_actions import registry as log_registry

    return log_registry.get_logs_for_instance(item).order_by("-timestamp", "-id")


def check_decision(item, action):
    """Moderators decide on reported items only, and only restore what moderation hid."""
    if not Report.objects.open().for_item(item).exists():
        raise PermissionDenied("no open reports on this item")
    if action == "restore" and hidden_by_moderation(item) is None:
        raise PermissionDenied("this item was not hidden by moderation")


@transaction.atomic
def do_decide(item, action, *, user, why=""):
    """A moderator's decision on a reported item: every open report on it is closed with it."""
    check_decision(item, action)
    decision = ACTIONS[action]
    adapter = adapter_for_model(type(item))
    data = {"why": why}
    if decision == Decision.HIDDEN:
        already = adapter.is_hidden(item)
        data["hidden"] = hidden_by_moderation(item) if already else adapter.hide(item, user=user)
    elif decision == Decision.RESTORED:
        adapter.restore(item, user=user, hidden=hidden_by_moderation(item))
    # Log before removing: the audit entry must name what was removed.
    log(item, f"kring.moderation.{action}", user=user, data=data)
    Report.objects.open().for_item(item).update(decided_at=timezone.now(), decision=decision)
    if decision == Decision.REMOVED:
        adapter.remove(item, user=user)


def queue():
    """Reported items waiting for a decision, most reported first, with their reasons."""
    rows = {}
    for report in Report.objects.open().select_related("content_type").order_by("created_at"):
        key = (report.content_type_id, report.object_id)
        row = rows.get(key)
        if row is None:
            model = report.content_type.model_class()
            adapter = adapter_for_model(model) if model else None
            item = adapter.get(report.object_id) if adapter else None
            if item is None:
                continue
            row = rows[key] = {
                "item": item,
                "adapter": adapter,
                "slug": adapter.slug,
                "object_id": report.object_id,
                "reports": [],
                "reporters": set(),
                "oldest": report.created_at,
                "hidden": adapter.is_hidden(item),
                "title": adapter.title(item),
                "excerpt": adapter.excerpt(item),
                "url": adapter.public_url(item),
            }
        row["reports"].append(report)
        row["reporters"].add(report.reporter_key)
    result = list(rows.values())
    for row in result:
        row["count"] = len(row["reporters"])
        del row["reporters"]
    return sorted(result, key=lambda row: (-row["count"], row["oldest"]))
