"""Who a live connection speaks for, checked again whenever that could have changed.

A websocket outlives the page that opened it. Logging out (here or everywhere), losing the
moderators' group or the second factor, a staff session that went idle, a deleted account:
each of these must end what an open connection may do, at once, not at its next reconnect.

So every connection of a member listens on a group of its own account; whatever changes an
account asks those connections to check again (signals below), and a moderator's connection
also checks itself every conf.CHECK_MODERATOR_SECONDS, for the staff session's idle limit. A check
reads the session from the store, as a new request would, and goes through Django's own
get_user(), which also verifies the session's signature against the account.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import auth
from django.db import transaction

from community.tokens import token_digest
from live import permissions
from live.events import notify, user_group
from live.services.base import guest_in
from moderation.staff import SESSION_SEEN

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.base import SessionBase
    from django.http import HttpRequest

    from community.models import User

# The consumer's handler for "check again" (LiveRoomConsumer.live_check).
CHECK = "live.check"


@dataclass(frozen=True, slots=True)
class Identity:
    """What a connection was opened as: a member, a guest (by the hash of their token), or
    a reader without a name."""

    session_key: str | None = None
    user_id: int | None = None
    guest_key: str | None = None


# A reader without a name: the same for every one of them (frozen, so shared).
READER = Identity()


def identity_of(
    user: AbstractBaseUser | AnonymousUser | None, session: SessionBase | None
) -> Identity:
    session_key = getattr(session, "session_key", None)
    if user is not None and user.is_authenticated:
        return Identity(session_key, user_id=user.pk)
    guest = guest_in(session) if session is not None else None
    if guest is not None:
        return Identity(session_key, guest_key=token_digest(guest["token"]))
    return Identity(session_key)


def without_session(scope: Mapping[str, Any]) -> bool:
    """No session cookie: the socket can be no member, guest or moderator, only a reader."""
    return not scope.get("cookies", {}).get(settings.SESSION_COOKIE_NAME)


def _load_session(session_key: str | None) -> SessionBase | None:
    if not session_key:
        return None
    store: SessionBase = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    return store if store.exists(session_key) else None


@dataclass(frozen=True, slots=True)
class Check:
    valid: bool
    moderator: bool = False
    user: User | AnonymousUser | None = None
    session: SessionBase | None = None


def check(identity: Identity) -> Check:
    """Is the connection still who it was, and may it still moderate? (Database thread.)"""
    if identity.user_id is None and identity.guest_key is None:
        return Check(valid=True)  # a reader: nothing to lose
    session = _load_session(identity.session_key)
    if session is None:
        return Check(valid=False)
    if identity.guest_key is not None:
        guest = guest_in(session)
        return Check(valid=bool(guest and token_digest(guest["token"]) == identity.guest_key))
    request: HttpRequest = SimpleNamespace(session=session)  # type: ignore[assignment]
    user = auth.get_user(request)
    if not (user.is_authenticated and user.pk == identity.user_id and user.is_active):
        return Check(valid=False)
    moderator = permissions.is_moderator_session(user, session)
    return Check(valid=True, moderator=moderator, user=user, session=session)


def count_as_activity(session: SessionBase) -> None:
    """A moderator's action over the socket keeps their staff session alive, as a page would."""
    session[SESSION_SEEN] = time.time()
    session.save()


def ask_to_check(user_id: int | None) -> None:
    """Ask every open connection of this account to check who it is (after the commit)."""
    if user_id is not None:
        transaction.on_commit(lambda: notify(user_group(user_id), CHECK), robust=True)


# Signals: whatever can change what an account's connections may do. -----------------------


def on_logged_out(
    sender: object, request: object, user: AbstractBaseUser | None, **kwargs: object
) -> None:
    if user is not None:
        ask_to_check(user.pk)


def on_account_saved(sender: object, instance: AbstractBaseUser, **kwargs: object) -> None:
    # A new session salt (log out everywhere), a new password, deactivation, staff flags.
    ask_to_check(instance.pk)


def on_account_deleted(sender: object, instance: AbstractBaseUser, **kwargs: object) -> None:
    ask_to_check(instance.pk)


def on_groups_changed(
    sender: object,
    instance: AbstractBaseUser,
    action: str,
    reverse: bool,
    model: object,
    pk_set: set[int] | None,
    **kwargs: object,
) -> None:
    if not action.startswith("post_"):
        return
    if reverse:  # group.user_set changed: pk_set holds the accounts
        for user_id in pk_set or ():
            ask_to_check(user_id)
    else:
        ask_to_check(instance.pk)


def on_authenticator_removed(sender: object, instance: Any, **kwargs: object) -> None:
    ask_to_check(instance.user_id)


def connect_signals() -> None:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.contrib.auth.signals import user_logged_out
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()
    user_logged_out.connect(on_logged_out, dispatch_uid="live.ws.identity.logged_out")
    post_save.connect(on_account_saved, sender=user_model, dispatch_uid="live.ws.identity.saved")
    post_delete.connect(
        on_account_deleted, sender=user_model, dispatch_uid="live.ws.identity.deleted"
    )
    m2m_changed.connect(
        on_groups_changed, sender=user_model.groups.through, dispatch_uid="live.ws.identity.groups"
    )
    post_delete.connect(
        on_authenticator_removed, sender=Authenticator, dispatch_uid="live.ws.identity.mfa"
    )
