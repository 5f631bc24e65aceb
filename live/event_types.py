"""Every event the server sends over a live room's socket, as a declared type.

The shapes are built in live.events (and the consumer's private replies); these declarations
say what each event carries, for mypy, for the documentation (live/PROTOCOL.md, checked
against them by tests/live/test_protocol_doc.py) and for the tests that validate what the
server really sends (pydantic reads a TypedDict as a schema). Inbound messages are declared in
live.ws.protocol.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypeAlias, get_args, get_type_hints

from pydantic import ConfigDict, TypeAdapter

# pydantic reads a TypedDict as a schema only from typing_extensions before Python 3.12.
from typing_extensions import TypedDict

if TYPE_CHECKING:
    # mypy would read the configuration below as a key every event must carry.
    class _Closed(TypedDict):
        pass

else:

    class _Closed(TypedDict):
        # An event with a field it does not declare fails the check (subclasses inherit this).
        __pydantic_config__ = ConfigDict(extra="forbid")  # read by pydantic


# The things a client draws, the same in room.state and in the events -------------------------


class Room(_Closed):
    slug: str
    title: str
    status: str
    slow: int
    premoderated: bool


class Speaker(_Closed):
    role: str | None
    badge: str | None


class ChatLine(_Closed):
    id: int
    author: str
    pid: int
    role: str | None
    badge: str | None
    mod: bool
    text: str
    at: str


class Question(_Closed):
    id: int
    author: str
    pid: int
    role: str | None
    badge: str | None
    text: str
    status: str
    votes: int
    at: str


class Statement(_Closed):
    id: int
    text: str
    status: str
    counts: dict[str, int]
    total: int
    split: NotRequired[dict[str, object]]  # once it closed (live.voices.StatementSplit.as_dict)


class Me(_Closed):
    pid: int | None
    name: str | None
    moderator: bool
    muted: bool


class Draft(_Closed):
    id: int
    text: str


class Muted(_Closed):
    pid: int
    name: str


class Moderation(_Closed):
    pending: list[Question]
    held: list[ChatLine]
    drafts: list[Draft]
    muted: list[Muted]
    split: dict[str, object] | None


# Events ----------------------------------------------------------------------------------------


class RoomState(_Closed):
    """Everything a client shows; on reconnect (?last=) the missed messages and the rest anew."""

    type: Literal["room.state"]
    room: Room
    me: Me
    presence: int
    messages: list[ChatLine]
    replace: bool
    removed: list[int]
    questions: list[Question]
    upvoted: list[int]
    waiting: int
    statement: Statement | None
    vote: str | None
    closed: list[Statement]
    moderation: NotRequired[Moderation]


class RoomUpdated(_Closed):
    type: Literal["room.updated"]
    room: Room


class RoomPresence(_Closed):
    type: Literal["room.presence"]
    count: int


class RoomResync(_Closed):
    type: Literal["room.resync"]


class ChatMessage(_Closed):
    type: Literal["chat.message"]
    message: ChatLine


class ChatHeld(_Closed):
    type: Literal["chat.held"]
    id: int


class MessageHeld(_Closed):
    type: Literal["message.held"]
    message: ChatLine


class MessageReleased(_Closed):
    type: Literal["message.released"]
    id: int


class MessageRemoved(_Closed):
    type: Literal["message.removed"]
    id: int


class MessageWatched(_Closed):
    type: Literal["message.watched"]
    id: int


class QuestionNew(_Closed):
    type: Literal["question.new"]
    question: Question


class QuestionPending(_Closed):
    type: Literal["question.pending"]
    question: Question


class QuestionReceived(_Closed):
    type: Literal["question.received"]
    id: int
    pending: bool


class QuestionApproved(_Closed):
    type: Literal["question.approved"]
    id: int


class QuestionAnswered(_Closed):
    type: Literal["question.answered"]
    id: int


class QuestionRemoved(_Closed):
    type: Literal["question.removed"]
    id: int


class QuestionUpvoted(_Closed):
    type: Literal["question.upvoted"]
    id: int
    up: bool


class QuestionVotes(_Closed):
    type: Literal["question.votes"]
    votes: list[list[int]]


class QuestionWaiting(_Closed):
    type: Literal["question.waiting"]
    count: int


class StatementOpened(_Closed):
    type: Literal["statement.opened"]
    statement: Statement


class StatementClosed(_Closed):
    type: Literal["statement.closed"]
    statement: Statement


class StatementTally(_Closed):
    type: Literal["statement.tally"]
    id: int
    counts: dict[str, int]
    total: int


class StatementSplit(_Closed):
    type: Literal["statement.split"]
    id: int
    split: dict[str, object]


class StatementVoted(_Closed):
    type: Literal["statement.voted"]
    id: int
    choice: str


class ParticipantUpdated(_Closed):
    type: Literal["participant.updated"]
    pid: int
    role: str | None
    badge: str | None


class ParticipantMuted(_Closed):
    type: Literal["participant.muted"]
    pid: int
    name: str
    muted: bool


class MeMuted(_Closed):
    type: Literal["me.muted"]
    muted: bool


class Support(_Closed):
    type: Literal["support"]
    message: str
    help: dict[str, str]  # community.help.help_numbers()


class Error(_Closed):
    type: Literal["error"]
    code: str
    message: str


# What the services publish to a room's groups (live.events.publish_on_commit and apublish).
Published: TypeAlias = (
    RoomUpdated
    | RoomPresence
    | ChatMessage
    | MessageHeld
    | MessageReleased
    | MessageRemoved
    | MessageWatched
    | QuestionNew
    | QuestionPending
    | QuestionApproved
    | QuestionAnswered
    | QuestionRemoved
    | QuestionVotes
    | QuestionWaiting
    | StatementOpened
    | StatementClosed
    | StatementTally
    | StatementSplit
    | ParticipantUpdated
    | ParticipantMuted
    | MeMuted
)

# Any one of them, for code that sends or passes on an event it did not build: what is
# published, and what goes to one connection only (its state, replies, errors).
Event: TypeAlias = (
    Published
    | RoomState
    | RoomResync
    | ChatHeld
    | QuestionReceived
    | QuestionUpvoted
    | StatementVoted
    | Support
    | Error
)
EVENTS: tuple[type[_Closed], ...] = get_args(Event)


def event_name(declared: type[_Closed]) -> str:
    """The `type` an event of this declaration carries ("room.state")."""
    name: str = get_args(get_type_hints(declared)["type"])[0]
    return name


_adapters: dict[str, TypeAdapter[Any]] = {}


def check(event: Mapping[str, object]) -> None:
    """Raise unless `event` is one of the declared events, field by field (for tests)."""
    if not _adapters:
        _adapters.update({event_name(declared): TypeAdapter(declared) for declared in EVENTS})
    adapter = _adapters.get(str(event.get("type")))
    if adapter is None:
        raise ValueError(f"undeclared event {event.get('type')!r}")
    adapter.validate_python(event)
