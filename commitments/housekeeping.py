"""Work for a timer: reminders to editors about due dates, deleting followers no longer needed."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from commitments import conf, mails
from commitments.models import Commitment, Follower, FollowerLink, Status

EDITORS = "Redactie"


def _editor_addresses() -> list[str]:
    users = get_user_model().objects.filter(groups__name=EDITORS, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _claim(due: list[Commitment], field: str) -> list[Commitment]:
    """Claim each commitment's reminder for its current due date with a conditional UPDATE.

    Two runs at the same moment still send one reminder, and a second run sends none; a
    commitment whose due date moved gets a reminder for the new date.
    """
    claimed = []
    for commitment in due:
        unsent = Q(**{f"{field}__isnull": True}) | ~Q(**{field: commitment.due_date})
        rows = (
            Commitment.objects.filter(unsent, pk=commitment.pk, due_date=commitment.due_date)
            .exclude(status=Status.DONE)
            .update(**{field: commitment.due_date})
        )
        if rows:
            claimed.append(commitment)
    return claimed


def send_reminders(today: datetime.date | None = None) -> dict[str, int]:
    """Tell the editors which commitments fall due within the lead time and which are late."""
    today = today or timezone.localdate()
    open_ = Commitment.objects.exclude(status=Status.DONE).select_related("panel__page")
    soon = open_.filter(
        due_date__gte=today,
        due_date__lte=today + datetime.timedelta(days=conf.reminder_lead_days()),
    )
    late = open_.filter(due_date__lt=today)
    before = _claim(list(soon.exclude(reminded_before=F("due_date"))), "reminded_before")
    overdue = _claim(list(late.exclude(reminded_overdue=F("due_date"))), "reminded_overdue")
    if before or overdue:
        for email in _editor_addresses():
            mails.send_editor_reminder(email, before, overdue)
    return {"before": len(before), "overdue": len(overdue)}


def purge(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete followers no longer needed; return how many went, by reason.

    - followers of a commitment done more than the retention period ago;
    - followers who stopped following more than the retention period ago (their address was
      erased when they did);
    - unconfirmed followers whose confirmation links have all expired;
    - expired confirmation links.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=conf.follower_retention_days())
    done = Follower.objects.filter(commitment__done_at__lt=cutoff)
    left = Follower.objects.filter(unsubscribed_at__lt=cutoff)
    live_link = FollowerLink.objects.filter(
        purpose=FollowerLink.Purpose.CONFIRM, expires_at__gt=now
    ).values("follower_id")
    unconfirmed = Follower.objects.filter(
        confirmed_at__isnull=True,
        unsubscribed_at__isnull=True,
        created_at__lt=now - conf.confirm_link_lifetime(),
    ).exclude(pk__in=live_link)
    counts = {"done": _delete(done), "left": _delete(left), "unconfirmed": _delete(unconfirmed)}
    FollowerLink.objects.filter(expires_at__lte=now).delete()
    return counts


def _delete(followers: QuerySet[Follower]) -> int:
    _total, per_model = followers.delete()
    return per_model.get(Follower._meta.label, 0)
