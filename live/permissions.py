"""Who may moderate a live room, and who may take part in one: the one place that decides it.

Moderators are the members of the group "Moderatoren" (the group holds the permission
live.moderate_liveroom, see migration 0002) and superusers. Like every staff member they must
have a second factor; on a websocket their staff session must also still be fresh, because the
admin's idle and absolute time limits are enforced by a middleware that websockets bypass.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from moderation.staff import SESSION_SEEN, SESSION_STARTED

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.base import SessionBase

    from community.models import User
    from live.models import LiveRoom

    # Who a request or a socket speaks for: request.user, scope["user"], or nobody.
    Someone = User | AnonymousUser | None

MODERATORS_GROUP = "Moderatoren"
PERMISSION = "live.moderate_liveroom"


def is_moderator(user: Someone) -> bool:
    """True for an active account allowed to moderate live rooms, with a second factor."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(PERMISSION)
        and is_mfa_enabled(user)
    )


def is_moderator_session(user: Someone, session: SessionBase, now: float | None = None) -> bool:
    """is_moderator(), and the staff session has not passed its idle or absolute time limit."""
    if not is_moderator(user):
        return False
    now = now or time.time()
    seen: float | None = session.get(SESSION_SEEN)
    started: float | None = session.get(SESSION_STARTED)
    if seen is None or started is None:
        return False
    idle: float = settings.KRING_STAFF_IDLE_SECONDS
    longest: float = settings.KRING_STAFF_MAX_SECONDS
    return now - seen <= idle and now - started <= longest


# Rooms only for registered people (a setting on the event or workshop page). ----------------

# In the browser's session: {page id: registration id}, written when she opens her personal
# join link; it counts only while that registration still holds a seat.
SESSION_REGISTERED = "live_registered"


def remember_registration(session: SessionBase, page_id: int, registration_id: int) -> None:
    registered = dict(session.get(SESSION_REGISTERED) or {})
    registered[str(page_id)] = registration_id
    session[SESSION_REGISTERED] = registered


def is_registration_only(room: LiveRoom) -> bool:
    page = room.host_page
    return bool(page is not None and page.rooms_for_registered)


def may_take_part(room: LiveRoom, user: Someone, session: SessionBase | None) -> bool:
    """May this person take a name in the room? Reading is open to everyone. (Database.)"""
    if not is_registration_only(room) or is_moderator(user):
        return True
    page = room.host_page
    registered = (session.get(SESSION_REGISTERED) if session is not None else None) or {}
    registration_id = registered.get(str(page.pk)) if page is not None else None
    if page is None or registration_id is None:
        return False
    from workshops.models import Registration

    return Registration.objects.filter(
        pk=registration_id,
        session__page_id=page.pk,
        status=Registration.Status.CONFIRMED,
    ).exists()
