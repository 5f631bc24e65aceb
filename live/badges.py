"""Verified badges: one-time codes that editors issue per event, for panel members and officials.

A code is shown to the editor once; the database keeps only its hash. Whoever enters it in a
room of that event gets the badge's label ("Wethouder, gemeente Zwolle") and role beside their
name; the code then works for nobody else. Codes are long enough (60 bits) that guessing is
hopeless, and attempts are rate-limited per client and per participant besides.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.tokens import token_digest
from workshops.models import Role

# No 0/O or 1/I/L: a code is read from paper or a phone and typed in by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 3, 4


def new_code() -> tuple[str, str]:
    """Return (code, digest): the code for the editor to hand on, the digest to store."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    code = "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))
    return code, code_digest(code)


def normalise(code: str) -> str:
    return "".join(character for character in code.upper() if character.isalnum())


def code_digest(code: str) -> str:
    return token_digest(normalise(code))


def default_expiry() -> datetime:
    return timezone.now() + timedelta(days=30)


class BadgeCodeQuerySet(models.QuerySet["BadgeCode"]):
    def usable(self, now: datetime | None = None) -> BadgeCodeQuerySet:
        return self.filter(used_at__isnull=True, expires_at__gt=now or timezone.now())


class BadgeCode(models.Model):
    page = models.ForeignKey(
        "workshops.BookablePage",
        on_delete=models.CASCADE,
        related_name="badge_codes",
        verbose_name=_("event"),
    )
    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_(
            "Shown beside their name in the rooms of this event, e.g. “Wethouder, gemeente "
            "Zwolle”. A function, not a personal name, unless they agreed."
        ),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.POLICY)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("valid until"), default=default_expiry)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    used_at = models.DateTimeField(_("used at"), null=True, blank=True, editable=False)
    participant = models.OneToOneField(
        "live.Participant",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="badge_code",
        editable=False,
        verbose_name=_("used by"),
    )

    objects = BadgeCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("verified badge code")
        verbose_name_plural = _("verified badge codes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label

    @property
    def state(self) -> str:
        if self.used_at:
            return str(_("used"))
        if self.expires_at <= timezone.now():
            return str(_("expired"))
        return str(_("not used yet"))
