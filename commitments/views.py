"""A commitment's own page with its follow form, and the private links from the mails.

Served as sub-URLs of the commitments page. Pages behind a private link are never cached or
indexed, and say nothing about a follower unless the link is right.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from commitments import caching, conf, following
from commitments.forms import FollowForm
from commitments.listing import annotate
from commitments.models import Commitment, CommitmentIndexPage, FollowerLink
from community.clients import client_key
from community.private import private
from community.ratelimit import allow

Purpose = FollowerLink.Purpose


def _render(
    request: HttpRequest,
    page: CommitmentIndexPage,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {"page": page, "self": page, **(context or {})}
    return private(TemplateResponse(request, template, context, status=status))


def _commitment(page: CommitmentIndexPage, commitment_id: int) -> Commitment:
    commitment: Commitment = get_object_or_404(
        Commitment.objects.published().select_related("panel__page").prefetch_related("updates"),
        pk=commitment_id,
    )
    annotate(page, [commitment])
    return commitment


@require_http_methods(["GET", "HEAD", "POST"])
def detail(request: HttpRequest, page: CommitmentIndexPage, commitment_id: int) -> HttpResponse:
    commitment = _commitment(page, commitment_id)
    caching.track(request, [commitment])
    form = FollowForm(request.POST or None)
    try:
        following.check_can_follow(request.user, commitment)
        can_follow = True
    except following.FollowError:
        can_follow = False
    if request.method == "POST" and can_follow:
        key = client_key(request, "commitments:follow")
        if not allow(key, conf.ATTEMPTS_PER_CLIENT_PER_HOUR, 60 * 60):
            form.add_error(
                None, _("That was a lot of attempts in a short time. Please try again in an hour.")
            )
        elif form.is_valid():
            following.do_follow(
                request.user,
                commitment,
                email=form.cleaned_data["email"],
                language=translation.get_language(),
            )
            return HttpResponseRedirect(page.route_url("check_mail", commitment_id=commitment.pk))
    context = {
        "commitment": commitment,
        "form": form,
        "can_follow": can_follow,
        "retention_days": conf.follower_retention_days(),
    }
    return _render(request, page, "commitments/detail.html", context)


@require_http_methods(["GET", "HEAD"])
def check_mail(request: HttpRequest, page: CommitmentIndexPage, commitment_id: int) -> HttpResponse:
    commitment = _commitment(page, commitment_id)
    hours = int(conf.confirm_link_lifetime().total_seconds() // 3600)
    context = {"commitment": commitment, "hours": hours}
    return _render(request, page, "commitments/check_mail.html", context)


def _unknown_link(request: HttpRequest, page: CommitmentIndexPage) -> HttpResponse:
    message = _("This link does not work (any more). Check that you copied the whole link.")
    return _render(request, page, "commitments/link_problem.html", {"message": message}, 404)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, page: CommitmentIndexPage, token: str) -> HttpResponse:
    """A GET only shows a button: mail scanners open links, and must not confirm anything."""
    link = FollowerLink.objects.find(token, Purpose.CONFIRM)
    if link is None:
        return _unknown_link(request, page)
    follower = link.follower
    try:
        following.check_can_confirm(request.user, link)
    except following.FollowError as error:
        return _render(
            request, page, "commitments/link_problem.html", {"message": error.message}, 410
        )
    commitment = _commitment(page, follower.commitment_id)
    if request.method == "POST":
        following.do_confirm(request.user, follower)
        return _render(request, page, "commitments/confirmed.html", {"commitment": commitment})
    return _render(request, page, "commitments/confirm.html", {"commitment": commitment})


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, page: CommitmentIndexPage, token: str) -> HttpResponse:
    """A GET only shows a button (mail scanners open links); the POST stops at once."""
    link = FollowerLink.objects.find(token, Purpose.UNSUBSCRIBE)
    if link is None:
        return _unknown_link(request, page)
    follower = link.follower
    if request.method == "POST":
        follower = following.do_unsubscribe(request.user, follower)
    context = {"follower": follower, "commitment": follower.commitment}
    return _render(request, page, "commitments/unsubscribe.html", context)
