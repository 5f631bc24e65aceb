"""Staff security: a second factor before any admin page, and sessions that expire.

Staff are everyone who can reach the Wagtail admin. They log in through allauth (with its rate
limits); allauth.mfa then asks for their second factor at every login.
"""

import time

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"
SESSION_STARTED = "kring_staff_started"
SESSION_SEEN = "kring_staff_seen"
# Pages a staff member without a second factor may still open: setting one up, logging out.
MFA_SETUP_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/accounts/reauthenticate/")


def is_staff_member(user):
    return user.is_authenticated and (
        user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")
    )


class StaffSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and is_staff_member(user):
            response = self._check(request, user)
            if response is not None:
                return response
        elif user is not None and user.is_authenticated and request.path.startswith(ADMIN_PREFIX):
            # Wagtail would send a logged-in member to the login page, which sends them back.
            raise PermissionDenied
        return self.get_response(request)

    def _check(self, request, user):
        now = time.time()
        session = request.session
        started = session.setdefault(SESSION_STARTED, now)
        seen = session.get(SESSION_SEEN, now)
        if now - seen > settings.KRING_STAFF_IDLE_SECONDS or (
            now - started > settings.KRING_STAFF_MAX_SECONDS
        ):
            logout(request)
            messages.info(request, _("For your safety you were logged out. Please log in again."))
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        session[SESSION_SEEN] = now

        if request.path.startswith(ADMIN_PREFIX) and not is_mfa_enabled(user):
            messages.warning(
                request,
                _("Set up two-factor authentication before you use the admin."),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return None


def admin_login(request):
    """The admin has no login form of its own: staff log in through allauth."""
    next_url = request.GET.get("next", ADMIN_PREFIX)
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ADMIN_PREFIX
    return redirect_to_login(next_url, settings.LOGIN_URL)
