"""Staff security: a second factor before any admin page, and sessions that expire.

Staff are everyone who can reach the Wagtail admin. They log in through allauth (with its rate
limits); allauth.mfa then asks for their second factor at every login. A staff account without
one reaches no page to register it unless this session used an invitation mailed to the
account's verified address (moderation.invitations): a password alone enrols nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from community.models import User
from moderation import conf
from moderation.invitations import may_enrol

ADMIN_PREFIX = "/admin/"
SESSION_STARTED = "kring_staff_started"
SESSION_SEEN = "kring_staff_seen"
# Registering an authenticator (or recovery codes): only after an invitation.
ENROLMENT_PREFIXES = ("/accounts/2fa/",)
# Changing the account's addresses would let a password thief receive the next invitation.
ENROLLED_ONLY_PREFIXES = ("/accounts/email/",)


def is_staff_member(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


class StaffSecurityMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if user is not None and is_staff_member(user):
            response = self._check(request, user)
            if response is not None:
                return response
        elif user is not None and user.is_authenticated and request.path.startswith(ADMIN_PREFIX):
            # Wagtail would send a logged-in member to the login page, which sends them back.
            raise PermissionDenied
        return self.get_response(request)

    def _check(self, request: HttpRequest, user: User | AnonymousUser) -> HttpResponseBase | None:
        now = time.time()
        session = request.session
        started = session.setdefault(SESSION_STARTED, now)
        seen = session.get(SESSION_SEEN, now)
        if now - seen > conf.staff_idle_seconds() or (now - started > conf.staff_max_seconds()):
            logout(request)
            messages.info(request, _("For your safety you were logged out. Please log in again."))
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        session[SESSION_SEEN] = now

        path = request.path
        guarded = path.startswith((ADMIN_PREFIX, *ENROLMENT_PREFIXES, *ENROLLED_ONLY_PREFIXES))
        if not guarded or is_mfa_enabled(user):
            return None
        invited = may_enrol(session)
        if invited and path.startswith(ENROLMENT_PREFIXES):
            return None
        if invited and path.startswith(ADMIN_PREFIX):
            messages.warning(
                request,
                _("Set up two-factor authentication before you use the admin."),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return HttpResponseRedirect(reverse("staff_second_factor_needed"))


def admin_login(request: HttpRequest) -> HttpResponseRedirect:
    """The admin has no login form of its own: staff log in through allauth."""
    next_url = request.GET.get("next", ADMIN_PREFIX)
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ADMIN_PREFIX
    return redirect_to_login(next_url, settings.LOGIN_URL)
