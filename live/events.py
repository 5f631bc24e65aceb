"""What clients are told: rooms, messages, questions and statements as plain JSON-ready dicts.

The same shapes go into `room.state` and into the events that follow, so the client has one
way of drawing each thing. Nothing sent to clients is translated: each client has its own
language and draws the words from its page. (results() is for templates.)
"""

import asyncio
import weakref

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from live import conf, voices
from live.models import LiveRoom, Message, Question, QuestionUpvote, Statement, StatementVote

CHOICES = ("agree", "disagree", "neutral")


def room_data(room):
    return {
        "slug": room.slug,
        "title": room.title,
        "status": room.status,
        "slow": room.slow_mode_seconds,
        "premoderated": room.premoderate_questions,
    }


def speaker(participant):
    """The role and verified badge shown beside someone's words: only when they chose so."""
    if not participant.show_role:
        return {"role": None, "badge": None}
    role = participant.role if participant.role != voices.Role.UNSAID else None
    return {"role": role, "badge": participant.badge_label or None}


def message_data(message):
    return {
        "id": message.pk,
        "author": message.participant.name,
        "pid": message.participant_id,
        **speaker(message.participant),
        "mod": message.by_moderator,
        "text": message.text,
        "at": message.created_at.isoformat(),
    }


def question_data(question):
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


def statement_data(statement, counts=None):
    """A statement for everyone: its split by role only once it closed (moderators see it
    earlier, in split_event)."""
    counts = counts if counts is not None else tally(statement)
    data = {
        "id": statement.pk,
        "text": statement.text,
        "status": statement.status,
        "counts": counts,
        "total": sum(counts.values()),
    }
    if statement.status == Statement.Status.CLOSED:
        data["split"] = voices.split_by_role(statement).as_dict()
    return data


def split_event(statement):
    """The live split of an open statement, for moderators only."""
    return {
        "type": "statement.split",
        "id": statement.pk,
        "split": voices.split_by_role(statement).as_dict(),
    }


def results(counts):
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


def tally(statement):
    """The current results: counted from the votes while open, the stored numbers after."""
    if statement.status != Statement.Status.OPEN:
        return statement.stored_counts()
    row = StatementVote.objects.filter(statement=statement).aggregate(
        **{choice: Count("id", filter=Q(choice=choice)) for choice in CHOICES}
    )
    return {choice: row[choice] or 0 for choice in CHOICES}


def waiting_count(room_id):
    return Question.objects.filter(room_id=room_id, status=Question.Status.PENDING).count()


def shown_questions(room):
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


def upvote_counts(room_id):
    """Up-votes of the open questions that are shown (answered ones no longer change)."""
    rows = (
        Question.objects.filter(room_id=room_id, status=Question.Status.OPEN)
        .order_by("-upvotes", "id")
        .values_list("id", "upvotes")[: conf.OPEN_QUESTIONS_SHOWN]
    )
    return [[pk, votes] for pk, votes in rows]


def _messages(room, last_id):
    visible = Message.objects.filter(room=room, status=Message.Status.VISIBLE)
    visible = visible.select_related("participant")
    if last_id:
        missed = list(visible.filter(id__gt=last_id).order_by("id")[: conf.MISSED_AT_MOST + 1])
        if len(missed) <= conf.MISSED_AT_MOST:
            return missed, False
    # A new client, or one that missed too much: the latest messages replace what it shows.
    latest = list(visible.order_by("-id")[: conf.HISTORY_ON_CONNECT])
    return latest[::-1], True


def room_state(room, participant=None, moderator=False, last_id=None, presence=0):
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
    state = {
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
        "removed": list(_recently_removed(room, messages, last_id)),
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
        state["moderation"] = moderation_state(room)
        state["moderation"]["split"] = split_event(current)["split"] if current else None
    return state


def _recently_removed(room, messages, last_id):
    """Messages removed that a reconnecting client may still show."""
    if not last_id:
        return []
    return (
        Message.objects.filter(room=room, status=Message.Status.REMOVED, id__lte=last_id)
        .order_by("-id")
        .values_list("id", flat=True)[: conf.MISSED_AT_MOST]
    )


def moderation_state(room):
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
    }


def room_for_page(slug):
    return LiveRoom.objects.select_related("panel__page", "session__page").get(slug=slug)


# One room.state for all readers without a name ------------------------------------------------


class SharedReads:
    """Reads that every caller of one key shares, each begun only after its callers asked.

    A reader without a name (no participant, not a moderator, no ?last=) gets exactly the same
    room.state as every other such reader in the room, so a process builds it once for all
    readers who connect at about the same time, instead of once per connection: when 2,000
    people open a room, most of them arrive while a state is being built and share the next.

    What makes this safe is the order: a connection joins the room's fan-out first and asks for
    the state after. A state read before it joined could miss an event that reached the room in
    between, which it would then never get. So a caller never gets a read that had already
    begun when it asked: callers share the *next* read, which begins when the one running
    ends (one at a time per key); events that arrive meanwhile wait in the callers' inboxes,
    to be passed on after the state, as for a state read per connection.
    """

    def __init__(self):
        self.waiting = {}  # key -> the future of the next read, not begun yet
        self.running = {}  # key -> the read under way

    async def get(self, key, read):
        """The result of `await read()`, begun after this call (shared with other callers)."""
        future = self.waiting.get(key)
        if future is None:
            future = self.waiting[key] = asyncio.get_running_loop().create_future()
            task = asyncio.create_task(self._read(key, future, read, self.running.get(key)))
            self.running[key] = task
            task.add_done_callback(lambda done: self._finished(key, done))
        # A caller that goes away (its client closed) must not cancel the others' read.
        return await asyncio.shield(future)

    async def _read(self, key, future, read, previous):
        if previous is not None:
            await asyncio.wait([previous])
        # From here on, new callers wait for the next read: this one may be too early for them.
        if self.waiting.get(key) is future:
            del self.waiting[key]
        try:
            result = await read()
        except asyncio.CancelledError:
            future.cancel()
            raise
        except Exception as error:
            if not future.done():
                future.set_exception(error)
        else:
            if not future.done():
                future.set_result(result)

    def _finished(self, key, task):
        if self.running.get(key) is task:
            del self.running[key]


_shared = weakref.WeakKeyDictionary()


def shared_reads():
    """This event loop's shared reads (a worker has one loop; tests may start several)."""
    loop = asyncio.get_running_loop()
    current = _shared.get(loop)
    if current is None:
        current = _shared[loop] = SharedReads()
    return current


def reader_state(room, presence=0):
    """room.state as every reader without a name gets it (see SharedReads)."""
    return room_state(room, None, False, None, presence)
