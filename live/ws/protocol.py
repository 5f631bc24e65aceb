"""The live protocol's incoming messages: one declared type each, validated before anything
else sees them.

A client sends JSON objects with a `type` and the fields that type needs, nothing else (the
types refuse unknown fields). Text is cleaned with community.text.clean_text and limited in
length; ids are positive integers below 2**53; choices come from where they are defined once
(a vote's choices and the removal reasons in live.models, slow mode's intervals in live.conf).
Anything else is refused with a LiveError that the consumer turns into an `error` event; the
connection stays open. live/PROTOCOL.md documents every type, and a test checks that it
agrees with the classes here.

The types are pydantic models, picked by measurement: scripts/protocol_bench.py validates a
mix of real messages with the hand-written validator these replaced, with these models and
with msgspec (the figures are in live/PROTOCOL.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from typing import Annotated, Any, ClassVar, TypeVar

from django.utils.translation import gettext_lazy as _
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from community.text import clean_text
from live import conf
from live.models import Reason, StatementVote
from live.services.base import LiveError

MAX_ID = 2**53  # JavaScript's safe integers; a larger number cannot come from our client

T = TypeVar("T")


def _text(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise PydanticCustomError("too_long", "longer than {limit}", {"limit": limit})
        cleaned = clean_text(value, max_length=limit)
        if not cleaned:
            raise PydanticCustomError("empty", "nothing left after cleaning")
        return cleaned

    return check


def _one_of(choices: Collection[T]) -> Callable[[T], T]:
    allowed = frozenset(choices)

    def check(value: T) -> T:
        if value not in allowed:
            raise PydanticCustomError("choice", "not one of the choices")
        return value

    return check


ChatText = Annotated[StrictStr, AfterValidator(_text(conf.MAX_CHAT_LENGTH))]
QuestionText = Annotated[StrictStr, AfterValidator(_text(conf.MAX_QUESTION_LENGTH))]
StatementText = Annotated[StrictStr, AfterValidator(_text(conf.MAX_STATEMENT_LENGTH))]
# StrictInt: `true` is not an id (bool is an int in Python), nor is "7" or 7.0.
Id = Annotated[StrictInt, Field(gt=0, lt=MAX_ID)]
VoteChoice = Annotated[StrictStr, AfterValidator(_one_of(StatementVote.Choice.values))]
RemovalReason = Annotated[StrictStr, AfterValidator(_one_of(Reason.values))]
SlowSeconds = Annotated[StrictInt, AfterValidator(_one_of(conf.SLOW_MODE_CHOICES))]


class Command(BaseModel):
    """One message from a client; `kind` is its `type`, taken off before the fields are read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ClassVar[str]
    moderators_only: ClassVar[bool] = False

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        # No field takes null: an optional field is left out, not sent empty.
        if isinstance(data, dict) and any(value is None for value in data.values()):
            raise PydanticCustomError("null", "null is not a value here")
        return data

    def arguments(self) -> dict[str, Any]:
        """The fields the client sent, for the consumer's handler (its defaults fill the rest)."""
        return self.model_dump(exclude_unset=True)


class ChatSend(Command):
    kind = "chat.send"
    text: ChatText


class QuestionAsk(Command):
    kind = "question.ask"
    text: QuestionText


class QuestionUpvote(Command):
    kind = "question.upvote"
    id: Id
    up: StrictBool = True


class StatementVoteCommand(Command):
    kind = "statement.vote"
    id: Id
    choice: VoteChoice


class MessageRemove(Command):
    kind = "message.remove"
    moderators_only = True
    id: Id
    reason: RemovalReason = ""


class MessageApprove(Command):
    kind = "message.approve"
    moderators_only = True
    id: Id


class QuestionApprove(Command):
    kind = "question.approve"
    moderators_only = True
    id: Id


class QuestionAnswered(Command):
    kind = "question.answered"
    moderators_only = True
    id: Id


class QuestionRemove(Command):
    kind = "question.remove"
    moderators_only = True
    id: Id
    reason: RemovalReason = ""


class StatementOpen(Command):
    """A prepared statement by its `id`, or a new one with `text`: exactly one of the two."""

    kind = "statement.open"
    moderators_only = True
    id: Id | None = None
    text: StatementText | None = None

    @model_validator(mode="after")
    def _id_or_text(self) -> StatementOpen:
        if (self.id is None) == (self.text is None):
            raise PydanticCustomError("one_of", "either id or text")
        return self


class StatementClose(Command):
    kind = "statement.close"
    moderators_only = True
    id: Id


class ParticipantMute(Command):
    kind = "participant.mute"
    moderators_only = True
    id: Id
    muted: StrictBool = True


class RoomSlow(Command):
    kind = "room.slow"
    moderators_only = True
    seconds: SlowSeconds


class RoomOpen(Command):
    kind = "room.open"
    moderators_only = True


class RoomClose(Command):
    kind = "room.close"
    moderators_only = True


COMMANDS: dict[str, type[Command]] = {
    command.kind: command
    for command in (
        ChatSend,
        QuestionAsk,
        QuestionUpvote,
        StatementVoteCommand,
        MessageRemove,
        MessageApprove,
        QuestionApprove,
        QuestionAnswered,
        QuestionRemove,
        StatementOpen,
        StatementClose,
        ParticipantMute,
        RoomSlow,
        RoomOpen,
        RoomClose,
    )
}
MODERATOR_TYPES = frozenset(kind for kind, command in COMMANDS.items() if command.moderators_only)


def _invalid() -> LiveError:
    return LiveError("invalid", _("This message is not valid."))


def _refusal(error: ValidationError) -> LiveError:
    """What the client is told: an unknown field first, else the first field that failed."""
    problems = error.errors()
    if any(problem["type"] == "extra_forbidden" for problem in problems):
        return _invalid()
    first = problems[0]
    if first["type"] == "too_long":
        limit = (first.get("ctx") or {})["limit"]
        return LiveError(
            "too_long", _("Please keep it under %(limit)s characters.") % {"limit": limit}
        )
    if first["type"] == "empty":
        return LiveError("empty", _("Type something first."))
    return _invalid()


def parse(raw: str | None, *, moderator: bool = False) -> Command:
    """Turn one websocket frame into a Command, or raise LiveError."""
    if raw is None:
        raise _invalid()
    if len(raw) > conf.MAX_FRAME_BYTES or len(raw.encode()) > conf.MAX_FRAME_BYTES:
        raise LiveError("too_large", _("This message is too large."))
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise _invalid() from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise _invalid()
    command = COMMANDS.get(data.pop("type"))
    if command is None:
        raise LiveError("unknown", _("This kind of message is not known here."))
    if command.moderators_only and not moderator:
        raise LiveError("forbidden", _("Only moderators can do that."))
    try:
        return command.model_validate(data)
    except ValidationError as error:
        raise _refusal(error) from None
