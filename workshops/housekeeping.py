"""Work for a timer: reminders the day before, deleting registrations no longer needed."""

from datetime import datetime, timedelta

from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from workshops import conf, mails
from workshops.models import Registration, RegistrationLink
from workshops.models.registrations import RegistrationQuerySet

Status = Registration.Status
Purpose = RegistrationLink.Purpose


def send_reminders(now: datetime | None = None) -> int:
    """Remind everyone with a seat in a session that starts within the reminder lead time.

    Each registration is claimed with a conditional UPDATE before its mail is queued, so two
    runs at the same moment still send one reminder, and a second run sends none. People who
    got their seat within the lead time are skipped: their confirmation mail just said it all.
    """
    now = now or timezone.now()
    lead = conf.reminder_lead()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminded_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + lead,
        seated_at__lte=F("session__starts_at") - lead,
    ).select_related("session__page")
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(
            pk=registration.pk, status=Status.CONFIRMED, reminded_at__isnull=True
        ).update(reminded_at=now)
        if not claimed:
            continue
        token = RegistrationLink.issue(registration, Purpose.MANAGE)
        mails.send_reminder(registration, token)
        sent += 1
    return sent


def purge(now: datetime | None = None) -> dict[str, int]:
    """Delete what is no longer needed; return how many registrations went.

    - every registration of a session that ended more than the retention period ago;
    - unconfirmed registrations whose confirmation links have all expired;
    - expired confirmation links.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.retention_days())
    after_session = Registration.objects.filter(session__ends_at__lt=cutoff)
    live_link = RegistrationLink.objects.filter(
        registration=OuterRef("pk"), purpose=Purpose.CONFIRM, expires_at__gt=now
    )
    unconfirmed = Registration.objects.filter(status=Status.PENDING).filter(~Exists(live_link))
    counts = {"after_session": _delete(after_session), "unconfirmed": _delete(unconfirmed)}
    RegistrationLink.objects.filter(expires_at__lte=now).delete()
    return counts


def _delete(registrations: RegistrationQuerySet) -> int:
    _total, per_model = registrations.delete()
    return per_model.get(Registration._meta.label, 0)
