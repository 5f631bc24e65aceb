"""What every participant does: chat, ask, up-vote and vote on the open statement."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from live import conf, events
from live.events import moderators_group, publish_on_commit, room_group
from live.models import Message, Participant, Question, QuestionUpvote, Statement, StatementVote
from live.services import safety
from live.services.base import Actor, LiveError, check_can_post, check_room_open, get_participant


@dataclass(frozen=True)
class ChatResult:
    """What happened to a message or question, for the private reply to its writer."""

    id: int
    held: bool = False
    watched: bool = False


@transaction.atomic
def do_send_chat(actor: Actor, text: str) -> ChatResult:
    participant = get_participant(actor, lock=True)
    now = timezone.now()
    check_can_post(participant, actor, now)
    verdict = safety.read(text)
    held = verdict.hold and not actor.moderator
    message = Message.objects.create(
        room_id=participant.room_id,
        participant=participant,
        text=text,
        status=Message.Status.HELD if held else Message.Status.VISIBLE,
        held_at=now if held else None,
        by_moderator=actor.moderator,
        watched=verdict.watched,
    )
    participant.last_posted_at = now
    participant.save(update_fields=["last_posted_at"])
    message.participant = participant
    data = events.message_data(message)
    if held:
        publish_on_commit(
            moderators_group(message.room_id), {"type": "message.held", "message": data}
        )
    else:
        publish_on_commit(room_group(message.room_id), {"type": "chat.message", "message": data})
    if verdict.watched:
        publish_on_commit(
            moderators_group(message.room_id), {"type": "message.watched", "id": message.pk}
        )
    return ChatResult(message.pk, held=held, watched=verdict.watched)


@transaction.atomic
def do_ask_question(actor: Actor, text: str) -> ChatResult:
    participant = get_participant(actor, lock=True)
    now = timezone.now()
    check_can_post(participant, actor, now)
    room = participant.room
    verdict = safety.read(text)
    pending = (room.premoderate_questions or verdict.hold) and not actor.moderator
    if pending:
        check_waiting_questions(participant)
    question = Question.objects.create(
        room=room,
        participant=participant,
        text=text,
        status=Question.Status.PENDING if pending else Question.Status.OPEN,
        approved_at=None if pending else now,
    )
    participant.last_posted_at = now
    participant.save(update_fields=["last_posted_at"])
    question.participant = participant
    data = events.question_data(question)
    if pending:
        publish_on_commit(moderators_group(room.pk), {"type": "question.pending", "question": data})
        publish_waiting(room.pk)
    else:
        publish_on_commit(room_group(room.pk), {"type": "question.new", "question": data})
    return ChatResult(question.pk, held=pending, watched=verdict.watched)


def check_waiting_questions(participant: Participant) -> None:
    waiting = Question.objects.filter(participant=participant, status=Question.Status.PENDING)
    if waiting.count() >= conf.WAITING_QUESTIONS_PER_PARTICIPANT:
        raise LiveError(
            "too_many_waiting",
            _(
                "You already have %(count)s questions waiting for a moderator. You can ask "
                "another one once they have been read."
            )
            % {"count": conf.WAITING_QUESTIONS_PER_PARTICIPANT},
        )


def publish_waiting(room_id: int) -> None:
    """The public count of questions waiting for approval: nobody can bury one unseen."""
    publish_on_commit(
        room_group(room_id), {"type": "question.waiting", "count": events.waiting_count(room_id)}
    )


@transaction.atomic
def do_upvote(actor: Actor, question_id: int, up: bool = True) -> int:
    """One up-vote per participant; `up=False` takes it back. Returns the new count.

    The counts reach the room through the coalescing broadcast (live.ws.coalesce), not from here.
    """
    participant = get_participant(actor)
    check_room_open(participant.room)
    question = (
        Question.objects.select_for_update()
        .filter(pk=question_id, room_id=participant.room_id, status=Question.Status.OPEN)
        .first()
    )
    if question is None:
        raise LiveError("gone", _("This question can no longer be up-voted."))
    if up and question.participant_id == participant.pk:
        raise LiveError("own_question", _("You cannot up-vote your own question."))
    if up:
        _vote, changed = QuestionUpvote.objects.get_or_create(
            question=question, participant=participant
        )
        step = 1
    else:
        deleted, _by_model = QuestionUpvote.objects.filter(
            question=question, participant=participant
        ).delete()
        changed = deleted > 0
        step = -1
    if changed:
        Question.objects.filter(pk=question.pk).update(upvotes=F("upvotes") + step)
    question.refresh_from_db(fields=["upvotes"])
    return question.upvotes


@transaction.atomic
def do_vote(actor: Actor, statement_id: int, choice: str) -> int:
    """Agree, disagree or neutral on the open statement; a later vote replaces an earlier one.

    Muted participants still vote: muting silences a voice, it does not take away a say.
    """
    participant = get_participant(actor)
    check_room_open(participant.room)
    # Locked as closing it locks it: a vote either counts in the stored results or is refused.
    statement = (
        Statement.objects.select_for_update()
        .filter(pk=statement_id, room_id=participant.room_id, status=Statement.Status.OPEN)
        .first()
    )
    if statement is None:
        raise LiveError("gone", _("Voting on this statement has closed."))
    StatementVote.objects.update_or_create(
        statement=statement, participant=participant, defaults={"choice": choice}
    )
    return statement.pk
