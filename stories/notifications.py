"""Discreet mails to an author who left an address: neutral subject, no story text, no images.

Only the first mail carries the private link; the link's token is not stored, so later mails
point back to that first one. The address is deleted as soon as a decision is made.
"""

from typing import Any

from django.utils import translation

from community.help import help_numbers
from community.mail import queue_mail


def _send(
    submission_pk: int,
    template: str,
    extra: dict[str, Any] | None = None,
    *,
    forget_address: bool = False,
) -> bool:
    from stories.models import StorySubmission

    submission = StorySubmission.objects.filter(pk=submission_pk).first()
    if submission is None or not submission.email:
        return False
    context = {"help": help_numbers(), **(extra or {})}
    with translation.override(submission.language):
        queue_mail(f"stories/mail/{template}", submission.email, context)
    if forget_address:
        StorySubmission.objects.filter(pk=submission_pk).update(email="")
    return True


def notify_received(submission_pk: int, private_url: str) -> bool:
    return _send(submission_pk, "received", {"private_url": private_url})


def notify_consent_needed(submission_pk: int) -> bool:
    # Whether the moderator left a note, never the note itself: the mail stays discreet.
    from stories.conversation import note_for_author
    from stories.models import StorySubmission

    submission = StorySubmission.objects.select_related("page").filter(pk=submission_pk).first()
    has_note = bool(submission and note_for_author(submission.page))
    return _send(submission_pk, "consent_needed", {"has_note": has_note})


def notify_published(submission_pk: int) -> bool:
    # No link to the story itself: whoever else reads this inbox should not find it that way.
    return _send(submission_pk, "published", forget_address=True)


def notify_declined(submission_pk: int) -> bool:
    return _send(submission_pk, "declined", forget_address=True)
