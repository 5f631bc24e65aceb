"""Who someone speaks as: the role they chose, and a verified badge from an editor's code.

Both are set only here, from a form the person posted on the room page; the socket has no
message that could set or change them, and what it sends about a participant comes from the
database (live.events.speaker).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.ratelimit import allow
from live import conf, event_types, events
from live.badges import BadgeCode, code_digest
from live.events import publish_on_commit, room_group
from live.models import LiveRoom, Participant
from live.services.base import LiveError
from workshops.models import Role


def _updated(participant: Participant) -> None:
    """Everyone in the room redraws this person's label beside what they wrote."""
    speaker = events.speaker(participant)
    event: event_types.ParticipantUpdated = {
        "type": "participant.updated",
        "pid": participant.pk,
        "role": speaker["role"],
        "badge": speaker["badge"],
    }
    publish_on_commit(room_group(participant.room_id), event)


@transaction.atomic
def do_set_role(participant: Participant, room: LiveRoom, *, role: str, show: bool) -> Participant:
    """Set the role someone speaks as, and whether it shows beside their words.

    A verified participant keeps the role of their badge; they can still hide it.
    """
    participant = Participant.objects.select_for_update().get(pk=participant.pk, room=room)
    if not participant.is_verified:
        participant.role = role if role in Role.values else Role.UNSAID
    participant.show_role = show
    participant.save(update_fields=["role", "show_role"])
    _updated(participant)
    return participant


def check_code_attempt(participant: Participant, client: str) -> None:
    """Count one attempt at a code; refuse when this client or participant tried too often."""
    by_client = allow(f"live-code:c:{client}", conf.CODE_ATTEMPTS_PER_HOUR, 3600)
    by_participant = allow(f"live-code:p:{participant.pk}", conf.CODE_ATTEMPTS_PER_HOUR, 3600)
    if not (by_client and by_participant):
        raise LiveError(
            "too_many_codes", _("You have tried too many codes. Please try again in an hour.")
        )


@transaction.atomic
def do_redeem_badge(participant: Participant, room: LiveRoom, *, code: str) -> Participant:
    """Give `participant` the verified badge of `code`, if it belongs to this room's event and
    nobody used it yet. The code works once; its badge is shown (they can hide it later)."""
    invalid = LiveError("bad_code", _("This code is not valid, or it has already been used."))
    page = room.host_page
    if page is None or not code:
        raise invalid
    now = timezone.now()
    badge = (
        BadgeCode.objects.select_for_update()
        .usable(now)
        .filter(digest=code_digest(code), page_id=page.pk)
        .first()
    )
    if badge is None:
        raise invalid
    participant = Participant.objects.select_for_update().get(pk=participant.pk, room=room)
    if participant.is_verified:
        raise LiveError("verified", _("You already have a verified badge in this room."))
    badge.used_at = now
    badge.participant = participant
    badge.save(update_fields=["used_at", "participant"])
    participant.role = badge.role
    participant.badge_label = badge.label
    participant.verified_at = now
    participant.show_role = True
    participant.save(update_fields=["role", "badge_label", "verified_at", "show_role"])
    _updated(participant)
    return participant
