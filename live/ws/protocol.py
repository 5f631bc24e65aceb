"""The live protocol's incoming messages: parsed and validated before anything else sees them.

A client sends JSON objects with a `type` and the fields that type needs, nothing else. Text
is cleaned with community.text.clean_text and limited in length; ids are positive integers.
Anything else is refused with a ProtocolError that the consumer turns into an `error` event;
the connection stays open.
"""

import json
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from community.text import clean_text
from live import conf
from live.models import Reason

MAX_ID = 2**53  # JavaScript's safe integers; a larger number cannot come from our client


class ProtocolError(Exception):
    def __init__(self, code, message):
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Command:
    type: str
    fields: dict = field(default_factory=dict)


def _text(limit):
    def check(value):
        if not isinstance(value, str):
            raise ProtocolError("invalid", _("This message is not valid."))
        if len(value) > limit:
            raise ProtocolError(
                "too_long",
                _("Please keep it under %(limit)s characters.") % {"limit": limit},
            )
        cleaned = clean_text(value, max_length=limit)
        if not cleaned:
            raise ProtocolError("empty", _("Type something first."))
        return cleaned

    return check


def _id(value):
    # bool is an int in Python; `true` is not an id.
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < MAX_ID:
        raise ProtocolError("invalid", _("This message is not valid."))
    return value


def _bool(value):
    if not isinstance(value, bool):
        raise ProtocolError("invalid", _("This message is not valid."))
    return value


def _choice(*choices):
    def check(value):
        if value not in choices:
            raise ProtocolError("invalid", _("This message is not valid."))
        return value

    return check


# Each message type: (moderators only?, {field: (validator, required)})
SCHEMA = {
    "chat.send": (False, {"text": (_text(conf.MAX_CHAT_LENGTH), True)}),
    "question.ask": (False, {"text": (_text(conf.MAX_QUESTION_LENGTH), True)}),
    "question.upvote": (False, {"id": (_id, True), "up": (_bool, False)}),
    "statement.vote": (
        False,
        {"id": (_id, True), "choice": (_choice("agree", "disagree", "neutral"), True)},
    ),
    "message.remove": (True, {"id": (_id, True), "reason": (_choice(*Reason.values), False)}),
    "message.approve": (True, {"id": (_id, True)}),
    "question.approve": (True, {"id": (_id, True)}),
    "question.answered": (True, {"id": (_id, True)}),
    "question.remove": (True, {"id": (_id, True), "reason": (_choice(*Reason.values), False)}),
    "statement.open": (
        True,
        {"id": (_id, False), "text": (_text(conf.MAX_STATEMENT_LENGTH), False)},
    ),
    "statement.close": (True, {"id": (_id, True)}),
    "participant.mute": (True, {"id": (_id, True), "muted": (_bool, False)}),
    "room.slow": (True, {"seconds": (_choice(*conf.SLOW_MODE_CHOICES), True)}),
    "room.open": (True, {}),
    "room.close": (True, {}),
}
MODERATOR_TYPES = frozenset(name for name, (moderators, _f) in SCHEMA.items() if moderators)


def parse(raw, *, moderator=False):
    """Turn one websocket frame into a Command, or raise ProtocolError."""
    if raw is None:
        raise ProtocolError("invalid", _("This message is not valid."))
    if len(raw) > conf.MAX_FRAME_BYTES or len(raw.encode()) > conf.MAX_FRAME_BYTES:
        raise ProtocolError("too_large", _("This message is too large."))
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise ProtocolError("invalid", _("This message is not valid.")) from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError("invalid", _("This message is not valid."))
    kind = data.pop("type")
    if kind not in SCHEMA:
        raise ProtocolError("unknown", _("This kind of message is not known here."))
    moderators_only, spec = SCHEMA[kind]
    if moderators_only and not moderator:
        raise ProtocolError("forbidden", _("Only moderators can do that."))
    if set(data) - set(spec):
        raise ProtocolError("invalid", _("This message is not valid."))
    fields = {}
    for name, (check, required) in spec.items():
        if name in data:
            fields[name] = check(data[name])
        elif required:
            raise ProtocolError("invalid", _("This message is not valid."))
    if kind == "statement.open" and ("id" in fields) == ("text" in fields):
        raise ProtocolError("invalid", _("This message is not valid."))
    return Command(kind, fields)
