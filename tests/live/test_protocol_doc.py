"""live/PROTOCOL.md and the declared types agree: every message and event, every field."""

import re
from pathlib import Path
from typing import get_type_hints

import pytest
from pydantic import ValidationError

from live import event_types
from live.ws import protocol

DOC = Path(__file__).resolve().parents[2] / "live" / "PROTOCOL.md"


def table(heading):
    """{first column: the `names` in the second} of the table under `## heading`."""
    section = DOC.read_text().split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`"):
            continue
        # Field names are the `code` words before any parenthesis that explains them.
        fields = re.sub(r"\([^)]*\)", "", cells[1])
        rows[cells[0].strip("`")] = set(re.findall(r"`([a-z_]+)`", fields))
    return rows


def test_every_message_from_the_client_is_documented_with_exactly_its_fields():
    declared = {kind: set(command.model_fields) for kind, command in protocol.COMMANDS.items()}
    assert table("From the client") == declared


def test_every_event_from_the_server_is_documented_with_exactly_its_fields():
    declared = {
        event_types.event_name(event): set(get_type_hints(event)) - {"type"}
        for event in event_types.EVENTS
    }
    assert table("From the server") == declared


def test_every_shape_inside_the_events_is_documented_with_exactly_its_fields():
    shapes = [
        event_types.Room,
        event_types.Speaker,
        event_types.ChatLine,
        event_types.Question,
        event_types.Statement,
        event_types.Me,
        event_types.Draft,
        event_types.Muted,
        event_types.Moderation,
    ]
    declared = {shape.__name__: set(get_type_hints(shape)) for shape in shapes}
    assert table("Shapes inside the events") == declared


def test_the_moderators_messages_are_marked_so():
    rows = DOC.read_text().split("## From the client\n", 1)[1].split("\n## ", 1)[0]
    documented = {
        match.group(1)
        for match in re.finditer(r"^\| `([a-z.]+)` \|.*\| moderators \|$", rows, re.MULTILINE)
    }
    assert documented == protocol.MODERATOR_TYPES


def test_an_event_with_a_field_it_does_not_declare_fails_the_check():
    """What the tests' sockets rely on to catch a stray field (the config mypy does not see)."""
    event_types.check({"type": "message.removed", "id": 7})
    with pytest.raises(ValidationError):
        event_types.check({"type": "message.removed", "id": 7, "text": "nog leesbaar"})
    room = {"slug": "a", "title": "A", "status": "open", "slow": 0, "premoderated": True}
    event_types.check({"type": "room.updated", "room": room})
    with pytest.raises(ValidationError):
        event_types.check({"type": "room.updated", "room": {**room, "host": "Zwolle"}})
