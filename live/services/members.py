"""A member's live-room data: in their data export, and out of the rooms when they leave Kring."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from live import event_types
from live.events import publish_on_commit, room_group
from live.models import LiveRoom, Message, Participant, Question, StatementVote

if TYPE_CHECKING:
    from community.models import User

# One room in a member's data export: what they wrote there and how they voted.
RoomData = dict[str, str | datetime | bool | list[dict[str, str | datetime]]]


def export_member(user: User) -> tuple[str, list[RoomData]]:
    """What the live rooms hold about a member, for "my data"."""
    rooms: list[RoomData] = []
    participants = Participant.objects.filter(user=user).select_related("room").order_by("id")
    for participant in participants:
        messages = Message.objects.filter(participant=participant).exclude(
            status=Message.Status.REMOVED
        )
        rooms.append(
            {
                "room": participant.room.title,
                "name": participant.name,
                "joined_at": participant.joined_at,
                "muted": participant.is_muted,
                "messages": [
                    {"text": m.text, "sent_at": m.created_at, "status": m.status}
                    for m in messages.order_by("id")
                ],
                "questions": [
                    {"text": q.text, "asked_at": q.created_at, "status": q.status}
                    for q in Question.objects.filter(participant=participant).order_by("id")
                ],
                "votes": [
                    {"statement": v.statement.text, "choice": v.choice}
                    for v in StatementVote.objects.filter(participant=participant)
                    .select_related("statement")
                    .order_by("id")
                ],
            }
        )
    return "live_rooms", rooms


def take_out_of_rooms(sender: type[User], instance: User, **kwargs: object) -> None:
    """Before an account is deleted (its messages go with it), tell the rooms that are live."""
    live = Participant.objects.filter(user=instance).exclude(room__status=LiveRoom.Status.CLOSED)
    for participant in live:
        removed = Message.objects.filter(participant=participant, status=Message.Status.VISIBLE)
        for message_id in removed.values_list("id", flat=True):
            gone: event_types.MessageRemoved = {"type": "message.removed", "id": message_id}
            publish_on_commit(room_group(participant.room_id), gone)
        questions = Question.objects.filter(
            participant=participant, status__in=[Question.Status.OPEN, Question.Status.ANSWERED]
        )
        for question_id in questions.values_list("id", flat=True):
            declined: event_types.QuestionRemoved = {"type": "question.removed", "id": question_id}
            publish_on_commit(room_group(participant.room_id), declined)
