"""The public form and the author's private link; both are routes of the story index page."""

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from community.clients import client_key
from community.private import private
from community.ratelimit import allow
from community.tokens import new_token, token_digest
from moderation.reports import flagged_by_reports
from stories import conf
from stories.conversation import exchange, note_for_author
from stories.diff import diff_words, has_changes
from stories.experience import StoryExperience, do_save_experience
from stories.experience_forms import ExperienceForm
from stories.forms import ApproveForm, ReplyForm, StorySubmissionForm, WithdrawForm
from stories.models import StoryIndexPage, StorySubmission
from stories.notifications import notify_received
from stories.services import (
    AuthorStatus,
    NotWaitingForAuthor,
    VersionChanged,
    author_status,
    do_approve_as_author,
    do_reply_as_author,
    do_submit_story,
    do_withdraw_story,
)
from stories.workflow import author_version, fingerprint, submission_version


def _render(
    request: HttpRequest,
    index: StoryIndexPage,
    template: str,
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """One of the index page's private sub-pages (the form, the author's link)."""
    response: HttpResponse = index.render(
        request, template=template, context_overrides=context or {}
    )
    response.status_code = status
    return private(response)


def _private_url(request: HttpRequest, index: StoryIndexPage, token: str) -> str:
    return request.build_absolute_uri(
        index.get_url(request) + index.reverse_subpage("author", args=[token])
    )


def submit(request: HttpRequest, index: StoryIndexPage) -> HttpResponse:
    form = StorySubmissionForm(request.POST or None)
    experience_form = ExperienceForm(request.POST or None)
    valid = form.is_valid() and experience_form.is_valid()
    if request.method == "POST" and valid:
        key = form.cleaned_data["submission_key"]
        if key and cache.get(f"stories:submitted:{token_digest(key)}"):
            return _render(request, index, "stories/submit_repeated.html")
        if not allow(
            client_key(request, "stories.submit"), conf.SUBMISSIONS_PER_CLIENT_PER_HOUR, 60 * 60
        ):
            form.add_error(
                None,
                _(
                    "You have shared several stories in a short time. Please try again in an "
                    "hour; your text is still here."
                ),
            )
        else:
            if form.is_automated:
                # Answer an automated sender as if all went well, and keep nothing.
                token = new_token()[0]
            else:
                token = _create(request, index, form.cleaned_data, experience_form)
            if key:
                cache.set(
                    f"stories:submitted:{token_digest(key)}", True, conf.SUBMITTED_KEY_SECONDS
                )
            context = {
                "private_url": _private_url(request, index, token),
                "mailed": bool(form.cleaned_data["email"]),
            }
            return _render(request, index, "stories/submitted.html", context)
    return _render(
        request, index, "stories/submit.html", {"form": form, "experience_form": experience_form}
    )


def _create(
    request: HttpRequest,
    index: StoryIndexPage,
    data: dict[str, Any],
    experience_form: ExperienceForm,
) -> str:
    story, token = do_submit_story(
        index,
        title=data["title"],
        pseudonym=data["pseudonym"],
        body=data["story"],
        themes=list(data["themes"]),
        content_warnings=list(data["content_warnings"]),
        email=data["email"],
        language=translation.get_language() or "nl",
    )
    do_save_experience(story, experience_form.answers())
    if data["email"]:
        submission_pk = story.submission.pk
        private_url = _private_url(request, index, token)
        transaction.on_commit(lambda: notify_received(submission_pk, private_url))
    return token


def author_page(request: HttpRequest, index: StoryIndexPage, token: str) -> HttpResponse:
    submission = (
        StorySubmission.objects.select_related("page")
        .filter(token_digest=token_digest(token))
        .first()
    )
    if submission is None:
        return _render(request, index, "stories/author_unknown.html", status=404)

    notice = error = None
    approve_form, reply_form, withdraw_form = ApproveForm(), ReplyForm(), WithdrawForm()
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        withdraw_form = WithdrawForm(request.POST)
        if withdraw_form.is_valid():
            do_withdraw_story(submission)
            return _render(request, index, "stories/withdrawn.html")
    elif request.method == "POST" and request.POST.get("action") == "approve":
        approve_form = ApproveForm(request.POST)
        if approve_form.is_valid():
            try:
                do_approve_as_author(submission, approve_form.cleaned_data["version"])
                notice = _("Thank you. Your story is now published.")
            except VersionChanged:
                error = _(
                    "The text was changed again while you were reading. Please read the new "
                    "version below before you approve it."
                )
            except NotWaitingForAuthor:
                error = _("Your story is not waiting for your approval at the moment.")
    elif request.method == "POST" and request.POST.get("action") == "reply":
        reply_form = ReplyForm(request.POST)
        if reply_form.is_valid():
            try:
                do_reply_as_author(
                    submission,
                    reply_form.cleaned_data["version"],
                    reply_form.cleaned_data["reply"],
                )
                notice = _(
                    "Thank you. Your reply is with the moderators, and your story is back with "
                    "them. If they change it again, you will read the new version here before "
                    "anything is published."
                )
                reply_form = ReplyForm()
            except VersionChanged:
                error = _(
                    "The text was changed again while you were reading. Please read the new "
                    "version below; your reply is still in the box."
                )
            except NotWaitingForAuthor:
                error = _("Your story is not waiting for your approval at the moment.")

    context = _author_context(submission)
    context.update(
        notice=notice,
        error=error,
        approve_form=approve_form,
        reply_form=reply_form,
        withdraw_form=withdraw_form,
    )
    return _render(request, index, "stories/author.html", context)


def _author_context(submission: StorySubmission) -> dict[str, Any]:
    story = submission.page.specific
    story.refresh_from_db()
    latest = story.get_latest_revision_as_object()
    status = author_status(story)
    remarks = exchange(story)
    note = note_for_author(story) if status == AuthorStatus.WAITING_FOR_AUTHOR else ""
    theirs = submission_version(submission, prose=True)
    ours = author_version(latest, prose=True)
    changes = [
        (label, diff_words(theirs[key], ours[key]))
        for key, label in (
            ("title", _("Title")),
            ("pseudonym", _("Pseudonym")),
            ("text", _("Your story")),
        )
    ]
    return {
        "story": latest,
        "status": status,
        "statuses": AuthorStatus,
        "changes": [(label, pieces) for label, pieces in changes if has_changes(pieces)],
        "version": fingerprint(author_version(latest)),
        "note": note,
        # The note she is asked about stands on its own above; the list is what came before.
        "exchange": remarks[:-1] if note else remarks,
        "submitted_at": submission.submitted_at,
        "reported": story.live and flagged_by_reports(story),
        "experience": StoryExperience.objects.filter(page_id=story.pk).first(),
    }
