"""The mails to followers and to editors, each in its reader's language.

Subjects stay neutral ("a commitment you follow"), never what the commitment is about: a
subject line shows on a lock screen and in a shared mailbox. Every mail to a follower carries
a fresh link to stop following; the token exists only in that mail.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation

from commitments import conf
from community.mail import queue_mail
from workshops.mails import site_url

if TYPE_CHECKING:
    from commitments.models import Commitment, CommitmentIndexPage, CommitmentUpdate, Follower

PREFIX = "commitments/mail/"


def _page() -> CommitmentIndexPage | None:
    from commitments.models import CommitmentIndexPage

    page: CommitmentIndexPage | None = CommitmentIndexPage.objects.live().first()
    return page


def _follower_context(
    follower: Follower, page: CommitmentIndexPage, **extra: Any
) -> dict[str, Any]:
    from commitments.models import FollowerLink

    commitment = follower.commitment
    token = FollowerLink.issue(follower, FollowerLink.Purpose.UNSUBSCRIBE)
    return {
        "who": commitment.who,
        "what": commitment.what,
        "due": formats.date_format(commitment.due_date, "j F Y"),
        "commitment_url": site_url(page.route_url("detail", commitment_id=commitment.pk)),
        "unsubscribe_url": site_url(page.route_url("unsubscribe", token=token)),
        "retention_days": conf.follower_retention_days(),
        **extra,
    }


def _send(
    template: str, follower: Follower, build: Callable[[CommitmentIndexPage], dict[str, Any]]
) -> None:
    page = _page()
    if page is None or not follower.email:
        return
    with translation.override(follower.language):
        queue_mail(PREFIX + template, follower.email, build(page))


def send_confirm(follower: Follower, token: str) -> None:
    def build(page: CommitmentIndexPage) -> dict[str, Any]:
        hours = int(conf.confirm_link_lifetime().total_seconds() // 3600)
        url = site_url(page.route_url("confirm", token=token))
        return _follower_context(follower, page, confirm_url=url, hours=hours)

    _send("confirm", follower, build)


def send_already_following(follower: Follower) -> None:
    _send("already_following", follower, lambda page: _follower_context(follower, page))


def send_update(follower: Follower, update: CommitmentUpdate) -> None:
    def build(page: CommitmentIndexPage) -> dict[str, Any]:
        return _follower_context(
            follower,
            page,
            date=formats.date_format(update.date, "j F Y"),
            text=update.text,
            status=str(update.get_status_display()) if update.status else "",
            shown=str(follower.commitment.get_shown_display()),
        )

    _send("update", follower, build)


def send_editor_reminder(email: str, before: list[Commitment], overdue: list[Commitment]) -> None:
    """One mail per editor per run, listing what comes due soon and what is now late."""

    def item(commitment: Commitment) -> dict[str, Any]:
        return {
            "who": commitment.who,
            "what": commitment.what,
            "due": formats.date_format(commitment.due_date, "j F Y"),
            "url": site_url(
                reverse("wagtailsnippets_commitments_commitment:edit", args=[commitment.pk])
            ),
        }

    # Editors read Kring in Dutch; a management command may run without any language active.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "before": [item(c) for c in before],
            "overdue": [item(c) for c in overdue],
            "days": conf.reminder_lead_days(),
        }
        queue_mail(PREFIX + "editor_reminder", email, context)
