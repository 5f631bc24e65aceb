"""What officials and organisations committed to during a panel, and the dated updates on it."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Revision, RevisionMixin


class Status(models.TextChoices):
    """What editors set. "Te laat" is not among them: it is derived (see `Commitment.shown`)."""

    OPEN = "open", pgettext_lazy("commitment status", "open")
    IN_PROGRESS = "bezig", pgettext_lazy("commitment status", "in progress")
    DONE = "gedaan", pgettext_lazy("commitment status", "done")


class Shown(models.TextChoices):
    """The status a visitor sees: an editor's status, or "late" once the due date has passed."""

    OPEN = "open", pgettext_lazy("commitment status", "open")
    IN_PROGRESS = "bezig", pgettext_lazy("commitment status", "in progress")
    DONE = "gedaan", pgettext_lazy("commitment status", "done")
    LATE = "te-laat", pgettext_lazy("commitment status", "late")


class Role(models.TextChoices):
    ADMINISTRATOR = "bestuurder", _("administrator (mayor, alderman)")
    COUNCILLOR = "raadslid", _("council member")
    POLICY_MAKER = "beleidsmaker", _("policy maker or civil servant")
    ORGANISATION = "organisatie", _("organisation or agency")


def today() -> datetime.date:
    return timezone.localdate()


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def published(self) -> CommitmentQuerySet:
        return self.filter(published=True)

    def overdue(self, on: datetime.date | None = None) -> CommitmentQuerySet:
        """Not done, and the due date (the last day to do it) lies before `on` (today)."""
        return self.exclude(status=Status.DONE).filter(due_date__lt=on or today())

    def not_overdue(self, on: datetime.date | None = None) -> CommitmentQuerySet:
        return self.filter(Q(status=Status.DONE) | Q(due_date__gte=on or today()))

    def shown_as(self, shown: str, on: datetime.date | None = None) -> CommitmentQuerySet:
        """The commitments a visitor sees with status `shown` (a `Shown` value)."""
        if shown == Shown.LATE:
            return self.overdue(on)
        return self.not_overdue(on).filter(status=shown)

    def in_order(self) -> CommitmentQuerySet:
        return self.order_by("due_date", "pk")


class Commitment(RevisionMixin, ClusterableModel):
    """One commitment, made in a panel by someone in a role at an organisation.

    The panel may go when an editor rewrites the programme; the commitment stays, with the
    event and panel titles it was made under.
    """

    panel = models.ForeignKey(
        "workshops.EventPanel",
        verbose_name=_("panel"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        help_text=_("The panel in which the commitment was made."),
    )
    event_title = models.CharField(_("event"), max_length=255, blank=True, editable=False)
    panel_title = models.CharField(_("panel title"), max_length=200, blank=True, editable=False)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.CharField(
        pgettext_lazy("commitment", "organisation"),
        max_length=200,
        help_text=_("E.g. Gemeente Utrecht, Veilig Thuis."),
    )
    person_name = models.CharField(
        _("name of the person"),
        max_length=200,
        blank=True,
        help_text=_("Only with their consent. Leave empty to show the role and organisation only."),
    )
    name_consent = models.BooleanField(
        _("the person agreed to show their name"),
        default=False,
        help_text=_("Tick only when the person said yes to their name on the public page."),
    )
    name_consent_at = models.DateTimeField(
        _("consent recorded at"), null=True, blank=True, editable=False
    )
    what = models.TextField(_("what was committed to"), max_length=1000)
    due_date = models.DateField(_("due date"), help_text=_("The last day to do it."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True, editable=False)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public commitments page.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The due date each reminder to editors was sent for: a moved due date gets its own.
    reminded_before = models.DateField(null=True, blank=True, editable=False)
    reminded_overdue = models.DateField(null=True, blank=True, editable=False)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person_name="") | Q(name_consent=True),
                name="commitments_name_only_with_consent",
            )
        ]
        indexes = [models.Index(fields=["published", "due_date"], name="commitments_pub_due")]

    def __str__(self) -> str:
        what = self.what if len(self.what) <= 60 else self.what[:59] + "…"
        return f"{self.organisation}: {what}"

    def clean(self) -> None:
        super().clean()
        if self.person_name.strip() and not self.name_consent:
            raise ValidationError(
                {
                    "person_name": _(
                        "A name is only shown with the person's consent. Tick the consent box, "
                        "or leave the name empty."
                    )
                }
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.person_name = self.person_name.strip()
        if self.panel_id is not None:
            panel = self.panel
            self.panel_title = panel.title
            self.event_title = panel.page.title
        if self.name_consent and self.name_consent_at is None:
            self.name_consent_at = timezone.now()
        elif not self.name_consent:
            self.name_consent_at = None
        if self.status == Status.DONE and self.done_at is None:
            self.done_at = timezone.now()
        elif self.status != Status.DONE:
            self.done_at = None
        super().save(*args, **kwargs)
        if not self.person_name:
            self._forget_name_in_revisions()

    def _forget_name_in_revisions(self) -> None:
        """A name shown without consent any more must not linger in older revisions either."""
        for revision in Revision.objects.for_instance(self).exclude(content__person_name=""):
            revision.content["person_name"] = ""
            revision.content["name_consent"] = False
            revision.save(update_fields=["content"])

    # What visitors see ---------------------------------------------------------------------

    @property
    def is_overdue(self) -> bool:
        return bool(self.status != Status.DONE and self.due_date < today())

    @property
    def shown(self) -> Shown:
        return Shown.LATE if self.is_overdue else Shown(self.status)

    def get_shown_display(self) -> str:
        return str(self.shown.label)

    @property
    def who(self) -> str:
        """Name (with consent), role and organisation, as the public page shows them."""
        # An organisation speaks for itself: "organisation or agency, Veilig Thuis" says nothing.
        role = "" if self.role == Role.ORGANISATION else str(self.get_role_display())
        where = f"{role}, {self.organisation}" if role else self.organisation
        if self.person_name and self.name_consent:
            return f"{self.person_name} ({where})"
        return capfirst(where)

    def late_from(self) -> datetime.datetime | None:
        """The moment this commitment turns late, if it has not yet."""
        if self.status == Status.DONE or self.is_overdue:
            return None
        day_after = self.due_date + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))


class CommitmentUpdate(models.Model):
    """A dated note on a commitment; it may also change the commitment's status."""

    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=today)
    text = models.TextField(_("update"), max_length=2000)
    status = models.CharField(
        _("new status"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        help_text=_("Optional. Choosing a status here also sets the commitment's status."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once the followers' mails about this update are queued, so none goes out twice.
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}: {self.text[:60]}"
