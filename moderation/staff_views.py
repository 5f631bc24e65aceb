"""The invitation link that lets a staff member register a second factor, and the page for staff
who have none yet. Private pages: never cached."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from community.private import private_view
from moderation.invitations import (
    SESSION_INVITATION,
    InvitationRefused,
    do_accept,
    pending,
    remember,
)
from moderation.staff import is_staff_member


@private_view
def invitation_link(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the mail: keep it in the session and take the token out of the address."""
    remember(request.session, token)
    return HttpResponseRedirect(reverse("staff_invitation"))


@private_view
def invitation(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        if request.session.get(SESSION_INVITATION):
            return redirect_to_login(reverse("staff_invitation"), settings.LOGIN_URL)
        return _unusable(request)
    if is_staff_member(user) and is_mfa_enabled(user):
        return HttpResponseRedirect("/admin/")
    if pending(request.session, user) is None:
        return _unusable(request)
    if request.method == "POST":
        try:
            do_accept(user, request.session)
        except InvitationRefused:
            return _unusable(request)
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
    return render(request, "moderation/staff/invitation.html")


def _unusable(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/staff/invitation_unusable.html", status=404)


@private_view
def second_factor_needed(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/staff/second_factor_needed.html")
