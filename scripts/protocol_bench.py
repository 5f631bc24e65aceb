"""How long validating one inbound live message takes: hand-written, pydantic v2, msgspec.

    python scripts/protocol_bench.py [--rounds N]

The mix is what a room sends (bench/live.py sends chat only; a panel adds votes and up-votes):
of every 20 messages, 12 chat messages, 3 votes, 2 up-votes, 1 question, 1 moderator command
and 1 refused frame (too long, an unknown field or an unknown type, in turn). Each candidate
runs the whole mix `--rounds` times; the best of five runs is reported in µs per message.

- hand-written: live/protocol.py as it was before the typed commands (read from git, commit
  75d9ff6), a dict of validator functions per type.
- pydantic: live.ws.protocol.parse as it is (json.loads, then the type's model).
- msgspec: the same types as msgspec Structs, decoded from the frame in one pass
  (msgspec.json.decode with a tagged union), text cleaned afterwards; its errors are strings,
  so telling "too long" from "invalid" means reading the message.

msgspec is not a Kring dependency: install it beside the script to compare
(`pip install --target /tmp/msgspec msgspec==0.22.0`, then PYTHONPATH=/tmp/msgspec).
"""

import argparse
import json
import os
import subprocess
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from community.text import clean_text  # noqa: E402
from live import conf  # noqa: E402
from live.models import Reason, StatementVote  # noqa: E402
from live.services.base import LiveError  # noqa: E402
from live.ws import protocol  # noqa: E402

BEFORE = "75d9ff6"


def mix() -> list[tuple[str, bool]]:
    frames: list[tuple[dict[str, Any], bool]] = []
    refused = [
        {"type": "chat.send", "text": "x" * (conf.MAX_CHAT_LENGTH + 1)},
        {"type": "chat.send", "text": "Hallo", "name": "Iemand"},
        {"type": "chat.shout", "text": "Hallo"},
    ]
    for number in range(60):
        for chat in range(12):
            text = f"Bericht {number}-{chat}: dit raakt me, dank voor het delen."
            frames.append(({"type": "chat.send", "text": text}, False))
        for vote in ("agree", "disagree", "neutral"):
            frames.append(({"type": "statement.vote", "id": 12, "choice": vote}, False))
        frames.append(({"type": "question.upvote", "id": 40 + number}, False))
        frames.append(({"type": "question.upvote", "id": 41, "up": False}, False))
        frames.append(({"type": "question.ask", "text": "Wat doet de gemeente hieraan?"}, False))
        frames.append(({"type": "message.remove", "id": 7, "reason": "hurtful"}, True))
        frames.append((refused[number % 3], False))
    return [(json.dumps(frame, ensure_ascii=False), moderator) for frame, moderator in frames]


def hand_written() -> Callable[..., Any]:
    # A fixed command on this repository's own history: nothing here comes from outside.
    source = subprocess.run(  # noqa: S603
        ["git", "show", f"{BEFORE}:live/protocol.py"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("protocol_before")
    exec(compile(source, "protocol_before.py", "exec"), module.__dict__)  # noqa: S102
    return module.parse  # type: ignore[no-any-return]  # a module built at run time


def with_msgspec() -> Callable[..., Any]:
    import msgspec
    from msgspec import Meta, Struct

    Id = Annotated[int, Meta(gt=0, lt=protocol.MAX_ID)]

    class Base(Struct, forbid_unknown_fields=True, tag_field="type"):
        pass

    def limited(limit: int) -> Any:
        return Annotated[str, Meta(max_length=limit)]

    class ChatSend(Base, tag="chat.send"):
        text: limited(conf.MAX_CHAT_LENGTH)  # type: ignore[valid-type]

    class QuestionAsk(Base, tag="question.ask"):
        text: limited(conf.MAX_QUESTION_LENGTH)  # type: ignore[valid-type]

    class QuestionUpvote(Base, tag="question.upvote"):
        id: Id
        up: bool = True

    class Vote(Base, tag="statement.vote"):
        id: Id
        choice: Literal[tuple(StatementVote.Choice.values)]  # type: ignore[valid-type]

    class MessageRemove(Base, tag="message.remove"):
        id: Id
        reason: Literal[tuple([*Reason.values, ""])] = ""  # type: ignore[valid-type]

    union = ChatSend | QuestionAsk | QuestionUpvote | Vote | MessageRemove
    decoder = msgspec.json.Decoder(union)
    moderators = {MessageRemove}

    def parse(raw: str, *, moderator: bool = False) -> Any:
        if len(raw) > conf.MAX_FRAME_BYTES or len(raw.encode()) > conf.MAX_FRAME_BYTES:
            raise LiveError("too_large", "")
        try:
            command = decoder.decode(raw)
        except msgspec.ValidationError as error:
            if "length" in str(error):
                raise LiveError("too_long", "") from None
            raise LiveError("invalid", "") from None
        except msgspec.DecodeError:
            raise LiveError("invalid", "") from None
        if type(command) in moderators and not moderator:
            raise LiveError("forbidden", "")
        if isinstance(command, ChatSend | QuestionAsk):
            command.text = clean_text(command.text, max_length=conf.MAX_CHAT_LENGTH)
            if not command.text:
                raise LiveError("empty", "")
        return command

    return parse


def measure(parse: Callable[..., Any], frames: list[tuple[str, bool]], rounds: int) -> float:
    best = float("inf")
    for _run in range(5):
        started = time.perf_counter()
        for _round in range(rounds):
            for raw, moderator in frames:
                try:
                    parse(raw, moderator=moderator)
                except Exception:  # noqa: S112  # refusals are part of the mix
                    continue
        best = min(best, time.perf_counter() - started)
    return best / (rounds * len(frames)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    frames = mix()
    candidates: list[tuple[str, Callable[[], Callable[..., Any]]]] = [
        ("hand-written (before)", hand_written),
        ("pydantic v2 (live.ws.protocol)", lambda: protocol.parse),
        ("msgspec", with_msgspec),
    ]
    print(f"{len(frames)} messages in the mix, {rounds} rounds, best of 5")
    for name, make in candidates:
        try:
            parse = make()
        except ImportError as error:
            print(f"{name:32} not installed ({error.name})")
            continue
        print(f"{name:32} {measure(parse, frames, rounds):6.1f} µs per message")


if __name__ == "__main__":
    main()
