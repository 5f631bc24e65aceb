"""Registering, confirming, cancelling and moving: the one place where seats change hands.

Seats are never over-booked because every transaction here starts by locking the session's
row (`_lock_session`) and only then counts the confirmed registrations. On PostgreSQL that
is SELECT ... FOR UPDATE; SQLite has no row locks, so the transaction opens with a write to
the session row, which takes SQLite's write lock at once (later writers wait for it, within
the busy timeout, instead of failing on a lock upgrade). Either way, two confirmations for
one session run one after the other, and the second one sees the first.

`check_*` functions validate, `do_*` functions change data; mails go out after the commit.
Each takes who asks first and what it acts on second (`do_move(editor, registration, session)`).
Everything can be called directly (the web views, the admin and `make bench` do so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from community.ratelimit import allow
from community.tokens import token_digest
from workshops import conf, mails
from workshops.models import Registration, RegistrationLink, Role, Session

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import StrOrPromise

    from community.models import User

Status = Registration.Status
Purpose = RegistrationLink.Purpose

# Who asks: the person at the browser (request.user; a registrant acts through her private
# link, not an account), an editor in the admin, or None for Kring itself (a signal, a command).
Actor: TypeAlias = "User | AnonymousUser | None"


class BookingError(Exception):
    """A request the booking rules refuse; `message` is translated and safe to show."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class RegisterResult:
    registration: Registration
    created: bool
    token: str | None  # the link token that was mailed, None when the mail limit was reached


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def _lock_session(session_id: int) -> Session:
    """Lock the session's row until the transaction ends and return it fresh."""
    if connection.features.has_select_for_update:
        locked: Session = Session.objects.select_for_update().get(pk=session_id)
        return locked
    # SQLite: this must be the transaction's first statement (see the module docstring).
    Session.objects.filter(pk=session_id).update(seats=F("seats"))
    written: Session = Session.objects.get(pk=session_id)
    return written


def _lock_registration(
    registration: Registration, *other_session_ids: int
) -> tuple[Registration, dict[int, Session]]:
    """Lock the registration's session (and any others, in a fixed order), then reload it.

    Returns (registration, {session id: locked session}). An editor may have moved the
    registration meanwhile; once the session it is in now is locked, nobody can move it.
    """
    locked: dict[int, Session] = {}
    wanted = sorted({registration.session_id, *other_session_ids})
    while True:
        for session_id in wanted:
            if session_id not in locked:
                locked[session_id] = _lock_session(session_id)
        registration = Registration.objects.select_related("session").get(pk=registration.pk)
        if registration.session_id in locked:
            return registration, locked
        wanted = [registration.session_id]


def _confirmed_count(session: Session) -> int:
    return Registration.objects.filter(session=session, status=Status.CONFIRMED).count()


def _has_free_seat(session: Session) -> bool:
    return _confirmed_count(session) < int(session.seats)


def _may_mail(email: str, session: Session) -> bool:
    key = f"workshops:mail:{token_digest(email)}:{session.pk}"
    return bool(allow(key, conf.MAILS_PER_ADDRESS_PER_DAY, 60 * 60 * 24))


def _after_commit(send: Callable[..., object], registration: Registration, *args: object) -> None:
    transaction.on_commit(lambda: send(registration, *args))


# Registering --------------------------------------------------------------------------------


def check_can_register(actor: Actor, session: Session, now: datetime | None = None) -> None:
    if not session.accepts_registrations(now):
        raise BookingError(_("Registration for this session is closed."))


def do_register(
    actor: Actor,
    session: Session,
    *,
    pseudonym: str,
    email: str,
    needs: str = "",
    interpreter: str = "",
    role: str = Role.UNSAID,
    language: str | None = None,
) -> RegisterResult:
    """Record a registration waiting for its address to be confirmed, and mail the link.

    Registering twice with one address changes nothing that exists: an unconfirmed
    registration keeps its details and gets a fresh confirmation link, a confirmed one
    gets a mail with a fresh link to view or cancel it. What the form shows is the same in
    every case, so the form never tells anyone whether an address is registered.
    """
    email = normalise_email(email)
    language = language or translation.get_language() or "nl"
    now = timezone.now()
    with transaction.atomic():
        session = _lock_session(session.pk)
        check_can_register(actor, session, now)
        existing = Registration.objects.active().filter(session=session, email=email).first()
        created = existing is None
        registration = Registration(session=session, email=email) if existing is None else existing
        # Only a new registration takes the form's details: someone who merely knows the
        # address must not rewrite a pending registration its owner is about to confirm.
        if created:
            registration.pseudonym = pseudonym
            registration.needs = needs
            registration.interpreter = interpreter
            registration.role = role
            registration.language = language
            registration.consented_at = now
            registration.save()
        if not _may_mail(email, session):
            return RegisterResult(registration, created, None)
        if registration.status == Status.PENDING:
            expires_at = min(now + conf.confirm_link_lifetime(), session.starts_at)
            token = RegistrationLink.issue(registration, Purpose.CONFIRM, expires_at)
            _after_commit(mails.send_confirm_address, registration, token)
        else:
            token = RegistrationLink.issue(registration, Purpose.MANAGE)
            _after_commit(mails.send_already_registered, registration, token)
    return RegisterResult(registration, created, token)


# Confirming ---------------------------------------------------------------------------------


def check_can_confirm(actor: Actor, link: RegistrationLink, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if link.has_expired(now):
        raise BookingError(_("This confirmation link has expired."))
    if link.registration.session.has_started(now):
        raise BookingError(_("Registration for this session is closed."))


def do_confirm(actor: Actor, registration: Registration) -> tuple[Registration, str | None]:
    """Confirm the address: take a free seat, or join the waiting list when there is none.

    Returns the registration and the token of its new link to view or cancel it (None when
    it was no longer waiting for confirmation, e.g. after a second click).
    """
    now = timezone.now()
    with transaction.atomic():
        registration, locked = _lock_registration(registration)
        session = locked[registration.session_id]
        if registration.status != Status.PENDING:
            return registration, None
        if session.has_started(now):
            raise BookingError(_("Registration for this session is closed."))
        registration.confirmed_at = now
        if _has_free_seat(session):
            registration.status, registration.seated_at = Status.CONFIRMED, now
        else:
            registration.status, registration.waiting_since = Status.WAITING, now
        registration.save(update_fields=["status", "confirmed_at", "seated_at", "waiting_since"])
        token = RegistrationLink.issue(registration, Purpose.MANAGE)
        send = mails.send_registered if registration.is_confirmed else mails.send_waiting
        _after_commit(send, registration, token)
    return registration, token


# Freeing seats and the waiting list -----------------------------------------------------------


def _fill_seats(session: Session, now: datetime) -> list[Registration]:
    """Give free seats to the waiting list, first come first served; call under the lock."""
    if session.has_started(now):
        return []
    free = session.seats - _confirmed_count(session)
    if free <= 0:
        return []
    promoted = list(Registration.objects.filter(session=session).waiting_list()[:free])
    for registration in promoted:
        registration.status, registration.seated_at = Status.CONFIRMED, now
        registration.save(update_fields=["status", "seated_at"])
        token = RegistrationLink.issue(registration, Purpose.MANAGE)
        _after_commit(mails.send_seat_free, registration, token)
    return promoted


def do_fill_free_seats(actor: Actor, session: Session) -> list[Registration]:
    """Move people up from the waiting list as far as the seats allow (e.g. after adding seats)."""
    with transaction.atomic():
        session = _lock_session(session.pk)
        return _fill_seats(session, timezone.now())


def check_can_cancel(actor: Actor, registration: Registration, now: datetime | None = None) -> None:
    if registration.status == Status.CANCELLED:
        raise BookingError(_("This registration has already been cancelled."))
    if registration.session.has_ended(now):
        raise BookingError(_("This session has already taken place."))


def do_cancel(actor: Actor, registration: Registration, *, by_editor: bool = False) -> Registration:
    """Cancel a registration; a seat it held goes to the first person on the waiting list.

    `by_editor` says so in her mail: an editor may have a registration of her own to cancel.
    """
    now = timezone.now()
    with transaction.atomic():
        registration, locked = _lock_registration(registration)
        session = locked[registration.session_id]
        check_can_cancel(actor, registration, now)
        had_seat = registration.is_confirmed
        registration.status, registration.cancelled_at = Status.CANCELLED, now
        # Needs may say something about someone's health; a cancelled registration needs none.
        registration.needs, registration.interpreter = "", ""
        registration.save(update_fields=["status", "cancelled_at", "needs", "interpreter"])
        # Her personal join link stops working with her seat.
        registration.links.filter(purpose__in=[Purpose.CONFIRM, Purpose.JOIN]).delete()
        _after_commit(mails.send_cancelled, registration, had_seat, by_editor)
        if had_seat:
            _fill_seats(session, now)
    return registration


# Changing one's details ------------------------------------------------------------------------


def check_can_change(actor: Actor, registration: Registration, now: datetime | None = None) -> None:
    if registration.status == Status.CANCELLED:
        raise BookingError(_("This registration has been cancelled. You can register again."))
    if registration.session.has_ended(now):
        raise BookingError(_("This session has already taken place."))


def do_change_details(
    actor: Actor,
    registration: Registration,
    *,
    pseudonym: str,
    needs: str = "",
    interpreter: str = "",
    role: str = Role.UNSAID,
) -> Registration:
    """Change what a registrant told us; the address stays (a new one needs its own check)."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        check_can_change(actor, registration)
        registration.pseudonym = pseudonym
        registration.needs = needs
        registration.interpreter = interpreter
        registration.role = role
        registration.save(update_fields=["pseudonym", "needs", "interpreter", "role"])
    return registration


# Moving (editors) ---------------------------------------------------------------------------


def check_can_move(
    actor: Actor, registration: Registration, to_session: Session, now: datetime | None = None
) -> None:
    if to_session.pk == registration.session_id:
        raise BookingError(_("The registration is already for this session."))
    if to_session.page_id != registration.session.page_id:
        raise BookingError(_("A registration can only move to another session of the same page."))
    if registration.status == Status.CANCELLED:
        raise BookingError(_("A cancelled registration cannot be moved."))
    if to_session.has_started(now):
        raise BookingError(_("That session has already started."))
    taken = Registration.objects.active().filter(session=to_session, email=registration.email)
    if taken.exclude(pk=registration.pk).exists():
        raise BookingError(_("This address is already registered for that session."))


def do_move(actor: Actor, registration: Registration, to_session: Session) -> Registration:
    """Move a registration to another session of the same page, through the same seat rules."""
    now = timezone.now()
    with transaction.atomic():
        # Both sessions locked in the same order, so two opposite moves cannot deadlock.
        registration, locked = _lock_registration(registration, to_session.pk)
        old_session, new_session = locked[registration.session_id], locked[to_session.pk]
        check_can_move(actor, registration, new_session, now)
        had_seat = registration.is_confirmed
        registration.session = new_session
        registration.reminded_at = None
        if registration.status != Status.PENDING:
            if _has_free_seat(new_session):
                registration.status, registration.seated_at = Status.CONFIRMED, now
                registration.waiting_since = None
            else:
                registration.status, registration.waiting_since = Status.WAITING, now
                registration.seated_at = None
        registration.save()
        if registration.status != Status.PENDING:
            token = RegistrationLink.issue(registration, Purpose.MANAGE)
            send = mails.send_registered if registration.is_confirmed else mails.send_waiting
            _after_commit(send, registration, token, True)
        if had_seat:
            _fill_seats(old_session, now)
    return registration
