"""What clients are told, and how it reaches them: group names, event shapes, publishing.

The same shapes go into `room.state` and into the events that follow, so the client has one
way of drawing each thing. Nothing sent to clients is translated: each client has its own
language and draws the words from its page. (results() is for templates.)

This is the publishing side of the fan-out: the services publish here, after their commit,
and never import the socket layer; live.ws.fanout subscribes each process to the groups its
connections are in and hands the serialised events on.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeAlias

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from live import conf, voices
from live import event_types as et
from live.models import (
    LiveRoom,
    Message,
    Participant,
    Question,
    QuestionUpvote,
    Statement,
    StatementVote,
)
from live.outbox import Meta, Outbox, collecting_now
from workshops.models import Role

logger = logging.getLogger(__name__)

# What the services publish (a room.state goes to one connection, never through here).
Event: TypeAlias = et.Published

# The handler on the consumer: LiveRoomConsumer.live_send.
HANDLER = "live.send"

# What tells a connection that events may have been lost on the way to it (Redis restarted,
# or a publisher could not reach it): the client gets `room.resync`, closes and reconnects at
# once with ?last=, as after any lost connection.
RESYNC = "live.resync"
# Groups of which this process could not send an event: told to resync once the layer is back.
missed_groups: set[str] = set()


# Groups ---------------------------------------------------------------------------------------


def room_group(room_id: int) -> str:
    return f"live.{room_id}"


def moderators_group(room_id: int) -> str:
    return f"live.{room_id}.mod"


def participant_group(participant_id: int) -> str:
    return f"live.p.{participant_id}"


def user_group(user_id: int) -> str:
    """Every connection of one account (live.ws.identity asks them to check who they are)."""
    return f"live.u.{user_id}"


# Publishing -----------------------------------------------------------------------------------


def encode(event: Mapping[str, object]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


async def apublish(group: str, event: Event, meta: Meta | None = None) -> None:
    """Send `event` to everyone in `group`; `meta` is for the consumers, not the clients."""
    message: dict[str, object] = {"type": HANDLER, "group": group, "text": encode(event)}
    if meta:
        message["meta"] = meta
    await _group_send(get_channel_layer(), group, message)


async def _group_send(layer: Any, group: str, message: dict[str, object]) -> None:
    """Send, or remember that `group` missed an event: what is stored stays stored.

    Once the layer takes messages again, the groups that missed one are told to resync
    (RESYNC): their connections close and the pages reconnect with ?last=, getting what they
    missed from the history.
    """
    try:
        await layer.group_send(group, message)
    except Exception as error:
        if not missed_groups:
            # The class only: redis-py's messages name the server's address.
            logger.warning(
                "live fan-out: the channel layer refused an event (%s); its rooms will resync",
                type(error).__name__,
            )
        missed_groups.add(group)
        return
    if missed_groups:
        await resync_missed(layer)


async def resync_missed(layer: Any) -> None:
    for group in list(missed_groups):
        missed_groups.discard(group)
        try:
            await layer.group_send(group, {"type": RESYNC, "group": group})
        except Exception:
            missed_groups.add(group)
            return


def from_sync(function: Callable[..., Awaitable[None]], *args: object) -> None:
    """`async_to_sync(function)(*args)`, also where an event loop runs in this very thread.

    Signals such as an account's save fire wherever the account is saved. Where a library
    drives its own loop in the calling thread (Playwright's sync API in the browser tests),
    async_to_sync refuses; the call then runs in a short-lived thread and is waited for, as
    async_to_sync would have waited.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        async_to_sync(function)(*args)
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(async_to_sync(function), *args).result()


def publish(group: str, event: Event, meta: Meta | None = None) -> None:
    """Send from synchronous code (services, admin views); call it after the commit."""
    from_sync(apublish, group, event, meta)


def notify(group: str, handler: str) -> None:
    """Wake the connections in `group` with a message for `handler` that no client sees."""
    layer = get_channel_layer()
    from_sync(_group_send, layer, group, {"type": handler, "group": group})


async def send_kept(outbox: Outbox) -> None:
    """Publish what a service kept in `outbox` (live.outbox), from the event loop."""
    for group, event, meta in outbox.take():
        await apublish(group, event, meta)


def _publish_or_keep(outbox: Outbox | None, group: str, event: Event, meta: Meta | None) -> None:
    if outbox is not None and outbox.keep(group, event, meta):
        return
    publish(group, event, meta)


def publish_on_commit(group: str, event: Event, meta: Meta | None = None) -> None:
    # A layer that is down fails nothing: the event is stored, and its room resyncs later.
    # Within live.outbox.collecting(), what commits is kept for the caller on the event loop.
    outbox = collecting_now()
    transaction.on_commit(lambda: _publish_or_keep(outbox, group, event, meta), robust=True)


# Shapes ---------------------------------------------------------------------------------------

CHOICES = voices.CHOICES


def room_data(room: LiveRoom) -> et.Room:
    return {
        "slug": room.slug,
        "title": room.title,
        "status": room.status,
        "slow": room.slow_mode_seconds,
        "premoderated": room.premoderate_questions,
    }


def speaker(participant: Participant) -> et.Speaker:
    """The role and verified badge shown beside someone's words: only when they chose so."""
    if not participant.show_role:
        return {"role": None, "badge": None}
    role = participant.role if participant.role != Role.UNSAID else None
    return {"role": role, "badge": participant.badge_label or None}


def message_data(message: Message) -> et.ChatLine:
    return {
        "id": message.pk,
        "author": message.participant.name,
        "pid": message.participant_id,
        **speaker(message.participant),
        "mod": message.by_moderator,
        "text": message.text,
        "at": message.created_at.isoformat(),
    }


def question_data(question: Question) -> et.Question:
    return {
        "id": question.pk,
        "author": question.participant.name,
        "pid": question.participant_id,
        **speaker(question.participant),
        "text": question.text,
        "status": question.status,
        "votes": question.upvotes,
        "at": question.created_at.isoformat(),
    }


def statement_data(statement: Statement, counts: dict[str, int] | None = None) -> et.Statement:
    """A statement for everyone: its split by role only once it closed (moderators see it
    earlier, in split_event)."""
    counts = counts if counts is not None else tally(statement)
    data: et.Statement = {
        "id": statement.pk,
        "text": statement.text,
        "status": statement.status,
        "counts": counts,
        "total": sum(counts.values()),
    }
    if statement.status == Statement.Status.CLOSED:
        data["split"] = voices.split_by_role(statement).as_dict()
    return data


def split_event(statement: Statement) -> et.StatementSplit:
    """The live split of an open statement, for moderators only."""
    return {
        "type": "statement.split",
        "id": statement.pk,
        "split": voices.split_by_role(statement).as_dict(),
    }


def results(counts: dict[str, int]) -> dict[str, object]:
    """A statement's results as a template draws them: a row per choice, with percentages."""
    total = sum(counts.values())
    labels = {"agree": _("Agree"), "disagree": _("Disagree"), "neutral": _("Neutral")}
    return {
        "total": total,
        "rows": [
            {
                "choice": choice,
                "label": labels[choice],
                "count": counts[choice],
                "percent": round(100 * counts[choice] / total) if total else 0,
            }
            for choice in CHOICES
        ],
    }


def tally(statement: Statement) -> dict[str, int]:
    """The current results: counted from the votes while open, the stored numbers after."""
    if statement.status != Statement.Status.OPEN:
        stored: dict[str, int] = statement.stored_counts()
        return stored
    row = StatementVote.objects.filter(statement=statement).aggregate(
        **{choice: Count("id", filter=Q(choice=choice)) for choice in CHOICES}
    )
    return {choice: row[choice] or 0 for choice in CHOICES}


def waiting_count(room_id: int) -> int:
    return Question.objects.filter(room_id=room_id, status=Question.Status.PENDING).count()


def shown_questions(room: LiveRoom) -> list[Question]:
    """The open questions with the most up-votes, then the latest answered ones."""
    questions = Question.objects.filter(room=room).select_related("participant")
    shown = list(
        questions.filter(status=Question.Status.OPEN).order_by("-upvotes", "id")[
            : conf.OPEN_QUESTIONS_SHOWN
        ]
    )
    shown += questions.filter(status=Question.Status.ANSWERED).order_by("-answered_at", "-id")[
        : conf.ANSWERED_QUESTIONS_SHOWN
    ]
    return shown


def upvote_counts(room_id: int) -> list[list[int]]:
    """Up-votes of the open questions that are shown (answered ones no longer change)."""
    rows = (
        Question.objects.filter(room_id=room_id, status=Question.Status.OPEN)
        .order_by("-upvotes", "id")
        .values_list("id", "upvotes")[: conf.OPEN_QUESTIONS_SHOWN]
    )
    return [[pk, votes] for pk, votes in rows]


def _messages(room: LiveRoom, last_id: int | None) -> tuple[list[Message], bool]:
    visible = Message.objects.filter(room=room, status=Message.Status.VISIBLE)
    visible = visible.select_related("participant")
    if last_id:
        missed = list(visible.filter(id__gt=last_id).order_by("id")[: conf.MISSED_AT_MOST + 1])
        if len(missed) <= conf.MISSED_AT_MOST:
            return missed, False
    # A new client, or one that missed too much: the latest messages replace what it shows.
    latest = list(visible.order_by("-id")[: conf.HISTORY_ON_CONNECT])
    return latest[::-1], True


def room_state(
    room: LiveRoom,
    participant: Participant | None = None,
    moderator: bool = False,
    last_id: int | None = None,
    presence: int = 0,
) -> et.RoomState:
    """Everything a client shows, or (with last_id) the messages it missed and the rest anew."""
    messages, replace = _messages(room, last_id)
    questions = shown_questions(room)
    statements = list(room.statements.exclude(status=Statement.Status.DRAFT))
    current = next((s for s in statements if s.status == Statement.Status.OPEN), None)
    my_upvotes, my_vote = [], None
    if participant is not None:
        my_upvotes = list(
            QuestionUpvote.objects.filter(participant=participant, question__room=room).values_list(
                "question_id", flat=True
            )
        )
        if current is not None:
            my_vote = (
                StatementVote.objects.filter(statement=current, participant=participant)
                .values_list("choice", flat=True)
                .first()
            )
    state: et.RoomState = {
        "type": "room.state",
        "room": room_data(room),
        "me": {
            "pid": participant.pk if participant else None,
            "name": participant.name if participant else None,
            "moderator": moderator,
            "muted": bool(participant and participant.is_muted),
        },
        "presence": presence,
        "messages": [message_data(m) for m in messages],
        "replace": replace,
        "removed": _recently_removed(room, messages, last_id),
        "questions": [question_data(q) for q in questions],
        "upvoted": my_upvotes,
        "waiting": waiting_count(room.pk),
        "statement": statement_data(current) if current else None,
        "vote": my_vote,
        "closed": [
            statement_data(s) for s in reversed(statements) if s.status == Statement.Status.CLOSED
        ],
    }
    if moderator:
        split = split_event(current)["split"] if current else None
        state["moderation"] = moderation_state(room, split)
    return state


def _recently_removed(room: LiveRoom, messages: list[Message], last_id: int | None) -> list[int]:
    """Messages removed that a reconnecting client may still show."""
    if not last_id:
        return []
    return list(
        Message.objects.filter(room=room, status=Message.Status.REMOVED, id__lte=last_id)
        .order_by("-id")
        .values_list("id", flat=True)[: conf.MISSED_AT_MOST]
    )


def moderation_state(room: LiveRoom, split: dict[str, object] | None = None) -> et.Moderation:
    """What moderators see beside the room: waiting questions, held messages, drafts, muted
    people, and the open statement's split by role (`split`)."""
    shown = conf.WAITING_SHOWN_TO_MODERATORS
    pending = Question.objects.filter(room=room, status=Question.Status.PENDING)
    pending = pending.select_related("participant").order_by("id")[:shown]
    held = Message.objects.filter(room=room, status=Message.Status.HELD)
    held = held.select_related("participant").order_by("id")[:shown]
    muted = room.participants.filter(muted_at__isnull=False).order_by("name")
    return {
        "pending": [question_data(q) for q in pending],
        "held": [message_data(m) for m in held],
        "drafts": [
            {"id": s.pk, "text": s.text}
            for s in room.statements.filter(status=Statement.Status.DRAFT)
        ],
        "muted": [{"pid": p.pk, "name": p.name} for p in muted],
        "split": split,
    }


def reader_state(room: LiveRoom, presence: int = 0) -> et.RoomState:
    """room.state as every reader without a name gets it (live.ws.coalesce.SharedReads)."""
    return room_state(room, None, False, None, presence)
