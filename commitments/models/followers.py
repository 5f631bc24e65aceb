"""Visitors who follow one commitment by e-mail, and the private links in their mails."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commitments.models.commitments import Commitment
from community.tokens import new_token, token_digest


class Follower(models.Model):
    """An address that follows one commitment: confirmed by a link before any news goes to it.

    Unsubscribing erases the address at once; the row without it goes with the purge.
    """

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="followers")
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(max_length=10, default="nl")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.UniqueConstraint(
                "commitment",
                Lower("email"),
                condition=~Q(email=""),
                name="commitments_one_follower_per_address",
            )
        ]

    def __str__(self) -> str:
        # Neutral on purpose: never the address.
        return str(_("follower %(id)s") % {"id": self.pk})

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class FollowerLinkQuerySet(models.QuerySet["FollowerLink"]):
    def find(self, token: str, purpose: str) -> FollowerLink | None:
        """The link for `token`, or None. Expired links are returned too: the view explains."""
        if not token or len(token) > 100:
            return None
        return (
            self.filter(digest=token_digest(token), purpose=purpose)
            .select_related("follower__commitment")
            .first()
        )


class FollowerLink(models.Model):
    """A private link from a mail. The token is only in the mail; the database keeps its hash.

    Every mail gets a fresh link, so a link someone already has keeps working.
    """

    class Purpose(models.TextChoices):
        CONFIRM = "confirm", _("confirm the address")
        UNSUBSCRIBE = "unsubscribe", _("stop following")

    follower = models.ForeignKey(Follower, on_delete=models.CASCADE, related_name="links")
    digest = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    objects = FollowerLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("follower link")
        verbose_name_plural = _("follower links")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.follower_id})"

    @classmethod
    def issue(
        cls, follower: Follower, purpose: str, expires_at: datetime.datetime | None = None
    ) -> str:
        """Store a new link's hash and return the token, to be put in a mail and nowhere else."""
        token, digest = new_token()
        cls.objects.create(follower=follower, digest=digest, purpose=purpose, expires_at=expires_at)
        return token

    def has_expired(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (now or timezone.now())
