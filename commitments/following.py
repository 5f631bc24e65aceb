"""Following one commitment by e-mail: double opt-in, news on each update, one-click leave.

`check_*` functions validate, `do_*` functions change data; mails go out after the commit.

Whoever types an address learns nothing about it: the form answers the same whether the
address is new, waiting for confirmation or already following, and the mail (a confirmation
link, or a note that it already follows with a link to stop) goes only to that address.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commitments import conf, mails
from commitments.models import Commitment, CommitmentUpdate, Follower, FollowerLink, Status
from community.ratelimit import allow
from community.tokens import token_digest

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Purpose = FollowerLink.Purpose


class FollowError(Exception):
    """A request the rules refuse; `message` is translated and safe to show."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(str(message))
        self.message = message


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def check_can_follow(actor: object, commitment: Commitment) -> None:
    if not commitment.published:
        raise FollowError(_("This commitment is not public."))
    if commitment.status == Status.DONE:
        raise FollowError(_("This commitment is done: there will be no more news to follow."))


def _may_mail(email: str, commitment: Commitment) -> bool:
    # The cache key holds a hash of the address, never the address.
    key = f"commitments:mail:{token_digest(email)}:{commitment.pk}"
    return allow(key, conf.MAILS_PER_ADDRESS_PER_DAY, 60 * 60 * 24)


def do_follow(actor: object, commitment: Commitment, *, email: str, language: str) -> None:
    """Start following `commitment` (once the address is confirmed), or say it already does.

    Returns nothing on purpose: the caller must not be able to tell the cases apart.
    """
    check_can_follow(actor, commitment)
    email = normalise_email(email)
    with transaction.atomic():
        follower = _existing(commitment, email)
        if follower is None:
            try:
                with transaction.atomic():
                    follower = Follower.objects.create(
                        commitment=commitment, email=email, language=language
                    )
            except IntegrityError:  # the same address, at the same moment
                follower = _existing(commitment, email)
        if follower is None:  # the other one left again in between: nothing to tell
            return
        if not _may_mail(email, commitment):
            return
        if follower.confirmed_at is not None:
            transaction.on_commit(lambda: mails.send_already_following(follower))
            return
        expires_at = timezone.now() + conf.confirm_link_lifetime()
        token = FollowerLink.issue(follower, Purpose.CONFIRM, expires_at=expires_at)
        transaction.on_commit(lambda: mails.send_confirm(follower, token))


def _existing(commitment: Commitment, email: str) -> Follower | None:
    return (
        Follower.objects.select_for_update()
        .annotate(address=Lower("email"))
        .filter(commitment=commitment, address=email)
        .first()
    )


def check_can_confirm(actor: object, link: FollowerLink) -> None:
    if link.has_expired() or link.follower.unsubscribed_at is not None:
        raise FollowError(
            _("This link has expired. You can follow the commitment again from its page.")
        )


def do_confirm(actor: object, follower: Follower) -> Follower:
    """Confirm the address: from now on, each update is mailed to it."""
    with transaction.atomic():
        follower = Follower.objects.select_for_update().get(pk=follower.pk)
        if follower.confirmed_at is None and follower.unsubscribed_at is None:
            follower.confirmed_at = timezone.now()
            follower.save(update_fields=["confirmed_at"])
        follower.links.filter(purpose=Purpose.CONFIRM).delete()
    return follower


def do_unsubscribe(actor: object, follower: Follower) -> Follower:
    """Stop following: the address is erased at once; the empty row goes with the purge."""
    with transaction.atomic():
        follower = Follower.objects.select_for_update().get(pk=follower.pk)
        if follower.unsubscribed_at is None:
            follower.email = ""
            follower.unsubscribed_at = timezone.now()
            follower.save(update_fields=["email", "unsubscribed_at"])
        follower.links.filter(purpose=Purpose.CONFIRM).delete()
    return follower


def notify_followers(commitment_id: int) -> int:
    """Mail each new update to the commitment's confirmed followers; return the mails queued.

    Each update is claimed with a conditional UPDATE before its mails are queued, so it is
    mailed once, however often this runs. An update posted while the commitment is not public
    is claimed too, and mailed to nobody.
    """
    sent = 0
    pending = CommitmentUpdate.objects.filter(commitment_id=commitment_id, notified_at__isnull=True)
    for update in pending.order_by("date", "pk").select_related("commitment"):
        claimed = CommitmentUpdate.objects.filter(pk=update.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        )
        if not claimed or not update.commitment.published:
            continue
        followers = Follower.objects.filter(
            commitment_id=commitment_id, confirmed_at__isnull=False, unsubscribed_at__isnull=True
        ).select_related("commitment")
        for follower in followers:
            mails.send_update(follower, update)
            sent += 1
    return sent
