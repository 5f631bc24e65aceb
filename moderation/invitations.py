"""Staff set up their second factor only through an invitation mailed to their verified address.

Without it, whoever learns a new staff member's password could log in first and register their
own authenticator. The invitation proves access to the mailbox as well; using it grants this
browser session a short time to register an authenticator.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mail import queue_mail
from community.tokens import new_token, token_digest
from moderation import conf
from moderation.models import StaffInvitation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.base import SessionBase

    from community.models import User

SESSION_INVITATION = "kring_staff_invitation"
SESSION_ENROLMENT = "kring_staff_enrolment_until"
# How long a used invitation lets this session register an authenticator.
ENROLMENT_SECONDS = 30 * 60


class InvitationRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _is_staff(user: User) -> bool:
    from moderation.staff import is_staff_member

    return is_staff_member(user)


def check_can_invite(email: str) -> EmailAddress:
    """The staff account whose verified address this is; refused for anyone else."""
    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=True)
        .select_related("user")
        .first()
    )
    if address is None or not address.user.is_active or not _is_staff(address.user):
        raise InvitationRefused(_("No active staff account has this verified e-mail address."))
    if is_mfa_enabled(address.user):
        raise InvitationRefused(
            _("This account already has a second factor. Remove it first to invite again.")
        )
    return address


@transaction.atomic
def do_invite(email: str, site_url: str) -> StaffInvitation:
    """Make a new invitation (earlier ones stop working) and mail it after commit."""
    address = check_can_invite(email)
    now = timezone.now()
    StaffInvitation.objects.filter(expires_at__lte=now).delete()
    StaffInvitation.objects.filter(user=address.user).delete()
    token, digest = new_token()
    hours = conf.staff_invitation_hours()
    invitation = StaffInvitation.objects.create(
        user=address.user, token_digest=digest, expires_at=now + timedelta(hours=hours)
    )
    url = site_url.rstrip("/") + reverse("staff_invitation_link", args=[token])
    recipient = address.email
    transaction.on_commit(
        lambda: queue_mail(
            "moderation/mail/staff_invitation", recipient, {"url": url, "hours": hours}
        )
    )
    return invitation


def valid_invitation(digest: str | None) -> StaffInvitation | None:
    if not digest:
        return None
    invitation: StaffInvitation | None = (
        StaffInvitation.objects.filter(token_digest=digest, expires_at__gt=timezone.now())
        .select_related("user")
        .first()
    )
    return invitation


def remember(session: SessionBase, token: str) -> bool:
    """Keep a valid link's digest in the session, so the token leaves the address bar."""
    invitation = valid_invitation(token_digest(token))
    if invitation is None:
        session.pop(SESSION_INVITATION, None)
        return False
    session[SESSION_INVITATION] = invitation.token_digest
    return True


def pending(session: SessionBase, user: User | AnonymousUser) -> StaffInvitation | None:
    """The invitation this session holds, if it is still valid and for this user."""
    invitation = valid_invitation(session.get(SESSION_INVITATION))
    if invitation is None or invitation.user_id != user.pk:
        return None
    return invitation


@transaction.atomic
def do_accept(user: User | AnonymousUser, session: SessionBase) -> None:
    """Use the invitation: it is deleted, and this session may register an authenticator."""
    invitation = pending(session, user)
    if invitation is None:
        raise InvitationRefused(_("This invitation does not work (any more)."))
    # Deleting with the digest makes two simultaneous uses count once.
    deleted, _rows = StaffInvitation.objects.filter(pk=invitation.pk).delete()
    if not deleted:
        raise InvitationRefused(_("This invitation does not work (any more)."))
    session.pop(SESSION_INVITATION, None)
    session[SESSION_ENROLMENT] = time.time() + ENROLMENT_SECONDS


def may_enrol(session: SessionBase) -> bool:
    return bool(session.get(SESSION_ENROLMENT, 0) > time.time())
