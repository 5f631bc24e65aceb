"""Registrations for a session and the private links that let people manage them.

Only workshops.booking changes a registration's status or session: that is where seats are
counted under a lock and the waiting list moves up.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.tokens import new_token, token_digest
from workshops.models.sessions import Session


class Role(models.TextChoices):
    """Who someone speaks as, if they want to say: optional, and never more than they choose.

    Live rooms use the same choices (a participant's role, the split of statement results), so
    they are defined once, here, where a registration already needs them.
    """

    UNSAID = "unsaid", _("I'd rather not say")
    EXPERIENCE = "experience", _("Experience expert")
    CLOSE = "close", _("Relative or bystander")
    PROFESSIONAL = "professional", _("Professional (in practice)")
    POLICY = "policy", _("Policy maker, administrator or council member")


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=Registration.Status.CANCELLED)

    def waiting_list(self) -> RegistrationQuerySet:
        """The waiting list in the order people joined it."""
        return self.filter(status=Registration.Status.WAITING).order_by("waiting_since", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("registration", "address not yet confirmed")
        CONFIRMED = "confirmed", pgettext_lazy("registration", "confirmed")
        WAITING = "waiting", pgettext_lazy("registration", "on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    session = models.ForeignKey(
        Session,
        # A session with registrations is never deleted behind the registrants' backs:
        # the page form explains this to editors, PROTECT holds it everywhere else.
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("session"),
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=40)
    email = models.EmailField(_("e-mail address"))
    needs = models.TextField(_("accessibility needs"), max_length=500, blank=True)
    interpreter = models.CharField(_("interpreter"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.UNSAID, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    consented_at = models.DateTimeField(_("consent given at"))
    confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    seated_at = models.DateTimeField(_("seat given at"), null=True, blank=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"],
                condition=~Q(status="cancelled"),
                name="workshops_one_active_registration_per_address",
            )
        ]
        indexes = [models.Index(fields=["session", "status"], name="workshops_session_status")]

    def __str__(self) -> str:
        # Neutral on purpose: Wagtail's audit log keeps this text after the registration is gone.
        return str(_("registration %(id)s") % {"id": self.pk})

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class RegistrationLinkQuerySet(models.QuerySet["RegistrationLink"]):
    def find(self, token: str, purpose: str) -> RegistrationLink | None:
        """The link for `token`, or None. Expired links are returned too: the view explains."""
        if not token or len(token) > 100:
            return None
        return (
            self.filter(digest=token_digest(token), purpose=purpose)
            .select_related("registration__session")
            .first()
        )


class RegistrationLink(models.Model):
    """A private link from a mail. The token is only in the mail; the database keeps its hash.

    A registration can have several: every mail that needs a link gets a fresh one, so a
    link someone already has keeps working.
    """

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("confirm the address")
        MANAGE = "manage", _("view or cancel")
        # Personal: it joins the session only while its registration holds a seat.
        JOIN = "join", _("join the session")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="links")
    digest = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration link")
        verbose_name_plural = _("registration links")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.registration_id})"

    @classmethod
    def issue(
        cls, registration: Registration, purpose: str, expires_at: datetime | None = None
    ) -> str:
        """Store a new link's hash and return the token, to be put in a mail and nowhere else."""
        token, digest = new_token()
        cls.objects.create(
            registration=registration, digest=digest, purpose=purpose, expires_at=expires_at
        )
        return token

    def has_expired(self, now: datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())
