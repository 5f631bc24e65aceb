"""What moderators do, from the room page or the admin. Each decision lands in the audit log.

`by` is the moderator's account. The caller has checked live.permissions.is_moderator(); these
functions check what is allowed on the room and the thing itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from live import event_types, events, voices
from live.events import moderators_group, participant_group, publish_on_commit, room_group
from live.models import LiveRoom, Message, Participant, Question, Statement
from live.services.base import LiveError, check_room_open
from live.services.participants import publish_waiting

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    # The moderator's account (None: the daily purge closing an idle room).
    from live.permissions import Someone

M = TypeVar("M", bound=Model)


def _get(queryset: QuerySet[M], pk: int | None, message: StrOrPromise) -> M:
    found = queryset.select_for_update().filter(pk=pk).first()
    if found is None:
        raise LiveError("gone", message)
    return found


def _to_room(
    room: LiveRoom, event: event_types.Published, meta: dict[str, object] | None = None
) -> None:
    publish_on_commit(room_group(room.pk), event, meta)


def _to_moderators(room: LiveRoom, event: event_types.Published) -> None:
    publish_on_commit(moderators_group(room.pk), event)


def _data(room: LiveRoom, why: str) -> dict[str, int | str]:
    """What an audit entry keeps besides who: the room, and the reason when one was given."""
    return {"room": room.pk, "why": why} if why else {"room": room.pk}


# Chat -----------------------------------------------------------------------------------


@transaction.atomic
def do_remove_message(
    room: LiveRoom,
    message_id: int,
    by: Someone,
    audit: bool = True,
    erase: bool = False,
    why: str = "",
    reason: str = "",
) -> Message:
    """Take a message out of the room; `erase` deletes its text for good (a report's decision).

    `audit=False` when the caller (the moderation queue) writes its own audit entry; `why` is
    the moderator's reason, when they gave one (the queue asks for it); `reason` one of
    live.models.Reason, counted in the room's open totals (live.totals).
    """
    messages = Message.objects.filter(room=room)
    if not erase:
        messages = messages.exclude(status=Message.Status.REMOVED)
    message = _get(messages, message_id, _("This message has already been removed."))
    message_pk = message.pk
    if audit:
        log(message, "live.message.remove", user=by, data=_data(room, why))
    if erase:
        message.delete()
    else:
        message.status = Message.Status.REMOVED
        message.removed_at = timezone.now()
        message.removal_reason = reason
        message.save(update_fields=["status", "removed_at", "removal_reason"])
    _to_room(room, {"type": "message.removed", "id": message_pk})
    _to_moderators(room, {"type": "message.removed", "id": message_pk})
    return message


@transaction.atomic
def do_restore_message(room: LiveRoom, message_id: int, by: Someone) -> Message:
    """Put back a message that reports hid, when a moderator finds nothing wrong with it."""
    removed = Message.objects.filter(room=room, status=Message.Status.REMOVED)
    message = _get(removed, message_id, _("This message is not removed."))
    message.status = Message.Status.VISIBLE
    message.removed_at = None
    message.save(update_fields=["status", "removed_at"])
    message = Message.objects.select_related("participant").get(pk=message.pk)
    _to_room(room, {"type": "chat.message", "message": events.message_data(message)})
    return message


@transaction.atomic
def do_release_message(room: LiveRoom, message_id: int, by: Someone, why: str = "") -> Message:
    """Post a message that a phrase held back, after a moderator read it."""
    held = Message.objects.filter(room=room, status=Message.Status.HELD)
    message = _get(held, message_id, _("This message is no longer waiting."))
    message.status = Message.Status.VISIBLE
    message.save(update_fields=["status"])
    log(message, "live.message.release", user=by, data=_data(room, why))
    message = Message.objects.select_related("participant").get(pk=message.pk)
    _to_room(room, {"type": "chat.message", "message": events.message_data(message)})
    _to_moderators(room, {"type": "message.released", "id": message.pk})
    return message


# Questions ------------------------------------------------------------------------------


@transaction.atomic
def do_approve_question(room: LiveRoom, question_id: int, by: Someone) -> Question:
    pending = Question.objects.filter(room=room, status=Question.Status.PENDING)
    question = _get(pending, question_id, _("This question is no longer waiting."))
    question.status = Question.Status.OPEN
    question.approved_at = timezone.now()
    question.save(update_fields=["status", "approved_at"])
    log(question, "live.question.approve", user=by, data={"room": room.pk})
    question = Question.objects.select_related("participant").get(pk=question.pk)
    _to_room(room, {"type": "question.new", "question": events.question_data(question)})
    _to_moderators(room, {"type": "question.approved", "id": question.pk})
    publish_waiting(room.pk)
    return question


@transaction.atomic
def do_mark_answered(room: LiveRoom, question_id: int, by: Someone) -> Question:
    open_questions = Question.objects.filter(room=room, status=Question.Status.OPEN)
    question = _get(open_questions, question_id, _("This question is not open."))
    question.status = Question.Status.ANSWERED
    question.answered_at = timezone.now()
    question.save(update_fields=["status", "answered_at"])
    log(question, "live.question.answered", user=by, data={"room": room.pk})
    _to_room(room, {"type": "question.answered", "id": question.pk})
    return question


@transaction.atomic
def do_remove_question(room: LiveRoom, question_id: int, by: Someone, reason: str = "") -> Question:
    """Decline a question; `reason` (live.models.Reason) is counted, never shown with it."""
    questions = Question.objects.filter(room=room).exclude(status=Question.Status.REMOVED)
    question = _get(questions, question_id, _("This question has already been removed."))
    was_pending = question.status == Question.Status.PENDING
    question.status = Question.Status.REMOVED
    question.decline_reason = reason
    question.save(update_fields=["status", "decline_reason"])
    data = {"room": room.pk, "reason": reason} if reason else {"room": room.pk}
    log(question, "live.question.remove", user=by, data=data)
    _to_room(room, {"type": "question.removed", "id": question.pk})
    _to_moderators(room, {"type": "question.removed", "id": question.pk})
    if was_pending:
        publish_waiting(room.pk)
    return question


# Statements -----------------------------------------------------------------------------


@transaction.atomic
def do_open_statement(
    room: LiveRoom, by: Someone, statement_id: int | None = None, text: str | None = None
) -> Statement:
    """Open a prepared statement, or a new one with `text`; an open one closes first."""
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    check_room_open(room)
    if text is not None:
        statement = Statement.objects.create(room=room, text=text)
    else:
        drafts = Statement.objects.filter(room=room, status=Statement.Status.DRAFT)
        statement = _get(drafts, statement_id, _("This statement cannot be opened."))
    for current in Statement.objects.select_for_update().filter(
        room=room, status=Statement.Status.OPEN
    ):
        _close(room, current, by)
    statement.status = Statement.Status.OPEN
    statement.opened_at = timezone.now()
    statement.save(update_fields=["status", "opened_at"])
    log(statement, "live.statement.open", user=by, data={"room": room.pk})
    zero = {choice: 0 for choice in events.CHOICES}
    _to_room(
        room, {"type": "statement.opened", "statement": events.statement_data(statement, zero)}
    )
    return statement


@transaction.atomic
def do_close_statement(room: LiveRoom, statement_id: int, by: Someone) -> Statement:
    open_statements = Statement.objects.filter(room=room, status=Statement.Status.OPEN)
    statement = _get(open_statements, statement_id, _("This statement is not open."))
    return _close(room, statement, by)


def _close(room: LiveRoom, statement: Statement, by: Someone) -> Statement:
    """Keep the results as numbers; the individual votes go when the room's history does."""
    counts = events.tally(statement)
    statement.role_counts = voices.vote_counts(statement)
    statement.agree_count = counts["agree"]
    statement.disagree_count = counts["disagree"]
    statement.neutral_count = counts["neutral"]
    statement.status = Statement.Status.CLOSED
    statement.closed_at = timezone.now()
    statement.save()
    log(statement, "live.statement.close", user=by, data={"room": room.pk, **counts})
    _to_room(room, {"type": "statement.closed", "statement": events.statement_data(statement)})
    return statement


# Participants and the room --------------------------------------------------------------


@transaction.atomic
def do_mute(
    room: LiveRoom, participant_id: int, by: Someone, muted: bool = True, why: str = ""
) -> Participant:
    participants = Participant.objects.filter(room=room)
    participant = _get(participants, participant_id, _("This participant is not in this room."))
    participant.muted_at = timezone.now() if muted else None
    participant.save(update_fields=["muted_at"])
    action = "live.participant.mute" if muted else "live.participant.unmute"
    log(participant, action, user=by, title=f"participant {participant.pk}", data=_data(room, why))
    told: event_types.MeMuted = {"type": "me.muted", "muted": muted}
    publish_on_commit(participant_group(participant.pk), told)
    _to_moderators(
        room,
        {
            "type": "participant.muted",
            "pid": participant.pk,
            "name": participant.name,
            "muted": muted,
        },
    )
    return participant


@transaction.atomic
def do_set_slow_mode(room: LiveRoom, seconds: int, by: Someone) -> LiveRoom:
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    room.slow_mode_seconds = seconds
    room.save(update_fields=["slow_mode_seconds"])
    log(room, "live.room.slow", user=by, data={"seconds": seconds})
    _room_updated(room)
    return room


@transaction.atomic
def do_set_status(room: LiveRoom, status: str, by: Someone) -> LiveRoom:
    room = LiveRoom.objects.select_for_update().get(pk=room.pk)
    if room.status == status:
        return room
    if status == LiveRoom.Status.CLOSED:
        for current in Statement.objects.select_for_update().filter(
            room=room, status=Statement.Status.OPEN
        ):
            _close(room, current, by)
        room.closed_at = timezone.now()
    elif status == LiveRoom.Status.OPEN:
        room.opened_at = room.opened_at or timezone.now()
        room.closed_at = None
    room.status = status
    room.save(update_fields=["status", "opened_at", "closed_at"])
    log(room, f"live.room.{status}", user=by)
    _room_updated(room)
    return room


def do_update_room(room: LiveRoom, by: Someone) -> LiveRoom:
    """After the admin form saved a room's settings: tell everyone in it."""
    _room_updated(room)
    return room


def _room_updated(room: LiveRoom) -> None:
    # The consumers adjust their rate limits to slow mode from the meta.
    _to_room(
        room,
        {"type": "room.updated", "room": events.room_data(room)},
        meta={"slow": room.slow_mode_seconds},
    )
