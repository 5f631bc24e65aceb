"""Who may moderate a live room: the one place that decides it.

Moderators are the members of the group "Moderatoren" (the group holds the permission
live.moderate_liveroom, see migration 0002) and superusers. Like every staff member they must
have a second factor; on a websocket their staff session must also still be fresh, because the
admin's idle and absolute time limits are enforced by a middleware that websockets bypass.
"""

import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

from moderation.staff import SESSION_SEEN, SESSION_STARTED

MODERATORS_GROUP = "Moderatoren"
PERMISSION = "live.moderate_liveroom"


def is_moderator(user):
    """True for an active account allowed to moderate live rooms, with a second factor."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(PERMISSION)
        and is_mfa_enabled(user)
    )


def is_moderator_session(user, session, now=None):
    """is_moderator(), and the staff session has not passed its idle or absolute time limit."""
    if not is_moderator(user):
        return False
    now = now or time.time()
    seen = session.get(SESSION_SEEN)
    started = session.get(SESSION_STARTED)
    if seen is None or started is None:
        return False
    return (
        now - seen <= settings.KRING_STAFF_IDLE_SECONDS
        and now - started <= settings.KRING_STAFF_MAX_SECONDS
    )
